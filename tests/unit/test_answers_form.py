"""Answers as a spreadsheet, both ways: ``smm form`` writes a blank form, a script fills it in
with openpyxl, ``smm import`` replays it through the engine; ``smm export --format xlsx``
writes the answers given as the same form. The levels must be those of the same answers given
in a scripted interview, and every bad cell is named by sheet, row and column."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from interview.cli import main
from interview.questionnaire import load_questionnaire
from interview.services.answers_form import ANSWER, ASK, NOTE, QUESTION_ID
from interview.services.questions import QuestionInfo, questions
from interview.session.model import SessionKind
from tests.helpers.libreoffice import convert, needs_libreoffice
from tests.helpers.report_sessions import (
    ASSESSMENT_DONT_KNOW,
    CONTEXT,
    DONT_KNOW_NOTE,
    SYSTEM,
    Answer,
    answers_file,
    assessment_answer,
    target_answer,
)

ANSWERERS: dict[SessionKind, Callable[[QuestionInfo], Answer | None]] = {
    SessionKind.TARGET: target_answer,
    SessionKind.ASSESSMENT: assessment_answer,
}


def smm(capsys: pytest.CaptureFixture[str], folder: Path, *arguments: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*arguments, "--sessions-dir", str(folder)])
    out, err = capsys.readouterr()
    return code, out, err


def columns(sheet: Worksheet) -> dict[str, int]:
    return {str(cell.value): column for column, cell in enumerate(sheet[1], start=1)}


def fill(path: Path, answer: Callable[[QuestionInfo], Answer | None], kind: SessionKind) -> None:
    """Fill a blank form in as a script would, with openpyxl: each row by its question id."""
    by_id = {info.question_id: info for info in questions(load_questionnaire(None), kind)}
    book = openpyxl.load_workbook(path)
    sheet = book["Answers"]
    at = columns(sheet)
    for row in range(2, sheet.max_row + 1):
        question_id = sheet.cell(row, at[QUESTION_ID]).value
        given = CONTEXT.get(str(question_id))
        found = (given, "", "") if given else answer(by_id[str(question_id)])
        if found is None:
            continue
        value, note, ask = found
        sheet.cell(row, at[ANSWER]).value = int(value) if value.isdigit() else value
        sheet.cell(row, at[NOTE]).value = note or None
        sheet.cell(row, at[ASK]).value = ask or None
    book.save(path)


TYPED = 'Ask\u00a0Ana\u200cbel; =HYPERLINK("x") <b>'
"""A non-breaking space, a zero-width non-joiner, a formula and markup: all kept as typed."""


def row_of(sheet: Worksheet, question_id: str) -> int:
    at = columns(sheet)
    rows = range(2, sheet.max_row + 1)
    return next(r for r in rows if sheet.cell(r, at[QUESTION_ID]).value == question_id)


def levels(capsys: pytest.CaptureFixture[str], folder: Path, session_id: str) -> str:
    """The session's practice levels, without their notes: practice,comprehensiveness,scope."""
    code, out, _ = smm(capsys, folder, "export", session_id, "--format", "csv")
    assert code == 0
    return "\n".join(",".join(row[:3]) for row in csv.reader(io.StringIO(out)))


@pytest.mark.parametrize("kind", list(SessionKind))
def test_a_form_filled_by_a_script_gives_the_interviews_levels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: SessionKind
) -> None:
    folder, form = tmp_path / "sessions", tmp_path / "form.xlsx"
    assert smm(capsys, folder, "form", "--kind", kind.value, "-o", str(form))[0] == 0
    fill(form, ANSWERERS[kind], kind)
    code, out, err = smm(capsys, folder, "import", str(form), "--id", "from-form")
    assert code == 0, err
    assert out.strip() == "from-form"

    script = answers_file(tmp_path / "answers.csv", kind, ANSWERERS[kind])
    code, out, err = smm(capsys, folder, "new", kind.value, "--answers", str(script), "--batch")
    assert code == 0, err
    interviewed = out.split()[-1]
    assert levels(capsys, folder, "from-form") == levels(capsys, folder, interviewed)
    assert "G1.2,0," in levels(capsys, folder, "from-form") or kind is SessionKind.TARGET


