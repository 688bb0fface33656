"""``--format pdf``: gap, session and history reports as PDF files (fpdf2), read back with
poppler's tools; nothing the interviewees said is hidden, every page carries the document
control, and user text stays text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from interview.cli import main
from interview.render.document import (
    Cell,
    CellKind,
    Column,
    Control,
    Document,
    Entry,
    Fact,
    Facts,
    Items,
    Paper,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.pdf import write_pdf
from tests.helpers.report_sessions import (
    DONT_KNOW_NOTE,
    EVIDENCE_NOTE,
    GOAL_REASON,
    NA_JUSTIFICATION,
    SYSTEM,
    TARGET_NA_REASON,
    WHO_TO_ASK,
    pump_sessions,
)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo, pdfimages) is not installed",
)

CLASSIFICATION = 'Confidential: Acme & "auditors" <b>'
HOSTILE_SHOWN = "<b>bold</b> **x** {nb} \\x1b[31m a\u200db"
LONG_WORD = "https://example.org/" + "x" * 300
HOSTILE = ("<b>bold</b>", "**x**", "{nb}", "\x1b[31m", "a\u200db")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The gap (A4 and Letter), the assessment's report and the history, made by the CLI."""
    scratch = tmp_path_factory.mktemp("pdf")
    folder = scratch / "sessions"
    folder.mkdir()
    target, current = pump_sessions(folder, scratch)
    runs = {
        "gap": ["gap", target, current],
        "letter": ["gap", target, current, "--paper", "letter"],
        "report": ["report", current],
        "history": ["history", current],
    }
    files = {}
    for name, arguments in runs.items():
        output = scratch / f"{name}.pdf"
        arguments += ["--format", "pdf", "-o", str(output), "--sessions-dir", str(folder)]
        assert main([*arguments, "--classification", CLASSIFICATION]) == 0, name
        files[name] = output
    return files


