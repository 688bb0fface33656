"""The text writer: a document as plain text for a terminal or a pipe, wrapped to a width.

No colour: every severity is written in words. Every string goes through ``printable``, so an
escape sequence in a name is shown, never run, while non-breaking spaces and joiners are kept.
Widths are display cells (a CJK character takes two). Ids and words are never cut: prose and
table cells wrap at spaces (see ``fit`` and ``columns``).
"""

from __future__ import annotations

from collections.abc import Sequence

from interview.errors import printable
from interview.render.columns import FittedTable, fit_table
from interview.render.document import (
    Block,
    Chart,
    Document,
    Entry,
    Facts,
    Items,
    ItemStyle,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.fit import cell_len, wrap

TEXT_WIDTH = 100
"""Prose is wrapped to this many columns by default; wide tables are split to fit it."""

COLUMN_GAP = 2
"""Spaces between two table columns (as ``table`` writes them)."""


def write_text(document: Document, width: int = TEXT_WIDTH) -> str:
    """The whole document, its title first."""
    writer = TextWriter(width)
    lines = [*writer.prose(document.title), *writer.prose(document.lead)]
    for card in document.all_cards:
        lines += writer.prose(f"{card.heading}: {card.summary}", "", "  ")
    for paragraph in document.preamble:
        lines += ["", *writer.paragraph(paragraph, "")]
    for section in document.sections:
        lines += writer.section(section)
    return "\n".join(lines) + "\n"


class TextWriter:
    """Blocks as lines of at most ``width`` columns (a long id or name may run over)."""

    def __init__(self, width: int) -> None:
        self.width = width

    def prose(self, text: str, indent: str = "", more: str = "", first: str = "") -> list[str]:
        """Text on one line or more, whitespace folded, never breaking an id at its hyphens;
        ``first`` (a list marker) starts the first line, ``more`` indents the others."""
        return wrap(printable(text), self.width, indent + first, indent + more)

    def section(self, section: Section) -> list[str]:
        """A blank line, the heading, then each block; a section of charts only is left out."""
        if all(isinstance(block, Chart) for block in section.blocks):
            return []
        lines = ["", *self.prose(section.heading)]
        shown = [block for block in section.blocks if not isinstance(block, Chart)]
        for index, block in enumerate(shown):
            separator = [""] if index and not isinstance(block, Section) else []
            lines += separator + self.block(block, "")
        return lines

    def block(self, block: Block, indent: str) -> list[str]:
        if isinstance(block, Paragraph):
            return self.paragraph(block, indent)
        if isinstance(block, Items):
            return self.items(block, indent)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Facts) and block.compact:
            return self.prose(f"{block.heading}: {block.summary}", indent, "  ")
        if isinstance(block, Facts):
            return [*self.prose(block.heading, indent), *self.facts(block, indent + "  ")]
        if isinstance(block, Section):
            return self.section(block)
        return []  # a chart has no text form

    def paragraph(self, paragraph: Paragraph, indent: str) -> list[str]:
        """``why: …``, continued under the text."""
        if not paragraph.label:
            return self.prose(paragraph.text, indent)
        label = f"{paragraph.label}: "
        return self.prose(label + paragraph.text, indent, " " * cell_len(label))

    def facts(self, facts: Facts, indent: str) -> list[str]:
        lines = []
        for fact in facts.facts:
            lines += self.prose(f"{fact.label}: {fact.value}", indent, "  ")
        return lines

    def items(self, items: Items, indent: str) -> list[str]:
        """Numbered entries apart by a blank line when they hold blocks; bullets close."""
        lines: list[str] = []
        spaced = items.style is ItemStyle.NUMBERED and any(e.blocks for e in items.entries)
        for number, entry in enumerate(items.entries, start=1):
            if spaced and number > 1:
                lines.append("")
            lines += self.entry(entry, items.style, number, indent)
        return lines

    def entry(self, entry: Entry, style: ItemStyle, number: int, indent: str) -> list[str]:
        marker = {ItemStyle.NUMBERED: f"{number:2}. ", ItemStyle.BULLETED: "- "}.get(style, "")
        head = entry_head(entry) + (":" if style is ItemStyle.STEPS else "")
        inner = indent + " " * (len(marker) if style is not ItemStyle.STEPS else 2)
        lines = self.prose(head, indent, " " * cell_len(marker), first=marker)
        for block in entry.blocks:
            lines += self.block(block, inner)
        return lines

    def table(self, table: Table) -> list[str]:
        """The table, each first cell indented by its depth, fitted to the width; a table that
        may be split is split into blocks of its middle columns first if too wide."""
        headers = [printable(column.heading.upper()) for column in table.columns]
        rows = [
            [("  " * row.depth if table.hierarchy else "") + printable(row.cells[0].text)]
            + [printable(cell.text) for cell in row.cells[1:]]
            for row in table.rows
        ]
        fixed = [column.width for column in table.columns]
        widths = [
            width or max(cell_len(cells[index]) for cells in [headers, *rows])
            for index, width in enumerate(fixed)
        ]
        if not table.split:
            return self.rows_with_notes(table.rows, fit_table(headers, rows, widths, self.width))
        lines: list[str] = []
        for columns in column_blocks(widths, self.width):
            pick = [0, *columns, len(widths) - 1]
            block = fit_table(*picked(headers, rows, widths, pick), self.width)
            lines += [*([""] if lines else []), *block.lines()]
        return lines

    def rows_with_notes(self, rows: Sequence[Row], table: FittedTable) -> list[str]:
        """The table's lines, each row's note wrapped under it, under the second column."""
        header, *row_blocks = table.rows
        indent = " " * table.second_column
        out = list(header)
        for row, block in zip(rows, row_blocks, strict=True):
            out += [*block, *self.prose(row.note, indent)]
            for fact in row.details:
                label = f"{fact.label}: "
                out += self.prose(label + fact.value, indent, " " * cell_len(label))
        return out


def entry_head(entry: Entry) -> str:
    """``D1.1 Practice: large gap``; the tag alone when there is no title."""
    if entry.tag is None:
        return entry.title
    return f"{entry.title}: {entry.tag.text}" if entry.title else entry.tag.text


def picked(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int], pick: list[int]
) -> tuple[list[str], list[list[str]], list[int]]:
    """The picked columns of a table: headers, rows and widths."""
    return (
        [headers[i] for i in pick],
        [[row[i] for i in pick] for row in rows],
        [widths[i] for i in pick],
    )


NAME_ROOM = 24
"""Columns kept for the last column (a name) beside each block of a split table."""


def column_blocks(widths: Sequence[int], width: int) -> list[list[int]]:
    """The middle columns in blocks that fit the width between the first column and room for
    the last one (a name, which follows each block and wraps); every block holds at least one
    column."""
    blocks: list[list[int]] = [[]]
    start = widths[0] + COLUMN_GAP + min(widths[-1], NAME_ROOM)
    used = start
    for index in range(1, len(widths) - 1):
        if blocks[-1] and used + COLUMN_GAP + widths[index] > width:
            blocks.append([])
            used = start
        blocks[-1].append(index)
        used += COLUMN_GAP + widths[index]
    return blocks
