"""An answers form as a workbook (``smm form --format xlsx``, ``smm export SESSION --format
xlsx``), written with openpyxl: an Answers sheet with one row per question and a drop-down of
the answers each allows, a "How to fill in" sheet that also names the form's kind and
questionnaire, and a hidden Lists sheet holding the drop-downs' values (a list written into a
validation itself may not hold commas or pass 255 characters).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from interview.render.paged import HEADER_FILL
from interview.render.workbook import FILL_IN_COLOUR, put, row_height
from interview.services.answers_form import (
    ABOUT_SHEET,
    ANSWER,
    ANSWERS_SHEET,
    COLUMNS,
    FILL_IN,
    FORM_MARK,
    KIND_LABEL,
    QUESTIONNAIRE_LABEL,
    SYSTEM_LABEL,
    AnswersForm,
    FormRow,
    allowed_words,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

LISTS_SHEET = "Lists"
WIDTHS = (18.0, 30.0, 6.0, 24.0, 60.0, 45.0, 30.0, 36.0, 14.0, 40.0, 26.0)
"""Column widths in characters, in the order of COLUMNS."""
FROZEN = "E2"
"""The header row and the columns up to the question id stay in view."""

INSTRUCTIONS = (
    "Answer in the shaded columns of the Answers sheet; leave every other cell as it is.",
    "Where a cell has a drop-down, choose from it: yes, no, dont-know (nobody here knows yet; "
    "name who can answer in 'Who can answer'), and na where a question allows it, with the "
    "reason in 'Note'.",
    "Where the answers are a list without a drop-down, type one or more of them, separated by "
    "a semicolon (;). Text questions take any text.",
    "'When asked' says when a question counts: a question of level 2 or more counts only when "
    "every question of its practice below that level is answered yes. Answers to questions "
    "that do not count are left unused, and the import says so.",
    "'Note' holds evidence, links and comments; they appear with the practice in the reports.",
    "Rows may be sorted and filtered; do not change the question ids, the column headings or "
    "the sheet names.",
    "Then make the session: smm import FILE.xlsx (every question that counts must be "
    "answered), or smm new KIND --answers FILE.xlsx to go on in the interview where the form "
    "stops.",
)


def write_answers_workbook(form: AnswersForm) -> bytes:
    """The form as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    book = Workbook()
    answers = book.active
    assert answers is not None  # a new workbook has one sheet
    answers.title = ANSWERS_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    answers_sheet(answers, form)
    drop_downs(answers, lists, form.rows)
    about_sheet(book.create_sheet(ABOUT_SHEET), form)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row_values(row: FormRow) -> tuple[str | int | None, ...]:
    info = row.question
    return (
        row.domain,
        row.practice,
        info.level,
        info.question_id,
        info.text,
        info.evidence,
        info.asked,
        allowed_words(info),
        row.answer,
        row.note,
        row.ask,
    )


def answers_sheet(sheet: Worksheet, form: AnswersForm) -> None:
    """The header and one row per question, wrapped and sized, the fill-in columns shaded."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    shade = PatternFill("solid", fgColor=FILL_IN_COLOUR)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, heading in enumerate(COLUMNS, start=1):
        cell = put(sheet, 1, column, heading)
        cell.font, cell.fill, cell.alignment = Font(bold=True), header_fill, wrap
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[column - 1]
    fill_in = {COLUMNS.index(heading) + 1 for heading in FILL_IN}
    for number, row in enumerate(form.rows, start=2):
        values = row_values(row)
        for column, value in enumerate(values, start=1):
            cell = put(sheet, number, column, value)
            cell.alignment = wrap
            if column in fill_in:
                cell.fill = shade
        texts = [(v, w) for v, w in zip(values, WIDTHS, strict=True) if isinstance(v, str)]
        sheet.row_dimensions[number].height = row_height(texts)
    sheet.freeze_panes = FROZEN
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{len(form.rows) + 1}"
    fit_to_width(sheet)


def fit_to_width(sheet: Worksheet) -> None:
    """Printed landscape, one page wide, the header row on every page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def drop_downs(sheet: Worksheet, lists: Worksheet, rows: tuple[FormRow, ...]) -> None:
    """A drop-down on each answer cell with choices: one validation per distinct list, its
    values in a column of the hidden Lists sheet."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    answer_letter = get_column_letter(COLUMNS.index(ANSWER) + 1)
    validations: dict[tuple[str, ...], DataValidation] = {}
    for number, row in enumerate(rows, start=2):
        if not row.choices:
            continue
        if row.choices not in validations:
            column = get_column_letter(len(validations) + 1)
            for index, value in enumerate(row.choices, start=1):
                put(lists, index, len(validations) + 1, value)
            source = f"'{LISTS_SHEET}'!${column}$1:${column}${len(row.choices)}"
            validation = DataValidation(type="list", formula1=source, allow_blank=True)
            validation.error = "Choose one of the answers in the list (see 'Answers allowed')."
            validation.errorTitle = "Not an answer to this question"
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validations[row.choices] = validation
        validations[row.choices].add(f"{answer_letter}{number}")


def about_sheet(sheet: Worksheet, form: AnswersForm) -> None:
    """What the form is (read back by the importer) and how to fill it in."""
    from openpyxl.styles import Alignment, Font

    facts = [
        ("Form", FORM_MARK),
        (KIND_LABEL, form.kind.value),
        (QUESTIONNAIRE_LABEL, form.questionnaire),
        (SYSTEM_LABEL, form.system),
    ]
    put(sheet, 1, 1, "How to fill in this form").font = Font(bold=True, size=14)
    for number, (label, value) in enumerate(facts, start=3):
        put(sheet, number, 1, label).font = Font(bold=True)
        put(sheet, number, 2, value)
    start = len(facts) + 4
    for number, line in enumerate(INSTRUCTIONS, start=start):
        put(sheet, number, 1, f"{number - start + 1}.")
        cell = put(sheet, number, 2, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[number].height = row_height([(line, 100)])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
