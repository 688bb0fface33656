"""``--format xlsx``: a workbook to plan in, read back with openpyxl and opened by
LibreOffice; nothing the interviewees said is hidden in it, and text stays text."""

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from interview.cli import main
from interview.render.document import Document, Sheet
from interview.render.workbook import write_xlsx
from tests.helpers.libreoffice import convert, needs_libreoffice, needs_poppler
from tests.helpers.report_sessions import (
    ASSESSMENT_DONT_KNOW,
    DONT_KNOW_NOTE,
    EVIDENCE_NOTE,
    GOAL_REASON,
    NA_JUSTIFICATION,
    SYSTEM,
    TARGET_DONT_KNOW,
    TARGET_NA_REASON,
    WHO_TO_ASK,
    pump_sessions,
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    scratch = tmp_path_factory.mktemp("workbook")
    folder = scratch / "sessions"
    folder.mkdir()
    target, current = pump_sessions(folder, scratch)
    output = scratch / "gap.xlsx"
    arguments = ["gap", target, current, "--format", "xlsx", "-o", str(output)]
    assert main([*arguments, "--sessions-dir", str(folder)]) == 0
    return output, folder, target, current


def rows(book: openpyxl.Workbook, name: str) -> list[tuple[object, ...]]:
    return list(book[name].iter_rows(values_only=True))


def test_the_sheets_and_their_layout(made: tuple[Path, Path, str, str]) -> None:
    book = openpyxl.load_workbook(made[0])
    assert book.sheetnames == [
        "Summary", "Levels", "Roadmap", "Follow-ups", "Answers", "Not applicable"
    ]  # fmt: skip
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.print_title_rows == "$1:$1"
    levels = {row[2]: row for row in rows(book, "Levels")[1:]}
    assert levels["G1.2"][4:11] == (2, 2, 0, None, 2, 2, "large gap")  # numbers stay numbers
    assert levels["G1.2"][12] == "target, current"  # both rest on a "don't know"
    assert levels["E2.2"][11] == "not applicable"


def test_the_roadmap_is_ready_to_plan_in(made: tuple[Path, Path, str, str]) -> None:
    book = openpyxl.load_workbook(made[0])
    sheet = book["Roadmap"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Rank", "Phase", "Practice"]
    assert header[-4:] == ["Owner", "Due date", "Status", "Note"]
    planned = [row[1:3] for row in rows(book, "Roadmap")[1:]]
    assert planned == [("first", "G1.2"), ("first", "E1.1")]
    status = get_column_letter(header.index("Status") + 1)
    validations = sheet.data_validations.dataValidation
    assert any(f"{status}2" in str(v.sqref) and "in-progress" in v.formula1 for v in validations)
    assert sheet.cell(row=2, column=header.index("Owner") + 1).fill.fgColor.rgb.endswith("FFF2CC")


def test_nothing_is_hidden(made: tuple[Path, Path, str, str]) -> None:
    book = openpyxl.load_workbook(made[0])
    follow_ups = {(row[1], row[4]): row for row in rows(book, "Follow-ups")[1:]}
    assert follow_ups[("target", TARGET_DONT_KNOW)][6] == WHO_TO_ASK
    assert follow_ups[("current", ASSESSMENT_DONT_KNOW)][7] == DONT_KNOW_NOTE
    reasons = {row[2] for row in rows(book, "Not applicable")[1:]}
    assert reasons == {NA_JUSTIFICATION, TARGET_NA_REASON}
    notes = {row[7] for row in rows(book, "Answers")[1:]}
    assert {EVIDENCE_NOTE, GOAL_REASON} <= notes
    summary = [value for row in rows(book, "Summary") for value in row if value]
    assert f"Gap analysis: {SYSTEM}" in summary  # NBSP kept
    assert "Executive summary" in summary and "Document control" in summary


def test_text_is_never_a_formula(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://x","y")'
    sheet = Sheet("Data", ("Name", "Due"), ((hostile, date(2026, 12, 1)), ("a\x1bb", None)))
    path = tmp_path / "x.xlsx"
    path.write_bytes(write_xlsx(Document(hostile, sheets=(sheet,))))
    book = openpyxl.load_workbook(path)
    cell = book["Data"]["A2"]
    assert cell.value == hostile and cell.data_type == "s"
    assert book["Data"]["B2"].value.date() == date(2026, 12, 1)
    assert book["Data"]["A3"].value == "a\\x1bb"  # a control character shown, not stored
    assert book["Summary"]["A1"].data_type == "s"


def test_report_and_history_workbooks(made: tuple[Path, Path, str, str], tmp_path: Path) -> None:
    _, folder, _, current = made
    report, history = tmp_path / "r.xlsx", tmp_path / "h.xlsx"
    base = ["--sessions-dir", str(folder), "--format", "xlsx"]
    assert main(["report", current, *base, "-o", str(report)]) == 0
    assert main(["history", current, *base, "-o", str(history)]) == 0
    assert openpyxl.load_workbook(report).sheetnames == [
        "Summary", "Levels", "Follow-ups", "Answers", "Not applicable"
    ]  # fmt: skip
    levels = rows(openpyxl.load_workbook(history), "Levels over time")
    assert levels[0][:2] == ("Practice", "Name") and levels[1][0] == "G1.1"


@needs_libreoffice
@needs_poppler
def test_libreoffice_opens_it(made: tuple[Path, Path, str, str], tmp_path: Path) -> None:
    pdf = convert(made[0], "pdf", tmp_path)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Executive summary" in text and "G1.2" in text


def test_the_plan_fills_in_the_roadmap(made: tuple[Path, Path, str, str], tmp_path: Path) -> None:
    _, folder, target, current = made
    copy = tmp_path / "sessions"
    shutil.copytree(folder, copy)
    plan = ["plan", "set", current, "G1.2", "--owner", "=Ana", "--due", "2027-03-31"]
    assert main([*plan, "--status", "in-progress", "--sessions-dir", str(copy)]) == 0
    output = tmp_path / "gap.xlsx"
    arguments = ["gap", target, current, "--format", "xlsx", "-o", str(output)]
    assert main([*arguments, "--sessions-dir", str(copy)]) == 0
    roadmap = openpyxl.load_workbook(output)["Roadmap"]
    header = [cell.value for cell in roadmap[1]]
    first = dict(zip(header, roadmap[2], strict=True))
    assert first["Practice"].value == "G1.2"
    assert first["Owner"].value == "=Ana" and first["Owner"].data_type == "s"
    due = first["Due date"].value
    assert isinstance(due, datetime) and due.date() == date(2027, 3, 31)
    assert first["Status"].value == "in-progress"
