"""What ``smm`` says when the interview closes: where the session is saved and what comes
next, on stdout; or, when it closes badly (a crash, changes a save could not write), one line
on stderr, a crash's traceback going to a log file, not the screen."""

from __future__ import annotations

import shlex
import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from interview.errors import printable
from interview.session.model import AssessmentSession, Session, SessionKind, compared_target

if TYPE_CHECKING:
    from interview.tui.app import ExitReport


KIND_DOCUMENTS = {SessionKind.TARGET: "target", SessionKind.ASSESSMENT: "current state"}


def closing_lines(report: ExitReport) -> list[str]:
    """After a quit: where the session is saved; then how to carry on with it, or, when its
    file says it is finished, what to do with it next (resuming it has nothing left to ask)."""
    lines = [f"Saved: {report.path}"]
    if report.finished is None:
        lines.append(f"Resume with: smm resume {shlex.quote(report.session_id or '')}")
    else:
        lines += next_steps(report.finished)
    return [printable(line) for line in lines]


def next_steps(session: Session) -> list[str]:
    """The commands that use a finished session, each under what it gives."""
    session_id = shlex.quote(session.reference)  # a path outside the folder, as typed
    steps = [
        ("its answers, notes and levels", f"smm show {session_id}"),
        (f"the {KIND_DOCUMENTS[session.kind]} as a document", f"smm report {session_id}"),
    ]
    if not isinstance(session, AssessmentSession):
        steps.append(
            ("assess the current state against it", f"smm new assessment --target {session_id}")
        )
    elif (target_id := compared_target(session)) is not None:
        steps.append(("the gap against its target", f"smm gap {target_id} {session_id}"))
    else:
        steps.append(
            (
                "the gap against a target (TARGET: an id from smm list)",
                f"smm gap TARGET {session_id}",
            )
        )
    if isinstance(session, AssessmentSession) and session.accepted_as_baseline is None:
        steps.append(("take it as the next cycle's baseline", f"smm accept {session_id}"))
    # each command on a line of its own: with an id of 40 characters it still fits 80 columns
    return [
        "Finished. Next:",
        *(line for what, command in steps for line in (f"  {what}:", f"    {command}")),
    ]


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
            f"`smm resume {shlex.quote(report.session_id)}` carries on"
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
