"""Hostile cases of session identity: which file a session is, where it is saved, and whether
smm can read back what it saved (issue 17), each with the outcome it must have.

* B1. ``smm accept PATH`` and ``smm resume PATH``, PATH a session file outside the sessions
  folder whose name is the id of a session in the folder (two people assessing one system on
  one day): PATH is saved in place, under a lock beside it; smm says where it saved; the
  folder's session of that id is left byte for byte, and no lock is taken on it. With PATH's
  folder not writable: refused in one line naming PATH, nothing changed. A path inside the
  folder (``sessions/c.toml``, ``./sessions/../sessions/c.toml``) is the session of its id:
  held by the same lock.
* B13. ``smm gap T ann/X.toml bo/X.toml``, two interviewees' files of one name in two folders:
  two sessions, each named by its path in the text and the JSON (and a folder's session and
  an outside file of its id: the id and the path). One file given twice (two spellings of its
  path, a symbolic link, a hard link, an id and its path): refused as "given twice".
* B3. A session that would be larger than smm reads (32 MiB, each answer and note within its
  100,000 characters): every save is refused in one line that says why, the file on disk left
  as it was; the interview shows "NOT SAVED", quitting says NOT SAVED (exit 1 from the command
  line), and the session resumes from its last good save. Tested with the limit lowered, and
  once at the real size.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from interview import files, versioned
from interview.cli.exit_lines import closing_lines
from interview.errors import InputError
from interview.services import Workspace
from interview.session.model import Answer, SessionKind, new_session
from interview.session.store import SessionStore
from interview.tui.app import SmmApp
from interview.tui.launch import Resume, StartNew
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.hostile import (
    CURRENT_CSV,
    READ_ONLY,
    TARGET_CSV,
    TIMEOUT,
    Q,
    Rig,
    assert_clean,
    assert_refused,
    import_csv,
    interview_session,
    small,
    tree,
    write_csv,
)
from tests.helpers.pilot import FROZEN, press, type_answer


@pytest.fixture
def rig(tmp_path: Path, cache_dir: Path) -> Rig:
    """The sessions folder holds a target ``t`` and an assessment ``c`` of the system "Rig"
    (Ann's); ``outside/c.toml`` is Bo's assessment of it, with other levels."""
    made = Rig(tmp_path, cache_dir)
    store = SessionStore(made.sessions)
    import_csv(store, SessionKind.TARGET, "Rig", TARGET_CSV, "t")
    ann = import_csv(store, SessionKind.ASSESSMENT, "Rig", CURRENT_CSV, "c")
    ann.interviewee = "Ann"
    store.save(ann)
    levels = write_csv(
        tmp_path / "bo.csv",
        [("D1.1", "3", "3", ""), ("D1.2", "2", "2", ""), ("F1.1", "1", "1", "")],
    )
    bo = import_csv(SessionStore(tmp_path / "outside"), SessionKind.ASSESSMENT, "Rig", levels, "c")
    bo.interviewee = "Bo"
    SessionStore(tmp_path / "outside").save(bo)
    return made


# --- B1: a session file outside the folder, named like a session in it ------------------------


def test_accept_of_an_outside_file_saves_it_in_place_and_leaves_the_folders_session(
    rig: Rig,
) -> None:
    """The review's reproduction: ``smm accept outside/c.toml`` replaced ``sessions/c.toml``."""
    folder_before = tree(rig.sessions)
    result = rig.smm("accept", "outside/c.toml", *Q)
    assert result.code == 0, result
    assert result.out.startswith("outside/c.toml: accepted as the new baseline on ")
    assert "; saved in outside/c.toml, not in the sessions folder" in result.out
    assert_clean(result)
    assert tree(rig.sessions) == folder_before  # not even a lock file
    outside = (rig.root / "outside" / "c.toml").read_text(encoding="utf-8")
    assert "accepted_as_baseline = " in outside and 'interviewee = "Bo"' in outside
    assert (rig.root / "outside" / ".c.lock").exists()  # the lock is beside the file
    assert rig.smm("accept", "c", *Q).out.startswith("c: accepted as the new baseline on ")


def test_accept_of_an_outside_file_in_a_read_only_folder_is_refused(rig: Rig) -> None:
    before = tree(rig.root)
    argv = [sys.executable, "-c", READ_ONLY, str(rig.root / "outside"), "accept", "outside/c.toml"]
    assert_refused(
        rig.run([*argv, *Q]),
        "outside/c.toml: cannot change this session here (Permission denied",
        "copy the file to a folder you can write to",
    )
    assert tree(rig.root) == before


HOLD = """
import sys
from pathlib import Path
from interview.session.store import SessionStore
with SessionStore(Path(sys.argv[1])).locked(sys.argv[2]):
    print("locked", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@contextlib.contextmanager
def held(rig: Rig, reference: str) -> Iterator[None]:
    """Another process holds the session ``reference`` (an id or a path), as an interview does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(rig.sessions), reference],
        cwd=rig.root,
        env=rig.env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline() == "locked\n"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=TIMEOUT)


