"""``smm gap``, ``smm report``, ``smm export`` and ``smm import``: comparing and moving levels."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
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
from interview.cli.output import json_text
from interview.consolidation import (
    compare_consolidated,
    consolidate_gap,
)
from interview.errors import InputError, printable
from interview.files import write_text_atomically
from interview.gap import session_standings
from interview.levels_csv import imported_session, levels_csv, read_level_rows
from interview.plan import Plan, load_plan
from interview.profiles import profile_in_use
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.report.extras import gap_report
from interview.report.html import gap_html, report_html
from interview.session.model import Session, SessionKind
from interview.session.store import SessionStore

EXIT_OK = 0

KIND_WITH_ARTICLE = {SessionKind.TARGET: "a target", SessionKind.ASSESSMENT: "an assessment"}

# --- The commands ----------------------------------------------------------------------------


def run_gap(arguments: argparse.Namespace) -> int:
    """Compare one or more target sessions with one or more current-state assessments."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    store = SessionStore(arguments.sessions_dir)
    targets, currents = _load_gap_sessions(arguments, questionnaire, store)
    sides = consolidate_gap(questionnaire, targets, currents)
    analysis = compare_consolidated(questionnaire, sides)
    render = {"text": gap_text, "md": gap_markdown, "html": gap_html, "json": gap_json}
    if arguments.format == "csv":
        text = gap_csv(analysis)
    else:
        report = gap_report(
            questionnaire,
            sides,
            analysis,
            plan=_plan_of(store, currents[0].system),
            profile=profile_in_use(questionnaire, targets),
        )
        text = render[arguments.format](report)
    return _deliver(text, arguments.output)


def _plan_of(store: SessionStore, system: str) -> Plan | None:
    """The system's plan; a damaged plan file is named on stderr and the report goes on."""
    try:
        return load_plan(store.folder, system)
    except InputError as error:
        for line in error.lines:
            print(printable(f"smm: warning: the plan is left out: {line}"), file=sys.stderr)
        return None


def _load_gap_sessions(
    arguments: argparse.Namespace, questionnaire: Questionnaire, store: SessionStore
) -> tuple[list[Session], list[Session]]:
    """The target sessions and the assessments named, each of its kind and named once."""
    targets = [_load_of_kind(store, questionnaire, arguments.target, SessionKind.TARGET)]
    targets += [
        _load_of_kind(store, questionnaire, reference, SessionKind.TARGET, "--also-target")
        for reference in arguments.also_target
    ]
    currents = [
        _load_of_kind(store, questionnaire, reference, SessionKind.ASSESSMENT)
        for reference in arguments.current
    ]
    _refuse_repeats([*targets, *currents])
    _warn_of_other_systems([*targets, *currents])
    return targets, currents


def run_report(arguments: argparse.Namespace) -> int:
    """One session's levels on their own: a target document or a current-state document."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    session = SessionStore(arguments.sessions_dir).load(arguments.session, questionnaire).session
    if arguments.format == "json":
        return _deliver(report_json(questionnaire, session), arguments.output)
    render = {"text": report_text, "md": report_markdown, "html": report_html}
    profile = profile_in_use(questionnaire, [session])
    text = render[arguments.format](questionnaire, session, profile=profile)
    return _deliver(text, arguments.output)


def run_export(arguments: argparse.Namespace) -> int:
    """One session's practice levels as CSV (the format ``smm import`` reads) or JSON."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    session = SessionStore(arguments.sessions_dir).load(arguments.session, questionnaire).session
    if arguments.format == "csv":
        text = levels_csv(session_standings(questionnaire, session))
    else:
        text = export_json(questionnaire, session)
    return _deliver(text, arguments.output)


def run_import(arguments: argparse.Namespace) -> int:
    """Make a finished session whose levels are the CSV's, taken as given; print its id."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    kind = SessionKind(arguments.kind)
    system = arguments.system.strip()
    if not system:
        raise InputError(["--system: give the system's name"])
    rows = read_level_rows(arguments.file, questionnaire, kind)
    session = imported_session(
        questionnaire,
        kind,
        system,
        arguments.file.name,
        rows,
        interviewee=arguments.interviewee.strip(),
        role=arguments.role.strip(),
    )
    SessionStore(arguments.sessions_dir).create(session, arguments.id)
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


def _load_of_kind(
    store: SessionStore,
    questionnaire: Questionnaire,
    reference: str,
    kind: SessionKind,
    given_as: str | None = None,
) -> Session:
    """Load a session and refuse it, in one line, when it is not of the kind wanted."""
    session = store.load(reference, questionnaire).session
    if session.kind is not kind:
        role = given_as or ("TARGET" if kind is SessionKind.TARGET else "CURRENT")
        wanted = "a target" if kind is SessionKind.TARGET else "a self-assessment (current state)"
        raise InputError(
            [
                f"{printable(reference)}: is {KIND_WITH_ARTICLE[session.kind]} session, "
                f"but {role} must be {wanted}; see `smm list` for the kinds"
            ]
        )
    return session


def _refuse_repeats(sessions: Sequence[Session]) -> None:
    """One session given twice would count one interviewee twice: refuse it in one line."""
    seen: set[str] = set()
    for session in sessions:
        if session.id in seen:
            raise InputError(
                [f"{printable(session.id)}: given twice; name each interviewee's session once"]
            )
        seen.add(session.id)


def same_system(name: str) -> str:
    """A system's name as compared: case and runs of spaces do not count."""
    return " ".join(name.split()).casefold()


def _warn_of_other_systems(sessions: Sequence[Session]) -> None:
    """Say in one line on stderr when the sessions name more than one system; carry on."""
    systems: dict[str, list[str]] = {}
    for session in sessions:
        systems.setdefault(same_system(session.system), []).append(session.id)
    if len(systems) > 1:
        names = {same_system(session.system): session.system for session in reversed(sessions)}
        listed = "; ".join(f'"{names[key]}" ({", ".join(ids)})' for key, ids in systems.items())
        print(
            printable(
                f"smm: warning: the sessions are of different systems: {listed}; "
                "comparing them anyway"
            ),
            file=sys.stderr,
        )


def _deliver(text: str, output: Path | None) -> int:
    """Print the text, or write it whole to the output file."""
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
    else:
        write_text_atomically(output, text if text.endswith("\n") else text + "\n")
        print(f"Wrote {printable(str(output))}")
    return EXIT_OK
