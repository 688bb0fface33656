"""The whole ``smm`` command line, and nothing that a command needs to run.

Start-up time matters (docs/PERFORMANCE.md): this module imports only the standard library, so
that ``smm --help`` is instant and each command imports only what it uses. A command names its
handler as ``"module:function"``, imported by :func:`handler_of` when that command runs.
Choices that mirror an enum elsewhere (session kinds, plan statuses) are spelled out here; a
unit test keeps them equal to the enums.
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from interview import __version__
from interview.cli.parser_options import (
    SESSION_KINDS,
    SESSIONS_DIR_VARIABLE,
    Parser,
    add_document_options,
    add_format_and_output,
    add_format_option,
    add_session_options,
)
from interview.cli.parser_tools import add_model_commands, add_serve_commands, add_shell_commands
from interview.errors import InputError
from interview.render.formats import BINARY_FORMATS

PLAN_STATUSES = ("open", "in-progress", "done", "dropped")
GAP_FORMATS = ("text", "md", "html", "json", "csv", *BINARY_FORMATS)
REPORT_FORMATS = ("text", "md", "html", "json", *BINARY_FORMATS)
EXPORT_FORMATS = ("csv", "json", "xlsx")
"""``csv`` first, the default: the levels as ``smm import`` reads them back."""
FORM_FORMATS = ("xlsx",)
HISTORY_FORMATS = ("text", "json", "html", *BINARY_FORMATS)
TABLE_FORMATS = ("text", "json")
"""The commands that print a table or text for people, or JSON for programs."""

GAP_DESCRIPTION = (
    "Compare a target with the current state. Several interviewees may each have answered for "
    "the same system: give several CURRENT sessions, and more target sessions with "
    "--also-target. Each side is then merged into one level per practice (assessments: the "
    "lowest level; targets: the highest), and the output lists where the interviewees "
    "disagree. Name TARGET and the CURRENT sessions together, before or after the options. "
    "The rules are in docs/GAP.md."
)
HISTORY_DESCRIPTION = (
    "Show one system's sessions over time: each self-assessment's levels, practice by practice, "
    "and how the gaps to the current target (the most recent finished target) have moved. "
    "SYSTEM is the system's name (case, spaces and punctuation do not count) or the id of one "
    "of its sessions. The rules are in docs/HISTORY.md."
)

Command = Callable[[argparse.Namespace], int]
Subcommands = Any  # argparse's _SubParsersAction, which it does not export


def handler_of(arguments: argparse.Namespace) -> Command:
    """The function that runs the chosen command, imported now (the start screen by default)."""
    reference: str = getattr(arguments, "run", None) or "interview.cli.interview_commands:run_start"
    module_name, function_name = reference.split(":")
    command: Command = getattr(importlib.import_module(module_name), function_name)
    return command


def default_sessions_dir() -> Path:
    """``$SMM_SESSIONS_DIR`` when set, else ``./sessions``."""
    return Path(os.environ.get(SESSIONS_DIR_VARIABLE) or "sessions")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, sub-commands included."""
    parser = Parser(
        prog="smm",
        description=(
            "Interview the people responsible for an IoT system through the IIC IoT Security "
            "Maturity Model: set a target, assess the current state, compare the two."
        ),
    )
    parser.add_argument("--version", action="version", version=f"smm {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for add_commands in (
        _add_interview_commands,
        _add_session_commands,
        _add_gap_commands,
        _add_profile_commands,
        _add_history_commands,
        _add_cycle_commands,
        _add_plan_commands,
        add_serve_commands,
        add_model_commands,
        add_shell_commands,
    ):
        add_commands(commands)
    return parser


