"""What a context answer changes beyond itself: the session's own fields that name the
system and the person interviewed (the file's header and every report show them), and, in a
target, the regulator questions that the regulations named answer in advance."""

from __future__ import annotations

from datetime import datetime

from interview.questionnaire.model import Questionnaire
from interview.questionnaire.prefill import (
    FROM_CONTEXT,
    REGULATIONS_QUESTION_ID,
    Prefill,
    prefill_note,
    prefilled_needs,
)
from interview.session.model import Answer, Session, TargetSession

SESSION_FIELDS = {
    "system_name": "system",
    "interviewee_name": "interviewee",
    "interviewee_role": "role",
}
"""Context question id → the session field its answer fills."""


def apply_context_answer(session: Session, question_id: str) -> None:
    """Copy a context answer into the session field it fills, if it fills one."""
    field = SESSION_FIELDS.get(question_id)
    if field is None:
        return
    value = session.answers[question_id].value
    setattr(session, field, value if isinstance(value, str) else ", ".join(value))


def prefill_needs(
    questionnaire: Questionnaire, session: Session, question_id: str, now: datetime
) -> list[Prefill]:
    """After the regulations answer of a target: answer the needs questions it settles,
    keeping any answer the user gave (not one filled from the context). The answers filled."""
    if not isinstance(session, TargetSession) or question_id != REGULATIONS_QUESTION_ID:
        return []
    if session.profile:  # a target from a profile asks no needs
        return []
    values = {key: answer.value for key, answer in session.answers.items()}
    filled = []
    for need_id, prefill in prefilled_needs(questionnaire, values).items():
        earlier = session.answers.get(need_id)
        if earlier is not None and not is_prefilled(earlier):
            continue
        note = prefill_note(prefill)
        session.answers[need_id] = Answer(value=prefill.option.id, note=note, answered_at=now)
        filled.append(prefill)
    return filled


def is_prefilled(answer: Answer) -> bool:
    """Whether an answer was filled from the context (and not given or confirmed since)."""
    return (answer.note or "").startswith(FROM_CONTEXT)
