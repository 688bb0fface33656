"""What a prompt says besides its question: the earlier cycle's answer, the profile's reasoning.
Pure functions of the prompt and what the session started from."""

from __future__ import annotations

from dataclasses import replace

from interview.engine.context import is_prefilled
from interview.engine.plan import StepKind
from interview.engine.prompts import Prompt, answer_label
from interview.profiles import Profile
from interview.questionnaire.engine_ids import goal_question_id, goal_scope_question_id
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.session.model import Answer, AnswerValue, Session, SessionKind


def previous_answer(session: Session, question_id: str) -> Answer | None:
    """The earlier assessment's answer, in an assessment started from one."""
    if session.kind is not SessionKind.ASSESSMENT:
        return None
    return session.previous_answers.get(question_id)


def kept_note(session: Session, prompt: Prompt, value: AnswerValue, note: str) -> str | None:
    """The note an answer will carry: the one given; else the earlier answer's, for the same
    value, or for a new one when the note is evidence about the question. A reason is about
    the value it was given for (a raise, "not applicable"), so it is not carried onto another
    value; nor is the context's note, or the previous cycle's."""
    answer = session.answers.get(prompt.question_id)
    previous = answer or previous_answer(session, prompt.question_id)
    if note or previous is None or is_prefilled(previous):
        return note or None
    if previous.value == value:
        return previous.note
    reasons = prompt.needs_reason_for
    is_reason = any(isinstance(v, str) and v in reasons for v in (previous.value, value))
    return None if is_reason or answer is None else previous.note


def with_previous_answer(session: Session, prompt: Prompt) -> Prompt:
    """In an assessment started from an earlier one, say what was answered last time."""
    earlier = previous_answer(session, prompt.question_id)
    if earlier is None:
        return prompt
    said = f"Last time ({earlier.answered_at:%Y-%m-%d}): {answer_label(prompt, earlier.value)}"
    if earlier.note:
        said += f" (note: {earlier.note})"
    return replace(prompt, detail="\n".join(filter(None, [prompt.detail, said])))


PROFILE_GOAL_RULE = (
    "Changing it moves the practices that still hold the profile's value by as many levels "
    "(and scopes), within 1-4; a practice you have changed stays as you set it."
)


def profile_suggestion(session: Session, question_id: str) -> str | None:
    """A profile target's domain goal and scope start at the profile's choice."""
    if session.kind is not SessionKind.TARGET:
        return None
    for domain_id, setting in session.profile_targets.items():
        if question_id == goal_question_id(domain_id) and setting.comprehensiveness:
            return str(setting.comprehensiveness)
        if question_id == goal_scope_question_id(domain_id) and setting.scope:
            return str(setting.scope)
    return None


def with_profile_detail(profile: Profile | None, prompt: Prompt) -> Prompt:
    """A profile-based target shows the profile's reasoning: for a domain goal, and for a
    practice's purpose with the profile's considerations per level."""
    practice_id = prompt.step.practice_id
    domain_id = prompt.step.domain_id
    if profile is None:
        return prompt
    if prompt.step.kind in (StepKind.GOAL, StepKind.GOAL_SCOPE) and domain_id in profile.domains:
        chosen = profile.domains[domain_id]
        level = comprehensiveness_label(chosen.comprehensiveness or 1)
        said = f"The {profile.name} profile chose {level}, {scope_label(chosen.scope)}: "
        return replace(prompt, detail=f"{said}{chosen.reason}\n{PROFILE_GOAL_RULE}")
    if practice_id is None or prompt.step.kind is not StepKind.PURPOSE:
        return prompt
    practice = profile.practices[practice_id]
    lines = [f"The {profile.name} profile: {practice.reason}"]
    lines += [
        f"At level {number} in this sector: {text}"
        for number, text in sorted(practice.considerations.items())
    ]
    return replace(prompt, detail="\n".join(lines))
