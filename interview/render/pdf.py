"""A report as a PDF (``--format pdf``), written with fpdf2: pure Python, with DejaVu Sans from
matplotlib's fonts, so that no system library or font is needed.

The same blocks as the Word writer, in the same order: the title, document control and the
session cards, then the sections with real headings (the PDF's outline, or bookmarks), tables
with their header row on every page, lists, and the charts as pictures at the text width.
Every page carries the classification at the top and the footer line with "Page N of M" at the
bottom, on A4 or Letter. Text is set as typed, never read as markup; control characters are
shown as escapes.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from datetime import UTC, datetime

from interview import __version__
from interview.render.document import (
    Block,
    Cell,
    Chart,
    Document,
    Entry,
    Facts,
    Items,
    ItemStyle,
    Paragraph,
    Section,
    Table,
)
from interview.render.paged import (
    MUTED,
    QUIET_STYLES,
    TONE_FILLS,
    cell_words,
    chart_share,
    entry_head,
    label_words,
    shown,
)
from interview.render.pdf_page import (
    BODY_PT,
    FONT,
    INDENT,
    LINE,
    QUIET_PT,
    ReportPdf,
    non_breaking_spaces_kept,
)
from interview.render.pdf_tables import add_table, facts_table

HEADING_PT = {1: 18.0, 2: 14.0, 3: 12.0}
"""Heading sizes by the section's level (1: the title); deeper levels are set at 11 pt."""


def write_pdf(document: Document) -> bytes:
    """The document as the bytes of a PDF file."""
    with non_breaking_spaces_kept():
        pdf = ReportPdf(document.control)
        describe(pdf, document)
        pdf.add_page()
        heading(pdf, shown(document.title), 1)
        if document.lead:
            add_paragraph(pdf, Paragraph(document.lead))
        for card in document.all_cards:
            facts_table(pdf, card)
        for paragraph in document.preamble:
            add_paragraph(pdf, paragraph)
        for section in document.sections:
            add_section(pdf, section)
        return bytes(pdf.output())


def describe(pdf: ReportPdf, document: Document) -> None:
    """The file's own metadata: title, maker and date; opened with the outline showing."""
    pdf.set_title(shown(document.title))
    pdf.set_author("smm")
    pdf.set_creator(f"smm {__version__}")
    pdf.set_producer("smm")
    pdf.set_creation_date(datetime.now(UTC))
    pdf.set_lang("en")
    pdf.page_mode = "USE_OUTLINES"


# --- Headings and sections -------------------------------------------------------------------


def add_section(pdf: ReportPdf, section: Section) -> None:
    """A section's heading and blocks; a heading over a chart is kept on the chart's page."""
    if section.new_page and not pdf.at_page_top():
        pdf.add_page()
    first = section.blocks[0] if section.blocks else None
    picture = chart_picture(pdf, first) if isinstance(first, Chart) else None
    blocks = section.blocks[1:] if picture else section.blocks
    heading(pdf, shown(section.heading), section.level, picture.height if picture else 0.0)
    if picture is not None:
        place_chart(pdf, picture)
    for block in blocks:
        add_block(pdf, block, 0)


