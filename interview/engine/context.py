"""What a context answer changes beyond itself: the session's own fields that name the
system and the person interviewed (the file's header and every report show them)."""

from __future__ import annotations

from interview.session.model import Session

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