@pytest.mark.parametrize("spelling", ["sessions/c.toml", "./sessions/../sessions/c.toml"])
def test_a_path_inside_the_folder_is_the_session_of_its_id(rig: Rig, spelling: str) -> None:
    with held(rig, "c"):
        by_path = rig.smm("accept", spelling, *Q)
    assert_refused(by_path, "c.toml: this session is open in another smm")
    with held(rig, spelling):
        by_id = rig.smm("accept", "c", *Q)
    assert_refused(by_id, "c.toml: this session is open in another smm")


def test_the_outside_file_and_the_folders_session_are_locked_apart(rig: Rig) -> None:
    with held(rig, "outside/c.toml"):
        assert rig.smm("accept", "c", *Q).code == 0
        assert_refused(
            rig.smm("accept", "outside/c.toml", *Q), "outside/c.toml: this session is open"
        )


async def test_resume_of_an_outside_file_saves_it_in_place(tmp_path: Path) -> None:
    """``smm resume outside/x.toml`` then one answer: the answer is in outside/x.toml, and the
    folder's session x (another system, another interviewee) is as it was."""
    store = SessionStore(tmp_path / "sessions")
    interview_session(store, "x", "Victim", "the victim's note")
    folder_before = tree(store.folder)
    outside = SessionStore(tmp_path / "outside")
    interview_session(outside, "x", "Colleague", "the colleague's note")
    path = outside.path_of("x")
    app = SmmApp(Workspace(small(), store, clock=lambda: FROZEN), Resume(str(path)))
    async with app.run_test() as pilot:
        assert isinstance(app.screen, InterviewScreen)
        prompt = app.screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.1.c2.1"
        await press(pilot, "1")  # "Yes, and more."
        await press(pilot, "ctrl+q")
    assert tree(store.folder) == folder_before
    saved = outside.read(str(path))
    assert saved.system == "Colleague" and "D1.1.c2.1" in saved.answers
    report = app.return_value
    assert report is not None and (report.session_id, report.path) == (str(path), path)
    assert closing_lines(report) == [f"Saved: {path}", f"Resume with: smm resume {path}"]


# --- B13: two interviewees' files of one name ----------------------------------------------


def test_gap_of_two_files_of_one_name_in_two_folders_names_each_by_its_path(rig: Rig) -> None:
    (rig.root / "ann").mkdir()
    (rig.root / "ann" / "c.toml").write_bytes((rig.sessions / "c.toml").read_bytes())
    text = rig.smm("gap", "t", "ann/c.toml", "outside/c.toml", *Q)
    assert (text.code, text.err) == (0, ""), text
    assert "Current state (1 of 2): ann/c.toml: Rig, Ann," in text.out
    assert "Current state (2 of 2): outside/c.toml: Rig, Bo," in text.out
    assert (
        "- Ann, session ann/c.toml: " in text.out and "- Bo, session outside/c.toml: " in text.out
    )
    as_json = rig.smm("gap", "t", "ann/c.toml", "outside/c.toml", "--format", "json", *Q)
    assert as_json.code == 0, as_json
    report = json.loads(as_json.out)
    named = [session["id"] for session in report["current"]["sessions"]]
    assert named == ["ann/c.toml", "outside/c.toml"]
    merged = report["consolidation"]["current"]
    assert merged["sessions"] == named
    for practice in merged["practices"]:
        accounts = {(each["session"], each["interviewee"]) for each in practice["accounts"]}
        assert accounts == {("ann/c.toml", "Ann"), ("outside/c.toml", "Bo")}


