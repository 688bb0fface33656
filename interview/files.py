"""Writing a whole file or nothing: reports, exports and any other file smm writes for a user."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from interview.errors import InputError, printable


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, whole.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then renamed
    over ``path``; on any failure the temporary file is removed and ``path`` is untouched.
    """
    folder = path.parent
    where = printable(str(path))
    if path.is_dir():
        raise InputError([f"{where}: is a folder; give a file name to write to"])
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise InputError([f"{where}: the folder {printable(str(folder))} does not exist"]) from None
    except OSError as error:
        raise InputError([f"{where}: cannot write here ({error.strerror})"]) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            os.fchmod(stream.fileno(), _mode_for(path))
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(
                [f"{where}: cannot write the file ({error.strerror}); nothing was changed"]
            ) from None
        raise
    _fsync_folder(folder)


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what a new file gets under the user's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable: fsync the folder that holds the file (where the OS allows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
