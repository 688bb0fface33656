"""Recording who approved a finished target ("Finish and approve"), through the engine so that
the session is saved exactly as after an answer.

Kept out of interview.py, which holds the conversation itself.
"""

from __future__ import annotations

from datetime import datetime

from interview.engine.interview import Interview
from interview.engine.outcome import Outcome
from interview.session.model import Phase, TargetSession
from interview.target_review import target_rows, unset_practices


def approval_refusal(engine: Interview) -> str | None:
    """Why the target cannot be approved now, or None when it can."""
    session = engine.session
    if not isinstance(session, TargetSession) or engine.phase is not Phase.DONE:
        return "only a finished target can be approved"
    unset = unset_practices(target_rows(engine.questionnaire, session))
    if unset:
        return f"set the target of {', '.join(unset)} first: it is not set yet"
    return None


def approve(engine: Interview, approver: str, now: datetime) -> Outcome:
    """Record the approver (as typed, without surrounding spaces) and the moment; saved."""
    refusal = approval_refusal(engine)
    if refusal is None and not approver.strip():
        refusal = "the approver's name is needed"
    if refusal is not None:
        return Outcome(refused=refusal)
    session = engine.session
    assert isinstance(session, TargetSession)  # checked by approval_refusal
    session.approved_by = approver.strip()
    session.approved_at = now
    return engine.commit()  # the engine's own path: updated, then on_change saves
