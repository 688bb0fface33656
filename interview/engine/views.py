"""What a session shows, read without driving it: progress, the review, a practice's summary
and status, the changes since the last cycle, the levels as recorded. Pure functions of the
questionnaire and the session (no state machine, no copy of the session)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from interview.engine.plan import Step, full_plan, practice_steps
from interview.questionnaire.engine_ids import industry_scope_question_id, system_scope_question_id
from interview.questionnaire.model import Questionnaire
from interview.scoring import (
    CurrentLevel,
    TargetLevel,
    assess_practice,
    current_levels_of,
    target_levels,
)
from interview.session.model import DONT_KNOW, LevelRecord, Origin, Session, SessionKind


class ReviewStatus(StrEnum):
    """Why a question is listed in the review."""

    SKIPPED = "skipped"
    UNANSWERED = "unanswered"
    DONT_KNOW = "dont_know"


class PracticeStatus(StrEnum):
    """How far a practice's questions are answered."""

    DONE = "done"
    STARTED = "started"
    NOT_STARTED = "not started"


@dataclass(frozen=True)
class ReviewItem:
    question_id: str
    status: ReviewStatus
    step: Step


@dataclass(frozen=True)
class DomainProgress:
    practices_done: int
    practices_total: int


@dataclass(frozen=True)
class Progress:
    answered: int
    """Questions answered so far (context included)."""
    total: int
    """Questions in the plan as the answers so far make it (grows as levels are met)."""
    practices_done: int
    practices_total: int
    by_domain: dict[str, DomainProgress]


@dataclass(frozen=True)
class PracticeSummary:
    practice_id: str
    current: CurrentLevel | None
    """The assessed level (assessments)."""
    target: TargetLevel | None
    """The target: this session's own (targets) or the linked target session's."""
    previous: CurrentLevel | None = None
    """The level in the earlier assessment this one started from, if any."""


@dataclass(frozen=True)
class LevelChange:
    """A practice whose level differs from the earlier assessment's."""

    practice_id: str
    before: CurrentLevel
    now: CurrentLevel


def session_plan(questionnaire: Questionnaire, session: Session) -> list[Step]:
    """Every question that applies now, in order (no sub-domain needs after a profile)."""
    values = {question_id: answer.value for question_id, answer in session.answers.items()}
    with_needs = session.kind is not SessionKind.TARGET or session.profile is None
    return full_plan(questionnaire, session.kind, values, with_needs=with_needs)


def session_targets(questionnaire: Questionnaire, session: Session) -> dict[str, TargetLevel]:
    """A target session's levels so far (empty for an assessment)."""
    if session.kind is not SessionKind.TARGET:
        return {}
    return target_levels(questionnaire, session.targets)


def current_levels(questionnaire: Questionnaire, session: Session) -> dict[str, CurrentLevel]:
    """An assessment's practice levels so far (empty for a target)."""
    if session.kind is not SessionKind.ASSESSMENT:
        return {}
    return current_levels_of(questionnaire, session)


def previous_levels(questionnaire: Questionnaire, session: Session) -> dict[str, CurrentLevel]:
    """The levels of the earlier assessment this one started from (empty if none)."""
    if session.kind is not SessionKind.ASSESSMENT or not session.previous_answers:
        return {}
    values = {qid: answer.value for qid, answer in session.previous_answers.items()}
    return {
        practice_id: assess_practice(practice_id, practice, values)
        for practice_id, practice in questionnaire.practices.items()
    }


def summary_of(
    questionnaire: Questionnaire,
    session: Session,
    practice_id: str,
    linked_targets: Mapping[str, TargetLevel] | None = None,
) -> PracticeSummary:
    """A practice's level, and its target when there is one."""
    if session.kind is SessionKind.TARGET:
        return PracticeSummary(
            practice_id, None, session_targets(questionnaire, session).get(practice_id)
        )
    return PracticeSummary(
        practice_id,
        current_levels(questionnaire, session)[practice_id],
        (linked_targets or {}).get(practice_id),
        previous_levels(questionnaire, session).get(practice_id),
    )


def practice_done(session: Session, plan: list[Step], practice_id: str) -> bool:
    """Whether every question the plan asks of the practice is answered."""
    if session.imported_from is not None:
        return True  # imported levels are taken as given
    steps = practice_steps(plan, practice_id)
    return bool(steps) and all(step.question_id in session.answers for step in steps)


