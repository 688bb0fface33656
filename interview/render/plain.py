"""Plain text for a terminal or a pipe: JSON and simple columns, with user text made safe."""

from __future__ import annotations

import json
from collections.abc import Sequence

from interview.errors import printable


def json_text(data: object) -> str:
    """JSON for stdout: readable Unicode, but no character a terminal would act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return "".join(
        char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text
    )


GAP = "  "
"""Between two columns."""

INDENT = "    "
"""Before a row's other columns when its first column (an id) takes a line of its own."""


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    width: int | None = None,
) -> list[str]:
    """Left-aligned columns; cells longer than their column are cut with an ellipsis. Within
    ``width`` columns: when the row does not fit, its first column (an id, never cut) takes a
    line of its own and the others, narrowed to fit, follow on the next line."""
    if width is not None:
        widths = _content_widths(headers, rows, widths)
    if width is None or len(GAP.join(" " * w for w in widths)) <= width:
        return [_line(headers, widths), *(_line(row, widths) for row in rows)]
    rest = _narrowed(widths[1:], width - len(INDENT))
    lines = [printable(headers[0]), INDENT + _line(headers[1:], rest)]
    for row in rows:
        lines += [printable(row[0]), INDENT + _line(row[1:], rest)]
    return lines


def _content_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]
) -> list[int]:
    """Each column no wider than its longest cell (nor than the width it was given)."""
    return [
        min(most, max(len(printable(cell)) for cell in column))
        for most, column in zip(widths, zip(headers, *rows, strict=True), strict=True)
    ]


def _narrowed(widths: Sequence[int], width: int, narrowest: int = 6) -> list[int]:
    """Column widths that fit ``width`` with their gaps: the widest is narrowed first."""
    fitted = list(widths)
    while sum(fitted) + len(GAP) * (len(fitted) - 1) > width and max(fitted) > narrowest:
        fitted[fitted.index(max(fitted))] -= 1
    return fitted


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(_cell(text, w) for text, w in zip(cells, widths, strict=True)).rstrip()


def _cell(text: str, width: int) -> str:
    text = printable(text)
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)
