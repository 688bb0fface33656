"""A report as a workbook (``--format xlsx``), written with openpyxl: a Summary sheet (the
title, document control, the executive summary), then the report's data sheets
(:mod:`interview.render.sheets`), each with a bold frozen header row, a filter, fitted column
widths, the columns to fill in shaded with a drop-down where the values are few, and a print
setup (landscape, fitted to the width, the header row on every page).

Every string is stored as text, never as a formula: a name such as ``=HYPERLINK(...)`` stays
the name, and exactly as typed, so that a form exported and filled in reads back exactly:
only the characters an XML file cannot hold (most C0 control characters) are shown as escapes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from interview.errors import BIDI_CONTROLS, printable
from interview.render.document import (
    Document,
    Entry,
    Facts,
    Items,
    Paper,
    Paragraph,
    Section,
    Sheet,
    SheetValue,
)
from interview.render.paged import HEADER_FILL, shown
from interview.render.words import sentence_start

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FILL_IN_COLOUR = "FFF2CC"
WIDEST = 60
"""Columns are at most this many characters wide; longer text wraps."""
DATE_FORMAT = "yyyy-mm-dd"
SUMMARY_LABEL_WIDTH = 40
LINE_HEIGHT = 15.0
"""Points per line of 11 pt text: rows are given the height their wrapped text needs, as a
spreadsheet opening the file does not always work it out."""


def row_height(texts: list[tuple[str, float]]) -> float:
    """The height for cells of these texts in columns of these widths (characters)."""
    lines = 1
    for text, width in texts:
        wrapped = sum(-(-max(len(line), 1) // max(int(width) - 1, 1)) for line in text.splitlines())
        lines = max(lines, wrapped)
    return LINE_HEIGHT * lines


def write_xlsx(document: Document) -> bytes:
    """The document's summary and data sheets as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook has one sheet
    summary.title = "Summary"
    summary_sheet(summary, document)
    print_setup(summary, document)
    for sheet in document.sheets:
        data_sheet(book.create_sheet(safe_title(sheet.name)), sheet, document)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def safe_title(name: str) -> str:
    """A valid sheet name: none of ``[]:*?/\\``, at most 31 characters."""
    return "".join(" " if char in "[]:*?/\\" else char for char in name)[:31]


CELL_KEEPS = (
    "\t\n\r"
    + "".join(map(chr, range(0x7F, 0xA0)))
    + "\u2028\u2029"
    + BIDI_CONTROLS
    + "\ufff9\ufffa\ufffb"
)
"""The characters :func:`printable` would escape that a cell keeps: all that XML holds (the
tab, the line ends, C1 controls, separators, bidi controls). A cell is data that is read back,
not text run by a terminal."""

CELL_LIMIT = 32_767
"""The most characters a cell holds (the file format's limit); longer text is cut, marked."""
CUT_MARK = " … [cut: a cell holds 32,767 characters]"


def within_cell(text: str) -> str:
    """The text, cut with a mark when a cell cannot hold it all."""
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK


def put(sheet: Worksheet, row: int, column: int, value: SheetValue) -> Any:
    """A value in a cell: text always as text (never a formula), dates as dates."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = within_cell(printable(value, keep=CELL_KEEPS))
        cell.data_type = "s"  # "=1+1" typed by a user is text, not a formula
    else:
        cell.value = value
        if value is not None and not isinstance(value, int | float):
            cell.number_format = DATE_FORMAT
    return cell


# --- The summary -----------------------------------------------------------------------------


def summary_sheet(sheet: Worksheet, document: Document) -> None:
    """Title, lead, document control and the executive summary, one line per row."""
    from openpyxl.styles import Alignment, Font

    lines: list[tuple[str, str, bool]] = [(document.title, "", True), (document.lead, "", False)]
    for card in document.all_cards:
        lines += [("", "", False), (card.heading, "", True)]
        lines += [(fact.label, fact.value, False) for fact in card.facts]
    summary = next((s for s in document.sections if s.anchor == "executive-summary"), None)
    if summary is not None:
        lines += [("", "", False), (summary.heading, "", True), *section_lines(summary)]
    for row, (first, second, bold) in enumerate(lines, start=1):
        if len(first) > SUMMARY_LABEL_WIDTH and not second:  # prose: in the wide column
            first, second = "", first
        put(sheet, row, 1, first).font = Font(bold=bold, size=14 if row == 1 else 11)
        put(sheet, row, 2, second).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = row_height([(first, SUMMARY_LABEL_WIDTH), (second, 90)])
    sheet.column_dimensions["A"].width = SUMMARY_LABEL_WIDTH
    sheet.column_dimensions["B"].width = 90


def section_lines(section: Section) -> list[tuple[str, str, bool]]:
    """A section's paragraphs, list entries and facts as (first, second, bold) lines."""
    lines: list[tuple[str, str, bool]] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            first, second = (
                (sentence_start(block.label), block.text) if block.label else (block.text, "")
            )
            lines.append((first, second, block.style == "lead-in"))
        elif isinstance(block, Items):
            lines += [line for entry in block.entries for line in entry_lines(entry)]
        elif isinstance(block, Facts):
            lines += [(block.heading, "", True)]
            lines += [(fact.label, fact.value, False) for fact in block.facts]
    return lines