def test_the_blank_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    assert smm(capsys, tmp_path, "form", "--kind", "assessment", "-o", str(form))[0] == 0
    book = openpyxl.load_workbook(form)
    assert book.sheetnames == ["Answers", "Lists", "How to fill in"]
    assert book["Lists"].sheet_state == "hidden"
    sheet = book["Answers"]
    asked = questions(load_questionnaire(None), SessionKind.ASSESSMENT)
    assert sheet.max_row == len(asked) + 1
    assert sheet.freeze_panes == "E2"
    at = columns(sheet)
    assert all(sheet.cell(row, at[ANSWER]).value is None for row in range(2, sheet.max_row + 1))
    row = row_of(sheet, ASSESSMENT_DONT_KNOW)
    assert sheet.cell(row, at["Evidence to look for"]).value, "the evidence hint is there"
    assert str(sheet.cell(row, at["Practice"]).value).startswith("G1.2 ")
    cell = sheet.cell(row, at[ANSWER]).coordinate
    lists = [v for v in sheet.data_validations.dataValidation if cell in v.sqref]
    assert len(lists) == 1 and lists[0].formula1.startswith("'Lists'!")
    column = lists[0].formula1.split("$")[1]
    offered = [c.value for c in book["Lists"][column] if c.value]
    assert offered == ["yes", "no", "dont-know"]
    about = {r[0]: r[1] for r in book["How to fill in"].iter_rows(values_only=True) if r[0]}
    assert about["Kind"] == "assessment"


@pytest.mark.slow
def test_export_then_import_keeps_answers_and_text_as_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "sessions"
    script = answers_file(tmp_path / "answers.csv", SessionKind.ASSESSMENT, assessment_answer)
    code, out, err = smm(capsys, folder, "new", "assessment", "--answers", str(script), "--batch")
    assert code == 0, err
    original = out.split()[-1]
    form = tmp_path / "export.xlsx"
    assert smm(capsys, folder, "export", original, "--format", "xlsx", "-o", str(form))[0] == 0
    book = openpyxl.load_workbook(form)
    sheet = book["Answers"]
    at = columns(sheet)
    row = row_of(sheet, ASSESSMENT_DONT_KNOW)
    assert sheet.cell(row, at[ANSWER]).value == "dont-know"
    assert sheet.cell(row, at[NOTE]).value == DONT_KNOW_NOTE
    system_row = row_of(sheet, "system_name")
    assert sheet.cell(system_row, at[ANSWER]).value == SYSTEM, "the non-breaking space is kept"
    sheet.cell(row, at[NOTE]).value = TYPED
    sheet.cell(row, at[ASK]).value = TYPED
    book.save(form)
    code, out, err = smm(capsys, folder, "import", str(form), "--id", "again")
    assert code == 0, err
    code, shown, _ = smm(capsys, folder, "show", "again", "--json")
    answers = {answer["question"]: answer for answer in json.loads(shown)["answers"]}
    assert answers[ASSESSMENT_DONT_KNOW]["note"] == TYPED
    assert answers[ASSESSMENT_DONT_KNOW]["ask"] == TYPED
    assert json.loads(shown)["system"] == SYSTEM
    assert levels(capsys, folder, "again") == levels(capsys, folder, original)


def test_every_bad_cell_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder, form = tmp_path / "sessions", tmp_path / "form.xlsx"
    smm(capsys, folder, "form", "--kind", "assessment", "-o", str(form))
    fill(form, assessment_answer, SessionKind.ASSESSMENT)
    book = openpyxl.load_workbook(form)
    sheet = book["Answers"]
    at = columns(sheet)
    letter = get_column_letter(at[ANSWER])
    sheet.cell(9, at[ANSWER]).value = "=1+1"
    sheet.cell(10, at[ANSWER]).value = True
    sheet.cell(11, at[ANSWER]).value = datetime.date(2026, 1, 2)
    sheet.cell(12, at[ANSWER]).value = None
    sheet.cell(12, at[NOTE]).value = "a note alone"
    sheet.cell(13, at[QUESTION_ID]).value = sheet.cell(14, at[QUESTION_ID]).value
    book.save(form)
    code, out, err = smm(capsys, folder, "import", str(form))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    for row in (9, 10, 11, 12):
        assert any(
            f"sheet 'Answers', row {row}, column {letter} (Answer)" in line for line in lines
        ), row
    assert any("row 14" in line and "answered twice (also on row 13)" in line for line in lines)
    assert "Traceback" not in err
    assert not folder.exists() or not any(folder.glob("*.toml")), "nothing was written"


