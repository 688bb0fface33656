"""What an interviewee could not answer: every "don't know", where it belongs and (for a
target) who can answer it, for the person who takes the session on. Shown in every session
report."""

from __future__ import annotations

from interview.engine.follow_ups import NOBODY_NAMED, follow_ups
from interview.questionnaire.model import Questionnaire
from interview.render.document import Entry, Items, Paragraph, Section
from interview.session.model import Session, SessionKind

FOLLOW_UPS_HEADING = "Follow-ups: questions to ask"
FOLLOW_UPS_LEAD = (
    'These questions were answered "don\'t know". Until they are answered the target is set '
    "as if they had not been asked: a needs question moves nothing, a practice keeps the level "
    "it inherits, and a domain without a goal has no target. Ask the person named, then answer "
    "them with: smm resume {session}"
)
ASSESSMENT_LEAD = (
    'These questions were answered "don\'t know". Each counts as not met, so the level of its '
    "practice may be lower than the truth; such levels are marked in the table. Find out, then "
    "answer them with: smm resume {session}"
)


def follow_up_section(questionnaire: Questionnaire, session: Session) -> tuple[Section, ...]:
    """The "Follow-ups" section, or nothing when no question was answered "don't know"."""
    items = follow_ups(questionnaire, session)
    if not items:
        return ()
    entries = tuple(
        Entry(
            f"{item.where}: {item.question}",
            (
                *asked(session, item.ask),
                *([Paragraph(item.note, label="note")] if item.note else []),
            ),
        )
        for item in items
    )
    lead = FOLLOW_UPS_LEAD if session.kind is SessionKind.TARGET else ASSESSMENT_LEAD
    blocks = (Paragraph(lead.format(session=session.id)), Items(entries))
    return (Section(FOLLOW_UPS_HEADING, blocks, "follow-ups"),)


def asked(session: Session, ask: str | None) -> list[Paragraph]:
    """Whom to ask, for a target (an assessment's interviewee names nobody)."""
    if session.kind is not SessionKind.TARGET:
        return []
    return [Paragraph(ask or NOBODY_NAMED, label="ask")]
