"""Files a user hands smm or asks it to write: read with clear errors, written whole or not."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from interview.errors import InputError, printable

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger input files are refused: the shipped questionnaire is 0.2 MB, and a stress
questionnaire of 1,000 practices with full text about 9 MB."""


def read_text_file(path: Path, what: str, *, encoding: str = "utf-8", save_as: str = "") -> str:
    """A text file's content; any failure is an InputError naming the file (and line).

    ``what`` says what the file should be ("questionnaire", "CSV"); ``save_as`` how to save it
    when it is not UTF-8 text.
    """
    where = printable(str(path))
    _refuse_nul(path, where)
    try:
        raw = _read_bounded(path, where, what)
    except FileNotFoundError:
        raise InputError([f"{where}: no such file; check the path"]) from None
    except IsADirectoryError:
        raise InputError([f"{where}: is a folder, not a {what} file"]) from None
    except OSError as error:
        raise InputError([f"{where}: cannot be read ({error.strerror})"]) from None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        advice = save_as or f"a {what} file must be saved as UTF-8"
        raise InputError([f"{where}:{line}: not valid UTF-8 text; {advice}"]) from None


def _refuse_nul(path: Path, where: str) -> None:
    """A NUL character cannot be in a file name (the OS calls raise ValueError on it)."""
    if "\x00" in str(path):
        raise InputError([f"{where}: a file name cannot contain a NUL character; check the path"])


def _read_bounded(path: Path, where: str, what: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES.

    The limit is applied to what is read, not to the size the file claims, so that a file
    that grows meanwhile, or a device such as /dev/zero, cannot exhaust memory; pipes and
    devices are refused before they are opened, since opening a pipe can block for ever.
    """
    if not stat.S_ISREG(path.stat().st_mode) and not path.is_dir():
        raise InputError([f"{where}: is not a regular file; give a {what} file"])
    with path.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            [
                f"{where}: too large for a {what} file (over {MAX_FILE_BYTES} bytes); is it the "
                "right file?"
            ]
        )
    return raw


def make_folder(folder: Path) -> None:
    """Create a folder to write into (with its parents); InputError when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only place; a file or a broken link in the way
        raise InputError(
            [f"{printable(str(folder))}: cannot create this folder ({error.strerror})"]
        ) from None


def write_text_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or the bytes of a binary document) to ``path`` so that a reader sees
    the old file or the new one, whole.

    The text goes to a temporary file in the same folder (see :func:`write_temporary`), then
    is renamed over ``path``; on any failure the temporary file is removed and ``path`` is
    untouched. The file keeps its permissions, or a new one gets the user's umask.
    """
    folder = path.parent
    where = printable(str(path))
    _refuse_nul(path, where)
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
        fill_temporary(handle, temporary, text, mode=_mode_for(path))
        temporary.replace(path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(
                [f"{where}: cannot write the file ({error.strerror}); nothing was changed"]
            ) from None
        raise
    fsync_folder(folder)


def fill_temporary(
    handle: int, temporary: Path, text: str | bytes, *, mode: int | None = None
) -> None:
    """Write ``text`` in UTF-8 (bytes as they are) to the open temporary file ``handle`` (from
    mkstemp), flush and fsync it, ready to be renamed or linked into place; ``mode`` None keeps
    mkstemp's 0600.

    Raises OSError, having removed the temporary file, when it cannot be written whole.
    """
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what a new file gets under the user's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    """Make a rename durable: fsync the folder that holds the file (where the OS allows)."""
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


@contextlib.contextmanager
def read_change_write(
    lock_file: Path, seconds: float, busy: str, unlockable: str
) -> Iterator[None]:
    """Hold ``lock_file`` (an OS lock, released when the process ends) while the block reads,
    changes and writes a file that several smm may change at once. Waited for ``seconds``:
    then one line, ``busy``; a lock that cannot be made: ``unlockable`` and the reason."""
    from filelock import FileLock, Timeout  # only a change takes a lock

    lock = FileLock(lock_file)
    try:
        lock.acquire(timeout=seconds)
    except Timeout:
        raise InputError([busy]) from None
    except OSError as error:
        raise InputError(
            [f"{unlockable} ({error.strerror}); the folder must be writable"]
        ) from None
    try:
        yield
    finally:
        lock.release()
