"""A report as a format-neutral document: built once from the gap, the session or the history,
then written as text, Markdown, HTML, Rich, Word, PDF or a workbook by the writers of this
package.

Every string in a document is plain text as the user or the questionnaire wrote it: a writer
escapes it for its format (Markdown, HTML) or shows it literally (Rich, text). Styling is a
matter of kinds and tones, never of markup inside the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interview.report.charts import ChartData
    from interview.report.history_chart import HistoryChartData


class CellKind(StrEnum):
    """What a table cell holds, so that a writer can set it: ids stay whole, severities are
    coloured, levels may carry their scope on a second line."""

    TEXT = "text"
    ID = "id"
    LEVEL = "level"
    SEVERITY = "severity"
    MEAN = "mean"


@dataclass(frozen=True)
class Cell:
    """One table cell: its plain text, its kind, and how a writer with colour may show it."""

    text: str
    kind: CellKind = CellKind.TEXT
    tone: str = ""
    """For a severity, ``large``, ``small``, ``none`` or ``na``; a progress state for a plan."""
    detail: str = ""
    """A second line where a writer has room for it (a level's scope in words)."""
    full: str = ""
    """The same value in words, for a writer with room (``3 Consistent`` for ``3/2``)."""


@dataclass(frozen=True)
class Fact:
    """A label and its value: a session's system, interviewee, dates."""

    label: str
    value: str


@dataclass(frozen=True)
class Row:
    """A table row; ``depth`` nests it (0 domain, 1 sub-domain, 2 practice in a hierarchy)."""

    cells: tuple[Cell, ...]
    depth: int = 0
    note: str = ""
    """A line under the row (a session's status in the history)."""
    details: tuple[Fact, ...] = ()
    """Labelled lines about the row (where a level came from, its aim): under the row in
    text, in the table's details column elsewhere."""


@dataclass(frozen=True)
class Column:
    """A column's heading and, for text, its width (0: as wide as its longest cell)."""

    heading: str
    width: int = 0
    detail: str = ""
    """A second line of the heading, where a writer has room (``levels / scope``)."""


@dataclass(frozen=True)
class Table:
    """Columns and rows of typed cells; ``name`` says which table it is (a CSS class)."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    name: str = ""
    hierarchy: bool = False
    """Rows nest by depth: text indents the first cell, Markdown sets depths 0 and 1 in bold."""
    split: bool = False
    """When wider than the page, text splits the middle columns into blocks, each repeating
    the first and the last column."""
    details_heading: str = ""
    """The heading of the column that holds each row's details (HTML, Markdown, Rich)."""
    note_heading: str = ""
    """The heading of the column that holds each row's note (HTML, Markdown, Rich); text
    writes the note under its row."""


@dataclass(frozen=True)
class Paragraph:
    """Prose; a ``label`` is set before it (``why: …``)."""

    text: str
    label: str = ""
    style: str = ""
    """What the paragraph is, for a writer that sets it apart: ``note`` and ``rules`` are set
    quieter, ``plan-summary``, ``plan``, ``move``, ``why``, ``sector`` name roadmap lines."""
    tone: str = ""
    """A progress state (``late``) when the paragraph is a plan line, for a writer with colour."""


@dataclass(frozen=True)
class Facts:
    """A list of facts under a heading (a session card), and the same in one line."""

    heading: str
    facts: tuple[Fact, ...]
    summary: str
    """The facts in one line, for a writer without room for the list."""
    compact: bool = False
    """Text and Markdown write it as one line, ``heading: summary`` (a session's card)."""


@dataclass(frozen=True)
class Entry:
    """One item of a list: its title, a tag after it (a severity), and what it holds."""

    title: str
    blocks: tuple[Block, ...] = ()
    tag: Cell | None = None


class ItemStyle(StrEnum):
    NUMBERED = "numbered"
    BULLETED = "bulleted"
    STEPS = "steps"
    """Titled groups without a marker (``to reach 2 Ad hoc:`` and its to-do list)."""


@dataclass(frozen=True)
class Items:
    """A list of entries."""

    entries: tuple[Entry, ...]
    style: ItemStyle = ItemStyle.BULLETED
    name: str = ""


@dataclass(frozen=True)
class Chart:
    """A chart the HTML writer draws as inline SVG; the other writers leave it out."""

    kind: str
    """``bar``, ``radar`` or ``history``."""
    data: ChartData | HistoryChartData
    title: str
    caption: str


@dataclass(frozen=True)
class Section:
    """A titled part of the document; ``anchor`` names it for links (an HTML id)."""

    heading: str
    blocks: tuple[Block, ...]
    anchor: str = ""
    level: int = 2
    new_page: bool = False
    """Starts on a new page in the formats that have pages (print, Word, PDF): the part after
    the executive summary, so that the summary is a page of its own."""


Block = Paragraph | Items | Table | Facts | Chart | Section


class Paper(StrEnum):
    """The page size of the formats that have pages (print, Word, PDF)."""

    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True)
class Control:
    """Document control: what a document handed on says about itself. ``facts`` are shown
    near the top (report date, versions, prepared and approved by); the classification and
    the footer are repeated on every page where there are pages."""

    facts: tuple[Fact, ...]
    classification: str = ""
    """A confidentiality line (``Confidential: Acme and its auditors``); empty: none."""
    footer: str = ""
    """A short line for every page's footer (``smm 0.2.0 · Gap analysis: Acme gateway``),
    next to the page number (``page 3 of 12``)."""
    paper: Paper = Paper.A4

    def card(self) -> Facts:
        """The facts as a card headed "Document control", for the writers that show cards."""
        summary = "; ".join(f"{fact.label}: {fact.value}" for fact in self.facts)
        return Facts(CONTROL_HEADING, self.facts, summary)


CONTROL_HEADING = "Document control"

SheetValue = str | int | float | date | None
"""A spreadsheet cell: numbers and dates stay numbers and dates, None stays empty."""


@dataclass(frozen=True)
class Sheet:
    """A worksheet of a workbook (``--format xlsx``): data to sort, filter and fill in,
    built from the same report as the document; the other writers leave it out."""

    name: str
    """The sheet's tab name (at most 31 characters, no ``[]:*?/\\``)."""
    headings: tuple[str, ...]
    rows: tuple[tuple[SheetValue, ...], ...]
    fill_in: tuple[str, ...] = ()
    """Headings of columns left for the reader to fill in (a plan's owner, due date, status)."""
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Columns that take one of a few values, by heading (a drop-down list in the sheet)."""


@dataclass(frozen=True)
class Document:
    """A whole report: its title, a lead sentence, facts about its sessions, and sections."""

    title: str
    lead: str = ""
    cards: tuple[Facts, ...] = ()
    preamble: tuple[Paragraph, ...] = ()
    """Paragraphs before the first section (the rules, the profile)."""
    sections: tuple[Section, ...] = ()
    stylesheet: str = ""
    """A stylesheet of this package that the HTML page adds to the common one."""
    control: Control | None = None
    """Document control (date, versions, who prepared and approved it, classification)."""
    sheets: tuple[Sheet, ...] = ()
    """The report's data as worksheets, for the workbook writer."""

    @property
    def all_cards(self) -> tuple[Facts, ...]:
        """The document control card (when there is one), then the session cards."""
        return ((self.control.card(),) if self.control else ()) + self.cards
