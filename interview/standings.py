"""One session on its own, practice by practice: the levels that reports and exports show
of a target or an assessment, without comparing them (the comparison is gap.py's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview.gap import (
    LevelPair,
    domain_practices,
    is_not_applicable,
    is_unset,
    mean_level,
    subdomain_practices,
)
from interview.questionnaire.model import Questionnaire
from interview.scoring import (
    current_levels_of,
    industry_scope_question_id,
    system_scope_question_id,
    target_levels_of,
)
from interview.session.model import AssessmentSession, Origin, Session, SessionKind, TargetSession


@dataclass(frozen=True)
class PracticeStanding:
    """One practice's level in one session, target or assessment."""

    practice_id: str
    name: str
    level: LevelPair | None
    """None when the practice is not applicable, or its target is not set yet."""
    applicable: bool
    complete: bool
    """Target: the level is set (or marked not applicable). Assessment: nothing left to ask."""
    origin: Origin
    note: str
    """The reason recorded with a target; an assessment's notes on the practice."""


@dataclass(frozen=True)
class GroupStanding:
    """A sub-domain's or domain's mean comprehensiveness over its applicable practices."""

    item_id: str
    name: str
    mean: float | None


def session_standings(questionnaire: Questionnaire, session: Session) -> list[PracticeStanding]:
    """Every practice's level in one session, in questionnaire order."""
    if session.kind is SessionKind.TARGET:
        return target_standings(questionnaire, session)
    return current_standings(questionnaire, session)


def target_standings(
    questionnaire: Questionnaire, session: TargetSession
) -> list[PracticeStanding]:
    """A target session's practices: level, inheritance and reason."""
    levels = target_levels_of(questionnaire, session)
    standings = []
    for practice_id in questionnaire.practice_ids():
        target = levels[practice_id]
        level = (
            None
            if target.comprehensiveness is None
            else LevelPair(target.comprehensiveness, target.scope)
        )
        standings.append(
            PracticeStanding(
                practice_id,
                questionnaire.practices[practice_id].name,
                level,
                applicable=not is_not_applicable(target),
                complete=not is_unset(target),
                origin=target.origin,
                note=target.reason,
            )
        )
    return standings


def current_standings(
    questionnaire: Questionnaire, session: AssessmentSession
) -> list[PracticeStanding]:
    """An assessment's practices: level, whether finished, and notes."""
    origin = Origin.ASSESSED if session.imported_from is None else Origin.IMPORTED
    return [
        PracticeStanding(
            practice_id,
            questionnaire.practices[practice_id].name,
            LevelPair(current.comprehensiveness, current.scope),
            applicable=True,
            complete=current.complete,
            origin=origin,
            note=practice_notes(questionnaire, session, practice_id),
        )
        for practice_id, current in current_levels_of(questionnaire, session).items()
    ]


def group_standings(
    questionnaire: Questionnaire, standings: Sequence[PracticeStanding]
) -> tuple[list[GroupStanding], list[GroupStanding]]:
    """Sub-domain and domain mean comprehensiveness over the practices that have a level."""
    by_id = {standing.practice_id: standing for standing in standings}

    def mean_of(practice_ids: list[str]) -> float | None:
        levels = [by_id[pid].level for pid in practice_ids]
        return mean_level([level.comprehensiveness for level in levels if level is not None])

    subdomains = [
        GroupStanding(sid, questionnaire.subdomains[sid].name, mean_of(practice_ids))
        for sid, practice_ids in subdomain_practices(questionnaire).items()
    ]
    domains = [
        GroupStanding(did, questionnaire.domains[did].name, mean_of(practice_ids))
        for did, practice_ids in domain_practices(questionnaire).items()
    ]
    return subdomains, domains


def practice_notes(
    questionnaire: Questionnaire, session: AssessmentSession, practice_id: str
) -> str:
    """An assessment's notes on one practice: given on import, else its answers' notes."""
    if session.imported_from is not None:
        record = session.imported_levels.get(practice_id)
        return (record.reason or "") if record else ""
    question_ids = practice_question_ids(questionnaire, practice_id)
    notes = [session.answers[qid].note for qid in question_ids if qid in session.answers]
    return "; ".join(note for note in notes if note)


def practice_question_ids(questionnaire: Questionnaire, practice_id: str) -> list[str]:
    """An assessment's questions on one practice: its levels' questions, then its scope's."""
    practice = questionnaire.practices[practice_id]
    question_ids = [
        question.id
        for number in sorted(practice.levels)
        for question in practice.levels[number].questions
    ]
    return [
        *question_ids,
        industry_scope_question_id(practice_id),
        system_scope_question_id(practice_id),
    ]
