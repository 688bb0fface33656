"""The commands about smm itself rather than about sessions: ``serve``, ``model``,
``questions``, ``validate`` and ``completion`` (standard library only, as the parser)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from interview.cli.parser_options import (
    SESSION_KINDS,
    add_format_option,
    add_questionnaire_option,
    add_session_options,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_TABS = 20
"""Each tab is a Python process of 50 to 130 MB: 20 stay within about 2 GB of memory."""
COMPLETION_SHELLS = ("bash", "zsh", "tcsh")

Subcommands = Any  # argparse's _SubParsersAction, which it does not export


def add_serve_commands(commands: Subcommands) -> None:
    serve = commands.add_parser(
        "serve", help="serve the interview to web browsers (one interview per browser tab)"
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="HOST",
        help=f"the address to listen on (default: {DEFAULT_HOST}, this machine only)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="PORT",
        help=f"the port to listen on (default: {DEFAULT_PORT})",
    )
    serve.add_argument(
        "--no-token",
        action="store_true",
        help="do not require the token in the printed URL (only on a network you trust)",
    )
    serve.add_argument(
        "--max-tabs",
        type=int,
        default=DEFAULT_MAX_TABS,
        metavar="N",
        help=f"the most browser tabs with an interview open at once; each is a process of 50 to "
        f"130 MB, so the default ({DEFAULT_MAX_TABS}) stays within about 2 GB; a tab over it is "
        "refused with a message, and a tab closed frees its place",
    )
    # What each browser tab runs: the start screen under textual-serve's web driver.
    serve.add_argument("--tab", action="store_true", help=argparse.SUPPRESS)
    serve.add_argument("--seat", help=argparse.SUPPRESS)  # whose browser: see services.workshop
    add_session_options(serve, "serve_commands:run_serve")


def add_model_commands(commands: Subcommands) -> None:
    model = commands.add_parser(
        "model", help="print the model's domains, sub-domains and practices"
    )
    add_format_option(model, ("text", "json"), "text")
    add_questionnaire_option(model)
    model.set_defaults(run="interview.cli.model_commands:run_model")

    listing = commands.add_parser(
        "questions", help="every question an interview can ask: ids, answers, when asked"
    )
    listing.add_argument(
        "--kind", choices=SESSION_KINDS, required=True, metavar="target|assessment"
    )
    add_format_option(listing, ("text", "csv", "json"), "text")
    add_questionnaire_option(listing)
    listing.set_defaults(run="interview.cli.questions_commands:run_questions")

    validate = commands.add_parser(
        "validate",
        help="check questionnaire and profile files (none named: the shipped questionnaires, "
        "the shipped profiles and your own, in $SMM_PROFILES_DIR, else ./profiles)",
    )
    validate.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="a questionnaire or a profile file"
    )
    validate.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help="the questionnaire that profiles are checked against (default: the shipped one)",
    )
    validate.set_defaults(run="interview.cli.model_commands:run_validate")


def add_shell_commands(commands: Subcommands) -> None:
    completion = commands.add_parser(
        "completion",
        help="print the shell completion script for smm (bash, zsh or tcsh)",
        description="Print a script that completes smm's commands and options in your shell. "
        'bash: add  eval "$(smm completion bash)"  to ~/.bashrc; zsh: write '
        "`smm completion zsh` to a file named _smm in a folder of $fpath; tcsh: add  "
        "eval `smm completion tcsh`  to ~/.tcshrc.",
    )
    completion.add_argument("shell", choices=COMPLETION_SHELLS, metavar="bash|zsh|tcsh")
    completion.set_defaults(run="interview.cli.completion_commands:run_completion")
