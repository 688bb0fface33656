"""What ``smm`` says when the interview closes badly: a crash, or changes a save could not
write. One line each on stderr; a crash's traceback goes to a log file, not the screen."""

from __future__ import annotations

import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from interview.errors import printable

if TYPE_CHECKING:
    from interview.tui.app import ExitReport


def crash_line(report: ExitReport, crash: BaseException | None) -> str:
    """The one line after an unexpected error: where the session is saved (or what is not),
    and where the details are."""
    what = f" ({type(crash).__name__})" if crash is not None else ""
    line = f"smm: the interview stopped on an unexpected error{what}"
    if report.session_id is None:
        line += "; no session was open"
    elif report.unsaved is not None:
        line += f"; {not_saved(report)}"
    else:
        line += (
            f"; every answer given before it is saved in {report.path}: "
            f"`smm resume {report.session_id}` carries on"
        )
    log = write_crash_log(crash) if crash is not None else None
    if log is not None:
        line += f"; details in {log}"
    return printable(line)


def not_saved_line(report: ExitReport) -> str:
    """The one line for changes that a save could not write, even when tried again at quit."""
    return printable(f"smm: {not_saved(report)}")


def not_saved(report: ExitReport) -> str:
    return (
        f"NOT SAVED: the last changes to {report.session_id} could not be written "
        f"({report.unsaved}); {report.path} holds the last save that succeeded"
    )


def write_crash_log(crash: BaseException) -> Path | None:
    """The traceback, in a new file of the temporary folder; None if even that fails."""
    details = "".join(traceback.format_exception(crash))
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="smm-crash-", suffix=".log", delete=False, encoding="utf-8"
        ) as log:
            log.write(details)
    except OSError:
        return None
    return Path(log.name)
