"""Reading an answers form back from a workbook (``smm import FILE.xlsx``, ``smm new KIND
--answers FILE.xlsx``): the Answers sheet's question ids, answers, notes and whom to ask, found
by their column headings, and the form's kind from its "How to fill in" sheet.

Every bad cell is one line naming the file, the sheet, the row and the column; all of them are
reported at once. openpyxl is imported only here, when a workbook is read.
"""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interview.errors import InputError, printable
from interview.services.answers_file import ScriptedAnswer
from interview.services.answers_form import (
    ABOUT_SHEET,
    ANSWER,
    ANSWERS_SHEET,
    ASK,
    KIND_LABEL,
    NOTE,
    QUESTION_ID,
)
from interview.session.model import SessionKind

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

READ_COLUMNS = (QUESTION_ID, ANSWER, NOTE, ASK)


@dataclass(frozen=True)
class FormAnswers:
    """What a filled-in form holds: its kind (None when its About sheet is gone), its answers."""

    kind: SessionKind | None
    answers: dict[str, ScriptedAnswer]


def read_answers_workbook(path: Path) -> FormAnswers:
    """The answers of a form workbook; InputError with a line per problem."""
    where = printable(str(path))
    book = _open(path, where)
    if ANSWERS_SHEET not in book.sheetnames:
        raise InputError(
            [f"{where}: no sheet named {ANSWERS_SHEET!r}; give a form made by `smm form`"]
        )
    kind = _kind(book[ABOUT_SHEET], where) if ABOUT_SHEET in book.sheetnames else None
    return FormAnswers(kind, _answers(book[ANSWERS_SHEET], where))


def _open(path: Path, where: str) -> Workbook:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, data_only=False)
    except FileNotFoundError:
        raise InputError([f"{where}: no such file"]) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        reason = printable(str(error) or type(error).__name__)
        raise InputError(
            [f"{where}: not a workbook smm can read ({reason}); save it as .xlsx"]
        ) from None


def _kind(sheet: Worksheet, where: str) -> SessionKind:
    for label, value, *_ in sheet.iter_rows(max_col=2, values_only=True):
        if label == KIND_LABEL:
            try:
                return SessionKind(str(value))
            except ValueError:
                allowed = " or ".join(kind.value for kind in SessionKind)
                raise InputError(
                    [f"{where}: sheet {ABOUT_SHEET!r}: {KIND_LABEL} is {printable(repr(value))};"
                     f" write {allowed}"]
                ) from None  # fmt: skip
    raise InputError([f"{where}: sheet {ABOUT_SHEET!r}: no {KIND_LABEL} row; give it back"])


def _answers(sheet: Worksheet, where: str) -> dict[str, ScriptedAnswer]:
    columns = _columns(sheet, where)
    problems: list[str] = []
    answers: dict[str, ScriptedAnswer] = {}
    first_row: dict[str, int] = {}
    for row, cells in enumerate(sheet.iter_rows(min_row=2), start=2):
        texts: dict[str, str] = {}
        for heading, index in columns.items():
            cell = cells[index] if index < len(cells) else None
            text, problem = _text(cell, heading)
            if problem:
                problems.append(f"{_place(where, sheet, row, index, heading)}: {problem}")
            texts[heading] = text
        question_id = texts[QUESTION_ID].strip()
        answer, note, ask = texts[ANSWER], texts[NOTE], texts[ASK]
        if not (answer.strip() or note.strip() or ask.strip()):
            continue  # a question left unanswered, or an empty row
        place = _place(where, sheet, row, columns[ANSWER], ANSWER)
        if not question_id:
            problems.append(f"{place}: an answer without a question id; put the id back")
        elif not answer.strip():
            problems.append(f"{place}: {printable(question_id)} has a note but no answer; give it")
        elif question_id in answers:
            problems.append(
                f"{place}: {printable(question_id)} is answered twice (also on row "
                f"{first_row[question_id]}); keep one"
            )
        else:
            first_row[question_id] = row
            answers[question_id] = ScriptedAnswer(question_id, answer.strip(), note, place, ask)
    if problems:
        raise InputError(problems)
    return answers


def _columns(sheet: Worksheet, where: str) -> dict[str, int]:
    """The index of each column the reader needs, by its heading in the first row."""
    headings = next(sheet.iter_rows(max_row=1, values_only=True), ())
    found = {str(text).strip().casefold(): index for index, text in enumerate(headings) if text}
    columns, missing = {}, []
    for heading in READ_COLUMNS:
        if heading.casefold() in found:
            columns[heading] = found[heading.casefold()]
        else:
            missing.append(heading)
    if missing:
        named = ", ".join(repr(heading) for heading in missing)
        raise InputError(
            [f"{where}: sheet {sheet.title!r}, row 1: no column headed {named}; "
             "put the headings of the form back"]
        )  # fmt: skip
    return columns


def _text(cell: Cell | MergedCell | None, heading: str) -> tuple[str, str]:
    """A cell's value as text, or what is wrong with it."""
    value = None if cell is None else cell.value
    if value is None:
        return "", ""
    if getattr(cell, "data_type", None) == "f":
        return "", "a formula; type the answer itself"
    if isinstance(value, bool):
        return "", f"{str(value).upper()} is a yes/no value of the spreadsheet; type the words"
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return "", "a date or time; type the text (format the cell as text)"
    if isinstance(value, float):
        if value.is_integer():  # a level typed as a number
            return str(int(value)), ""
        if heading == ANSWER:
            return "", f"{value} is not an answer; levels are whole numbers"
    return str(value), ""


def _place(where: str, sheet: Worksheet, row: int, index: int, heading: str) -> str:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(index + 1)
    return f"{where}: sheet {sheet.title!r}, row {row}, column {letter} ({heading})"
