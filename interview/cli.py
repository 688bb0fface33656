"""The ``smm`` command: argument parsing and the thin commands over the core.

Exit codes everywhere: 0 success, 2 bad input or usage, 1 an unexpected failure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from interview import __version__
from interview.errors import InputError, printable
from interview.questionnaire import (
    Questionnaire,
    load_questionnaire,
    shipped_questionnaire_paths,
)
from interview.questionnaire.levels import COMPREHENSIVENESS_NAMES, SCOPE_NAMES

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2

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
    validate.set_defaults(run=run_validate)
    return parser


def _add_questionnaire_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help="a questionnaire file of your own (default: the shipped IIC SMM questionnaire)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    command: Command | None = getattr(arguments, "run", None)
    if command is None:
        parser.print_help()
        return EXIT_OK
    try:
        return command(arguments)
    except InputError as error:
        for line in error.lines:
            print(f"smm: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
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


# --- smm model --------------------------------------------------------------------------


def run_model(arguments: argparse.Namespace) -> int:
    """Print the hierarchy as a tree, or as JSON."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    if arguments.json:
        print(json_text(model_as_json(questionnaire)))
    else:
        print("\n".join(model_tree_lines(questionnaire)))
    return EXIT_OK


def model_as_json(questionnaire: Questionnaire) -> dict[str, Any]:
    """The hierarchy as plain data: ids, names, purposes and each level's objective."""
    return {
        "questionnaire": {
            "id": questionnaire.id,
            "version": questionnaire.version,
            "title": questionnaire.title,
            "content_hash": questionnaire.content_hash,
        },
        "comprehensiveness_levels": {str(n): name for n, name in COMPREHENSIVENESS_NAMES.items()},
        "scope_levels": {str(n): name for n, name in SCOPE_NAMES.items()},
        "domains": [
            {
                "id": did,
                "name": domain.name,
                "purpose": domain.purpose,
                "subdomains": [
                    {
                        "id": sid,
                        "name": questionnaire.subdomains[sid].name,
                        "purpose": questionnaire.subdomains[sid].purpose,
                        "practices": [
                            _practice_as_json(questionnaire, pid)
                            for pid in questionnaire.practice_ids(sid)
                        ],
                    }
                    for sid in questionnaire.subdomain_ids(did)
                ],
            }
            for did, domain in questionnaire.domains.items()
        ],
    }


def _practice_as_json(questionnaire: Questionnaire, practice_id: str) -> dict[str, Any]:
    practice = questionnaire.practices[practice_id]
    return {
        "id": practice_id,
        "name": practice.name,
        "purpose": practice.purpose,
        "levels": {
            str(number): {"name": COMPREHENSIVENESS_NAMES[number], "objective": level.objective}
            for number, level in sorted(practice.levels.items())
        },
    }


def model_tree_lines(questionnaire: Questionnaire) -> list[str]:
    """The hierarchy drawn as a tree, one line per domain, sub-domain and practice."""
    counts = (
        f"{len(questionnaire.domains)} domains, {len(questionnaire.subdomains)} sub-domains, "
        f"{len(questionnaire.practices)} practices"
    )
    lines = [
        printable(
            f"{questionnaire.title} (questionnaire {questionnaire.id} "
            f"{questionnaire.version}): {counts}"
        )
    ]
    for did, domain in questionnaire.domains.items():
        lines.append(printable(f"{did}  {domain.name}"))
        subdomain_ids = questionnaire.subdomain_ids(did)
        for sub_index, sid in enumerate(subdomain_ids):
            last_sub = sub_index == len(subdomain_ids) - 1
            lines.append(
                printable(
                    f"{'└─' if last_sub else '├─'} {sid}  {questionnaire.subdomains[sid].name}"
                )
            )
            practice_ids = questionnaire.practice_ids(sid)
            for index, pid in enumerate(practice_ids):
                branch = "└─" if index == len(practice_ids) - 1 else "├─"
                stem = "   " if last_sub else "│  "
                name = questionnaire.practices[pid].name
                lines.append(printable(f"{stem}{branch} {pid}  {name}"))
    return lines


# --- smm validate -----------------------------------------------------------------------


def run_validate(arguments: argparse.Namespace) -> int:
    """Check each file; report every problem; exit 2 when any file is invalid."""
    paths: list[Path] = arguments.files or shipped_questionnaire_paths()
    if not paths:
        raise InputError(["no questionnaire files to check; name one"])
    invalid = 0
    for path in paths:
        try:
            questionnaire = load_questionnaire(path)
        except InputError as error:
            invalid += 1
            for line in error.lines:
                print(f"smm: {line}", file=sys.stderr)
            continue
        print(printable(f"{path}: valid ({_questionnaire_summary(questionnaire)})"))
    return EXIT_BAD_INPUT if invalid else EXIT_OK


def _questionnaire_summary(questionnaire: Questionnaire) -> str:
    questions = sum(
        len(level.questions)
        for practice in questionnaire.practices.values()
        for level in practice.levels.values()
    )
    return (
        f"{questionnaire.id} {questionnaire.version}: {len(questionnaire.practices)} practices, "
        f"{questions} assessment questions"
    )


# --- Output -----------------------------------------------------------------------------


def json_text(data: object) -> str:
    """JSON for stdout: readable Unicode, but no character a terminal would act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return "".join(
        char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text
    )
