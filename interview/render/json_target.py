"""The target-only parts of the JSON report: the approval, the warnings and the follow-ups
(questions answered "don't know", with whom to ask)."""

from __future__ import annotations

from interview.engine.follow_ups import follow_ups
from interview.questionnaire.model import Questionnaire
from interview.render import json_models as out
from interview.session.model import Session
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
    """A target's questions answered "don't know", with whom to ask."""
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
