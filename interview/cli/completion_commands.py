"""``smm completion``: a shell completion script made from the parser by shtab."""

from __future__ import annotations

import argparse

from interview.cli.exit_codes import ExitCode
from interview.cli.output import print_text
from interview.cli.parser import build_parser


def run_completion(arguments: argparse.Namespace) -> int:
    """Print the completion script of the chosen shell."""
    import shtab  # only this command needs it

    print_text(shtab.complete(build_parser(), shell=arguments.shell))
    return ExitCode.OK