def _add_interview_commands(commands: Subcommands) -> None:
    new = commands.add_parser("new", help="start a new interview (target or self-assessment)")
    new.add_argument("kind", choices=SESSION_KINDS, metavar="target|assessment")
    new.add_argument("--system", metavar="NAME", help="the system of interest's name")
    new.add_argument(
        "--target", metavar="SESSION", help="for an assessment: the target to compare with"
    )
    new.add_argument(
        "--profile", metavar="ID", help="for a target: start from this profile (see smm profiles)"
    )
    new.add_argument(
        "--industry",
        metavar="SECTOR",
        help="the sector the system serves, one of the questionnaire's industry values "
        "(consumer, industrial, energy, ...; see smm questions): the interview does not ask "
        "it again, and for a target smm names the profiles made for it",
    )
    new.add_argument(
        "--from",
        dest="previous",
        metavar="SESSION",
        help="for an assessment: start from an earlier one, confirming or changing each answer",
    )
    new.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help="answers written ahead (TOML or CSV; see smm questions): replayed first, then the "
        "interview goes on at the first question the file does not answer",
    )
    new.add_argument(
        "--batch",
        action="store_true",
        help="with --answers: never open a screen; every answer must be in the file",
    )
    add_session_options(new, "interview_commands:run_new")

    resume = commands.add_parser(
        "resume", help="carry on with a saved session (default: the latest unfinished)"
    )
    resume.add_argument(
        "session",
        nargs="?",
        metavar="SESSION",
        help="a session id or a session file's path (a file outside the sessions folder is "
        "saved back into that file, and its folder must be writable)",
    )
    add_session_options(resume, "interview_commands:run_resume")


def _add_session_commands(commands: Subcommands) -> None:
    listing = commands.add_parser("list", help="list saved sessions, most recent first")
    add_format_option(listing, TABLE_FORMATS, "text")
    add_session_options(listing, "session_commands:run_list")

    show = commands.add_parser("show", help="show one session's answers, notes and levels")
    show.add_argument(
        "session", metavar="SESSION", help="a session id (see smm list) or a session file's path"
    )
    add_format_option(show, TABLE_FORMATS, "text")
    add_session_options(show, "session_commands:run_show")


def _add_gap_commands(commands: Subcommands) -> None:
    gap = commands.add_parser(
        "gap", help="compare a target with a current state", description=GAP_DESCRIPTION
    )
    gap.add_argument("target", metavar="TARGET", help="a target session (id or path)")
    gap.add_argument(
        "current",
        metavar="CURRENT",
        nargs="+",
        help="a self-assessment session (id or path); several are merged by the lowest level",
    )
    gap.add_argument(
        "--also-target",
        metavar="SESSION",
        action="append",
        default=[],
        help="another target session, from another business owner (repeat for more); "
        "the targets are merged by the highest level",
    )
    add_format_and_output(gap, GAP_FORMATS, "text")
    add_document_options(gap)
    add_session_options(gap, "gap_commands:run_gap")

    report = commands.add_parser("report", help="one session's levels as a document")
    report.add_argument("session", metavar="SESSION", help="a session id or a session file's path")
    add_format_and_output(report, REPORT_FORMATS, "text")
    add_document_options(report)
    add_session_options(report, "gap_commands:run_report")

    export = commands.add_parser(
        "export",
        help="write one session's practice levels as data (csv, the default, or json), or "
        "its answers as a form to read, change and import again (xlsx)",
    )
    export.add_argument("session", metavar="SESSION", help="a session id or a session file's path")
    add_format_and_output(export, EXPORT_FORMATS, "csv")
    add_session_options(export, "gap_commands:run_export")

    form = commands.add_parser(
        "form",
        help="write a blank answers form to fill in offline, then `smm import` it",
    )
    form.add_argument("--kind", required=True, choices=SESSION_KINDS, help="the interview's kind")
    add_format_and_output(form, FORM_FORMATS, "xlsx")
    add_session_options(form, "answers_commands:run_form")

    importing = commands.add_parser(
        "import",
        help="make a session from an answers form or file (xlsx, or CSV with the header "
        "question,answer), replayed through the interview's rules, or from a CSV of practice "
        "levels (e.g. a spreadsheet)",
    )
    importing.add_argument(
        "file", metavar="FILE", type=Path, help="the form (.xlsx) or the CSV file to read"
    )
    importing.add_argument(
        "--kind",
        choices=SESSION_KINDS,
        help="target or assessment (default for a form: the kind it was made for)",
    )
    importing.add_argument(
        "--system",
        metavar="NAME",
        help="the system's name (default for answers: their system_name answer)",
    )
    importing.add_argument(
        "--interviewee", default="", metavar="NAME", help="for levels: who gave them"
    )
    importing.add_argument("--role", default="", metavar="ROLE", help="for levels: their role")
    importing.add_argument(
        "--id",
        metavar="ID",
        help="the new session's id (default: from the system, the kind and the date)",
    )
    add_session_options(importing, "gap_commands:run_import")


