"""Sessions at a glance: what lists, the start screen and ``smm show`` display. No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from interview.engine.plan import Step, every_step
from interview.engine.prompts import Prompt, build_prompt
from interview.engine.views import progress as session_progress
from interview.questionnaire.model import Questionnaire
from interview.scoring import target_levels
from interview.session.model import Answer, Phase, Session, SessionKind


@dataclass(frozen=True)
class SessionSummary:
    id: str
    kind: SessionKind
    system: str
    interviewee: str
    role: str
    phase: Phase
    practices_done: int
    practices_total: int
    answered: int
    created: datetime
    updated: datetime

    @property
    def finished(self) -> bool:
        return self.phase is Phase.DONE


def summarise(questionnaire: Questionnaire, session: Session) -> SessionSummary:
    """One session's progress and identity (the session is not changed)."""
    progress = session_progress(questionnaire, session)
    return SessionSummary(
        id=session.id,
        kind=session.kind,
        system=session.system,
        interviewee=session.interviewee,
        role=session.role,
        phase=session.phase,
        practices_done=progress.practices_done,
        practices_total=progress.practices_total,
        answered=len(session.answers),
        created=session.created,
        updated=session.updated,
    )


@dataclass(frozen=True)
class AnsweredQuestion:
    step: Step
    prompt: Prompt
    answer: Answer


def answered_questions(questionnaire: Questionnaire, session: Session) -> list[AnsweredQuestion]:
    """Every answer with its question, in interview order."""
    targets = (
        target_levels(questionnaire, session.targets) if session.kind is SessionKind.TARGET else {}
    )
    return [
        AnsweredQuestion(
            step, build_prompt(questionnaire, step, targets), session.answers[step.question_id]
        )
        for step in every_step(questionnaire, session.kind)
        if step.question_id in session.answers
    ]