def pdf_text(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = ["pdftotext", *pages, *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def words(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def info(pdf: Path) -> dict[str, str]:
    printed = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pairs = (line.partition(":") for line in printed.stdout.splitlines())
    return {key: value.strip() for key, _, value in pairs}


def page_count(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


def test_the_gap_pdf_hides_nothing(made: dict[str, Path]) -> None:
    text = words(pdf_text(made["gap"]))
    for said in (DONT_KNOW_NOTE, WHO_TO_ASK, NA_JUSTIFICATION, TARGET_NA_REASON):
        assert said in text, said
    for said in (EVIDENCE_NOTE, GOAL_REASON, "Executive summary", "Heat map"):
        assert said in text, said
    assert "0 None †" in text and "docs/" not in text


def test_the_session_report_and_the_history(made: dict[str, Path]) -> None:
    report = words(pdf_text(made["report"]))
    for said in (DONT_KNOW_NOTE, NA_JUSTIFICATION, EVIDENCE_NOTE):
        assert said in report, said
    history = words(pdf_text(made["history"]))
    assert "History" in history and "Page 1 of" in history


@pytest.mark.parametrize("name", ["gap", "report", "history"])
def test_document_control_on_every_page(made: dict[str, Path], name: str) -> None:
    count = page_count(made[name])
    assert count >= 1
    for page in range(1, count + 1):
        text = words(pdf_text(made[name], page))
        assert text.startswith(CLASSIFICATION), page
        assert text.endswith(f"Page {page} of {count}"), page
        assert "smm " in text, page


@pytest.mark.parametrize("name", ["gap", "report", "history"])
def test_no_blank_last_page(made: dict[str, Path], name: str) -> None:
    count = page_count(made[name])
    lines = [line.strip() for line in pdf_text(made[name], count).splitlines()]
    control = (CLASSIFICATION, f"Page {count} of {count}")
    body = [line for line in lines if line and line not in control and "smm " not in line]
    assert body, "the last page holds nothing but its header and footer"


def test_headings_are_in_the_outline_and_parts_start_on_new_pages(made: dict[str, Path]) -> None:
    raw = made["gap"].read_bytes()
    titles = re.findall(rb"/Title \((.*?)\)\n", raw)
    assert titles[:3] == [b"Executive summary", b"Sessions compared", b"Heat map"]
    heat_map = next(
        page
        for page in range(1, page_count(made["gap"]) + 1)
        if "Heat map" in pdf_text(made["gap"], page)
    )
    assert words(pdf_text(made["gap"], heat_map)).startswith(f"{CLASSIFICATION} Heat map")


def test_the_table_header_is_repeated_on_each_page(made: dict[str, Path]) -> None:
    header = re.compile(r"^\s*ID\s+Name\s+Target\s+Current\s+Gap\s+Severity\s*$", re.MULTILINE)
    pages = [
        page
        for page in range(1, page_count(made["gap"]) + 1)
        if header.search(pdf_text(made["gap"], page, layout=True))
    ]
    assert len(pages) >= 2 and pages == list(range(pages[0], pages[0] + len(pages)))


def test_paper_sizes(made: dict[str, Path]) -> None:
    assert info(made["gap"])["Page size"].startswith("595.28 x 841.89 pts")  # A4
    assert info(made["letter"])["Page size"].startswith("612 x 792 pts")  # US Letter


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="pdfimages is not installed")
def test_the_charts_are_embedded(made: dict[str, Path]) -> None:
    listed = subprocess.run(
        ["pdfimages", "-list", str(made["gap"])], capture_output=True, text=True, check=True
    )
    images = [line for line in listed.stdout.splitlines()[2:] if line.strip()]
    assert len(images) == 2  # the bar and the radar chart
    assert "Comprehensiveness and scope" in pdf_text(made["gap"])


def test_metadata(made: dict[str, Path]) -> None:
    found = info(made["gap"])
    assert found["Title"] == f"Gap analysis: {SYSTEM}"  # with its non-breaking space
    assert found["Producer"] == "smm" and found["Creator"].startswith("smm ")
    assert found["CreationDate"]


def test_a_non_breaking_space_stays_one(made: dict[str, Path]) -> None:
    """pdftotext shows U+00A0 as a space, so the fonts' character maps are read instead: a
    glyph in the text maps back to U+00A0 only if the PDF's text holds one."""
    raw = made["gap"].read_bytes()
    assert re.search(rb"<[0-9A-F]{4}> <00A0>", raw)
    plain = write_pdf(Document("Pump fleet", control=Control(())))
    assert not re.search(rb"<[0-9A-F]{4}> <00A0>", plain)


def hostile_document() -> Document:
    hostile = " ".join(HOSTILE)
    row = Row(
        (Cell(hostile), Cell(LONG_WORD), Cell("large gap", CellKind.SEVERITY, tone="large")),
        note=hostile,
        details=(Fact("why", LONG_WORD),),
    )
    table = Table(
        (Column("ID"), Column("Name"), Column("Severity")),
        (row,),
        details_heading="Details",
        note_heading="Note",
    )
    blocks = (
        Paragraph(f"{hostile} {LONG_WORD}", label="why"),
        Items((Entry(LONG_WORD, (Paragraph(hostile),), Cell("small gap", tone="small")),)),
        table,
        Facts("Card", (Fact(hostile, LONG_WORD),), hostile),
    )
    control = Control((Fact("Classification", hostile),), hostile, hostile, Paper.LETTER)
    return Document(
        hostile, hostile, sections=(Section(hostile, blocks, new_page=True),), control=control
    )


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(write_pdf(hostile_document()))
    text = pdf_text(pdf)
    for said in ("<b>bold</b>", "**x**", "{nb}", "\\x1b[31m"):
        assert text.count(said) >= 8, said  # title, lead, header, footer, section, blocks
    assert "x" * 300 in "".join(text.split())
    assert "\x1b" not in text and "a\u200db" in text
    assert page_count(pdf) == 2  # the section starts a page of its own
    assert words(pdf_text(pdf, 2)).startswith(f"{words(HOSTILE_SHOWN)} {words(HOSTILE_SHOWN)}")


def test_a_row_taller_than_a_page_is_written_whole(tmp_path: Path) -> None:
    """fpdf2 refuses a table row taller than a page; such a row is written as lines between
    two parts of the table, so that a very long note is neither cut nor a crash."""
    note = " ".join(f"w{number}" for number in range(4000))
    rows = tuple(
        Row((Cell(f"P{number}"), Cell("name")), note=note if number == 2 else "short")
        for number in range(5)
    )
    table = Table((Column("ID"), Column("Name")), rows, note_heading="Note")
    card = Facts("Card", (Fact("Scope", note), Fact("After", "the end")), "")
    pdf = tmp_path / "tall.pdf"
    pdf.write_bytes(write_pdf(Document("Tall", sections=(Section("Part", (table, card)),))))
    text = words(pdf_text(pdf))
    assert all(f"P{number}" in text for number in range(5))
    assert text.count("w3999") == 2 and "Note: w0 w1" in text and "After the end" in text
    assert len(re.findall(r"ID Name Note", text)) == 2  # the table goes on after the row
