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
``SMM_CACHE_DIR=off`` turns it off. Entries are JSON, read back through the questionnaire's
pydantic model: data, never code. A folder or an entry that is not the user's own, or that
others could write, is not used at all (``SMM_DEBUG=1`` says so in one line).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

import pydantic
from pydantic import BaseModel, ConfigDict

from interview import __version__
from interview.errors import printable
from interview.questionnaire.model import Questionnaire

CACHE_DIR_VARIABLE = "SMM_CACHE_DIR"
MAX_ENTRIES = 8
ENTRY_SUFFIX = ".json"
_FORMAT = 2
_OPEN_TO_OTHERS = stat.S_IWGRP | stat.S_IWOTH


class CacheEntry(BaseModel):
    """What an entry holds: the checked questionnaire and its content hash (a private
    attribute of the questionnaire, which its JSON leaves out)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    content_hash: str
    questionnaire: Questionnaire


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


def entry_path(folder: Path, text: str) -> Path:
    """The file that holds the entry for a questionnaire file's text."""
    return folder / f"{entry_key(text)}{ENTRY_SUFFIX}"


def _code_identity() -> str:
    """When the code that defines and checks a questionnaire last changed: an edited model in
    a development checkout must miss entries made by the code before it."""
    folder = Path(__file__).parent
    return ",".join(str(path.stat().st_mtime_ns) for path in sorted(folder.glob("*.py")))


def cached_questionnaire(text: str) -> Questionnaire | None:
    """The questionnaire stored for this file text, if there is a sound entry of one's own."""
    folder = cache_dir()
    if folder is None or not _is_private(folder):
        return None
    entry = entry_path(folder, text)
    try:
        raw = _read_private(entry)
        if raw is None:
            return None
        found = CacheEntry.model_validate_json(raw)
        _mark_used(entry)
    except (OSError, ValueError):  # unreadable or corrupt: the caller loads the file in full
        return None
    found.questionnaire._content_hash = found.content_hash
    return found.questionnaire


def store_questionnaire(text: str, questionnaire: Questionnaire) -> None:
    """Keep a questionnaire that passed every check; any failure leaves the cache as it was."""
    folder = cache_dir()
    if folder is None:
        return
    entry = CacheEntry(content_hash=questionnaire.content_hash, questionnaire=questionnaire)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _is_private(folder, report=False):  # the read before already said why
            return
        handle, name = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:  # mkstemp's mode: 0600
            stream.write(entry.model_dump_json())
        path = entry_path(folder, text)
        Path(name).replace(path)
        _mark_used(path)
        _prune(folder)
    except OSError:
        return


def _is_private(path: Path, status: os.stat_result | None = None, *, report: bool = True) -> bool:
    """Whether the folder or entry is the user's own and no one else can write it: anyone
    who can write the cache decides what smm takes for a checked questionnaire."""
    try:
        status = status or path.stat()
    except OSError:
        return False
    if status.st_uid == os.geteuid() and not status.st_mode & _OPEN_TO_OTHERS:
        return True
    if report:
        _debug(f"{printable(str(path))}: not used, as it is not yours alone to write")
    return False


def _read_private(entry: Path) -> bytes | None:
    """The entry's bytes, or None when it is missing or not private (a link is not followed)."""
    try:
        descriptor = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or not _is_private(entry, status):
            return None
        return stream.read()


def _debug(line: str) -> None:
    if os.environ.get("SMM_DEBUG"):
        print(f"smm: questionnaire cache: {line}", file=sys.stderr)


def _mark_used(entry: Path) -> None:
    """Recently used entries are kept when the cache is pruned. The time is set explicitly:
    the file system's own clock can give two entries made in a row the same time."""
    now = time.time_ns()
    os.utime(entry, ns=(now, now))


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently used entries: every edit of a questionnaire makes a
    new one, and nothing else would ever remove the old."""
    entries = sorted(folder.glob(f"*{ENTRY_SUFFIX}"), key=lambda entry: entry.stat().st_mtime_ns)
    for entry in [*entries[:-MAX_ENTRIES], *folder.glob("*.pickle")]:  # smm 0.1 wrote pickles
        entry.unlink(missing_ok=True)
