"""What the commands share: the workspace they work in, and warnings on stderr."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from interview.cli.exit_codes import ExitCode
from interview.errors import InputError, printable
from interview.files import status_of, what_was_read_at, write_output

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
        write_output_file(output, content)
        return ExitCode.OK
    if sys.stdout.isatty():
        raise InputError(["this format is a file, not text to show: give a file name with -o FILE"])
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
    return ExitCode.OK


def write_output_file(output: Path, content: str | bytes) -> None:
    """Write ``-o``'s file (see :func:`interview.files.write_output`) and say so, unless it
    is one of the files the command read: then one line, and nothing is written."""
    read_as = what_was_read_at(output)
    if read_as is not None:
        raise InputError(
            [
                f"{printable(str(output))}: -o names the {read_as} file this command reads; "
                "give another file name"
            ]
        )
    if write_output(output, content):
        print(f"Wrote {printable(str(output))}")


def refuse_output_into_sessions(output: Path | None, sessions_dir: Path) -> None:
    """Refuse ``-o`` onto the sessions folder's own files: a ``.toml`` in it or below (a
    session, a plan) or a hidden file (a lock, a save's temporary file), whether or not it
    exists yet; a report or export written there would destroy a session or hide as one."""
    if output is None or not (output.suffix.lower() == ".toml" or output.name.startswith(".")):
        return
    folder = os.path.realpath(sessions_dir)
    place = os.path.realpath(output.parent)
    inside = place == folder or place.startswith(folder.rstrip(os.sep) + os.sep)
    if inside or _same_folder(output.parent, sessions_dir):
        raise InputError(
            [
                f"{printable(str(output))}: -o names a file of the sessions folder (a session, a "
                "plan or a lock); write the output elsewhere"
            ]
        )


def _same_folder(one: Path, other: Path) -> bool:
    """The same folder under two names (a bind mount, say), where both exist."""
    first = status_of(one, "the folder of -o")
    second = status_of(other, "the sessions folder")
    if first is None or second is None:
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


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
