"""Answers that move between people and machines: ``smm form`` (a blank form to fill in
offline), ``smm export SESSION --format xlsx`` (the answers given, as the same form) and
``smm import`` of a form or an answers CSV, replayed through the interview's own rules."""

from __future__ import annotations

import argparse
import sys

from interview.cli.exit_codes import ExitCode
from interview.cli.output import deliver_bytes, workspace_of
from interview.errors import InputError, printable
from interview.services.answers_form import AnswersForm
from interview.services.scripted import Replay
from interview.session.model import SessionKind


def run_form(arguments: argparse.Namespace) -> int:
    """``smm form --kind KIND``: every question of that interview, to fill in."""
    from interview.render.answers_workbook import write_answers_workbook
    from interview.services.answers_form import blank_form

    workspace = workspace_of(arguments)
    form = blank_form(workspace.questionnaire, SessionKind(arguments.kind))
    return deliver_bytes(write_answers_workbook(form), arguments.output)


def export_form(arguments: argparse.Namespace) -> int:
    """``smm export SESSION --format xlsx``: the session's answers as a filled-in form."""
    from interview.render.answers_workbook import write_answers_workbook
    from interview.services.answers_form import filled_form

    workspace = workspace_of(arguments)
    session = workspace.session(arguments.session)
    form = filled_form(workspace.questionnaire, session)
    warn_cut(form)
    return deliver_bytes(write_answers_workbook(form), arguments.output)


def warn_cut(form: AnswersForm) -> None:
    """A line for each answer, note or name too long for a cell: it is cut in the form, and
    an import of the form takes the cut text."""
    from interview.render.workbook import CELL_LIMIT

    for row in form.rows:
        for what, text in (("answer", row.answer), ("note", row.note), ("who to ask", row.ask)):
            if len(text) > CELL_LIMIT:
                print(
                    f"smm: warning: {printable(row.question.question_id)}: the {what} has "
                    f"{len(text):,} characters, more than a cell holds ({CELL_LIMIT:,}); the "
                    "form has it cut, and an import of the form takes the cut text",
                    file=sys.stderr,
                )


def import_answers(arguments: argparse.Namespace) -> int:
    """``smm import FORM.xlsx`` or an answers CSV: every answer replayed, as ``smm new KIND
    --answers FILE --batch`` does; the new session's id printed."""
    from interview.services.scripted import start_scripted

    if arguments.interviewee or arguments.role:
        raise InputError(
            ["--interviewee and --role go with a CSV of levels; a form or an answers file "
             "gives them as its interviewee_name and interviewee_role answers"]
        )  # fmt: skip
    workspace = workspace_of(arguments)
    started = start_scripted(
        workspace,
        SessionKind(arguments.kind) if arguments.kind else None,
        arguments.file,
        system=(arguments.system or "").strip(),
        batch=True,
    )
    note_unused(started.replay)
    session = workspace.create(started.session, arguments.id)
    print(session.id)
    return ExitCode.OK


def note_unused(replay: Replay) -> None:
    """One line on standard error for the answers an earlier answer left unasked."""
    if not replay.unused:
        return
    listed = ", ".join(replay.unused[:10])
    more = "" if len(replay.unused) <= 10 else ", ..."
    print(
        printable(
            f"smm: note: {len(replay.unused)} answers not used: an earlier answer "
            f"closed those questions or left them unasked ({listed}{more})"
        ),
        file=sys.stderr,
    )
