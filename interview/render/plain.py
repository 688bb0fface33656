"""Plain text for a terminal or a pipe: JSON and simple columns, with user text made safe."""

from __future__ import annotations

import json
from collections.abc import Sequence

from interview.errors import as_typed, printable
from interview.render.columns import fit_table
from interview.render.fit import cell_len


def json_text(data: object) -> str:
    """JSON for stdout: readable Unicode, but no character a terminal would act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return "".join(
        char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text
    )


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
    shown = [[as_typed(cell) for cell in row] for row in [headers, *rows]]
    full = [max(cell_len(cell) for cell in column) for column in zip(*shown, strict=True)]
    return fit_table(shown[0], shown[1:], full, width).lines()


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(_cell(text, w) for text, w in zip(cells, widths, strict=True)).rstrip()


def _cell(text: str, width: int) -> str:
    text = printable(text)
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)
