"""Tables of a PDF report, with fpdf2's tables: the header row repeated on every page a table
runs onto, rows never split across pages, a hierarchy's upper rows bold (domains shaded),
severities shaded by tone and always in words, a level's scope on a second line, and the
columns for notes and details. Facts (a session's card, document control) as label and value."""

from __future__ import annotations

from fpdf.fonts import FontFace
from fpdf.table import Row as PdfRow

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


def add_table(pdf: ReportPdf, table: Table) -> None:
    headings = [column.heading for column in table.columns] + extra_headings(table)
    widths = column_widths(table, pdf.epw, CHAR_WIDTH)
    pdf.set_font(FONT, "", TABLE_PT)
    pdf.set_fill_color(255)  # what is not shaded is white, whatever was filled before
    with pdf.table(
        col_widths=widths,
        width=pdf.epw,
        align="LEFT",
        text_align="LEFT",
        v_align="TOP",
        line_height=TABLE_PT * 0.45,
        padding=PADDING,
        headings_style=HEADINGS,
        repeat_headings=1,
    ) as written:
        head = written.row()
        for heading in headings:
            head.cell(shown(heading))
        for row in table.rows:
            add_row(written.row(), row, table)
    pdf.set_font(FONT, "", BODY_PT)
    pdf.ln(LINE)


def add_row(written: PdfRow, row: Row, table: Table) -> None:
    """A row's cells, then its extra columns: each note or detail on a line of its own."""
    upper = table.hierarchy and row.depth < 2
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
        written.cell(f"{main}\n{detail}" if detail else main, style=style, padding=padding)
    for lines in extra_cells(row, table):
        written.cell("\n".join(label + words for label, words in lines))


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
    pdf.set_fill_color(255)
    with pdf.table(
        col_widths=(labels, pdf.epw - labels),
        width=pdf.epw,
        align="LEFT",
        text_align="LEFT",
        v_align="TOP",
        line_height=TABLE_PT * 0.47,
        padding=PADDING,
        first_row_as_headings=False,
        num_heading_rows=0,
    ) as written:
        for fact in card.facts:
            row = written.row()
            row.cell(shown(fact.label), style=FontFace(emphasis="BOLD"))
            row.cell(shown(fact.value))
    pdf.set_font(FONT, "", BODY_PT)
    pdf.ln(LINE)