def practice_status(
    questionnaire: Questionnaire, session: Session, practice_id: str
) -> PracticeStatus:
    if session.imported_from is not None:
        return PracticeStatus.DONE
    steps = practice_steps(session_plan(questionnaire, session), practice_id)
    answered = [step for step in steps if step.question_id in session.answers]
    if steps and len(answered) == len(steps):
        return PracticeStatus.DONE
    return PracticeStatus.STARTED if answered else PracticeStatus.NOT_STARTED


def progress(questionnaire: Questionnaire, session: Session) -> Progress:
    """Answered against planned questions, and finished practices per domain."""
    plan = session_plan(questionnaire, session)
    answered = sum(1 for step in plan if step.question_id in session.answers)
    by_domain = {}
    for domain_id in questionnaire.domains:
        practice_ids = [
            pid for pid in questionnaire.practice_ids() if questionnaire.domain_of(pid) == domain_id
        ]
        done = sum(1 for pid in practice_ids if practice_done(session, plan, pid))
        by_domain[domain_id] = DomainProgress(done, len(practice_ids))
    return Progress(
        answered=answered,
        total=len(plan),
        practices_done=sum(domain.practices_done for domain in by_domain.values()),
        practices_total=len(questionnaire.practices),
        by_domain=by_domain,
    )


def review_items(questionnaire: Questionnaire, session: Session) -> list[ReviewItem]:
    """Skipped, unanswered and don't-know questions, in interview order."""
    items = []
    for step in session_plan(questionnaire, session):
        question_id = step.question_id
        if question_id in session.skipped:
            items.append(ReviewItem(question_id, ReviewStatus.SKIPPED, step))
        elif question_id not in session.answers:
            items.append(ReviewItem(question_id, ReviewStatus.UNANSWERED, step))
        elif session.answers[question_id].value == DONT_KNOW:
            items.append(ReviewItem(question_id, ReviewStatus.DONT_KNOW, step))
    return items


def changes_since_previous(questionnaire: Questionnaire, session: Session) -> list[LevelChange]:
    """Practices whose level differs from the earlier assessment, in questionnaire order."""
    previous = previous_levels(questionnaire, session)
    now = current_levels(questionnaire, session)
    return [
        LevelChange(practice_id, previous[practice_id], now[practice_id])
        for practice_id in questionnaire.practice_ids()
        if practice_id in previous
        and (previous[practice_id].comprehensiveness, previous[practice_id].scope)
        != (now[practice_id].comprehensiveness, now[practice_id].scope)
    ]


def level_records(questionnaire: Questionnaire, session: Session) -> dict[str, LevelRecord]:
    """The levels as written to the session file: targets, or assessed practice levels."""
    if session.kind is SessionKind.ASSESSMENT and session.imported_from is not None:
        return dict(session.imported_levels)  # taken as given, not derived from answers
    if session.kind is SessionKind.TARGET:
        return {
            item_id: LevelRecord(
                comprehensiveness=level.comprehensiveness,
                scope=level.scope,
                applicable=level.applicable,
                origin=level.origin,
                reason=level.reason or None,
                complete=level.comprehensiveness is not None or level.not_applicable,
            )
            for item_id, level in session_targets(questionnaire, session).items()
        }
    return {
        practice_id: LevelRecord(
            comprehensiveness=level.comprehensiveness,
            scope=level.scope,
            origin=Origin.ASSESSED,
            complete=level.complete,
        )
        for practice_id, level in current_levels(questionnaire, session).items()
    }


def questions_no_longer_asked(
    questionnaire: Questionnaire, session: Session, practice_id: str
) -> set[str]:
    """The practice's questions that its plan does not ask now (a changed answer closed part
    of the staircase): answers to them no longer count and are forgotten."""
    practice = questionnaire.practices[practice_id]
    owned = {question.id for level in practice.levels.values() for question in level.questions}
    owned |= {industry_scope_question_id(practice_id), system_scope_question_id(practice_id)}
    plan = session_plan(questionnaire, session)
    applicable = {step.question_id for step in practice_steps(plan, practice_id)}
    return owned - applicable
