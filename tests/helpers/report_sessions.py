"""A target and an assessment of one system on the shipped questionnaire, made through the
same scripted interview a user can run (``smm new ... --answers FILE --batch``), holding what a
gap report must not hide: a "don't know" in each (the target's names who to ask), an N/A in
each with its justification, notes, and the business owner's reasons.

Every other answer is the highest a question allows (yes, or a choice's last real option), so
that the practices with a "no" or a "don't know" are the ones with a gap.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from interview.cli import main
from interview.questionnaire import load_questionnaire
from interview.services.questions import QuestionInfo, questions
from interview.session.model import SessionKind

SYSTEM = "Pump\u00a0fleet"
"""With a non-breaking space, which every format must keep."""

TARGET_DONT_KNOW = "G1.needs.regulators"
WHO_TO_ASK = "Jo Smith, regulatory affairs"
TARGET_NOT_APPLICABLE = "@E2.2.purpose"
TARGET_NA_REASON = "Pumps stay in locked wards"
GOAL_REASON = "Patients and market access depend on it"

ASSESSMENT_DONT_KNOW = "G1.2.c1.2"
DONT_KNOW_NOTE = "Compliance owner is on leave"
ASSESSMENT_NOT_APPLICABLE = "G1.1.c2.peer-review"
NA_JUSTIFICATION = "All firmware is bought in; no code is written here"
ASSESSMENT_NO = "E1.1.c1.admin-accounts"
EVIDENCE_NOTE = "Service technician password shared across fleet"

CONTEXT = {
    "system_name": SYSTEM,
    "system_scope": "Pumps, gateway, cloud",
    "organisation_role": "both",
    "industry": "medical",
    "regulations": "eu-mdr;gdpr",
}

Answer = tuple[str, str, str]
"""answer, note, who to ask."""


def target_answer(question: QuestionInfo) -> Answer | None:
    special: dict[str, Answer] = {
        "interviewee_name": ("Dana Whitfield", "", ""),
        "interviewee_role": ("Product director", "", ""),
        "@G.goal": ("3", GOAL_REASON, ""),
        TARGET_DONT_KNOW: ("dont-know", "", WHO_TO_ASK),
        TARGET_NOT_APPLICABLE: ("na", TARGET_NA_REASON, ""),
    }
    qid = question.question_id
    if qid in special:
        return special[qid]
    if qid.endswith(".goal"):
        return ("2", "", "")
    if qid.endswith(".scope"):
        return ("2", "", "")
    if qid.endswith(".purpose"):
        return ("keep", "", "")
    return (question.answers[0].value, "", "") if question.answers else None


def assessment_answer(question: QuestionInfo) -> Answer | None:
    special: dict[str, Answer] = {
        "interviewee_name": ("Ann Lee", "", ""),
        "interviewee_role": ("Security officer", "", ""),
        ASSESSMENT_DONT_KNOW: ("dont-know", DONT_KNOW_NOTE, ""),
        ASSESSMENT_NOT_APPLICABLE: ("na", NA_JUSTIFICATION, ""),
        ASSESSMENT_NO: ("no", EVIDENCE_NOTE, ""),
    }
    qid = question.question_id
    if qid in special:
        return special[qid]
    values = [option.value for option in question.answers]
    real = [value for value in values if value not in ("dont_know", "na")]
    if "yes" in real:
        return ("yes", "", "")
    return (real[-1], "", "") if real else None


def answers_file(
    path: Path, kind: SessionKind, answer: Callable[[QuestionInfo], Answer | None]
) -> Path:
    """An answers CSV for every question of ``kind`` that ``answer`` answers."""
    questionnaire = load_questionnaire(None)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["question", "answer", "note", "ask"])
        for question in questions(questionnaire, kind):
            given = CONTEXT.get(question.question_id)
            found = (given, "", "") if given else answer(question)
            if found is not None:
                writer.writerow([question.question_id, *found])
    return path


def pump_sessions(folder: Path, scratch: Path) -> tuple[str, str]:
    """Make the target and the assessment in ``folder``; return their ids."""
    ids = []
    for kind, answer in (
        (SessionKind.TARGET, target_answer),
        (SessionKind.ASSESSMENT, assessment_answer),
    ):
        path = answers_file(scratch / f"{kind.value}-answers.csv", kind, answer)
        printed = io.StringIO()
        with redirect_stdout(printed), redirect_stderr(io.StringIO()):
            arguments = ["new", kind.value, "--answers", str(path), "--batch"]
            code = main([*arguments, "--sessions-dir", str(folder)])
        assert code == 0, f"the {kind.value} answers were refused"
        ids.append(printed.getvalue().split()[-1])
    return ids[0], ids[1]
