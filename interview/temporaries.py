"""The temporary files a save writes beside its file, and the removal of those a killed smm
left behind.

A save writes its text to a hidden temporary file in the target's folder (``.NAME.XXXXXXXX.tmp``,
or ``.ID.saving-XXXXXXXX.tmp`` for a session), then renames or links it into place. While it
does so it holds an OS lock (``flock``) on that file, released by the OS when the process ends
however it ends. A temporary file whose lock is free is therefore a leftover of a killed save,
and is removed; one whose lock is held belongs to a live save and is left alone. Where the OS
has no ``flock`` (Windows), leftovers are removed only once they are an hour old.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

RANDOM = "[a-z0-9_]{8}"
"""The part of a temporary file's name that mkstemp draws."""

LEFTOVER_NAME = re.compile(rf"\..+\.(saving-)?{RANDOM}\.tmp")
"""What smm's temporary files are called."""

UNLOCKED_LEFTOVER_SECONDS = 3600
"""Without flock, a temporary file this old cannot belong to a save still running."""

CLAIM_ATTEMPTS = 5
"""A new temporary file a cleaner took for a leftover (in the instant before it was locked) is
replaced by another; this many times at most."""


@contextlib.contextmanager
def new_temporary(folder: Path, prefix: str) -> Iterator[tuple[int, Path]]:
    """A new temporary file in ``folder`` (mode 0600), open for writing as the descriptor
    yielded, and held against :func:`remove_leftovers` until the block ends, so the block can
    fill it and rename or link it into place. Raises OSError when it cannot be made."""
    for _ in range(CLAIM_ATTEMPTS):
        handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
        keeper = _claim(handle, Path(name))
        if keeper is not None:
            break
        os.close(handle)
    else:
        raise OSError(0, "its temporary files were taken away as it made them")
    try:
        yield handle, Path(name)
    finally:
        if keeper >= 0:
            os.close(keeper)


def _claim(handle: int, temporary: Path) -> int | None:
    """A second descriptor holding the lock of the temporary file just made (the lock outlives
    the writer's closing of ``handle``); -1 where there is no flock; None when a cleaner
    removed the file before it was locked."""
    if sys.platform == "win32":
        return -1
    import fcntl

    keeper = os.dup(handle)
    try:
        fcntl.flock(keeper, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if _names_the_same_file(temporary, keeper):
            return keeper
    except OSError:  # a cleaner holds it for an instant, then removes it
        pass
    os.close(keeper)
    return None


def remove_leftovers(folder: Path, name: str | None = None) -> None:
    """Remove the temporary files that killed saves left in ``folder``: every one of smm's,
    or only those of the file called ``name``. A file a live save holds is left alone, as is
    anything that is not a regular file; any failure leaves the file where it is."""
    pattern = LEFTOVER_NAME if name is None else re.compile(rf"\.{re.escape(name)}\.{RANDOM}\.tmp")
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".")]
    except OSError:
        return
    for found in names:
        if pattern.fullmatch(found):
            _remove_if_abandoned(folder / found)


def _remove_if_abandoned(path: Path) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return
    try:
        # The name is checked again under the lock: it may have been renamed into place.
        if (
            stat.S_ISREG(os.fstat(descriptor).st_mode)
            and _abandoned(descriptor)
            and _names_the_same_file(path, descriptor)
        ):
            path.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _abandoned(descriptor: int) -> bool:
    """Whether no live save holds the file (its lock taken now, until the descriptor closes)."""
    if sys.platform == "win32":
        age = time.time() - os.fstat(descriptor).st_mtime
        return age > UNLOCKED_LEFTOVER_SECONDS
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _names_the_same_file(path: Path, descriptor: int) -> bool:
    try:
        named = path.lstat()
    except OSError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)
