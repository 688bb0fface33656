"""A report as an editable Word document (``--format docx``), written with python-docx.

Real structure, so that Word's navigation pane and a table of contents work: the title,
headings by level, tables with a header row repeated on every page and rows kept whole,
lists, the charts as pictures with their captions. Document control goes in a table near the
top, the classification in every page's header, and the footer line with "page N of M" in
every page's footer. Text is set as typed; control characters, which a Word file cannot hold,
are shown as escapes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from interview import __version__
from interview.render.document import (
    Block,
    Cell,
    CellKind,
    Chart,
    Control,
    Document,
    Entry,
    Facts,
    Items,
    ItemStyle,
    Paper,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.paged import (
    DOMAIN_FILL,
    HEADER_FILL,
    MUTED,
    PAGE_SIZES,
    QUIET_STYLES,
    TONE_FILLS,
    cell_words,
    chart_share,
    column_widths,
    entry_head,
    extra_cells,
    extra_headings,
    label_words,
    shown,
)

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as WordParagraph


def write_docx(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    import docx

    word = docx.Document()
    base_font(word)
    control = document.control
    page_setup(word, control)
    word.core_properties.title = shown(document.title)
    word.core_properties.author = "smm"
    word.core_properties.comments = f"Made by smm {__version__}"
    word.add_heading(shown(document.title), level=0)
    if document.lead:
        word.add_paragraph(shown(document.lead))
    for card in document.all_cards:
        facts_table(word, card)
    for paragraph in document.preamble:
        add_paragraph(word, paragraph)
    for section in document.sections:
        add_section(word, section)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def base_font(word: WordDocument) -> None:
    """10 pt text, set close: a report's tables need the room more than a letter does (the
    default template leaves 10 pt after every paragraph, table cells included)."""
    from docx.shared import Pt

    normal = word.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.05


# --- The page --------------------------------------------------------------------------------


def page_setup(word: WordDocument, control: Control | None) -> None:
    """Paper size and margins; the classification in the header; footer and page numbers."""
    from docx.shared import Mm

    size = PAGE_SIZES[control.paper if control else Paper.A4]
    section = word.sections[0]
    section.page_width, section.page_height = Mm(size.width), Mm(size.height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(size.margin))
    if control is None:
        return
    if control.classification:
        quiet(section.header.paragraphs[0], shown(control.classification))
    footer = section.footer.paragraphs[0]
    quiet(footer, f"{shown(control.footer)}    page ")
    add_field(footer, "PAGE")
    quiet(footer, " of ")
    add_field(footer, "NUMPAGES")


def quiet(paragraph: WordParagraph, words: str) -> None:
    """Small grey words at the end of a paragraph."""
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(words)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor.from_string(MUTED)


def add_field(paragraph: WordParagraph, instruction: str) -> None:
    """A field Word fills in (PAGE, NUMPAGES), with a placeholder until it does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run, placeholder = OxmlElement("w:r"), OxmlElement("w:t")
    placeholder.text = "1"
    run.append(placeholder)
    field.append(run)
    paragraph._p.append(field)


# --- Blocks ----------------------------------------------------------------------------------


def add_section(word: WordDocument, section: Section) -> None:
    heading = word.add_heading(shown(section.heading), level=min(section.level - 1, 4) or 1)
    heading.paragraph_format.keep_with_next = True
    if section.new_page:
        heading.paragraph_format.page_break_before = True
    for block in section.blocks:
        add_block(word, block, 0)


def add_block(word: WordDocument, block: Block, depth: int) -> None:
    if isinstance(block, Paragraph):
        add_paragraph(word, block, depth)
    elif isinstance(block, Items):
        add_items(word, block, depth)
    elif isinstance(block, Table):
        add_table(word, block)
    elif isinstance(block, Facts):
        facts_table(word, block)
    elif isinstance(block, Chart):
        add_chart(word, block)
    else:
        add_section(word, block)


def add_paragraph(word: WordDocument, paragraph: Paragraph, depth: int = 0) -> None:
    """``Why:`` in bold, then the text; notes and rules smaller and grey."""
    from docx.shared import Mm, Pt, RGBColor

    written = word.add_paragraph()
    written.paragraph_format.left_indent = Mm(6 * depth)
    if paragraph.label:
        written.add_run(label_words(paragraph.label)).bold = True
    run = written.add_run(shown(paragraph.text))
    if paragraph.style in QUIET_STYLES:
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor.from_string(MUTED)
    if paragraph.style == "lead-in":
        run.bold = True
        written.paragraph_format.keep_with_next = True


def add_items(word: WordDocument, items: Items, depth: int) -> None:
    for number, entry in enumerate(items.entries, start=1):
        add_entry(word, entry, items.style, number, depth)


