"""The target's parts of the JSON report (the approval, the warnings) and the follow-ups of any
session (questions answered "don't know", with a target's whom to ask)."""

from __future__ import annotations

from interview.consolidation import GapConsolidation
from interview.engine.follow_ups import follow_ups
from interview.questionnaire.model import Questionnaire
from interview.render import json_models as out
from interview.session.model import Session, SessionKind
from interview.target_review import Approval, TargetWarning


def approval_output(approval: Approval | None) -> out.Approval | None:
    if approval is None:
        return None
    return out.Approval(
        approved_by=approval.approved_by,
        approved_at=approval.approved_at.isoformat(),
        changed_since=approval.changed_since,
    )


def warning_output(warning: TargetWarning) -> out.TargetWarning:
    return out.TargetWarning(
        kind=warning.kind.value, practices=list(warning.practice_ids), text=warning.text
    )


def follow_up_outputs(questionnaire: Questionnaire, session: Session) -> list[out.FollowUp]:
    """A session's questions answered "don't know", with (a target's) whom to ask."""
    return [
        out.FollowUp(
            question=item.question_id,
            text=item.question,
            where=item.where,
            ask=item.ask,
            note=item.note,
        )
        for item in follow_ups(questionnaire, session)
    ]


def gap_follow_ups(questionnaire: Questionnaire, sides: GapConsolidation) -> list[out.GapFollowUp]:
    """Every "don't know" of a gap's sessions, with the session and its side."""
    return [
        out.GapFollowUp(
            session=session.id,
            side="target" if session.kind is SessionKind.TARGET else "current",
            **follow_up.model_dump(),
        )
        for session in sides.sessions
        for follow_up in follow_up_outputs(questionnaire, session)
    ]
