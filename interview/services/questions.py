"""Every question an interview of one kind can ask: its id, its words, the answers it allows
and when it is asked, so that an answers file can be written by hand or by a script."""

from __future__ import annotations

from dataclasses import dataclass

from interview.engine.plan import Step, StepKind, every_step
from interview.engine.prompts import NOT_APPLICABLE_OPTION, Option, PromptKind, build_prompt
from interview.questionnaire.model import EVERY_ROLE, Questionnaire
from interview.session.model import DONT_KNOW, KEEP, NOT_APPLICABLE, SessionKind

KEEP_OPTION = Option(KEEP, "Keep the level it would inherit (domain goal, needs or profile)")
DONT_KNOW_OPTION = Option(DONT_KNOW, "Don't know (written dont-know in a file)")
FILE_NOT_APPLICABLE = Option(
    NOT_APPLICABLE, "Not applicable here (written na, with the reason as the answer's note)"
)


@dataclass(frozen=True)
class QuestionInfo:
    """One question as an answers file sees it."""

    question_id: str
    practice_id: str | None
    kind: PromptKind
    text: str
    answers: tuple[Option, ...]
    """The answers allowed (option id and label); empty for text."""
    required: bool
    asked: str
    """When the interview asks it."""
    domain_id: str | None = None
    level: int | None = None
    """The comprehensiveness level a self-assessment question tests."""
    evidence: str = ""
    """What an assessor may look at to answer it (empty when the questionnaire names nothing)."""


def questions(questionnaire: Questionnaire, kind: SessionKind) -> list[QuestionInfo]:
    """Every question of an interview of this kind, in the order it is asked."""
    return [_info(questionnaire, step) for step in every_step(questionnaire, kind)]


def _info(questionnaire: Questionnaire, step: Step) -> QuestionInfo:
    prompt = build_prompt(questionnaire, step, {})
    answers = tuple(
        FILE_NOT_APPLICABLE if option == NOT_APPLICABLE_OPTION else option
        for option in prompt.options
    )
    if step.kind is StepKind.PURPOSE:
        answers = (KEEP_OPTION, *answers)
    if prompt.allow_dont_know:
        answers = (*answers, DONT_KNOW_OPTION)
    return QuestionInfo(
        question_id=step.question_id,
        practice_id=step.practice_id,
        kind=prompt.kind,
        text=prompt.text,
        answers=answers,
        required=prompt.required,
        asked=when_asked(step) + roles_words(questionnaire, step),
        domain_id=step.domain_id,
        level=step.level,
        evidence=evidence_of(questionnaire, step),
    )


def evidence_of(questionnaire: Questionnaire, step: Step) -> str:
    """The evidence hint of a level or scope question; empty for the others."""
    if step.practice_id is None:
        return ""
    practice = questionnaire.practices[step.practice_id]
    if step.kind is StepKind.SCOPE_INDUSTRY:
        return practice.scope.industry.evidence
    if step.kind is StepKind.SCOPE_SYSTEM:
        return practice.scope.system.evidence
    if step.kind is StepKind.LEVEL and step.level is not None:
        level = practice.levels[step.level]
        return next((q.evidence for q in level.questions if q.id == step.question_id), "")
    return ""


def roles_words(questionnaire: Questionnaire, step: Step) -> str:
    """``; for the maker role only`` when the question is not asked of every role."""
    if step.kind is not StepKind.LEVEL or step.practice_id is None or step.level is None:
        return ""
    level = questionnaire.practices[step.practice_id].levels[step.level]
    question = next(q for q in level.questions if q.id == step.question_id)
    if set(question.roles) == set(EVERY_ROLE):
        return ""
    roles = " and ".join(question.roles)
    return f"; for the {roles} role only (an organisation that is both answers both)"


def when_asked(step: Step) -> str:
    """When the interview asks the step's question, in words."""
    practice_id = step.practice_id
    words = {
        StepKind.CONTEXT: "always, first",
        StepKind.GOAL: "always",
        StepKind.GOAL_SCOPE: "always",
        StepKind.NEED: "in a target set from scratch (not from a profile)",
        StepKind.PURPOSE: "always",
        StepKind.SCOPE_INDUSTRY: f"when {practice_id} reaches at least level 1",
        StepKind.SCOPE_SYSTEM: f"when the industry-scope question of {practice_id} is answered yes",
    }
    if step.kind is StepKind.LEVEL and step.level != 1:
        return f"when every question of {practice_id} below level {step.level} is answered yes"
    return words.get(step.kind, "always")
