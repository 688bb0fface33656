"""The ``smm`` command: argument parsing, and error handling shared by every command.

Exit codes everywhere: 0 success, 2 bad input or usage, 1 an unexpected failure.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from interview import __version__
from interview.cli.cycle_commands import add_cycle_commands
from interview.cli.gap_commands import add_gap_commands
from interview.cli.history_commands import add_history_commands
from interview.cli.interview_commands import run_new, run_resume, run_start
from interview.cli.model_commands import run_model, run_validate
from interview.cli.plan_commands import add_plan_commands
from interview.cli.profile_commands import add_profile_commands
from interview.cli.serve_commands import add_serve_commands
from interview.cli.session_commands import run_list, run_show
from interview.errors import InputError, printable
from interview.session.model import SessionKind
from interview.session.store import SESSIONS_DIR_VARIABLE, default_sessions_dir

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, ending in exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, sub-commands included."""
    parser = _Parser(
        prog="smm",
        description=(
            "Interview the people responsible for an IoT system through the IIC IoT Security "
            "Maturity Model: set a target, assess the current state, compare the two."
        ),
    )
    parser.add_argument("--version", action="version", version=f"smm {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = commands.add_parser("new", help="start a new interview (target or self-assessment)")
    new.add_argument(
        "kind", choices=[kind.value for kind in SessionKind], metavar="target|assessment"
    )
    new.add_argument("--system", metavar="NAME", help="the system of interest's name")
    new.add_argument(
        "--target", metavar="SESSION", help="for an assessment: the target to compare with"
    )
    new.add_argument(
        "--profile", metavar="ID", help="for a target: start from this profile (see smm profiles)"
    )
    new.add_argument(
        "--from",
        dest="previous",
        metavar="SESSION",
        help="for an assessment: start from an earlier one, confirming or changing each answer",
    )
    _add_session_options(new)
    new.set_defaults(run=run_new)

    resume = commands.add_parser(
        "resume", help="carry on with a saved session (default: the latest unfinished)"
    )
    resume.add_argument(
        "session", nargs="?", metavar="SESSION", help="a session id or a session file's path"
    )
    _add_session_options(resume)
    resume.set_defaults(run=run_resume)

    listing = commands.add_parser("list", help="list saved sessions, most recent first")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_session_options(listing)
    listing.set_defaults(run=run_list)

    show = commands.add_parser("show", help="show one session's answers, notes and levels")
    show.add_argument(
        "session", metavar="SESSION", help="a session id (see smm list) or a session file's path"
    )
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    _add_session_options(show)
    show.set_defaults(run=run_show)

    add_gap_commands(commands, _add_session_options)
    add_profile_commands(commands, _add_session_options)
    add_history_commands(commands, _add_session_options)
    add_cycle_commands(commands, _add_session_options)
    add_plan_commands(commands, _add_session_options)
    add_serve_commands(commands, _add_session_options)

    model = commands.add_parser(
        "model", help="print the model's domains, sub-domains and practices"
    )
    model.add_argument("--json", action="store_true", help="print JSON instead of a tree")
    _add_questionnaire_option(model)
    model.set_defaults(run=run_model)

    validate = commands.add_parser(
        "validate", help="check questionnaire files (the shipped ones when none is named)"
    )
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE")
    validate.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help="the questionnaire that profiles are checked against (default: the shipped one)",
    )
    validate.set_defaults(run=run_validate)
    return parser


def _add_questionnaire_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help="a questionnaire file of your own (default: the shipped IIC SMM questionnaire)",
    )


def _add_session_options(parser: argparse.ArgumentParser) -> None:
    _add_questionnaire_option(parser)
    parser.add_argument(
        "--sessions-dir",
        type=Path,
        metavar="DIR",
        default=None,
        help=f"where sessions are saved (default: ${SESSIONS_DIR_VARIABLE}, else ./sessions)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if getattr(arguments, "sessions_dir", "absent") is None:
        arguments.sessions_dir = default_sessions_dir()
    if getattr(arguments, "run", None) is None:  # plain `smm`: the start screen
        arguments.run = run_start
        arguments.questionnaire = None
        arguments.sessions_dir = default_sessions_dir()
    command: Command = arguments.run
    try:
        return command(arguments)
    except InputError as error:
        for line in error.lines:
            print(f"smm: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``smm model | head``): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        if os.environ.get("SMM_DEBUG"):
            raise
        print(
            f"smm: unexpected error: {printable(repr(error))} "
            "(run again with SMM_DEBUG=1 for details, and please report it)",
            file=sys.stderr,
        )
        return EXIT_FAILURE
