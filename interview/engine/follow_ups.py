"""Follow-ups: the questions answered "don't know", each with who can answer it.

A business owner setting a target often cannot answer a needs question (does a regulator
examine this system?). They name who can, carry on, and the target report hands the list on.
What a "don't know" does to the target is scoring's: as if unanswered (docs/QUESTIONNAIRE.md).
In a self-assessment a "don't know" counts as not met, so the practice's level may be lower
than it is: every report lists it, and marks the levels that rest on one.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview.engine.plan import Step, StepKind
from interview.engine.prompts import Prompt, answer_label, build_prompt
from interview.engine.views import ReviewStatus, review_items, session_targets
from interview.questionnaire.model import Questionnaire
from interview.session.model import DONT_KNOW, AnswerValue, Session, SessionKind

NOBODY_NAMED = "nobody named"


@dataclass(frozen=True)
class FollowUp:
    """One question answered "don't know", and who can answer it."""

    question_id: str
    question: str
    """The question, short enough for a list."""
    where: str
    """The domain, sub-domain or practice id it is about."""
    ask: str | None
    """Who can answer it; None when nobody was named."""
    note: str | None = None


def asks_whom(session: Session, value: AnswerValue) -> bool:
    """Whether an interface asks who can answer: after "don't know" in a target interview
    (in a self-assessment "don't know" is common and counts as not in place; no one is named)."""
    return session.kind is SessionKind.TARGET and value == DONT_KNOW


def answer_words(prompt: Prompt, value: AnswerValue, ask: str | None = None) -> str:
    """An answer as a person reads it, with who can answer after "don't know":
    ``Don't know — ask Jo Smith``."""
    label = answer_label(prompt, value)
    return f"{label} — ask {ask}" if ask else label


def follow_ups(questionnaire: Questionnaire, session: Session) -> list[FollowUp]:
    """The session's "don't know" answers among the questions it asks now, in interview order
    (as the review lists them)."""
    found = []
    for item in review_items(questionnaire, session):
        if item.status is ReviewStatus.DONT_KNOW:
            answer = session.answers[item.question_id]
            question = short_question(questionnaire, session, item.step)
            where = item.step.practice_id or item.step.subdomain_id or item.step.domain_id or ""
            found.append(FollowUp(item.question_id, question, where, answer.ask, answer.note))
    return found


def short_question(questionnaire: Questionnaire, session: Session, step: Step) -> str:
    """The question's own words, but a practice's purpose (a paragraph) in a few words."""
    if step.kind is StepKind.PURPOSE and step.practice_id is not None:
        name = questionnaire.practices[step.practice_id].name
        return f"{name}: does it need more, less or the same as its sub-domain, or not apply?"
    return build_prompt(questionnaire, step, session_targets(questionnaire, session)).text


def practices_resting_on_dont_know(questionnaire: Questionnaire, session: Session) -> set[str]:
    """The practices whose level rests on a "don't know": one of its own questions, or one of
    its sub-domain's or domain's (a target's needs and goals), was answered "don't know"."""
    where = {item.where for item in follow_ups(questionnaire, session)}
    return {
        practice_id
        for practice_id in questionnaire.practice_ids()
        if where & set(enclosing_ids(questionnaire, practice_id))
    }


def enclosing_ids(questionnaire: Questionnaire, practice_id: str) -> tuple[str, str, str]:
    """The practice's id, its sub-domain's and its domain's."""
    subdomain_id = questionnaire.practices[practice_id].subdomain
    return practice_id, subdomain_id, questionnaire.subdomains[subdomain_id].domain
