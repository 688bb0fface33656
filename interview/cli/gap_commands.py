"""``smm gap``, ``smm report``, ``smm export`` and ``smm import``: comparing and moving levels."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from interview.cli.exit_codes import ExitCode
from interview.cli.output import (
    control_options,
    deliver_bytes,
    output_width,
    print_text,
    warn,
    workspace_of,
    write_output_file,
)
from interview.errors import InputError
from interview.formatting import KIND_NAMES
from interview.levels_csv import levels_csv
from interview.render.control import document_control, with_control
from interview.render.csv_output import gap_csv
from interview.render.formats import written
from interview.render.gap_document import gap_document
from interview.render.session_document import session_document
from interview.services.comparison import gap
from interview.session.model import SessionKind
from interview.standings import session_standings

# --- The commands ----------------------------------------------------------------------------


def run_gap(arguments: argparse.Namespace) -> int:
    """Compare one or more target sessions with one or more current-state assessments."""
    workspace = workspace_of(arguments)
    result = gap(workspace, [arguments.target, *arguments.also_target], arguments.current)
    warn(result.warnings)
    if arguments.format == "csv":
        from interview.render.gap_evidence import resting_practices

        report, sides = result.report, result.report.sides
        text: str | bytes = gap_csv(
            report.analysis,
            resting_practices(report.questionnaire, sides.target.sessions),
            resting_practices(report.questionnaire, sides.current.sessions),
        )
    elif arguments.format == "json":
        from interview.render.json_output import gap_json  # its models take a while to build

        text = gap_json(result.report)
    else:
        report = result.report
        control = document_control(
            report.questionnaire,
            control_options(arguments, workspace.clock().date()),
            f"Gap analysis: {report.sides.target.sessions[0].system}",
            report.sides.current.sessions,
            report.sides.target.sessions,
        )
        document = with_control(gap_document(report), control)
        if arguments.format == "xlsx":
            from interview.render.sheets import gap_sheets

            document = replace(document, sheets=gap_sheets(report))
        text = written(document, arguments.format, output_width(arguments.output))
    return _deliver(text, arguments.output)


def run_report(arguments: argparse.Namespace) -> int:
    """One session's levels on their own: a target document or a current-state document."""
    from interview.services.records import session_report  # each command imports its own

    workspace = workspace_of(arguments)
    questionnaire = workspace.questionnaire
    found = session_report(workspace, arguments.session)
    if arguments.format == "json":
        from interview.render.json_output import report_json

        return _deliver(report_json(questionnaire, found.session, found.review), arguments.output)
    session = found.session
    control = document_control(
        questionnaire,
        control_options(arguments, workspace.clock().date()),
        f"{KIND_NAMES[session.kind].capitalize()}: {session.system}",
        [session],
        [session] if session.kind is SessionKind.TARGET else [],
    )
    document = session_document(questionnaire, session, found.profile, found.review)
    document = with_control(document, control)
    if arguments.format == "xlsx":
        from interview.render.sheets import session_sheets

        document = replace(document, sheets=session_sheets(questionnaire, session))
    width = output_width(arguments.output)
    return _deliver(written(document, arguments.format, width), arguments.output)


def run_export(arguments: argparse.Namespace) -> int:
    """One session's practice levels as CSV (the format ``smm import`` reads) or JSON, or its
    answers as a form (xlsx)."""
    if arguments.format == "xlsx":
        from interview.cli.answers_commands import export_form

        return export_form(arguments)
    workspace = workspace_of(arguments)
    session = workspace.session(arguments.session)
    if arguments.format == "csv":
        text = levels_csv(session_standings(workspace.questionnaire, session))
    else:
        from interview.render.json_output import export_json

        text = export_json(workspace.questionnaire, session)
    return _deliver(text, arguments.output)


def run_import(arguments: argparse.Namespace) -> int:
    """Make a finished session from an answers form or file (replayed), or from a CSV of
    levels (taken as given); print its id."""
    from interview.cli.answers_commands import import_answers
    from interview.services.answers_file import is_answers_file
    from interview.services.records import import_levels

    if is_answers_file(arguments.file):
        return import_answers(arguments)
    if not arguments.kind or not arguments.system:
        missing = " and ".join(
            name for name in ("--kind", "--system") if not getattr(arguments, name[2:])
        )
        raise InputError([f"a CSV of levels needs {missing}: give the kind and the system's name"])
    session = import_levels(
        workspace_of(arguments),
        arguments.file,
        SessionKind(arguments.kind),
        arguments.system,
        session_id=arguments.id,
        interviewee=arguments.interviewee,
        role=arguments.role,
    )
    print(session.id)
    return ExitCode.OK


# --- Helpers ---------------------------------------------------------------------------------


def _deliver(text: str | bytes, output: Path | None) -> int:
    """Print the text, or write it whole to the output file; the bytes of a binary document
    go to a file, or to standard output only when it is not a terminal."""
    if isinstance(text, bytes):
        return deliver_bytes(text, output)
    if output is None:
        print_text(text)
    else:
        write_output_file(output, text if text.endswith("\n") else text + "\n")
    return ExitCode.OK
