"""An answers form: every question of an interview of one kind as a row to fill in offline
(``smm form``), or filled with a session's answers (``smm export SESSION --format xlsx``).
The form is read back as an answers file and replayed through the engine (``smm import``).

This module is the form's content and its column names, shared by the writer (a workbook, in
:mod:`interview.render.answers_workbook`) and the reader
(:mod:`interview.services.answers_workbook`); no file format is imported here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from interview.engine.context import is_prefilled
from interview.engine.prompts import PromptKind
from interview.questionnaire.model import Questionnaire
from interview.services.questions import QuestionInfo, questions
from interview.session.model import (
    DONT_KNOW,
    NO,
    NOT_APPLICABLE,
    YES,
    AnswerValue,
    Session,
    SessionKind,
)

FORM_MARK = "smm answers form 1"
"""Written in the form's "About" sheet; the reader knows a form by it."""

ANSWERS_SHEET = "Answers"
ABOUT_SHEET = "How to fill in"

QUESTION_ID = "Question id"
ANSWER = "Answer"
NOTE = "Note"
ASK = "Who can answer"
COLUMNS = (
    "Domain",
    "Practice",
    "Level",
    QUESTION_ID,
    "Question",
    "Evidence to look for",
    "When asked",
    "Answers allowed",
    ANSWER,
    NOTE,
    ASK,
)
"""The Answers sheet's columns. The reader finds its four by heading, wherever they are."""
FILL_IN = (ANSWER, NOTE, ASK)

KIND_LABEL = "Kind"
QUESTIONNAIRE_LABEL = "Questionnaire"
SYSTEM_LABEL = "System"

FILE_WORDS = {DONT_KNOW: "dont-know", NOT_APPLICABLE: "na"}
"""How an answer value is written in a file where it differs from the stored value."""
LIST_JOIN = "; "


@dataclass(frozen=True)
class FormRow:
    """One question as a row of the form."""

    question: QuestionInfo
    domain: str
    practice: str
    choices: tuple[str, ...]
    """The answers a drop-down offers (empty for text and checklists, which are typed)."""
    answer: str = ""
    note: str = ""
    ask: str = ""


@dataclass(frozen=True)
class AnswersForm:
    """The form of one kind of interview, blank or filled with one session's answers."""

    kind: SessionKind
    questionnaire: str
    """The questionnaire's id and version, as ``id version``."""
    system: str
    rows: tuple[FormRow, ...]


def blank_form(questionnaire: Questionnaire, kind: SessionKind) -> AnswersForm:
    """Every question of an interview of ``kind``, in the order it is asked, unanswered."""
    rows = tuple(_row(questionnaire, info) for info in questions(questionnaire, kind))
    return AnswersForm(kind, _named(questionnaire), "", rows)


def filled_form(questionnaire: Questionnaire, session: Session) -> AnswersForm:
    """The form of the session's kind with the answers it holds. Answers filled in from the
    context are left out: replaying the form fills them again."""
    rows = []
    for info in questions(questionnaire, session.kind):
        row = _row(questionnaire, info)
        given = session.answers.get(info.question_id)
        if given is not None and not is_prefilled(given):
            answer, note, ask = file_words(given.value), given.note or "", given.ask or ""
            row = replace(row, answer=answer, note=note, ask=ask)
        rows.append(row)
    return AnswersForm(session.kind, _named(questionnaire), session.system, tuple(rows))


def file_words(value: AnswerValue) -> str:
    """A stored answer as it is written in a form or an answers file."""
    if isinstance(value, list):
        return LIST_JOIN.join(FILE_WORDS.get(item, item) for item in value)
    return FILE_WORDS.get(value, value)


def allowed_words(info: QuestionInfo) -> str:
    """The answers a question allows, each with its meaning: ``yes; no; dont-know`` or
    ``maker = Maker: ...`` one per line."""
    if not info.answers:
        return "any text" + ("" if info.required else " (may be left empty)")
    simple = {YES, NO, DONT_KNOW}
    if all(option.value in simple for option in info.answers):
        return LIST_JOIN.join(file_words(option.value) for option in info.answers)
    lines = [f"{file_words(option.value)} = {option.label}" for option in info.answers]
    if info.kind is PromptKind.MULTI_CHOICE:
        lines.insert(0, "one or more, separated by ;")
    return "\n".join(lines)


def _row(questionnaire: Questionnaire, info: QuestionInfo) -> FormRow:
    domain = questionnaire.domains[info.domain_id].name if info.domain_id else ""
    practice = ""
    if info.practice_id:
        practice = f"{info.practice_id} {questionnaire.practices[info.practice_id].name}"
    typed = not info.answers or info.kind is PromptKind.MULTI_CHOICE
    choices = () if typed else tuple(file_words(option.value) for option in info.answers)
    return FormRow(info, domain, practice, choices)


def _named(questionnaire: Questionnaire) -> str:
    return f"{questionnaire.id} {questionnaire.version}"