def heading(pdf: ReportPdf, words: str, level: int, keep: float = 0.0) -> None:
    """A heading kept with what follows it (``keep`` millimetres of it; a few lines when 0),
    and its entry in the outline (sections of level 2 are its top level; not the title)."""
    size = HEADING_PT.get(level, 11.0)
    pdf.keep_room(size * 0.5 + (keep + LINE * 2 if keep else LINE * 4))
    if level > 1:
        pdf.outline_level = min(level - 2, pdf.outline_level + 1)  # an outline skips no level
        pdf.start_section(words, pdf.outline_level)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(0)
    pdf.ln(1.5 if pdf.at_page_top() else 3.0)
    pdf.multi_cell(pdf.epw, size * 0.45, words, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(2.0)
    pdf.set_font(FONT, "", BODY_PT)


def add_block(pdf: ReportPdf, block: Block, depth: int) -> None:
    if isinstance(block, Paragraph):
        add_paragraph(pdf, block, depth)
    elif isinstance(block, Items):
        add_items(pdf, block, depth)
    elif isinstance(block, Table):
        add_table(pdf, block)
    elif isinstance(block, Facts):
        facts_table(pdf, block)
    elif isinstance(block, Chart):
        place_chart(pdf, chart_picture(pdf, block))
    else:
        add_section(pdf, block)


# --- Prose and lists -------------------------------------------------------------------------


def add_paragraph(pdf: ReportPdf, paragraph: Paragraph, depth: int = 0) -> None:
    """``Why:`` in bold, then the text; notes and rules smaller and grey; a lead-in bold and
    kept with what follows."""
    quiet = paragraph.style in QUIET_STYLES
    lead_in = paragraph.style == "lead-in"
    if lead_in:
        pdf.keep_room(LINE * 4)
    with pdf.indented(depth):
        if paragraph.label:
            pdf.set_font(FONT, "B", BODY_PT)
            pdf.write(LINE, label_words(paragraph.label))
        pdf.set_font(FONT, "B" if lead_in else "", QUIET_PT if quiet else BODY_PT)
        pdf.set_text_color(f"#{MUTED}" if quiet else "#000000")
        pdf.write(LINE, shown(paragraph.text))
        pdf.ln(LINE + 1.5)
    pdf.set_font(FONT, "", BODY_PT)
    pdf.set_text_color(0)


def add_items(pdf: ReportPdf, items: Items, depth: int) -> None:
    for number, entry in enumerate(items.entries, start=1):
        add_entry(pdf, entry, items.style, number, depth)
    pdf.ln(1.0)


def add_entry(pdf: ReportPdf, entry: Entry, style: ItemStyle, number: int, depth: int) -> None:
    """An entry's marker in the margin of its indent, its title (and tag), then its blocks."""
    marker, title, bold = entry_head(entry, style, number)
    if entry.blocks:
        pdf.keep_room(LINE * 3)
    with pdf.indented(depth + 1):
        pdf.set_x(pdf.l_margin - INDENT)
        pdf.set_font(FONT, "", BODY_PT)
        pdf.cell(INDENT, LINE, marker)
        pdf.set_font(FONT, "B" if bold else "", BODY_PT)
        pdf.write(LINE, title)
        pdf.set_font(FONT, "", BODY_PT)
        if entry.tag is not None:
            pdf.write(LINE, ": " if entry.title else "")
            add_tag(pdf, entry.tag)
        pdf.ln(LINE + 1.0)
    for block in entry.blocks:
        add_block(pdf, block, depth + 1)


def add_tag(pdf: ReportPdf, cell: Cell) -> None:
    """A severity or progress after an entry's title, shaded by its tone, on the next line
    when it does not fit on this one."""
    words = cell_words(cell)[0]
    width = pdf.get_string_width(words) + 2.0
    if pdf.x + width > pdf.w - pdf.r_margin:
        pdf.ln(LINE)
    fill = cell.tone in TONE_FILLS
    with pdf.local_context():  # the fill colour must not stay for what follows (a table's)
        if fill:
            pdf.set_fill_color(f"#{TONE_FILLS[cell.tone]}")
        pdf.cell(min(width, pdf.epw), LINE, words, fill=fill, align="C")


# --- Charts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    """A chart drawn as a PNG, its size on the page in millimetres, and its words."""

    png: bytes
    width: float
    height: float
    chart: Chart


def chart_picture(pdf: ReportPdf, chart: Chart) -> Picture:
    """The chart drawn at the text width (the radar narrower), no taller than a page."""
    from interview.report.chart_images import chart_png

    png = chart_png(chart.kind, chart.data)
    pixels_wide, pixels_high = png_size(png)
    width = pdf.epw * chart_share(chart.kind)
    height = width * pixels_high / pixels_wide
    room = pdf.h - pdf.t_margin - pdf.b_margin - LINE * 6
    if height > room:
        width, height = width * room / height, room
    return Picture(png, width, height, chart)


def place_chart(pdf: ReportPdf, picture: Picture) -> None:
    """The picture centred, its caption below, kept together on one page."""
    pdf.keep_room(picture.height + LINE * 2)
    left = pdf.l_margin + (pdf.epw - picture.width) / 2
    title = shown(picture.chart.title)
    pdf.image(io.BytesIO(picture.png), left, pdf.y, picture.width, picture.height, alt_text=title)
    pdf.set_y(pdf.y + picture.height + 1.0)
    add_paragraph(pdf, Paragraph(picture.chart.caption, style="note"))


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its header (the IHDR chunk comes first)."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
