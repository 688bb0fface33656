"""smm run as a script would run it: answers given on the command line, the sessions it saved."""

from __future__ import annotations

from pathlib import Path

from interview.cli import main
from interview.session.store import SessionStore

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"


def smm(folder: Path, *args: str) -> int:
    return main([*args, "--sessions-dir", str(folder / "sessions"), "--questionnaire", str(SMALL)])


def sessions(folder: Path) -> list[str]:
    return [path.stem for path in SessionStore(folder / "sessions").session_files()]
