"""Tables of a PDF report, with fpdf2's tables: the header row repeated on every page a table
runs onto, rows never split across pages, a hierarchy's upper rows bold (domains shaded),
severities shaded by tone and always in words, a level's scope on a second line, and the
columns for notes and details. Facts (a session's card, document control) as label and value."""

from __future__ import annotations

from itertools import groupby

from fpdf.fonts import FontFace

from interview.render.document import CellKind, Facts, Row, Table
from interview.render.paged import (
    DOMAIN_FILL,
    HEADER_FILL,
    TONE_FILLS,
    cell_words,
    column_widths,
    extra_cells,
    extra_headings,
    shown,
)
from interview.render.pdf_page import BODY_PT, FONT, LINE, TABLE_PT, ReportPdf

CHAR_WIDTH = 1.75
"""Millimetres an average character of DejaVu Sans takes at the table's 8.5 pt (for the
column widths: ids and level names stay whole)."""
PADDING = (1.0, 1.2, 1.0, 1.2)
"""A cell's padding in millimetres: top, right, bottom, left."""
FACTS_PT = TABLE_PT + 0.5
HEADINGS = FontFace(emphasis="BOLD", fill_color=f"#{HEADER_FILL}")


PdfCell = tuple[str, FontFace, tuple[float, float, float, float]]
"""A cell as fpdf2 takes it: its text, its style and its padding."""


def add_table(pdf: ReportPdf, table: Table) -> None:
    """The table; a row too tall for a page (a very long note) is written as labelled lines
    between two parts of the table, each with its header row, so that nothing is cut."""
    headings = [shown(column.heading) for column in table.columns] + extra_headings(table)
    widths = column_widths(table, pdf.epw, CHAR_WIDTH)
    pdf.set_font(FONT, "", TABLE_PT)
    cells = [row_cells(row, table) for row in table.rows]
    for fits, group in groupby(cells, key=lambda row: fits_a_page(pdf, row, widths)):
        if fits:
            table_part(pdf, [plain_cells(headings), *group], widths, heading_rows=1)
        else:
            for row in group:
                as_lines(pdf, headings, [text for text, _, _ in row])
    pdf.set_font(FONT, "", BODY_PT)
    pdf.ln(LINE)


def table_part(
    pdf: ReportPdf, rows: list[list[PdfCell]], widths: list[float], heading_rows: int
) -> None:
    """Rows as one fpdf2 table; the first ``heading_rows`` repeated on every page."""
    pdf.set_fill_color(255)  # what is not shaded is white, whatever was filled before
    with pdf.table(
        col_widths=widths,
        width=pdf.epw,
        align="LEFT",
        text_align="LEFT",
        v_align="TOP",
        line_height=pdf.font_size_pt * 0.45,
        padding=PADDING,
        headings_style=HEADINGS,
        first_row_as_headings=heading_rows > 0,
        num_heading_rows=heading_rows,
        repeat_headings=1,
    ) as written:
        for cells in rows:
            row = written.row()
            for text, style, padding in cells:
                row.cell(text, style=style, padding=padding)


def plain_cells(texts: list[str]) -> list[PdfCell]:
    return [(text, FontFace(), PADDING) for text in texts]


def row_cells(row: Row, table: Table) -> list[PdfCell]:
    """A row's cells, then its extra columns: each note or detail on a line of its own."""
    upper = table.hierarchy and row.depth < 2
    cells = []
    for index, cell in enumerate(row.cells):
        main, detail = cell_words(cell)
        severity = cell.kind is CellKind.SEVERITY
        fill = None
        if severity and cell.tone in TONE_FILLS:
            fill = f"#{TONE_FILLS[cell.tone]}"
        elif upper and row.depth == 0:
            fill = f"#{DOMAIN_FILL}"
        style = FontFace(emphasis="BOLD" if upper or severity else "", fill_color=fill)
        padding = PADDING
        if table.hierarchy and index == 0:
            padding = (*PADDING[:3], PADDING[3] + 2.0 * row.depth)
        cells.append((f"{main}\n{detail}" if detail else main, style, padding))
    extras = [
        "\n".join(label + words for label, words in lines) for lines in extra_cells(row, table)
    ]
    return cells + plain_cells(extras)


def fits_a_page(pdf: ReportPdf, cells: list[PdfCell], widths: list[float]) -> bool:
    """Whether the row's tallest cell, wrapped at its column's width, fits on a page under
    the header row (with room to spare: bold words are wider than measured here)."""
    room = (pdf.h - pdf.t_margin - pdf.b_margin) * 0.8
    line = pdf.font_size_pt * 0.45
    for (text, _, padding), width in zip(cells, widths, strict=False):
        inner = max(width - padding[1] - padding[3], 1.0)
        lines = pdf.multi_cell(inner, line, text, dry_run=True, output="LINES")
        count = len(lines) if isinstance(lines, list) else 0
        if count * line + padding[0] + padding[2] > room:
            return False
    return True


def as_lines(pdf: ReportPdf, headings: list[str], texts: list[str]) -> None:
    """A row as lines of text, each headed by its column."""
    pdf.ln(1.0)
    for heading, text in zip(headings, texts, strict=False):
        pdf.set_font(FONT, "B", TABLE_PT)
        pdf.write(LINE, f"{heading}: ")
        pdf.set_font(FONT, "", TABLE_PT)
        pdf.write(LINE, text)
        pdf.ln(LINE)
    pdf.ln(1.0)


def facts_table(pdf: ReportPdf, card: Facts) -> None:
    """A card: its heading in bold, then its facts, a label and its value a row."""
    pdf.set_font(FONT, "B", BODY_PT)
    pdf.keep_room(LINE * 3)
    pdf.multi_cell(pdf.epw, LINE, shown(card.heading), new_x="LMARGIN", new_y="NEXT", align="L")
    if not card.facts:
        return
    pdf.set_font(FONT, "B", FACTS_PT)
    labels = max(pdf.get_string_width(shown(fact.label)) for fact in card.facts) + 3.0
    labels = min(max(labels, pdf.epw * 0.2), pdf.epw * 0.4)
    pdf.set_font(FONT, "", FACTS_PT)
    widths = [labels, pdf.epw - labels]
    bold = FontFace(emphasis="BOLD")
    rows = [[(shown(f.label), bold, PADDING), *plain_cells([shown(f.value)])] for f in card.facts]
    for fits, group in groupby(rows, key=lambda row: fits_a_page(pdf, row, widths)):
        if fits:
            table_part(pdf, list(group), widths, heading_rows=0)
        else:
            for label, value in group:
                as_lines(pdf, [label[0]], [value[0]])
    pdf.set_font(FONT, "", BODY_PT)
    pdf.ln(LINE)
