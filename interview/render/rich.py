"""The Rich writer: document blocks as Rich renderables, for the TUI's gap and history screens.

Every string becomes a ``Text`` built from the characters themselves, so ``[bold]`` in a name
is shown as typed, never parsed as markup; control characters are shown escaped. Colour comes
from the caller's ``tone_style`` (the theme), so this module needs no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from interview.errors import printable
from interview.render.document import (
    Block,
    Cell,
    CellKind,
    Entry,
    Facts,
    Items,
    ItemStyle,
    Paragraph,
    Section,
    Table,
)

ToneStyle = Callable[[str], str]
"""The Rich style of a tone (``large``, ``small``, ``none``, ``na``); ``""`` for none."""


def no_colour(tone: str) -> str:
    return "reverse" if tone in ("large", "small", "none") else "italic"


def literal(text: str, style: str = "") -> Text:
    """The text exactly as written, its style on these characters only."""
    shown = Text(printable(text))
    if style:
        shown.stylize(style)
    return shown


def write_rich(blocks: Sequence[Block], tone_style: ToneStyle = no_colour) -> Group:
    """The blocks one under the other."""
    return Group(*RichWriter(tone_style).blocks(blocks, 0))


class RichWriter:
    """Blocks as renderables; nested blocks indented under their entry."""

    def __init__(self, tone_style: ToneStyle) -> None:
        self.tone_style = tone_style

    def blocks(self, blocks: Sequence[Block], indent: int) -> list[RenderableType]:
        out: list[RenderableType] = []
        for block in blocks:
            out += self.block(block, indent)
        return out

    def block(self, block: Block, indent: int) -> list[RenderableType]:
        if isinstance(block, Paragraph):
            return [padded(self.paragraph(block), indent)]
        if isinstance(block, Items):
            return self.items(block, indent)
        if isinstance(block, Table):
            return [padded(self.table(block), indent)]
        if isinstance(block, Facts):
            lines = [literal(block.heading, "bold")]
            lines += [labelled(f"{fact.label}: ", literal(fact.value)) for fact in block.facts]
            return [padded(line, indent) for line in lines]
        if isinstance(block, Section):
            return [
                Text(),
                padded(literal(block.heading, "bold"), indent),
                *self.blocks(block.blocks, indent),
            ]
        return []  # a chart: the screens draw their own

    def paragraph(self, paragraph: Paragraph) -> Text:
        """``why: …`` with its label set apart; notes in italics."""
        style = "italic" if paragraph.style in ("note", "rules") else ""
        if not paragraph.label:
            return literal(paragraph.text, style)
        return labelled(f"{paragraph.label}: ", literal(paragraph.text, style), "italic")

    def tag(self, cell: Cell) -> Text:
        """A severity as a chip in its colour; anything else as text."""
        if cell.kind is CellKind.SEVERITY:
            return Text(f" {printable(cell.text)} ", style=self.tone_style(cell.tone))
        return literal(cell.text)

    def items(self, items: Items, indent: int) -> list[RenderableType]:
        out: list[RenderableType] = []
        for number, entry in enumerate(items.entries, start=1):
            if items.style is ItemStyle.NUMBERED and number > 1 and entry.blocks:
                out.append(Text())
            out += self.entry(entry, items.style, number, indent)
        return out

    def entry(
        self, entry: Entry, style: ItemStyle, number: int, indent: int
    ) -> list[RenderableType]:
        """A numbered heading with its chip, a bullet, or a step's title; then its blocks."""
        if style is ItemStyle.BULLETED:
            grid = RichTable.grid(padding=(0, 1, 0, 0))
            grid.add_column(width=1)
            grid.add_column()
            grid.add_row("•", self.head(entry))
            return [padded(grid, indent), *self.blocks(entry.blocks, indent + 2)]
        if style is ItemStyle.STEPS:
            head = literal(f"{entry.title}:", "bold")
            return [padded(head, indent), *self.blocks(entry.blocks, indent + 2)]
        head = Text(f"{number:2}. ")
        head.append_text(literal(entry.title, "bold"))
        if entry.tag is not None:
            head.append("  " if entry.tag.kind is CellKind.SEVERITY else ": ")
            head.append_text(self.tag(entry.tag))
        return [padded(head, indent), *self.blocks(entry.blocks, indent + 4)]

    def head(self, entry: Entry) -> Text:
        if entry.tag is None:
            return literal(entry.title)
        if not entry.title:
            return self.tag(entry.tag)
        return labelled(f"{entry.title}: ", self.tag(entry.tag), "")

    def table(self, table: Table) -> RichTable:
        """Columns and rows; severity cells in their colour; a hierarchy indented."""
        grid = RichTable(box=None, padding=(0, 1), show_edge=False)
        for column in table.columns:
            grid.add_column(Text(column.heading), no_wrap=column.width > 0)
        extras = [heading for heading in (table.note_heading, table.details_heading) if heading]
        for heading in extras:
            grid.add_column(Text(heading))
        for row in table.rows:
            cells = [
                Text(f" {printable(c.text)} ", style=self.tone_style(c.tone))
                if c.kind is CellKind.SEVERITY
                else literal(c.text)
                for c in row.cells
            ]
            if table.hierarchy and row.depth:
                cells[0] = Text("  " * row.depth) + cells[0]
            if table.note_heading:
                cells.append(literal(row.note))
            if table.details_heading:
                cells.append(literal("\n".join(f"{f.label}: {f.value}" for f in row.details)))
            grid.add_row(*cells)
        return grid


def labelled(label: str, text: Text, label_style: str = "bold") -> Text:
    """A styled label, then the text in its own style."""
    line = Text()
    line.append(printable(label), style=label_style)
    line.append_text(text)
    return line


def padded(renderable: RenderableType, indent: int) -> RenderableType:
    """The renderable indented, its wrapped lines keeping the indent."""
    return Padding(renderable, (0, 0, 0, indent)) if indent else renderable
