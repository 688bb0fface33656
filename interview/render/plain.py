"""Plain text for a terminal or a pipe: JSON and simple columns, with user text made safe."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from interview.errors import HARMFUL, printable
from interview.render.columns import fit_table
from interview.render.fit import cell_len


def json_text(data: object) -> str:
    """JSON for stdout: readable Unicode, the characters :func:`printable` escapes written as
    JSON escapes (``\\u202e``), which a JSON reader turns back into the characters."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return HARMFUL.sub(_json_escape, text)


def _json_escape(found: re.Match[str]) -> str:
    """A JSON escape for a character :func:`printable` escapes; the newlines left in the text
    are the layout's (json.dumps escapes those in strings)."""
    char = found.group()
    return char if char == "\n" else json.dumps(char)[1:-1]


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    width: int | None = None,
) -> list[str]:
    """Left-aligned columns. Without ``width``, cells longer than their column are cut with an
    ellipsis. Within ``width`` columns, nothing is cut: each column is as wide as its longest
    cell, and when the table is too wide its text wraps within narrower columns (see
    ``fit_table``)."""
    if width is None:
        return [_line(headers, widths), *(_line(row, widths) for row in rows)]
    shown = [[printable(cell) for cell in row] for row in [headers, *rows]]
    full = [max(cell_len(cell) for cell in column) for column in zip(*shown, strict=True)]
    return fit_table(shown[0], shown[1:], full, width).lines()


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(_cell(text, w) for text, w in zip(cells, widths, strict=True)).rstrip()


def _cell(text: str, width: int) -> str:
    text = printable(text)
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)