def _add_profile_commands(commands: Subcommands) -> None:
    listing = commands.add_parser("profiles", help="list the target profiles (starting targets)")
    add_format_option(listing, TABLE_FORMATS, "text")
    add_session_options(listing, "profile_commands:run_profiles")

    profile = commands.add_parser("profile", help="save a finished target as a new profile")
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)
    save = actions.add_parser("save", help="save a finished target session as a profile")
    save.add_argument("session", metavar="SESSION", help="a target session (id or path)")
    save.add_argument("--id", required=True, metavar="ID", help="the new profile's id")
    where = "where to write it (default: ID.toml in $SMM_PROFILES_DIR, else ./profiles)"
    save.add_argument("-o", "--output", type=Path, metavar="FILE", help=where)
    add_session_options(save, "profile_commands:run_profile_save")


def _add_history_commands(commands: Subcommands) -> None:
    history = commands.add_parser(
        "history",
        help="one system's assessments over time and how its gaps moved",
        description=HISTORY_DESCRIPTION,
    )
    history.add_argument(
        "system", metavar="SYSTEM", help="the system's name, or the id of one of its sessions"
    )
    add_format_and_output(history, HISTORY_FORMATS, "text")
    add_document_options(history)
    add_session_options(history, "history_commands:run_history")


def _add_cycle_commands(commands: Subcommands) -> None:
    accept = commands.add_parser(
        "accept", help="accept a finished self-assessment as the new baseline"
    )
    accept.add_argument(
        "session",
        metavar="SESSION",
        help="a self-assessment (id or path; a file outside the sessions folder is saved back "
        "into that file, and its folder must be writable)",
    )
    add_session_options(accept, "cycle_commands:run_accept")


def _add_plan_commands(commands: Subcommands) -> None:
    plan = commands.add_parser("plan", help="the roadmap as a plan: owners, due dates, status")
    actions = plan.add_subparsers(dest="plan_action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="the roadmap of a gap analysis with its plan")
    show.add_argument("target", metavar="TARGET", help="a target session (id or path)")
    show.add_argument("current", metavar="CURRENT", help="a self-assessment (id or path)")
    add_format_option(show, TABLE_FORMATS, "text")
    add_session_options(show, "plan_commands:run_plan_show")

    change = actions.add_parser("set", help="set the owner, due date, status or note of an item")
    change.add_argument("session", metavar="SESSION", help="any session of the system")
    change.add_argument("practice", metavar="PRACTICE", help="a practice id, e.g. G2.1")
    change.add_argument("--owner", metavar="NAME")
    change.add_argument("--due", metavar="YYYY-MM-DD", type=due_date)
    change.add_argument("--status", choices=PLAN_STATUSES)
    change.add_argument("--note", metavar="TEXT")
    add_session_options(change, "plan_commands:run_plan_set")


def due_date(text: str) -> date:
    """``2027-03-31`` → a date; anything else is refused the argparse way (one line, exit 2)."""
    from interview.plan import parse_due  # `plan set` imports it anyway; other commands never

    try:
        return parse_due(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(error.lines[0]) from None
