"""What the commands share: the workspace they work in, and warnings on stderr."""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from interview.errors import InputError, printable
from interview.files import write_text_atomically

if TYPE_CHECKING:
    from interview.render.control import ControlOptions
    from interview.services import Workspace


def workspace_of(arguments: argparse.Namespace) -> Workspace:
    """The workspace a command works in: its questionnaire and its sessions folder."""
    from interview.questionnaire import load_questionnaire
    from interview.services import Workspace

    return Workspace.at(load_questionnaire(arguments.questionnaire), arguments.sessions_dir)


def warn(lines: Sequence[str]) -> None:
    """Warnings on stderr, one line each; the command goes on."""
    for line in lines:
        print(printable(f"smm: warning: {line}"), file=sys.stderr)


def print_text(text: str) -> None:
    """A document (a report, JSON, CSV) on standard output. The writers of the reports have
    escaped user text already; CSV keeps cells exactly, for files (``-o``), so here what could
    act on a terminal is escaped, the tab and the newline kept."""
    print(printable(text, keep="\t\n"), end="" if text.endswith("\n") else "\n")


PIPE_WIDTH = 80
"""Columns for output that is not a terminal (a pipe, a file): what a terminal shows unwrapped."""

NARROWEST = 40
"""Below this, tables could not keep an id whole; a narrower terminal wraps the lines."""


def output_width(output: Path | None = None) -> int:
    """The columns text output should fit: the terminal's, or 80 for a pipe or a file."""
    if output is not None or not sys.stdout.isatty():
        return PIPE_WIDTH
    return max(NARROWEST, shutil.get_terminal_size((PIPE_WIDTH, 24)).columns)


def deliver_bytes(content: bytes, output: Path | None) -> int:
    """A binary document (Word, Excel, PDF): written whole to ``output``, or to standard
    output when that is a pipe or a file; a terminal would show it as garbage."""
    if output is not None:
        write_text_atomically(output, content)
        print(f"Wrote {printable(str(output))}")
        return 0
    if sys.stdout.isatty():
        raise InputError(["this format is a file, not text to show: give a file name with -o FILE"])
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return 0


def control_options(arguments: argparse.Namespace, today: date) -> ControlOptions:
    """The document control the command line asked for (``--classification``, ``--paper``,
    ``--prepared-by``), dated ``today``."""
    from interview.render.control import ControlOptions
    from interview.render.document import Paper

    return ControlOptions(
        today=today,
        classification=arguments.classification,
        paper=Paper(arguments.paper),
        prepared_by=arguments.prepared_by,
    )
