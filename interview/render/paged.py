"""What the writers of paged documents (Word, PDF) share: the words of a cell and of a row's
extra columns, the colours of severities, and the sizes of the page. Plain data: no library of
either format is imported here."""

from __future__ import annotations

from dataclasses import dataclass

from interview.errors import printable
from interview.render.document import Cell, CellKind, Entry, Fact, ItemStyle, Paper, Row, Table
from interview.render.words import sentence_start

TONE_FILLS = {
    "large": "F08A80",
    "small": "FFD966",
    "none": "A8D59C",
    "na": "E2E2E2",
    "late": "F08A80",
}
"""Background colours by tone, as in the HTML report (the words are always there too)."""

QUIET_STYLES = ("note", "rules")
"""Paragraph styles set smaller and grey."""

HEADER_FILL = "F0F0F0"
DOMAIN_FILL = "F4F4F4"
MUTED = "555555"


@dataclass(frozen=True)
class PageSize:
    """A page in millimetres, and its margins."""

    width: float
    height: float
    margin: float = 18.0

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin


PAGE_SIZES = {Paper.A4: PageSize(210.0, 297.0), Paper.LETTER: PageSize(215.9, 279.4)}


def shown(text: str) -> str:
    """User or questionnaire text as typed, control characters and what could move or hide
    text as escapes (see :func:`printable`): a document cannot hold most control characters,
    and none should act on them."""
    return printable(text)


def cell_words(cell: Cell) -> tuple[str, str]:
    """A cell's main words and its second, smaller line (a level's scope), as typed."""
    if cell.kind is CellKind.SEVERITY:
        return shown(cell.text), ""
    return shown(cell.full or cell.text), shown(cell.detail)


def extra_headings(table: Table) -> list[str]:
    """The headings of the columns a table adds for its rows' notes and details."""
    return [heading for heading in (table.note_heading, table.details_heading) if heading]


def extra_cells(row: Row, table: Table) -> list[list[tuple[str, str]]]:
    """For each extra column, its lines as (label, text) pairs."""
    cells = []
    if table.note_heading:
        cells.append([("", shown(row.note))] if row.note else [])
    if table.details_heading:
        cells.append([label_and_text(fact) for fact in row.details])
    return cells


def label_and_text(fact: Fact) -> tuple[str, str]:
    return f"{shown(sentence_start(fact.label))}: ", shown(fact.value)


def entry_head(entry: Entry, style: ItemStyle, number: int) -> tuple[str, str, bool]:
    """A list entry's marker (``3.``, a bullet or none), its title as typed, and whether the
    title is set in bold (a bulleted entry only when it holds blocks)."""
    marker = {ItemStyle.NUMBERED: f"{number}.", ItemStyle.BULLETED: "•"}.get(style, "")
    title = entry.title if style is not ItemStyle.STEPS else sentence_start(entry.title)
    return marker, shown(title), style is not ItemStyle.BULLETED or bool(entry.blocks)


def chart_share(kind: str) -> float:
    """The share of the text width a chart takes: the radar is square, so narrower."""
    return 0.7 if kind == "radar" else 1.0


def label_words(label: str) -> str:
    """``Why: `` for a paragraph's label, empty without one."""
    return f"{shown(sentence_start(label))}: " if label else ""


LONGEST_WHOLE = 24
"""Words up to this many characters are kept whole (ids, level names); a longer one (a URL)
is broken by the writer wherever the column ends."""


def column_widths(table: Table, width: float, char_width: float = 2.0) -> list[float]:
    """Column widths in millimetres that fill ``width``: each column first gets room for its
    longest word (an id, "Formalized" stay whole), then the rest goes to the columns whose
    text would like more (up to 40 characters a line). ``char_width``: millimetres a character
    takes in the table's font."""
    padding = 5.0
    headings = [column.heading for column in table.columns] + extra_headings(table)
    needs = [longest_word(heading) * char_width + padding for heading in headings]
    wants = list(needs)
    for row in table.rows:
        cells = [[line for line in cell_words(cell) if line] for cell in row.cells]
        cells += [[label + text for label, text in lines] for lines in extra_cells(row, table)]
        for index, lines in enumerate(cells[: len(needs)]):
            for words in lines:  # each on a line of its own: a level's scope, each detail
                whole = len(words) if len(words) <= 8 else longest_word(words)  # "0 / 0" whole
                whole = min(whole, LONGEST_WHOLE)
                needs[index] = max(needs[index], whole * char_width + padding)
                wants[index] = max(wants[index], min(len(words), 40) * char_width + padding)
    if table.hierarchy:
        needs[0] += 6.0  # the indent of a practice row
    wants = [max(want, need) for want, need in zip(wants, needs, strict=True)]
    if sum(wants) <= width:
        return [want * width / sum(wants) for want in wants]
    if sum(needs) >= width:  # too many columns to keep every word whole: in proportion
        return [need * width / sum(needs) for need in needs]
    spare = width - sum(needs)
    extra = [want - need for want, need in zip(wants, needs, strict=True)]
    total = sum(extra) or 1.0
    return [need + spare * more / total for need, more in zip(needs, extra, strict=True)]


def longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)
