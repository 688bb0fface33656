"""Every question an interview of one kind can ask: its id, its words, the answers it allows
and when it is asked, so that an answers file can be written by hand or by a script."""

from __future__ import annotations

from dataclasses import dataclass

from interview.engine.plan import Step, every_step
from interview.engine.prompts import Option, PromptKind, build_prompt
from interview.questionnaire.engine_ids import (
    goal_question_id,
    goal_scope_question_id,
    industry_scope_question_id,
    purpose_question_id,
    purpose_reason_question_id,
    system_scope_question_id,
)
from interview.questionnaire.model import Questionnaire
from interview.session.model import DONT_KNOW, KEEP, SessionKind

KEEP_OPTION = Option(KEEP, "Keep the level it would inherit (domain goal, needs or profile)")
DONT_KNOW_OPTION = Option(DONT_KNOW, "Don't know (written dont-know in a file)")


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


def questions(questionnaire: Questionnaire, kind: SessionKind) -> list[QuestionInfo]:
    """Every question of an interview of this kind, in the order it is asked."""
    return [_info(questionnaire, step) for step in every_step(questionnaire, kind)]


def _info(questionnaire: Questionnaire, step: Step) -> QuestionInfo:
    prompt = build_prompt(questionnaire, step, {})
    answers = prompt.options
    if step.practice_id and step.question_id == purpose_question_id(step.practice_id):
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
        asked=when_asked(step),
    )


def when_asked(step: Step) -> str:
    """When the interview asks the step's question, in words."""
    question_id, practice_id = step.question_id, step.practice_id
    if step.is_context:
        return "always, first"
    if step.domain_id and question_id in (
        goal_question_id(step.domain_id),
        goal_scope_question_id(step.domain_id),
    ):
        return "always"
    if practice_id is None:
        return "in a target set from scratch (not from a profile)"
    if question_id == purpose_question_id(practice_id):
        return "always"
    if question_id == purpose_reason_question_id(practice_id):
        return "after the purpose question (optional)"
    if question_id == industry_scope_question_id(practice_id):
        return f"when {practice_id} reaches at least level 1"
    if question_id == system_scope_question_id(practice_id):
        return f"when the industry-scope question of {practice_id} is answered yes"
    if step.level == 1:
        return "always"
    return f"when every question of {practice_id} below level {step.level} is answered yes"
