"""Writing for a terminal or a pipe: JSON, simple tables and times, with user text made safe."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interview.errors import printable

if TYPE_CHECKING:
    from interview.services import Workspace


def json_text(data: object) -> str:
    """JSON for stdout: readable Unicode, but no character a terminal would act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return "".join(
        char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text
    )


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]
) -> list[str]:
    """Left-aligned columns; cells longer than their width are cut with an ellipsis."""

    def cell(text: str, width: int) -> str:
        text = printable(text)
        return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)

    lines = ["  ".join(cell(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(cell(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return lines


def workspace_of(arguments: argparse.Namespace) -> Workspace:
    """The workspace a command works in: its questionnaire and its sessions folder."""
    from interview.questionnaire import load_questionnaire
    from interview.services import Workspace

    return Workspace.at(load_questionnaire(arguments.questionnaire), arguments.sessions_dir)


def warn(lines: Sequence[str]) -> None:
    """Warnings on stderr, one line each; the command goes on."""
    for line in lines:
        print(printable(f"smm: warning: {line}"), file=sys.stderr)