def test_a_wrong_answer_names_its_cell_and_the_answers_allowed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder, form = tmp_path / "sessions", tmp_path / "form.xlsx"
    smm(capsys, folder, "form", "--kind", "assessment", "-o", str(form))
    fill(form, assessment_answer, SessionKind.ASSESSMENT)
    book = openpyxl.load_workbook(form)
    sheet = book["Answers"]
    at = columns(sheet)
    row = row_of(sheet, "G1.1.c1.1")
    sheet.cell(row, at[ANSWER]).value = "maybe"
    book.save(form)
    code, _, err = smm(capsys, folder, "import", str(form))
    assert code == 2
    assert (
        f"sheet 'Answers', row {row}, column I (Answer): G1.1.c1.1: 'maybe' is not an answer" in err
    )
    assert "yes, no" in err


def test_a_form_of_the_other_kind_or_no_workbook_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder, form = tmp_path / "sessions", tmp_path / "form.xlsx"
    smm(capsys, folder, "form", "--kind", "assessment", "-o", str(form))
    code, _, err = smm(capsys, folder, "import", str(form), "--kind", "target")
    assert code == 2 and "a form for assessment interviews, not target" in err
    code, _, err = smm(capsys, folder, "new", "target", "--answers", str(form), "--batch")
    assert code == 2 and "a form for assessment interviews" in err
    broken = tmp_path / "broken.xlsx"
    broken.write_text("question,answer\n", encoding="utf-8")
    code, _, err = smm(capsys, folder, "import", str(broken))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "not a workbook smm can read" in err and "Traceback" not in err


def test_an_answers_csv_is_imported_by_its_header(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "sessions"
    script = answers_file(tmp_path / "answers.csv", SessionKind.ASSESSMENT, assessment_answer)
    code, _, err = smm(capsys, folder, "import", str(script))
    assert code == 2 and "--kind" in err
    code, out, err = smm(capsys, folder, "import", str(script), "--kind", "assessment")
    assert code == 0, err
    assert "G1.2,0," in levels(capsys, folder, out.strip())


@pytest.mark.slow
@needs_libreoffice
def test_a_form_saved_again_by_libreoffice_still_imports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder, form = tmp_path / "sessions", tmp_path / "form.xlsx"
    smm(capsys, folder, "form", "--kind", "assessment", "-o", str(form))
    fill(form, assessment_answer, SessionKind.ASSESSMENT)
    out = tmp_path / "out"
    out.mkdir()
    resaved = convert(form, "xlsx:Calc MS Excel 2007 XML", out)
    code, _, err = smm(capsys, folder, "import", str(resaved), "--id", "resaved")
    assert code == 0, err
    script = answers_file(tmp_path / "answers.csv", SessionKind.ASSESSMENT, assessment_answer)
    code, out_id, err = smm(
        capsys, folder, "new", "assessment", "--answers", str(script), "--batch"
    )
    assert levels(capsys, folder, "resaved") == levels(capsys, folder, out_id.split()[-1])


def test_a_note_too_long_for_a_cell_is_cut_and_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "sessions"
    long_note = "evidence " * 5_000  # 45,000 characters: a session holds it, a cell does not

    def answer(question: QuestionInfo) -> Answer | None:
        if question.question_id == "G1.1.c1.1":
            return ("yes", long_note, "")
        return assessment_answer(question)

    script = answers_file(tmp_path / "answers.csv", SessionKind.ASSESSMENT, answer)
    code, out, err = smm(capsys, folder, "new", "assessment", "--answers", str(script), "--batch")
    assert code == 0, err
    form = tmp_path / "export.xlsx"
    code, _, err = smm(
        capsys, folder, "export", out.split()[-1], "--format", "xlsx", "-o", str(form)
    )
    assert code == 0
    assert "G1.1.c1.1: the note has 45,000 characters, more than a cell holds (32,767)" in err
    sheet = openpyxl.load_workbook(form)["Answers"]
    note = sheet.cell(row_of(sheet, "G1.1.c1.1"), columns(sheet)[NOTE]).value
    assert isinstance(note, str)
    assert len(note) == 32_767 and note.endswith("[cut: a cell holds 32,767 characters]")
    assert smm(capsys, folder, "import", str(form))[0] == 0
