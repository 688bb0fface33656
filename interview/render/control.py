"""Document control: what a report handed on says about itself (its date, who prepared and who
approved it, the versions it was made with, how confidential it is, its paper size).

The date is the day the report is made; the approval is the target's own ("Finish and
approve" in the target interview), said to be stale when the target changed after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from interview import __version__
from interview.questionnaire.model import Questionnaire
from interview.render.document import Control, Document, Fact, Paper
from interview.session.model import Session, TargetSession
from interview.target_review import approval_of

NOT_APPROVED = "not approved: the target has not been through Finish and approve"
NOBODY_NAMED = "not named"


@dataclass(frozen=True)
class ControlOptions:
    """What the command line says about the document: its date, classification, paper size
    and who prepared it (default: the interviewees of the sessions it reports)."""

    today: date
    classification: str = ""
    paper: Paper = Paper.A4
    prepared_by: str = ""


def with_control(document: Document, control: Control) -> Document:
    """The document with its document control."""
    return replace(document, control=control)


def document_control(
    questionnaire: Questionnaire,
    options: ControlOptions,
    subject: str,
    prepared_from: Sequence[Session],
    targets: Sequence[Session] = (),
) -> Control:
    """Document control for a report on ``subject`` (``Gap analysis: Acme gateway``), made
    from the answers of ``prepared_from``; ``targets``, when the report has them, give the
    approval."""
    facts = [
        Fact("Report date", options.today.isoformat()),
        Fact("Prepared by", options.prepared_by.strip() or interviewees(prepared_from)),
    ]
    if targets:
        facts.append(Fact("Approved by", "; ".join(map(approval_line, targets))))
    facts.append(Fact("Made with", made_with(questionnaire)))
    if options.classification.strip():
        facts.append(Fact("Classification", options.classification.strip()))
    return Control(
        tuple(facts),
        classification=options.classification.strip(),
        footer=f"smm {__version__} · {subject}",
        paper=options.paper,
    )


def interviewees(sessions: Sequence[Session]) -> str:
    """The named interviewees of the sessions, each once, in order; "not named" when none is."""
    names = list(dict.fromkeys(s.interviewee.strip() for s in sessions if s.interviewee.strip()))
    return ", ".join(names) if names else NOBODY_NAMED


def approval_line(target: Session) -> str:
    """``Dana Whitfield, 2026-11-30 (the target)``, stale or missing approvals said so."""
    approval = approval_of(target) if isinstance(target, TargetSession) else None
    if approval is None:
        return NOT_APPROVED
    day = approval.approved_at.date().isoformat()
    stale = "; the target changed after this approval" if approval.changed_since else ""
    return f"{approval.approved_by}, {day} (the target){stale}"


def made_with(questionnaire: Questionnaire) -> str:
    """``smm 0.2.0; questionnaire "IIC IoT SMM", version 2.0.0``."""
    return (
        f'smm {__version__}; questionnaire "{questionnaire.title}", version {questionnaire.version}'
    )
