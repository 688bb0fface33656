"""The writers of interview/render/ on small documents: user text full of markup is escaped
in Markdown and HTML and shown literally in text and Rich; text fits the width it is given."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from interview.render.document import (
    Cell,
    CellKind,
    Column,
    Document,
    Entry,
    Items,
    ItemStyle,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.html import write_html
from interview.render.markdown import write_markdown
from interview.render.rich import write_rich
from interview.render.text import write_text

HOSTILE = "<b>[bold]x[/bold]</b> **y** | &amp; \x1b[2J"
"""HTML, Rich markup, Markdown emphasis, a table pipe, an entity and an escape sequence."""


def hostile_table() -> Table:
    return Table(
        (Column("ID"), Column("Name"), Column("Severity", 12)),
        (
            Row(
                (
                    Cell("D1.1", CellKind.ID),
                    Cell(HOSTILE),
                    Cell("large gap", CellKind.SEVERITY, tone="large"),
                )
            ),
        ),
        name="heat-map",
    )


def document(*blocks: Paragraph | Items | Table) -> Document:
    return Document(title=f"Title {HOSTILE}", sections=(Section("Part", tuple(blocks), "part"),))


def rich_text(*blocks: Paragraph | Items | Table) -> str:
    console = Console(width=100, record=True, file=io.StringIO(), color_system=None)
    console.print(write_rich(list(blocks)))
    return console.export_text()


def test_markdown_escapes_user_text_in_a_table_and_a_title() -> None:
    page = write_markdown(document(hostile_table()))
    escaped = r"\<b\>\[bold\]x\[/bold\]\</b\> \*\*y\*\* \| \&amp; \\x1b\[2J"
    assert f"| D1.1 | {escaped} | large gap |" in page
    assert page.startswith(f"# Title {escaped}\n")
    assert "\x1b" not in page


def test_html_escapes_user_text_in_a_table_and_a_title() -> None:
    page = write_html(document(hostile_table()))
    escaped = "&lt;b&gt;[bold]x[/bold]&lt;/b&gt; **y** | &amp;amp; \\x1b[2J"
    assert f"<td>{escaped}</td>" in page
    assert f"<title>Title {escaped}</title>" in page
    assert '<td class="heat large">large gap</td>' in page
    assert "<b>" not in page and "\x1b" not in page


def test_rich_shows_user_text_literally() -> None:
    shown = rich_text(hostile_table(), Paragraph(HOSTILE, label="why"))
    assert "<b>[bold]x[/bold]</b> **y** | &amp; \\x1b[2J" in shown
    assert "why: <b>[bold]x[/bold]</b>" in shown


def test_text_shows_user_text_literally_and_escape_sequences_as_text() -> None:
    page = write_text(document(hostile_table()))
    assert "D1.1  <b>[bold]x[/bold]</b> **y** | &amp; \\x1b[2J  large gap" in page
    assert "\x1b" not in page


@pytest.mark.parametrize("width", [40, 60, 100])
def test_text_wraps_prose_to_the_width_given(width: int) -> None:
    words = " ".join(["word"] * 60)
    page = write_text(document(Paragraph(words, label="why")), width=width)
    lines = page.splitlines()
    assert all(len(line) <= width for line in lines)  # the title wraps too
    why = next(index for index, line in enumerate(lines) if line.startswith("why: "))
    assert lines[why].startswith("why: word") and lines[why + 1].startswith("     word")


def test_text_splits_a_wide_table_and_repeats_the_first_and_last_columns() -> None:
    columns = (Column("ID"), *(Column(f"A{n} 2026-01-0{n}") for n in range(1, 8)), Column("NAME"))
    row = Row((Cell("D1.1"), *(Cell("2/1") for _ in range(7)), Cell("Practice")))
    page = write_text(document(Table(columns, (row,), split=True)), width=60)
    headers = [line for line in page.splitlines() if line.startswith("ID")]
    assert len(headers) > 1
    assert all(header.endswith("NAME") for header in headers)
    assert all(len(header.split("NAME")[0].rstrip()) <= 60 for header in headers)


def test_entries_are_numbered_with_their_tags_and_nested_blocks() -> None:
    entry = Entry(
        "D1.1 Practice",
        (Paragraph("1 Minimum", label="from"), Items((Entry("Do one."),))),
        tag=Cell("large gap", CellKind.SEVERITY, tone="large"),
    )
    items = Items((entry, entry), ItemStyle.NUMBERED)
    text = write_text(document(items)).splitlines()
    assert text[3:7] == [" 1. D1.1 Practice: large gap", "    from: 1 Minimum", "    - Do one.", ""]
    markdown = write_markdown(document(items)).splitlines()
    assert "1. **D1.1 Practice**: large gap" in markdown
    assert "   - From: 1 Minimum" in markdown and "   - Do one." in markdown
    html = write_html(document(items))
    assert '<h3>D1.1 Practice <span class="heat large">large gap</span></h3>' in html
    assert "<li>Do one.</li>" in html
    shown = rich_text(items)
    assert " 1. D1.1 Practice   large gap " in shown and "• Do one." in shown


def test_a_section_of_charts_only_has_no_text_or_markdown_form() -> None:
    from interview.render.document import Chart
    from interview.report.charts import ChartData

    chart = Chart("bar", ChartData((), (), ()), "Bar chart", "caption")
    doc = Document("T", sections=(Section("Charts", (chart,), "charts"),))
    assert "Charts" not in write_text(doc) and "Charts" not in write_markdown(doc)
