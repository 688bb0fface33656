"""Files a user hands smm or asks it to write: read with clear errors, written whole or not."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from interview.errors import InputError, printable
from interview.temporaries import new_temporary, remove_leftovers

_FILES_READ: dict[tuple[int, int], str] = {}
"""The files this process has read (device and inode), with what each was read as: a command
must not write its output over one of its inputs (see :func:`what_was_read_at`)."""

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
        status = os.fstat(stream.fileno())
        _FILES_READ[(status.st_dev, status.st_ino)] = what
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            [
                f"{where}: too large for a {what} file (over {MAX_FILE_BYTES} bytes); is it the "
                "right file?"
            ]
        )
    return raw


def what_was_read_at(path: Path) -> str | None:
    """What the file at ``path`` (a link followed) was read as by this process ("session",
    "questionnaire", ...), or None when it was not read (or does not exist)."""
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    return _FILES_READ.get((status.st_dev, status.st_ino))


def forget_files_read() -> None:
    """Start a new command: the files earlier commands of this process read are not its own."""
    _FILES_READ.clear()


def status_of(path: Path, what: str) -> os.stat_result | None:
    """``path``'s status (a link followed), or None when there is nothing there; InputError
    when the path cannot be looked at (a name too long, a folder one may not enter).

    ``what`` names the path in the message ("the sessions folder").
    """
    try:
        return path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link loop: as absent as a link to nothing
            return None
        advice = "give a shorter path" if error.errno == errno.ENAMETOOLONG else "check the path"
        raise InputError(
            [f"{printable(str(path))}: {what} cannot be used ({error.strerror}); {advice}"]
        ) from None


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

    The text goes to a temporary file in the same folder (see :mod:`interview.temporaries`),
    then is renamed over ``path``; on any failure the temporary file is removed and ``path`` is
    untouched. A link at ``path`` is replaced, not written through; anything else that is not
    a regular file (a device, a pipe, a folder) is refused, never replaced. A new file is
    private to its user (0600); a file replaced keeps its permissions.
    """
    folder = path.parent
    where = printable(str(path))
    _refuse_nul(path, where)
    existing = status_of(path, "the file")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        what = "a folder" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise InputError([f"{where}: is {what}; give a file name to write to"])
    remove_leftovers(folder, path.name)
    mode = None if existing is None else stat.S_IMODE(existing.st_mode)
    with contextlib.ExitStack() as held:
        try:
            handle, temporary = held.enter_context(new_temporary(folder, f".{path.name}."))
        except FileNotFoundError:
            where_not = printable(str(folder))
            raise InputError([f"{where}: the folder {where_not} does not exist"]) from None
        except OSError as error:
            raise InputError([f"{where}: cannot write here ({error.strerror})"]) from None
        try:
            fill_temporary(handle, temporary, text, mode=mode)
            temporary.replace(path)
        except BaseException as error:
            temporary.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise InputError(
                    [f"{where}: cannot write the file ({error.strerror}); nothing was changed"]
                ) from None
            raise
    fsync_folder(folder)


DESCRIPTOR_NAME = re.compile(r"/(dev|proc/(self|thread-self|[0-9]+))/fd/[0-9]+")
"""How an open file descriptor is named (/dev/stdout is a link to /proc/self/fd/1)."""


def write_output(path: Path, text: str | bytes) -> bool:
    """Write a command's output (``-o``) to ``path``; return whether a regular file was made.

    A file, or a new name, is written whole or not at all (:func:`write_text_atomically`). A
    terminal, a device such as /dev/null or a pipe is written into in place, as a shell's
    ``>`` would, and so is a name of an open file descriptor (/dev/stdout, /dev/fd/N): never
    replaced by a file.
    """
    existing = status_of(path, "the output file")
    if existing is not None and (
        stat.S_ISCHR(existing.st_mode)
        or stat.S_ISFIFO(existing.st_mode)
        or _names_a_descriptor(path)
    ):
        _write_in_place(path, text.encode("utf-8") if isinstance(text, str) else text)
        return False
    write_text_atomically(path, text)
    return True


def _names_a_descriptor(path: Path) -> bool:
    """Whether ``path``, or a link on the way from it, names an open file descriptor."""
    current = Path.cwd() / path
    for _ in range(40):  # as many links as the OS follows
        if DESCRIPTOR_NAME.fullmatch(os.path.normpath(current)):
            return True
        try:
            current = current.parent / current.readlink()
        except OSError:  # not a link (or no longer there)
            return False
    return False


def _write_in_place(path: Path, data: bytes) -> None:
    where = printable(str(path))
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_NOCTTY)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise InputError([f"{where}: cannot write to it ({error.strerror})"]) from None


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
