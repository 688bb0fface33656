"""Every exit code of ``smm``, in one place (README.md, "Exit codes", lists them)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the shell sees when ``smm`` ends."""

    OK = 0
    """Done; also when the reader of the output went away (``smm model | head``)."""
    FAILURE = 1
    """An unexpected error (a crash, output that could not be written, changes NOT SAVED)."""
    BAD_INPUT = 2
    """Bad input or usage, one line on stderr; also a partial success: the results that could
    be made are printed, and each problem (an unreadable file) named on stderr."""
    INTERRUPTED = 130
    """Ctrl+C (SIGINT): 128 + the signal's number, as shells report it."""
