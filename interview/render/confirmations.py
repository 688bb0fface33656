"""What an assessor must confirm: every "not applicable here" answer, with its justification
and who gave it. Shown in every report of an assessment and in every gap report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview.questionnaire.model import Questionnaire
from interview.render.document import Entry, Items, Paragraph, Section
from interview.session.model import NOT_APPLICABLE, Session, SessionKind

CONFIRM_LEAD = (
    "These answers say that something the question asks about does not exist in this system. "
    "Each counts as met; an assessor should check the justification before signing the levels."
)


@dataclass(frozen=True)
class NotApplicable:
    practice_id: str
    question: str
    justification: str
    who: str


def not_applicable_answers(
    questionnaire: Questionnaire, sessions: Sequence[Session]
) -> list[NotApplicable]:
    """Every N/A answer to a level question of these assessments, in questionnaire order."""
    found = []
    for session in sessions:
        if session.kind is not SessionKind.ASSESSMENT:
            continue
        who = session.interviewee or f"session {session.id}"
        for practice_id in questionnaire.practice_ids():
            practice = questionnaire.practices[practice_id]
            for number in sorted(practice.levels):
                for question in practice.levels[number].questions:
                    answer = session.answers.get(question.id)
                    if answer is not None and answer.value == NOT_APPLICABLE:
                        found.append(
                            NotApplicable(practice_id, question.text, answer.note or "", who)
                        )
    return found


def confirmation_section(
    questionnaire: Questionnaire, sessions: Sequence[Session]
) -> tuple[Section, ...]:
    """The "Not applicable, to confirm" section, or nothing when there is no N/A answer."""
    answers = not_applicable_answers(questionnaire, sessions)
    if not answers:
        return ()
    entries = tuple(
        Entry(
            f"{item.practice_id}: {item.question}",
            (
                Paragraph(item.justification, label="why not applicable"),
                Paragraph(item.who, label="answered by"),
            ),
        )
        for item in answers
    )
    blocks = (Paragraph(CONFIRM_LEAD), Items(entries))
    return (Section("Not applicable, to confirm", blocks, "not-applicable"),)
