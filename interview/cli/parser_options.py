"""The options that many commands share: output format and file, document control, the
questionnaire and the sessions folder; and the parser class every command's parser is made
of (standard library only, as the parser)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from interview.cli.exit_codes import ExitCode
from interview.errors import printable

SESSIONS_DIR_VARIABLE = "SMM_SESSIONS_DIR"
SESSION_KINDS = ("target", "assessment")


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, ending in exit code 2."""

    def error(self, message: str) -> NoReturn:
        # argparse quotes some arguments with repr() but echoes others (unrecognized ones, an
        # ambiguous option) as given: every message is escaped here, so none reaches the
        # terminal raw.
        line = printable(f"{self.prog}: {message} (see '{self.prog} --help')")
        self.exit(ExitCode.BAD_INPUT, f"{line}\n")


def add_format_option(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], default: str
) -> None:
    """``--format`` (every command that prints data has one, with a default), and ``--json``,
    short for ``--format json``, wherever JSON is one of the formats."""
    parser.add_argument(
        "--format", choices=formats, default=default, help=f"output format (default: {default})"
    )
    if "json" in formats:
        parser.add_argument(
            "--json",
            dest="format",
            action="store_const",
            const="json",
            help="short for --format json",
        )


def add_format_and_output(
    parser: argparse.ArgumentParser, formats: tuple[str, ...], default: str
) -> None:
    """``--format`` and ``--json`` as above, and ``-o FILE``."""
    add_format_option(parser, formats, default)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (whole or not at all) instead of standard output",
    )


def add_document_options(parser: argparse.ArgumentParser) -> None:
    """Document control for the reports handed on (every format but JSON and CSV)."""
    parser.add_argument(
        "--classification",
        default="",
        metavar="TEXT",
        help="a confidentiality line shown on the report and on every printed page "
        '(e.g. "Confidential: Acme and its auditors")',
    )
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default="a4",
        help="page size of printed, Word and PDF reports (default: a4)",
    )
    parser.add_argument(
        "--prepared-by",
        default="",
        metavar="NAME",
        help="who prepared the report (default: the assessments' interviewees)",
    )


def add_questionnaire_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help="a questionnaire file of your own (default: the shipped IIC SMM questionnaire)",
    )


def add_session_options(parser: argparse.ArgumentParser, handler: str) -> None:
    """The options every session command takes, and the handler (``module:function`` under
    ``interview.cli``) that runs it."""
    add_questionnaire_option(parser)
    parser.add_argument(
        "--sessions-dir",
        type=Path,
        metavar="DIR",
        default=None,
        help=f"where sessions are saved (default: ${SESSIONS_DIR_VARIABLE}, else ./sessions)",
    )
    parser.set_defaults(run=f"interview.cli.{handler}")
