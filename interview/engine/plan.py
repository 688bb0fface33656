"""What the interview asks, in what order, given the answers so far. Pure functions.

The plan is recomputed from the questionnaire and the answers whenever it is needed, so that
it can never disagree with them: a changed answer that opens or closes a staircase level
changes the plan at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from interview.questionnaire.engine_ids import (
    goal_question_id,
    goal_scope_question_id,
    industry_scope_question_id,
    purpose_question_id,
    system_scope_question_id,
)
from interview.questionnaire.model import Questionnaire
from interview.questionnaire.variants import roles_of
from interview.scoring import (
    assessed_comprehensiveness,
    scope_questions,
    staircase_questions,
)
from interview.session.model import AnswerValue, SessionKind


class StepKind(StrEnum):
    """What a step asks, which decides its prompt and how its answer counts."""

    CONTEXT = "context"
    GOAL = "goal"
    GOAL_SCOPE = "goal_scope"
    NEED = "need"
    PURPOSE = "purpose"
    LEVEL = "level"
    SCOPE_INDUSTRY = "scope_industry"
    SCOPE_SYSTEM = "scope_system"


@dataclass(frozen=True)
class Step:
    """One question in the interview, what kind of question it is, and where it sits."""

    question_id: str
    domain_id: str | None = None
    subdomain_id: str | None = None
    practice_id: str | None = None
    level: int | None = None
    """The comprehensiveness level that a self-assessment question tests."""
    kind: StepKind = StepKind.CONTEXT

    @property
    def is_context(self) -> bool:
        return self.kind is StepKind.CONTEXT


def context_plan(questionnaire: Questionnaire) -> list[Step]:
    """The context questions, asked first in every interview."""
    return [Step(question.id) for question in questionnaire.context]


def interview_plan(
    questionnaire: Questionnaire,
    kind: SessionKind,
    answers: Mapping[str, AnswerValue],
    *,
    with_needs: bool = True,
) -> list[Step]:
    """The questions after the context, in order, as the answers so far make them apply.

    ``with_needs`` False leaves out the sub-domain needs: a target started from a profile has
    every practice's level already, and confirms or changes each one instead.
    """
    if kind is SessionKind.TARGET:
        return list(_target_steps(questionnaire, with_needs=with_needs))
    return list(_assessment_steps(questionnaire, answers))


def full_plan(
    questionnaire: Questionnaire,
    kind: SessionKind,
    answers: Mapping[str, AnswerValue],
    *,
    with_needs: bool = True,
) -> list[Step]:
    """Context, then the interview proper."""
    steps = interview_plan(questionnaire, kind, answers, with_needs=with_needs)
    return context_plan(questionnaire) + steps


def _target_steps(questionnaire: Questionnaire, *, with_needs: bool = True) -> Iterator[Step]:
    for domain_id in questionnaire.domains:
        yield Step(goal_question_id(domain_id), domain_id, kind=StepKind.GOAL)
        yield Step(goal_scope_question_id(domain_id), domain_id, kind=StepKind.GOAL_SCOPE)
        for subdomain_id in questionnaire.subdomain_ids(domain_id):
            if with_needs:
                for need in questionnaire.subdomains[subdomain_id].needs:
                    yield Step(need.id, domain_id, subdomain_id, kind=StepKind.NEED)
            for practice_id in questionnaire.practice_ids(subdomain_id):
                place = (domain_id, subdomain_id, practice_id)
                yield Step(purpose_question_id(practice_id), *place, kind=StepKind.PURPOSE)


def _assessment_steps(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> Iterator[Step]:
    roles = roles_of(answers)
    for practice_id in questionnaire.practice_ids():
        practice = questionnaire.practice_for(practice_id, roles)
        subdomain_id = practice.subdomain
        domain_id = questionnaire.subdomains[subdomain_id].domain
        level_of = {
            question.id: number
            for number, level in practice.levels.items()
            for question in level.questions
        }
        staircase = staircase_questions(practice, answers)
        for question_id in staircase:
            level = level_of[question_id]
            yield Step(question_id, domain_id, subdomain_id, practice_id, level, StepKind.LEVEL)
        if all(question_id in answers for question_id in staircase):
            comprehensiveness = assessed_comprehensiveness(practice, answers)
            for question_id in scope_questions(practice_id, comprehensiveness, answers):
                yield Step(
                    question_id,
                    domain_id,
                    subdomain_id,
                    practice_id,
                    kind=_scope_kind(question_id, practice_id),
                )


def every_step(questionnaire: Questionnaire, kind: SessionKind) -> list[Step]:
    """Every question a session of this kind could be asked, whatever the answers."""
    steps = context_plan(questionnaire)
    if kind is SessionKind.TARGET:
        return steps + list(_target_steps(questionnaire))
    for practice_id in questionnaire.practice_ids():
        practice = questionnaire.practices[practice_id]
        domain_id = questionnaire.domain_of(practice_id)
        place = (domain_id, practice.subdomain, practice_id)
        for number in sorted(practice.levels):
            questions = practice.levels[number].questions
            steps += [Step(q.id, *place, number, StepKind.LEVEL) for q in questions]
        industry = industry_scope_question_id(practice_id)
        steps.append(Step(industry, *place, kind=StepKind.SCOPE_INDUSTRY))
        system = system_scope_question_id(practice_id)
        steps.append(Step(system, *place, kind=StepKind.SCOPE_SYSTEM))
    return steps


def _scope_kind(question_id: str, practice_id: str) -> StepKind:
    industry = question_id == industry_scope_question_id(practice_id)
    return StepKind.SCOPE_INDUSTRY if industry else StepKind.SCOPE_SYSTEM


def practice_steps(plan: list[Step], practice_id: str) -> list[Step]:
    """The steps of one practice, in order."""
    return [step for step in plan if step.practice_id == practice_id]


def step_index(plan: list[Step], question_id: str | None) -> int | None:
    """Where a question is in the plan, or None when it is not (or no longer) in it."""
    for index, step in enumerate(plan):
        if step.question_id == question_id:
            return index
    return None
