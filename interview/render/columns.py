"""Tables that fit a width: when a table is too wide, its text columns are narrowed, the
widest first, and their cells wrap onto continuation lines within their column.

A column is never narrowed below its widest word, so ids, levels, dates and numbers stay
whole and aligned; a cell's leading spaces (a row's depth in a hierarchy) start each of its
lines. When the columns would be too narrow to read, each row's first cell (an id) takes a line
of its own and the other cells follow, indented, on the line below; when even that does not
fit, each row is written as a record, one labelled value per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview.render.fit import cell_len, narrowest, pad, wrap

GAP = "  "
"""Between two columns."""

INDENT = "    "
"""Before a row's other cells when its first cell takes a line of its own."""

READABLE = 10
"""The fewest cells a narrowed column keeps before the table is laid out another way."""

Cells = Sequence[str]


@dataclass(frozen=True)
class FittedTable:
    """A table's lines, row by row (the header first), and where its second column starts."""

    rows: list[list[str]]
    second_column: int

    def lines(self) -> list[str]:
        return [line for row in self.rows for line in row]


def fit_table(
    headers: Cells, rows: Sequence[Cells], widths: Sequence[int], width: int
) -> FittedTable:
    """The header's lines, then each row's lines, within ``width`` cells where the words allow;
    ``widths`` are the columns' widths when the table fits as they are. Side by side if every
    column keeps a readable width; else each row's first cell on a line of its own and the other
    cells side by side below it; else each row as a record, one ``HEADER: value`` per line."""
    table = [headers, *rows]
    fitted = fit_widths(table, widths, width)
    if fitted is not None and _readable(table, fitted):
        return FittedTable([cell_lines(row, fitted) for row in table], fitted[0] + len(GAP))
    rest = fit_widths([row[1:] for row in table], widths[1:], width - len(INDENT))
    if rest is not None and _readable([row[1:] for row in table], rest):
        stacked = [
            [*_first_cell(row, width), *_indented(cell_lines(row[1:], rest))] for row in table
        ]
        return FittedTable(stacked, len(INDENT))
    return FittedTable([[], *(_record(headers, row, width) for row in rows)], len(INDENT))


def _first_cell(row: Cells, width: int) -> list[str]:
    return wrap(row[0], width, *([_leading(row[0])] * 2))


def _indented(lines: list[str]) -> list[str]:
    return [INDENT + line if line else line for line in lines]


def _record(headers: Cells, row: Cells, width: int) -> list[str]:
    """A row too wide for any table: its first cell, then ``HEADER: value`` lines."""
    lines = _first_cell(row, width)
    for header, cell in zip(headers[1:], row[1:], strict=True):
        label = f"{header}: "
        hanging = INDENT + " " * cell_len(label)
        if cell_len(hanging) + narrowest(cell) > width:
            hanging = INDENT + "  "  # a long id goes on under the label, not beside it
        lines += wrap(label + cell, width, INDENT, hanging)
    return lines


def _readable(table: Sequence[Cells], widths: Sequence[int]) -> bool:
    """No column narrowed below a few words' width (nor below its content, when shorter)."""
    return all(
        most >= min(READABLE, content_width(table, index)) for index, most in enumerate(widths)
    )


def fit_widths(table: Sequence[Cells], widths: Sequence[int], width: int) -> list[int] | None:
    """The columns' widths: as given when the table fits them, else each as wide as its content,
    then the widest narrowed first; None when the narrowest words do not fit."""
    least = [narrowest_of(table, index) for index in range(len(widths))]
    given = [max(most, fewest) for most, fewest in zip(widths, least, strict=True)]
    if _used(table, given) <= width:
        return given
    fitted = [max(content_width(table, index), least[index]) for index in range(len(widths))]
    while _used(table, fitted) > width:
        narrowable = [index for index, most in enumerate(fitted) if most > least[index]]
        if not narrowable:
            return None
        widest = max(narrowable, key=lambda index: (fitted[index], index))
        fitted[widest] -= 1
    return fitted


def _used(table: Sequence[Cells], widths: Sequence[int]) -> int:
    """The widest line: every column but the last padded, the last as long as its content."""
    last = min(widths[-1], content_width(table, len(widths) - 1))
    return sum(widths[:-1]) + last + len(GAP) * (len(widths) - 1)


def content_width(table: Sequence[Cells], index: int) -> int:
    return max(cell_len(row[index]) for row in table)


def narrowest_of(table: Sequence[Cells], index: int) -> int:
    """The column's widest word, with the cell's leading spaces."""
    return max(cell_len(_leading(row[index])) + narrowest(row[index]) for row in table)


def cell_lines(row: Cells, widths: Sequence[int]) -> list[str]:
    """One row: each cell wrapped to its column, side by side, over as many lines as needed."""
    wrapped = [
        wrap(text, column, *([_leading(text)] * 2)) or [""]
        for text, column in zip(row, widths, strict=True)
    ]
    height = max(len(lines) for lines in wrapped)
    return [
        GAP.join(
            pad(lines[line] if line < len(lines) else "", column)
            for lines, column in zip(wrapped, widths, strict=True)
        ).rstrip()
        for line in range(height)
    ]


def _leading(text: str) -> str:
    """The cell's leading spaces (its depth in a hierarchy)."""
    return text[: len(text) - len(text.lstrip(" "))]
