"""The HTML writer: a document as one self-contained page (see :mod:`html_page`).

Severity is written in words in every coloured cell, so the page reads the same printed in
greyscale. Every string is escaped; a multi-line note keeps its line breaks.
"""

from __future__ import annotations

from html import escape

from interview.render.document import (
    Block,
    Cell,
    CellKind,
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
from interview.render.html_page import figure, page, print_style, stylesheet, text, text_lines
from interview.render.words import sentence_start
from interview.report.charts import bar_chart_svg, radar_chart_svg
from interview.report.history_chart import HistoryChartData, history_chart_svg

ROW_CLASSES = ("domain", "subdomain", "practice")

HEAD_STYLES = ("plan", "why", "move")
"""Paragraphs that belong to an entry's head, kept with its heading when printed."""


def write_html(document: Document) -> str:
    """The whole page: header, session cards, preamble, sections."""
    title = text(document.title)
    lead = f'\n<p class="lead">{text(document.lead)}</p>' if document.lead else ""
    parts = [f"<header>\n<h1>{title}</h1>{lead}\n</header>"]
    if document.control:
        control = card_html(document.control.card())
        parts.append(f'<section id="document-control" class="cards">\n{control}\n</section>')
    if document.cards:
        cards = "\n".join(card_html(card) for card in document.cards)
        parts.append(f'<section id="sessions" class="cards">\n{cards}\n</section>')
    parts += [paragraph_html(paragraph) for paragraph in document.preamble]
    parts += [section_html(section) for section in document.sections]
    style = stylesheet(document.stylesheet) if document.stylesheet else ""
    return page(title, parts, style + print_style(document.control))


def section_html(section: Section) -> str:
    """A section and its blocks; a top-level section is a ``<section>`` with an id."""
    heading = f"<h{section.level}>{text(section.heading)}</h{section.level}>"
    body = "\n".join(block_html(block) for block in section.blocks)
    if section.level > 2:
        anchor = f' id="{section.anchor}"' if section.anchor else ""
        return f"<h{section.level}{anchor}>{text(section.heading)}</h{section.level}>\n{body}"
    new_page = ' class="new-page"' if section.new_page else ""
    return f'<section id="{section.anchor}"{new_page}>\n{heading}\n{body}\n</section>'


def block_html(block: Block) -> str:
    if isinstance(block, Paragraph):
        return paragraph_html(block)
    if isinstance(block, Items):
        return items_html(block)
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, Facts):
        return card_html(block)
    if isinstance(block, Chart):
        return chart_html(block)
    return section_html(block)


def card_html(card: Facts) -> str:
    """Facts as a definition list in a card."""
    rows = "\n".join(f"<dt>{text(f.label)}</dt><dd>{text(f.value)}</dd>" for f in card.facts)
    return f'<div class="card">\n<h3>{text(card.heading)}</h3>\n<dl>\n{rows}\n</dl>\n</div>'


def paragraph_html(paragraph: Paragraph) -> str:
    """``<p class="why"><strong>Why:</strong> …</p>``; a plan line's progress marked."""
    label = f"<strong>{text(sentence_start(paragraph.label))}:</strong> " if paragraph.label else ""
    body = text_lines(paragraph.text)
    if paragraph.tone:
        body = f'<span class="progress {paragraph.tone}">{body}</span>'
    style = f' class="{paragraph.style}"' if paragraph.style else ""
    return f"<p{style}>{label}{body}</p>"


def tag_html(cell: Cell) -> str:
    """A severity as a coloured chip; a plan's progress marked; other text as it is."""
    if cell.kind is CellKind.SEVERITY:
        return f'<span class="heat {cell.tone}">{text(cell.text)}</span>'
    if cell.tone:
        return f'<span class="progress {cell.tone}">{text(cell.text)}</span>'
    if cell.full and cell.detail:
        return f"{text(cell.full)}, {text(cell.detail)}"
    return text(cell.full or cell.text)