def test_gap_of_a_folders_session_and_an_outside_file_of_its_id(rig: Rig) -> None:
    result = rig.smm("gap", "t", "c", "outside/c.toml", "--format", "json", *Q)
    assert result.code == 0, result
    named = [session["id"] for session in json.loads(result.out)["current"]["sessions"]]
    assert named == ["c", "outside/c.toml"]


def link(rig: Rig) -> str:
    (rig.root / "link.toml").symlink_to(rig.root / "outside" / "c.toml")
    return "link.toml"


def hard_link(rig: Rig) -> str:
    os.link(rig.root / "outside" / "c.toml", rig.root / "hard.toml")
    return "hard.toml"


@pytest.mark.parametrize(
    ("first", "second", "named"),
    [
        ("outside/c.toml", lambda rig: "outside/../outside/c.toml", "outside/../outside/c.toml"),
        ("outside/c.toml", link, "link.toml"),
        ("outside/c.toml", hard_link, "hard.toml"),
        ("c", lambda rig: "sessions/c.toml", "c"),  # a path in the folder is the id
        ("c", lambda rig: str(rig.sessions / "c.toml"), "c"),
    ],
    ids=["two spellings", "symbolic link", "hard link", "id and path", "id and absolute path"],
)
def test_one_file_given_twice_is_refused(
    rig: Rig, first: str, second: Callable[[Rig], str], named: str
) -> None:
    again = second(rig)
    before = tree(rig.root)
    assert_refused(rig.smm("gap", "t", first, again, *Q), f"smm: {named}: given twice")
    assert tree(rig.root) == before


# --- B3: a session larger than smm reads -----------------------------------------------------


def lower_the_limit(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """The reader's and the writer's limit (one constant, bound in two modules) lowered."""
    monkeypatch.setattr(files, "MAX_FILE_BYTES", limit)
    monkeypatch.setattr(versioned, "MAX_FILE_BYTES", limit)


async def test_an_answer_that_takes_the_session_over_the_read_limit_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's case: long answers made a file that `smm resume` then refused. Now the save
    is refused: "NOT SAVED" on the screen and at the exit, the last good save kept."""
    store = SessionStore(tmp_path / "sessions")
    app = SmmApp(
        Workspace(small(), store, clock=lambda: FROZEN), StartNew(SessionKind.TARGET, "Big")
    )
    long_text = "x" * 90_000  # within the 100,000 characters of one answer
    async with app.run_test() as pilot:
        await type_answer(pilot, long_text)
        (path,) = store.session_files()
        lower_the_limit(monkeypatch, path.stat().st_size + 60_000)
        before = path.read_bytes()
        await type_answer(pilot, long_text)  # the file would be about 90,000 bytes larger
        assert isinstance(app.screen, InterviewScreen)
        saved = app.screen.query_one("#status-saved", Static)
        assert "NOT SAVED" in str(saved.render())
        await press(pilot, "ctrl+q")
    assert path.read_bytes() == before
    report = app.return_value
    assert report is not None and report.unsaved is not None
    assert "that smm reads; shorten the longest answers or notes" in report.unsaved
    resumed = store.load(path.stem, small()).session  # what was saved reads back
    answered = [answer.value for answer in resumed.answers.values()]
    assert answered.count(long_text) == 1  # the first long answer; not the second


def test_a_real_session_over_32_mib_is_refused_by_the_writer(tmp_path: Path) -> None:
    """At the real size: 340 notes of 100,000 characters (each within its bound) are over
    32 MiB together. The save is refused in one line, the file as it was, in seconds."""
    store = SessionStore(tmp_path / "sessions")
    session = store.create(new_session(small(), SessionKind.ASSESSMENT, "Big", now=FROZEN))
    path = store.path_of(session.id)
    before = path.read_bytes()
    for number in range(340):
        session.answers[f"q{number}"] = Answer(value="yes", note="n" * 100_000, answered_at=FROZEN)
    started = time.monotonic()
    with pytest.raises(InputError) as refused:
        store.save(session)
    (line,) = refused.value.lines
    assert line.startswith(f"{path}: not written, as smm could not read it back: it would be ")
    assert "bytes, over the 32 MiB that smm reads" in line
    assert path.read_bytes() == before
    assert [entry.name for entry in store.folder.iterdir()] == [path.name]
    assert time.monotonic() - started < 20
