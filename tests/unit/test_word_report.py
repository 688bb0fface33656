"""``--format docx``: an editable Word report, read back with python-docx and opened by
LibreOffice; nothing the interviewees said is hidden in it."""

import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from interview.cli import main
from tests.helpers.libreoffice import convert, needs_libreoffice, needs_poppler
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

CLASSIFICATION = 'Confidential: Acme & "auditors" <b>'


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("word")
    folder = scratch / "sessions"
    folder.mkdir()
    target, current = pump_sessions(folder, scratch)
    output = scratch / "gap.docx"
    arguments = ["gap", target, current, "--format", "docx", "-o", str(output)]
    arguments += ["--classification", CLASSIFICATION, "--sessions-dir", str(folder)]
    assert main(arguments) == 0
    return output


def all_text(document: docx.document.Document) -> str:
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_word_report_hides_nothing(written: Path) -> None:
    text = all_text(docx.Document(str(written)))
    for said in (DONT_KNOW_NOTE, WHO_TO_ASK, NA_JUSTIFICATION, TARGET_NA_REASON):
        assert said in text, said
    for said in (EVIDENCE_NOTE, GOAL_REASON, f"Gap analysis: {SYSTEM}"):  # NBSP kept
        assert said in text, said
    assert "0 None †" in text and "docs/" not in text


def test_real_headings_tables_and_pictures(written: Path) -> None:
    document = docx.Document(str(written))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == ("Title", f"Gap analysis: {SYSTEM}")
    assert ("Heading 1", "Executive summary") in headings
    assert headings.index(("Heading 1", "Executive summary")) < headings.index(
        ("Heading 1", "Heat map")
    )
    heat_map = next(
        t for t in document.tables if t.rows[0].cells[0].text == "ID" and len(t.columns) == 6
    )
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in heat_map.rows}
    assert rows["G1.2"][1] == "Compliance Management" and rows["G1.2"][5] == "large gap"
    header_row = heat_map.rows[0]._tr
    assert header_row.xpath("./w:trPr/w:tblHeader")  # repeated on every page
    assert len(document.inline_shapes) == 2  # the bar and the radar chart


def test_document_control_on_every_page(written: Path) -> None:
    document = docx.Document(str(written))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == CLASSIFICATION
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("smm ") and "Gap analysis:" in footer.text
    fields = [f.get(qn("w:instr")) for f in footer._p.xpath(".//w:fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    assert (round(width.mm), round(height.mm)) == (210, 297)
    heading = next(p for p in document.paragraphs if p.text == "Heat map")
    assert heading.paragraph_format.page_break_before


def test_letter_paper(tmp_path: Path, written: Path) -> None:
    from interview.render.document import Control, Document, Paper
    from interview.render.word import write_docx

    page = write_docx(Document("x", control=Control((), paper=Paper.LETTER)))
    (tmp_path / "letter.docx").write_bytes(page)
    section = docx.Document(str(tmp_path / "letter.docx")).sections[0]
    assert section.page_width is not None
    assert abs(section.page_width - Mm(215.9)) < Mm(0.1)


@needs_libreoffice
@needs_poppler
def test_libreoffice_opens_it(tmp_path: Path, written: Path) -> None:
    pdf = convert(written, "pdf", tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Executive summary" in text and "G1.2" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages_line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    count = int(pages_line.split()[1])
    last = subprocess.run(
        ["pdftotext", "-f", str(count), "-l", str(count), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert last.stdout.strip(), "the last page is blank"
    first, second = (
        subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for page in (1, 2)
    )
    assert "Executive summary" in first and "In numbers" in first
    assert "Questions answered" in first, "the executive summary ends on the first page"
    assert "Sessions compared" in second