def items_html(items: Items) -> str:
    """``<ol>`` or ``<ul>``; steps as titled groups."""
    if items.style is ItemStyle.STEPS:
        return "\n".join(step_html(entry) for entry in items.entries)
    tag = "ol" if items.style is ItemStyle.NUMBERED else "ul"
    name = f' class="{items.name}"' if items.name else ""
    entries = "\n".join(
        numbered_html(entry) if items.style is ItemStyle.NUMBERED else bullet_html(entry)
        for entry in items.entries
    )
    return f"<{tag}{name}>\n{entries}\n</{tag}>"


def numbered_html(entry: Entry) -> str:
    """An entry with a heading; its plan and move lines kept with the heading."""
    tag = ""
    if entry.tag is not None:
        tag = (" " if entry.tag.kind is CellKind.SEVERITY else ": ") + tag_html(entry.tag)
    head = [f"<h3>{text(entry.title)}{tag}</h3>"]
    rest = []
    for block in entry.blocks:
        if isinstance(block, Paragraph) and block.style in HEAD_STYLES:
            head.append(paragraph_html(block))
        else:
            rest.append(block_html(block))
    head_html = '<div class="item-head">\n' + "\n".join(head) + "\n</div>"
    return "<li>\n" + "\n".join([head_html, *rest]) + "\n</li>"


def bullet_html(entry: Entry) -> str:
    """``<li><strong>D1.2</strong>: …</li>`` or the text alone; nested blocks inside."""
    if entry.tag is None:
        head = text(entry.title)
    elif entry.title:
        head = f"<strong>{text(entry.title)}</strong>: {tag_html(entry.tag)}"
    else:
        head = tag_html(entry.tag)
    inner = "".join(block_html(block) for block in entry.blocks)
    return f"<li>{head}{inner}</li>"


def step_html(entry: Entry) -> str:
    """``To reach 2 Ad hoc``, its to-do list and any consideration."""
    inner = "".join(block_html(block) for block in entry.blocks)
    return f'<div class="step"><h4>{text(sentence_start(entry.title))}</h4>\n{inner}</div>'


def table_html(table: Table) -> str:
    """Head and body; in a hierarchy, rows classed by depth; severity cells coloured."""
    heads = "".join(
        f"<th>{text(column.heading)}"
        + (f'<br><span class="scope">{text(column.detail)}</span>' if column.detail else "")
        + "</th>"
        for column in table.columns
    )
    for extra in (table.note_heading, table.details_heading):
        heads += f"<th>{text(extra)}</th>" if extra else ""
    rows = "\n".join(row_html(row, table) for row in table.rows)
    name = f' class="{table.name}"' if table.name else ""
    whole = f"<table{name}>\n<thead><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    return f'<div class="wide">{whole}</div>' if table.split else whole


def row_html(row: Row, table: Table) -> str:
    cells = "".join(cell_html(cell) for cell in row.cells)
    if table.note_heading:
        cells += f'<td class="note">{text(row.note)}</td>'
    if table.details_heading:
        details = "<br>".join(
            f"<strong>{text(sentence_start(fact.label))}:</strong> {text_lines(fact.value)}"
            for fact in row.details
        )
        cells += f"<td>{details}</td>"
    style = f' class="{ROW_CLASSES[min(row.depth, 2)]}"' if table.hierarchy else ""
    return f"<tr{style}>{cells}</tr>"


def cell_html(cell: Cell) -> str:
    """A cell in words: a level over its scope, a mean, a coloured severity."""
    if cell.kind is CellKind.SEVERITY:
        return f'<td class="heat {cell.tone}">{text(cell.text)}</td>'
    if cell.tone:
        return f'<td class="{cell.kind.value} {cell.tone}">{text(cell.full or cell.text)}</td>'
    body = text(cell.full or cell.text)
    if cell.detail:
        body += f'<br><span class="scope">{text(cell.detail)}</span>'
    return f"<td>{body}</td>"


def chart_html(chart: Chart) -> str:
    """The chart as inline SVG with its caption (matplotlib is imported here, when drawn)."""
    if isinstance(chart.data, HistoryChartData):
        svg = history_chart_svg(chart.data, chart.title)
    elif chart.kind == "bar":
        svg = bar_chart_svg(chart.data, chart.title)
    else:
        svg = radar_chart_svg(chart.data, chart.title)
    return figure(svg, escape(chart.caption))
