"""Keeping a session consistent with its questionnaire.

Two cases. When the questionnaire is the one the session was saved with (same content hash),
every answer must belong to a question of it and be a valid answer to it: anything else means
the file was damaged or edited by hand, and it is refused. When the questionnaire has changed
since, answers to questions that still exist (with values still valid) are kept, the others are
dropped, and the user is told what changed.
"""

from __future__ import annotations

from interview.engine.plan import Step, every_step
from interview.engine.prompts import build_prompt
from interview.questionnaire.engine_ids import purpose_question_id
from interview.questionnaire.model import Questionnaire
from interview.scoring import target_levels
from interview.session.model import (
    KEEP,
    NOT_APPLICABLE,
    AnswerValue,
    QuestionnaireRef,
    Session,
)
from interview.tomlfile import Problem

PURPOSE_ANSWERS = (KEEP, NOT_APPLICABLE, "1", "2", "3", "4")
"""Every answer a purpose question can hold. Its options depend on the level inherited when it
was asked: once a changed goal or need brings the sub-domain to the level answered ("set to
2" when the sub-domain is now at 2), that option is no longer offered, but the answer still
reads as it did (here: keep) and must not make the session unreadable."""


def invalid_answers(session: Session, questionnaire: Questionnaire) -> dict[str, str]:
    """Answers that do not fit the questionnaire: question id → what is wrong."""
    steps = {step.question_id: step for step in every_step(questionnaire, session.kind)}
    targets = target_levels(questionnaire, session.targets)
    invalid = {}
    for question_id, answer in session.answers.items():
        step = steps.get(question_id)
        if step is None:
            invalid[question_id] = (
                f"no question {question_id!r} in questionnaire {questionnaire.id}"
            )
            continue
        problem = build_prompt(questionnaire, step, targets).accepts(answer.value)
        if problem and not _is_purpose_answer(step, answer.value):
            invalid[question_id] = f"{answer.value!r} is not an answer to this question ({problem})"
    return invalid


def _is_purpose_answer(step: Step, value: AnswerValue) -> bool:
    is_purpose = step.practice_id is not None and step.question_id == purpose_question_id(
        step.practice_id
    )
    return is_purpose and value in PURPOSE_ANSWERS


def check_answers(session: Session, questionnaire: Questionnaire) -> list[Problem]:
    """Problems with a session saved against this very questionnaire."""
    problems = [
        Problem(("answers", question_id), message)
        for question_id, message in invalid_answers(session, questionnaire).items()
    ]
    known_items = {*questionnaire.domains, *questionnaire.subdomains, *questionnaire.practices}
    problems += [
        Problem(("targets", item_id), f"no domain, sub-domain or practice {item_id!r}")
        for item_id in session.targets
        if item_id not in known_items
    ]
    return problems


def reconcile(session: Session, questionnaire: Questionnaire) -> list[str]:
    """Bring a session onto a changed questionnaire; return what the user should be told."""
    reference = session.questionnaire
    if reference.content_hash == questionnaire.content_hash:
        return []
    dropped = sorted(invalid_answers(session, questionnaire))
    for question_id in dropped:
        del session.answers[question_id]
    session.skipped = [question_id for question_id in session.skipped if question_id not in dropped]
    known_items = {*questionnaire.domains, *questionnaire.subdomains, *questionnaire.practices}
    session.targets = {k: v for k, v in session.targets.items() if k in known_items}
    session.questionnaire = QuestionnaireRef(
        id=questionnaire.id, version=questionnaire.version, content_hash=questionnaire.content_hash
    )
    change = (
        f"version {reference.version} → {questionnaire.version}"
        if reference.version != questionnaire.version
        else f"still version {questionnaire.version}, but its content differs"
    )
    notices = [f"The questionnaire has changed since this session was saved ({change})."]
    kept = len(session.answers)
    if dropped:
        shown = ", ".join(dropped[:8]) + (", ..." if len(dropped) > 8 else "")
        notices.append(
            f"Kept {kept} answers; dropped {len(dropped)} that no longer fit a question: {shown}."
        )
    else:
        notices.append(f"All {kept} answers still fit; new or changed questions will be asked.")
    return notices
