"""Killing the real terminal interview never loses an answer the screen said was saved.

Each run starts ``smm new assessment`` in a pseudo-terminal, answers questions as a person
would (a second copy of the engine knows what each key does and what comes next), and
SIGKILLs the process at a random moment: sometimes just after an answer was shown as saved,
sometimes while a key is still being handled. Then the session file must load, must hold
every answer the status line had counted (and at most the one in flight), and ``smm resume``
must carry on at once: the dead process's lock does not block it.

``SMM_CRASH_RUNS`` sets the number of runs here too (a fifth of it, at least 3); the long
campaign runs 200 kills of the save loop and 40 of the interview.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
from pathlib import Path

import pytest

from benchmarks.interactive import FIRST_QUESTION, answer_context, keys_for, newest_question
from benchmarks.terminal import Screen, Terminal
from interview.engine import views
from interview.engine.interview import Interview
from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind, new_session
from interview.session.store import SessionStore

RUNS = max(3, int(os.environ.get("SMM_CRASH_RUNS", "20")) // 5)
LEFT = re.compile(r"about (\d+) questions? left|no questions left")
SMM = str(Path(sys.executable).with_name("smm"))


def left_on(screen: Screen) -> int:
    """The questions left that the status line shows (-1: no status line yet)."""
    found = LEFT.search(screen[1]) if len(screen) > 1 else None
    return -1 if found is None else int(found.group(1) or 0)


def left_in(mirror: Interview) -> int:
    progress = views.progress(mirror.questionnaire, mirror.session)
    return progress.total - progress.answered


@pytest.mark.slow
def test_sigkill_mid_interview_keeps_every_answer_shown_as_saved(tmp_path: Path) -> None:
    questionnaire = load_questionnaire()
    rng = random.Random(20261125)
    for run in range(RUNS):
        folder = tmp_path / f"run-{run}"
        acknowledged = _interview_then_kill(folder, rng)
        store = SessionStore(folder)
        [path] = store.session_files()
        session = store.load(str(path), questionnaire).session
        saved = views.progress(questionnaire, session).answered
        assert acknowledged <= saved <= acknowledged + 1, (run, acknowledged, saved)
        _resume_shows_the_next_question(folder, session.id)


def _interview_then_kill(folder: Path, rng: random.Random) -> int:
    """Answer up to a random number of questions, kill smm; the answers the screen had caught
    up with (its questions left and its question matched the mirror's)."""
    questionnaire = load_questionnaire()
    mirror = Interview(questionnaire, new_session(questionnaire, SessionKind.ASSESSMENT, "Kill"))
    terminal = Terminal([SMM, "new", "assessment", "--system", "Kill", "--sessions-dir",
                         str(folder)], size=(80, 24))  # fmt: skip
    terminal.wait_for_text(FIRST_QUESTION)
    answer_context(terminal, mirror)
    for _ in range(rng.randrange(0, 40)):
        prompt = mirror.current()
        if prompt is None:  # a practice summary: the next question follows it at once
            mirror.continue_interview()
            continue
        keys, value = keys_for(prompt)
        mirror.answer(value)
        terminal.send(keys)
        terminal.wait_for(lambda screen: _shows(screen, mirror))
    acknowledged = views.progress(questionnaire, mirror.session).answered
    in_flight = rng.random() < 0.5
    if in_flight:
        terminal.send("1")
    os.kill(terminal.pid, signal.SIGKILL)
    terminal.finish(keys=b"")
    return acknowledged


def _shows(screen: Screen, mirror: Interview) -> bool:
    """Whether the screen has caught up with the mirror: its count and its next question."""
    prompt = mirror.current()
    asked = prompt is None or newest_question(screen).startswith(prompt.text[:30])
    return asked and left_on(screen) == left_in(mirror)


def _resume_shows_the_next_question(folder: Path, session_id: str) -> None:
    terminal = Terminal([SMM, "resume", session_id, "--sessions-dir", str(folder)])
    terminal.wait_for(lambda screen: left_on(screen) >= 0, timeout=30)
    assert "open in another smm" not in "\n".join(terminal.screen())
    assert terminal.finish().status == 0
