"""What an assessor must confirm: every "not applicable here" answer and every practice a
target leaves out, with its justification and who gave it. Shown in every session report
and in every gap report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview.questionnaire.model import Questionnaire
from interview.render.document import Entry, Items, Paragraph, Section
from interview.session.model import NOT_APPLICABLE, Session, SessionKind
from interview.standings import session_standings

CONFIRM_LEAD = (
    "Each of these says that a practice, or what a question asks about, does not apply to this "
    'system. A practice left out of the target has no gap; an answer "not applicable here" '
    "counts as met. An assessor should check each justification before signing the levels."
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
    """Every practice a target says does not apply, and every N/A answer to a level question
    of an assessment, with its reason, in questionnaire order."""
    found = []
    for session in sessions:
        if session.kind is SessionKind.TARGET:
            found += target_not_applicable(questionnaire, session)
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
                Paragraph(item.justification or "no reason given", label="why not applicable"),
                Paragraph(item.who, label="answered by"),
            ),
        )
        for item in answers
    )
    blocks = (Paragraph(CONFIRM_LEAD), Items(entries))
    return (Section("Not applicable, to confirm", blocks, "not-applicable"),)


def target_not_applicable(questionnaire: Questionnaire, session: Session) -> list[NotApplicable]:
    """The practices a target says do not apply, with the business owner's reason."""
    who = session.interviewee or f"session {session.id}"
    return [
        NotApplicable(
            standing.practice_id,
            f"{standing.name} does not apply to this system (the target)",
            standing.note,
            who,
        )
        for standing in session_standings(questionnaire, session)
        if not standing.applicable
    ]