def add_entry(word: WordDocument, entry: Entry, style: ItemStyle, number: int, depth: int) -> None:
    """An entry's head (numbered, bulleted or a step's title, then its tag), then its blocks."""
    from docx.shared import Mm

    head = word.add_paragraph()
    head.paragraph_format.left_indent = Mm(6 * depth + 6)
    head.paragraph_format.first_line_indent = Mm(-6)
    head.paragraph_format.keep_with_next = bool(entry.blocks)
    marker, title, bold = entry_head(entry, style, number)
    head.add_run(f"{marker}\t" if marker else "")
    head.add_run(title).bold = bold
    if entry.tag is not None:
        head.add_run(": " if entry.title else "")
        add_tag(head, entry.tag)
    for block in entry.blocks:
        add_block(word, block, depth + 1)


def add_tag(paragraph: WordParagraph, cell: Cell) -> None:
    """A severity or progress after an entry's title, highlighted by its tone."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run(cell_words(cell)[0])
    if cell.tone in TONE_FILLS:
        shading = OxmlElement("w:shd")
        for key, value in (("w:val", "clear"), ("w:color", "auto")):
            shading.set(qn(key), value)
        shading.set(qn("w:fill"), TONE_FILLS[cell.tone])
        run._r.get_or_add_rPr().append(shading)


def facts_table(word: WordDocument, card: Facts) -> None:
    """A card: its heading, then a two-column table of labels and values."""
    heading = word.add_paragraph()
    heading.add_run(shown(card.heading)).bold = True
    heading.paragraph_format.keep_with_next = True
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for fact in card.facts:
        label, value = table.add_row().cells
        label.text = shown(fact.label)
        value.text = shown(fact.value)
        keep_row_whole(label)
    set_widths(table.columns, [1.0, 3.0], word)
    word.add_paragraph()


def add_table(word: WordDocument, table: Table) -> None:
    """Head and rows; a hierarchy's upper rows bold; severities shaded; a level's scope as a
    second, smaller line; notes and details in their own columns."""
    headings = [column.heading for column in table.columns] + extra_headings(table)
    written = word.add_table(rows=1, cols=len(headings))
    written.style = "Table Grid"
    written.autofit = False
    for cell, heading in zip(written.rows[0].cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(shown(heading)).bold = True
        shade(cell, HEADER_FILL)
    repeat_as_header(written.rows[0]._tr)
    for row in table.rows:
        add_row(written.add_row().cells, row, table)
    set_widths(written.columns, column_widths(table, text_width(word) / 36000), word)
    word.add_paragraph()


def add_row(cells: tuple[_Cell, ...], row: Row, table: Table) -> None:
    from docx.shared import Mm, Pt, RGBColor

    upper = table.hierarchy and row.depth < 2
    for written, cell in zip(cells, row.cells, strict=False):
        main, detail = cell_words(cell)
        paragraph = written.paragraphs[0]
        paragraph.add_run(main).bold = upper or cell.kind is CellKind.SEVERITY
        if detail:
            small = paragraph.add_run(f"\n{detail}")
            small.font.size = Pt(8)
            small.font.color.rgb = RGBColor.from_string(MUTED)
        if cell.kind is CellKind.SEVERITY and cell.tone in TONE_FILLS:
            shade(written, TONE_FILLS[cell.tone])
        elif upper and row.depth == 0:
            shade(written, DOMAIN_FILL)
    if table.hierarchy:
        cells[0].paragraphs[0].paragraph_format.left_indent = Mm(2 * row.depth)
    for written, lines in zip(cells[len(row.cells) :], extra_cells(row, table), strict=False):
        for number, (label, words) in enumerate(lines):
            paragraph = written.paragraphs[0] if number == 0 else written.add_paragraph()
            paragraph.add_run(label).bold = True
            paragraph.add_run(words)
    keep_row_whole(cells[0])


def add_chart(word: WordDocument, chart: Chart) -> None:
    """The chart as a picture at the text width, its caption below, kept together."""
    from docx.shared import Emu, Mm

    from interview.report.chart_images import chart_png

    width = text_width(word)
    share = chart_share(chart.kind)
    picture = io.BytesIO(chart_png(chart.kind, chart.data))
    word.add_picture(picture, width=Emu(int(width * share)))
    word.paragraphs[-1].paragraph_format.keep_with_next = True
    caption = word.add_paragraph(shown(chart.caption), style="Caption")
    caption.paragraph_format.space_after = Mm(4)


# --- Table details ---------------------------------------------------------------------------


def shade(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def repeat_as_header(row_element: object) -> None:
    """The row is repeated at the top of every page the table runs onto."""
    flag(row_element, "w:tblHeader")


def keep_row_whole(cell: _Cell) -> None:
    """The cell's row is never split across two pages."""
    flag(cell._tc.getparent(), "w:cantSplit")


def flag(row_element: object, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row_element.get_or_add_trPr().append(element)  # type: ignore[attr-defined]


def text_width(word: WordDocument) -> int:
    """The width between the margins, in EMU."""
    section = word.sections[0]
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    return int((section.page_width or 0) - margins)


def set_widths(columns: object, weights: list[float], word: WordDocument) -> None:
    """Column widths in proportion to ``weights``, filling the text width."""
    width = text_width(word)
    total = sum(weights)
    for column, weight in zip(columns, weights, strict=False):  # type: ignore[call-overload]
        share = int(width * weight / total)
        column.width = share
        for cell in column.cells:
            cell.width = share
