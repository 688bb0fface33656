"""Killing smm while it saves never leaves a broken session file or loses a completed save.

A child process answers one question over and over, saving after each answer, and reports
each save once ``save()`` has returned. The parent SIGKILLs it at a random moment, then loads
the file: it must load, and must hold the last reported save (or the one after it, when the
kill came after the rename but before the report); a temporary file left by a save the kill
cut short is removed when the session is next opened. ``SMM_CRASH_RUNS`` sets how many times
(20 by default; the reliability campaign runs 200 and more).
"""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from interview.questionnaire import load_questionnaire
from interview.session.store import SessionStore

RUNS = int(os.environ.get("SMM_CRASH_RUNS", "20"))

SAVE_FOREVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interview.engine.interview import Interview
    from interview.questionnaire import load_questionnaire
    from interview.session.model import SessionKind, new_session
    from interview.session.store import SessionStore

    questionnaire = load_questionnaire(Path(sys.argv[1]))
    store = SessionStore(Path(sys.argv[2]))
    session = store.create(new_session(questionnaire, SessionKind.ASSESSMENT, "Crash rig",
                                       interviewee="Robot", role="Tester"))
    interview = Interview(questionnaire, session, on_change=store.save)
    print(session.id, flush=True)
    count = 0
    while True:
        interview.revisit("system_scope")
        count += 1
        interview.answer(f"save {count}", note="x" * (count % 5000))
        print(count, flush=True)
    """
)


def test_sigkill_during_saves_never_breaks_or_loses_a_session(
    tmp_path: Path, small_questionnaire_path: Path
) -> None:
    questionnaire = load_questionnaire(small_questionnaire_path)
    rng = random.Random(20261125)
    for run in range(RUNS):
        folder = tmp_path / f"run-{run}"
        child = subprocess.Popen(
            [sys.executable, "-c", SAVE_FOREVER, str(small_questionnaire_path), str(folder)],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdout is not None
        session_id = child.stdout.readline().strip()
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        reported = [int(line) for line in child.stdout.read().split()]
        child.wait()
        last_reported = reported[-1] if reported else 0

        loaded = SessionStore(folder).load(session_id, questionnaire).session
        value = loaded.answers["system_scope"].value if "system_scope" in loaded.answers else None
        saved = int(str(value).removeprefix("save ")) if value else 0
        assert last_reported <= saved <= last_reported + 1, (run, last_reported, saved)
        leftovers = [
            p.name for p in folder.iterdir() if p.suffix == ".toml" and p.stem != session_id
        ]
        assert leftovers == []
        with SessionStore(folder).locked(loaded.id):  # the next opening cleans up
            pass
        assert not list(folder.glob("*.tmp")), run
