"""Answers files: the answers of an interview written ahead, in TOML or CSV, for
``smm new ... --answers FILE`` (docs/QUESTIONNAIRE.md, "Scripted interviews").

TOML::

    [answers]
    system_name = "Acme gateway"
    "G1.1.c1.1" = "yes"
    "G1.1.c2.1" = { answer = "dont-know", note = "Ask the vendor" }
    "G1.needs.regulators" = { answer = "dont-know", ask = "Jo Smith, compliance" }

CSV: a header ``question,answer,note,ask`` (note and ask may be left out); several choices of
a checklist are separated by ``;``. ``ask`` (who can answer) goes with a "don't know" only.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from interview.errors import InputError, printable
from interview.files import read_text_file
from interview.levels_csv import allow_cells_as_large_as_a_file, from_spreadsheet_text
from interview.session.model import SessionKind
from interview.tomlfile import Problem, TomlDocument, read_toml

CSV_COLUMNS = ("question", "answer", "note", "ask")
LIST_SEPARATOR = ";"

allow_cells_as_large_as_a_file()


@dataclass(frozen=True)
class ScriptedAnswer:
    """One answer from the file, and where it was written (for messages)."""

    question_id: str
    value: str | list[str]
    note: str
    where: str
    ask: str = ""
    """Who can answer the question, for a "don't know" (empty: nobody named)."""


def read_answers(path: Path, kind: SessionKind | None = None) -> dict[str, ScriptedAnswer]:
    """The answers of a TOML, CSV or workbook answers file, by question id; InputError on any
    problem, and for a workbook form of another kind than ``kind``."""
    return answers_and_kind(path, kind)[1]


def answers_and_kind(
    path: Path, kind: SessionKind | None = None
) -> tuple[SessionKind | None, dict[str, ScriptedAnswer]]:
    """The kind of interview the file names (a workbook form names its own; TOML and CSV name
    none) and its answers; a form of another kind than ``kind`` is refused."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return None, _toml_answers(read_toml(path, "answers"))
    if suffix == ".csv":
        return None, _csv_answers(path)
    if suffix == ".xlsx":
        from interview.services.answers_workbook import read_answers_workbook

        form = read_answers_workbook(path)
        if kind is not None and form.kind is not None and form.kind is not kind:
            raise InputError(
                [f"{printable(str(path))}: a form for {form.kind.value} interviews, not "
                 f"{kind.value}; give a {kind.value} form (smm form --kind {kind.value})"]
            )  # fmt: skip
        return form.kind, form.answers
    raise InputError(
        [f"{printable(str(path))}: an answers file is .toml, .csv or .xlsx; give one of those"]
    )


def is_answers_file(path: Path) -> bool:
    """Whether a file ``smm import`` is given holds answers (a workbook form, or a CSV whose
    first heading is ``question``) rather than practice levels. Only a regular file's first
    bytes are read: a pipe or a device is left to the levels reader, which refuses it."""
    if path.suffix.lower() == ".xlsx":
        return True
    if not path.is_file():
        return False
    try:
        with path.open("rb") as file:
            start = file.read(SNIFF_BYTES)
    except OSError:
        return False  # the levels reader says what is wrong with the file
    first = start.decode("utf-8", errors="replace").removeprefix("\ufeff").splitlines()[:1]
    return bool(first) and first[0].split(",")[0].strip().strip('"').casefold() == CSV_COLUMNS[0]


SNIFF_BYTES = 4096


def _toml_answers(document: TomlDocument) -> dict[str, ScriptedAnswer]:
    problems: list[Problem] = []
    extra = [key for key in document.data if key != "answers"]
    problems += [Problem((key,), "not part of an answers file; remove it") for key in extra]
    table = document.data.get("answers")
    if not isinstance(table, dict):
        problems.append(Problem(("answers",), "missing: give an [answers] table"))
        raise document.error(problems)
    answers: dict[str, ScriptedAnswer] = {}
    for question_id, given in table.items():
        where = document.describe(Problem(("answers", question_id), "")).removesuffix(": ")
        value, extras, problem = _toml_value(given)
        if problem:
            problems.append(Problem(("answers", question_id), problem))
            continue
        note, ask = extras.get("note", ""), extras.get("ask", "")
        answers[question_id] = ScriptedAnswer(question_id, value, note, where, ask)
    if problems:
        raise document.error(problems)
    return answers


TOML_EXTRAS = ("note", "ask")
"""What a TOML answer may carry beside the answer itself, when it is given as a table."""


def _toml_value(given: object) -> tuple[str | list[str], dict[str, str], str | None]:
    """The answer, its note and whom to ask of one TOML entry, or what is wrong with it."""
    extras: dict[str, object] = {}
    if isinstance(given, dict):
        unknown = sorted(set(given) - {"answer", *TOML_EXTRAS})
        if unknown:
            return "", {}, f"unknown key {unknown[0]!r}; an answer has 'answer', 'note' and 'ask'"
        extras = {key: given[key] for key in TOML_EXTRAS if key in given}
        given = given.get("answer")
    wrong = next((key for key, value in extras.items() if not isinstance(value, str)), None)
    if wrong is not None:
        return "", {}, f"the {wrong} must be text"
    texts = {key: str(value) for key, value in extras.items()}
    if isinstance(given, str):
        return given, texts, None
    if isinstance(given, list) and all(isinstance(item, str) for item in given):
        return list(given), texts, None
    return "", {}, "give the answer as text (an option id, yes, no or dont-know) or a list"


def _csv_answers(path: Path) -> dict[str, ScriptedAnswer]:
    where = printable(str(path))
    text = read_text_file(path, "CSV", encoding="utf-8-sig", save_as="save it as CSV UTF-8")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        reason = printable(str(error))
        raise InputError([f"{where}: not valid CSV ({reason}); check the quoting"]) from None
    if not rows or [cell.strip().lower() for cell in rows[0][:2]] != list(CSV_COLUMNS[:2]):
        header = ",".join(CSV_COLUMNS)
        raise InputError([f"{where}:1: the first line must be the header {header}"])
    problems: list[str] = []
    answers: dict[str, ScriptedAnswer] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(CSV_COLUMNS):
            problems.append(f"{where}:{number}: more than four cells; quote text with commas")
            continue
        question_id, answer, note, ask = [*row, "", "", ""][:4]
        question_id = question_id.strip()
        if question_id in answers:
            problems.append(f"{where}:{number}: {printable(question_id)}: answered twice")
            continue
        answers[question_id] = ScriptedAnswer(
            question_id,
            from_spreadsheet_text(answer),
            from_spreadsheet_text(note),
            f"{where}:{number}",
            from_spreadsheet_text(ask),
        )
    if problems:
        raise InputError(problems)
    return answers
