"""``smm gap``, ``smm report``, ``smm export`` and ``smm import``: comparing and moving levels."""

from __future__ import annotations

import argparse
from pathlib import Path

from interview.cli.gap_formats import (
    gap_csv,
    gap_json,
    gap_markdown,
    gap_text,
    pair_json,
    report_json,
    report_markdown,
    report_text,
    session_info,
)
from interview.cli.output import json_text, warn, workspace_of
from interview.errors import printable
from interview.files import write_text_atomically
from interview.gap import session_standings
from interview.levels_csv import levels_csv
from interview.questionnaire import Questionnaire
from interview.report.html import gap_html, report_html
from interview.services.comparison import gap
from interview.services.records import import_levels, session_report
from interview.session.model import Session, SessionKind

EXIT_OK = 0

# --- The commands ----------------------------------------------------------------------------


def run_gap(arguments: argparse.Namespace) -> int:
    """Compare one or more target sessions with one or more current-state assessments."""
    workspace = workspace_of(arguments)
    result = gap(workspace, [arguments.target, *arguments.also_target], arguments.current)
    warn(result.warnings)
    if arguments.format == "csv":
        text = gap_csv(result.report.analysis)
    else:
        render = {"text": gap_text, "md": gap_markdown, "html": gap_html, "json": gap_json}
        text = render[arguments.format](result.report)
    return _deliver(text, arguments.output)


def run_report(arguments: argparse.Namespace) -> int:
    """One session's levels on their own: a target document or a current-state document."""
    workspace = workspace_of(arguments)
    questionnaire = workspace.questionnaire
    found = session_report(workspace, arguments.session)
    if arguments.format == "json":
        return _deliver(report_json(questionnaire, found.session), arguments.output)
    render = {"text": report_text, "md": report_markdown, "html": report_html}
    text = render[arguments.format](questionnaire, found.session, profile=found.profile)
    return _deliver(text, arguments.output)


def run_export(arguments: argparse.Namespace) -> int:
    """One session's practice levels as CSV (the format ``smm import`` reads) or JSON."""
    workspace = workspace_of(arguments)
    session = workspace.session(arguments.session)
    if arguments.format == "csv":
        text = levels_csv(session_standings(workspace.questionnaire, session))
    else:
        text = export_json(workspace.questionnaire, session)
    return _deliver(text, arguments.output)


def run_import(arguments: argparse.Namespace) -> int:
    """Make a finished session whose levels are the CSV's, taken as given; print its id."""
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
    return EXIT_OK


# --- Helpers ---------------------------------------------------------------------------------


def export_json(questionnaire: Questionnaire, session: Session) -> str:
    """The session and one entry per practice: the CSV's content as JSON (docs/GAP.md)."""
    practices = []
    for standing in session_standings(questionnaire, session):
        level = pair_json(standing.level) or {"comprehensiveness": None, "scope": None}
        practices.append(
            {
                "practice": standing.practice_id,
                **level,
                "applicable": standing.applicable,
                "note": standing.note,
            }
        )
    return json_text({"session": session_info(questionnaire, session), "practices": practices})


def _deliver(text: str, output: Path | None) -> int:
    """Print the text, or write it whole to the output file."""
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
    else:
        write_text_atomically(output, text if text.endswith("\n") else text + "\n")
        print(f"Wrote {printable(str(output))}")
    return EXIT_OK
