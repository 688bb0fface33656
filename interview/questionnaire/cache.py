"""Questionnaires that passed every check, kept so that the next command need not check again.

Parsing the shipped questionnaire's TOML, validating it and cross-checking it costs more than
everything else a command like ``smm gap`` does (docs/PERFORMANCE.md); reading it back from
here is a few milliseconds. An entry is keyed by the SHA-256 of the file's text together with
the versions of smm and pydantic and the times the questionnaire code was last changed, so
that any edit, upgrade or different file misses it.

Only valid questionnaires are stored, so a broken file is reported afresh every time. The
cache is a convenience and nothing depends on it: a missing, unreadable, stale or corrupt
entry means a full load, silently, and a failure to write one is ignored.

Where: ``$SMM_CACHE_DIR``, else ``$XDG_CACHE_HOME/smm``, else ``~/.cache/smm``;
``SMM_CACHE_DIR=off`` turns it off. Entries are pickles written by smm itself into a folder
only the user can read or write (0700), like the rest of that user's cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from pathlib import Path

import pydantic

from interview import __version__
from interview.questionnaire.model import Questionnaire

CACHE_DIR_VARIABLE = "SMM_CACHE_DIR"
MAX_ENTRIES = 8
_FORMAT = 1


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "smm"


def entry_key(text: str) -> str:
    identity = f"{_FORMAT}\0{__version__}\0{pydantic.VERSION}\0{_code_identity()}\0{text}"
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()


def _code_identity() -> str:
    """When the code that defines and checks a questionnaire last changed: an edited model in
    a development checkout must miss entries made by the code before it."""
    folder = Path(__file__).parent
    return ",".join(str(path.stat().st_mtime_ns) for path in sorted(folder.glob("*.py")))


def cached_questionnaire(text: str) -> Questionnaire | None:
    """The questionnaire stored for this file text, if there is a sound entry."""
    folder = cache_dir()
    if folder is None:
        return None
    entry = folder / f"{entry_key(text)}.pickle"
    try:
        with entry.open("rb") as stream:
            found = pickle.load(stream)
        _mark_used(entry)
    except Exception:  # missing, unreadable or corrupt: the caller loads the file in full
        return None
    return found if isinstance(found, Questionnaire) else None


def store_questionnaire(text: str, questionnaire: Questionnaire) -> None:
    """Keep a questionnaire that passed every check; any failure leaves the cache as it was."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(questionnaire, stream, protocol=pickle.HIGHEST_PROTOCOL)
        entry = folder / f"{entry_key(text)}.pickle"
        Path(name).replace(entry)
        _mark_used(entry)
        _prune(folder)
    except OSError:
        return


def _mark_used(entry: Path) -> None:
    """Recently used entries are kept when the cache is pruned. The time is set explicitly:
    the file system's own clock can give two entries made in a row the same time."""
    now = time.time_ns()
    os.utime(entry, ns=(now, now))


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently used entries: every edit of a questionnaire makes a
    new one, and nothing else would ever remove the old."""
    entries = sorted(folder.glob("*.pickle"), key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[:-MAX_ENTRIES]:
        entry.unlink(missing_ok=True)
