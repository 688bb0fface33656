"""smm run as a separate process against hostile input: the rig (a folder of its own, a cache, a
timeout) and what every refusal must look like."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import stat
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from interview.engine.interview import Interview
from interview.levels_csv import imported_session, read_level_rows
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import YES, Session, SessionKind, new_session
from interview.session.store import SessionStore

DATA = Path(__file__).parent.parent / "data"


SMALL = DATA / "questionnaires" / "small.toml"


TARGET_CSV = DATA / "csv" / "target.csv"


CURRENT_CSV = DATA / "csv" / "assessment.csv"


PROFILE = DATA / "profiles" / "small-lab.toml"


Q = ("--questionnaire", str(SMALL))


TIMEOUT = 30.0


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@dataclass
class Rig:
    """A folder to run smm in: ``sessions/`` (with a target ``t`` and an assessment ``c`` of
    the system "Rig"), ``profiles/``, and a questionnaire cache shared by the module."""

    root: Path
    cache: Path

    @property
    def sessions(self) -> Path:
        return self.root / "sessions"

    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key != "SMM_DEBUG"}
        return env | {
            "SMM_SESSIONS_DIR": str(self.sessions),
            "SMM_PROFILES_DIR": str(self.root / "profiles"),
            "SMM_CACHE_DIR": str(self.cache),
        }

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "interview", *args]

    def smm(self, *args: str, timeout: float = TIMEOUT) -> Result:
        return self.run(self.command(*args), timeout)

    def run(self, argv: list[str], timeout: float = TIMEOUT) -> Result:
        done = subprocess.run(
            argv,
            cwd=self.root,
            env=self.env(),
            capture_output=True,
            timeout=timeout,
            encoding="utf-8",
            check=False,
        )
        return Result(done.returncode, done.stdout, done.stderr)


MOVE_OR_HIDE_TEXT = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufff9\ufffa\ufffb"
)


def unprintable(text: str) -> list[str]:
    """The characters a terminal would act on, or that move or hide text: control characters
    but the newline, surrogates, line and paragraph separators, and MOVE_OR_HIDE_TEXT."""
    acting = {"Cc", "Cs", "Zl", "Zp"}
    return sorted(
        {
            repr(char)
            for char in text
            if char != "\n" and (unicodedata.category(char) in acting or char in MOVE_OR_HIDE_TEXT)
        }
    )


def assert_clean(result: Result) -> None:
    assert "Traceback" not in result.err, result.err
    assert unprintable(result.out) == [], result.out[:2000]
    assert unprintable(result.err) == [], result.err[:2000]


def assert_refused(result: Result, *needles: str, lines: int = 1) -> None:
    """Exit 2; exactly ``lines`` lines on stderr, each ``smm: ...``; every needle named."""
    assert result.code == 2, result
    assert len(result.err_lines) == lines, result.err[:3000]
    assert all(line.startswith("smm: ") for line in result.err_lines), result.err[:3000]
    for needle in needles:
        assert needle in result.err, (needle, result.err[:3000])
    assert_clean(result)


def tree(root: Path, *, skip_locks: bool = False) -> dict[str, str]:
    """Every entry under ``root``: a file's SHA-256, a link's target, or its kind."""
    found: dict[str, str] = {}
    for folder, folders, files in os.walk(root):
        for name in [*folders, *files]:
            path = Path(folder) / name
            if skip_locks and name.endswith(".lock"):
                continue
            mode = path.lstat().st_mode
            key = str(path.relative_to(root))
            if stat.S_ISLNK(mode):
                found[key] = f"-> {path.readlink()}"
            elif stat.S_ISREG(mode):
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[key] = "folder" if stat.S_ISDIR(mode) else "special"
    return found


@cache
def small() -> Questionnaire:
    return load_questionnaire(SMALL)


def import_csv(
    store: SessionStore, kind: SessionKind, system: str, source: Path, session_id: str
) -> Session:
    rows = read_level_rows(source, small(), kind)
    session = imported_session(small(), kind, system, source.name, rows, interviewee=system)
    return store.create(session, session_id)


def interview_session(store: SessionStore, session_id: str, system: str, note: str) -> Session:
    """An unfinished self-assessment with two answers, the second with ``note``."""
    session = new_session(small(), SessionKind.ASSESSMENT, system, interviewee=system, role=system)
    store.create(session, session_id)
    interview = Interview(small(), session, on_change=store.save)
    interview.answer(f"Gateway {system}")
    interview.answer(YES, note=note)
    return session


def write_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [("practice", "comprehensiveness", "scope", "note"), *rows]
    )
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


READ_ONLY = """
import errno, os, sys
folder = os.path.abspath(sys.argv[1])
real_open, real_mkdir = os.open, os.mkdir

def refused(path):
    path = os.path.abspath(os.fspath(path))
    if path == folder or path.startswith(folder + os.sep):
        raise PermissionError(errno.EACCES, "Permission denied", path)

def read_only_open(path, flags, *args, **kwargs):
    if flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
        refused(path)
    return real_open(path, flags, *args, **kwargs)

def read_only_mkdir(path, *args, **kwargs):
    refused(path)
    return real_mkdir(path, *args, **kwargs)

os.open, os.mkdir = read_only_open, read_only_mkdir
from interview.cli import main
sys.exit(main(sys.argv[2:]))
"""
