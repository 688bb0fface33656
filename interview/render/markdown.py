"""The Markdown writer: a document for a wiki page or a ticket.

Every string is escaped so that it shows as typed: ``<b>``, ``**``, ``[link](...)`` or
``&amp;`` in a name is text, not markup. Charts are left out.
"""

from __future__ import annotations

import re

from interview.errors import printable
from interview.render.document import (
    Block,
    Chart,
    Document,
    Entry,
    Fact,
    Facts,
    Items,
    ItemStyle,
    Paragraph,
    Section,
    Table,
)
from interview.render.words import sentence_start

MARKDOWN_MARKUP = re.compile(r"([\\`*_\[\]<>&~|#])")
"""The characters Markdown could take as markup (emphasis, links, inline HTML, entities,
code, table cells): each is written after a backslash, which shows it as itself."""

QUIET = ("note", "rules")
"""Paragraph styles set in italics."""


ASCII_WHITESPACE = re.compile(r"\s+", re.ASCII)
"""The spaces and line breaks a line is folded at: not the non-breaking and other Unicode
spaces, which are kept as typed (the other line breaks are escaped by printable)."""


def markdown_text(text: str) -> str:
    """Text safe in a Markdown paragraph, list item or table cell: printable, on one line, and
    shown as typed."""
    one_line = ASCII_WHITESPACE.sub(" ", text).strip(" ")
    return MARKDOWN_MARKUP.sub(r"\\\1", printable(one_line))


def write_markdown(document: Document) -> str:
    """The whole document: title, lead, sessions, preamble, then each section."""
    lines = [f"# {markdown_text(document.title)}", ""]
    if document.lead:
        lines += [markdown_text(document.lead), ""]
    lines += [
        f"- **{markdown_text(card.heading)}:** {markdown_text(card.summary)}"
        for card in document.all_cards
    ]
    for paragraph in document.preamble:
        lines += ["", paragraph_line(paragraph)]
    for section in document.sections:
        lines += section_lines(section)
    return "\n".join(lines) + "\n"


def section_lines(section: Section) -> list[str]:
    """``## Heading`` and its blocks, a blank line between them; charts are left out."""
    blocks = [block for block in section.blocks if not isinstance(block, Chart)]
    if not blocks:
        return []
    lines = ["", f"{'#' * section.level} {markdown_text(section.heading)}"]
    for block in blocks:
        lines += (
            ["", *block_lines(block, "")]
            if not isinstance(block, Section)
            else section_lines(block)
        )
    return lines


def block_lines(block: Block, indent: str) -> list[str]:
    if isinstance(block, Paragraph):
        return [indent + paragraph_line(block)]
    if isinstance(block, Items):
        return item_lines(block, indent)
    if isinstance(block, Table):
        return table_lines(block)
    if isinstance(block, Facts) and block.compact:
        return [f"{indent}- **{markdown_text(block.heading)}:** {markdown_text(block.summary)}"]
    if isinstance(block, Facts):
        heading = [f"{indent}**{markdown_text(block.heading)}**", ""] if block.heading else []
        return heading + [
            f"{indent}- **{markdown_text(f.label)}:** {markdown_text(f.value)}" for f in block.facts
        ]
    return []


def paragraph_line(paragraph: Paragraph) -> str:
    """The paragraph on one line: ``Why: …``; notes in italics."""
    text = markdown_text(paragraph.text)
    if paragraph.label:
        text = f"{markdown_text(sentence_start(paragraph.label))}: {text}"
    return f"*{text}*" if paragraph.style in QUIET else text


def item_lines(items: Items, indent: str) -> list[str]:
    """A numbered or bulleted list; an entry's blocks are nested under it as a list."""
    lines = []
    for number, entry in enumerate(items.entries, start=1):
        marker = f"{number}. " if items.style is ItemStyle.NUMBERED else "- "
        inner = indent + " " * len(marker)
        lines.append(f"{indent}{marker}{entry_head(entry, items.style)}")
        for block in entry.blocks:
            if isinstance(block, Paragraph):
                lines.append(f"{inner}- {paragraph_line(block)}")
            elif isinstance(block, Items) and block.style is ItemStyle.STEPS:
                lines += item_lines(block, inner)
            else:
                lines += block_lines(block, inner)
    return lines


def entry_head(entry: Entry, style: ItemStyle) -> str:
    """``**D1.1 Practice**: large gap``; a step's title as ``To reach 2 Ad hoc:``."""
    title = markdown_text(entry.title)
    if style is ItemStyle.STEPS:
        return f"{markdown_text(sentence_start(entry.title))}:"
    if entry.tag is None:
        return title
    tag = markdown_text(entry.tag.text)
    return f"**{title}**: {tag}" if title else tag


def table_lines(table: Table) -> list[str]:
    """A pipe table; in a hierarchy, domain and sub-domain rows in bold."""
    headings = [markdown_text(column.heading) for column in table.columns]
    headings += [markdown_text(h) for h in (table.note_heading, table.details_heading) if h]
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for row in table.rows:
        cells = [markdown_text(cell.text) for cell in row.cells]
        if table.hierarchy and row.depth < 2:
            cells = [f"**{cell}**" if cell else cell for cell in cells]
        if table.note_heading:
            cells.append(markdown_text(row.note))
        if table.details_heading:
            cells.append(details_cell(row.details))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def details_cell(details: tuple[Fact, ...]) -> str:
    """``*Set by:* the domain goal<br>*Aim:* …``: one cell, a line per detail."""
    return "<br>".join(
        f"*{markdown_text(sentence_start(fact.label))}:* {markdown_text(fact.value)}"
        for fact in details
    )