def entry_lines(entry: Entry) -> list[tuple[str, str, bool]]:
    lines = [(entry.title, "", False)]
    for block in entry.blocks:
        if isinstance(block, Paragraph):
            label = f"  {sentence_start(block.label)}" if block.label else ""
            lines.append((label, block.text, False))
    return lines


# --- A data sheet ----------------------------------------------------------------------------


def data_sheet(sheet: Worksheet, data: Sheet, document: Document) -> None:
    """Header, rows, filter, frozen header, widths, fill-in columns and print setup."""
    from openpyxl.styles import Alignment, Font, PatternFill

    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for column, heading in enumerate(data.headings, start=1):
        cell = put(sheet, 1, column, heading)
        cell.font, cell.fill = Font(bold=True), header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row, values in enumerate(data.rows, start=2):
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value).alignment = Alignment(wrap_text=True, vertical="top")
    widths = fit_widths(sheet, data)
    for row, values in enumerate(data.rows, start=2):
        texts = [(str(v), w) for v, w in zip(values, widths, strict=True) if isinstance(v, str)]
        sheet.row_dimensions[row].height = row_height(texts)
    sheet.freeze_panes = "A2"
    last = sheet.cell(row=max(len(data.rows) + 1, 2), column=len(data.headings))
    sheet.auto_filter.ref = f"A1:{last.coordinate}"
    fill_in_columns(sheet, data)
    print_setup(sheet, document)


def fit_widths(sheet: Worksheet, data: Sheet) -> list[float]:
    """Each column as wide as its longest line, up to WIDEST characters; the widths set."""
    from openpyxl.utils import get_column_letter

    widths = []
    for index, heading in enumerate(data.headings):
        texts = [heading, *(str(row[index]) for row in data.rows if row[index] is not None)]
        widest = max(len(line) for text in texts for line in (text.splitlines() or [""]))
        widths.append(float(min(widest + 2, WIDEST)))
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths[-1]
    return widths


def fill_in_columns(sheet: Worksheet, data: Sheet) -> None:
    """Shade the columns left to fill in, with a drop-down where the values are few."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    shade = PatternFill("solid", fgColor=FILL_IN_COLOUR)
    rows = max(len(data.rows), 1) + 200  # room for rows the reader adds
    for heading in data.fill_in:
        letter = get_column_letter(data.headings.index(heading) + 1)
        sheet[f"{letter}1"].comment = Comment("Fill in", "smm")
        for row in range(2, len(data.rows) + 2):
            sheet[f"{letter}{row}"].fill = shade
    for heading, values in data.choices:
        letter = get_column_letter(data.headings.index(heading) + 1)
        choice = DataValidation(type="list", formula1=f'"{",".join(values)}"', allow_blank=True)
        choice.add(f"{letter}2:{letter}{rows}")
        sheet.add_data_validation(choice)


def print_setup(sheet: Worksheet, document: Document) -> None:
    """Landscape, one page wide, the header row on every page, the paper asked for."""
    paper = document.control.paper if document.control else Paper.A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9 if paper is Paper.A4 else 1  # the codes of the file format
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None  # a new sheet has both
    if document.control and document.control.classification:
        # "&" starts a code in a header ("&P" the page number): a typed one is doubled.
        header.center.text = shown(document.control.classification).replace("&", "&&")
    footer.right.text = "page &P of &N"
