"""What a prompt says besides its question: the earlier cycle's answer, the profile's reasoning.
Pure functions of the prompt and what the session started from."""

from __future__ import annotations

from dataclasses import replace

from interview.engine.plan import StepKind
from interview.engine.prompts import Prompt, answer_label
from interview.profiles import Profile
from interview.session.model import Answer, Session, SessionKind


def previous_answer(session: Session, question_id: str) -> Answer | None:
    """The earlier assessment's answer, in an assessment started from one."""
    if session.kind is not SessionKind.ASSESSMENT:
        return None
    return session.previous_answers.get(question_id)


def with_previous_answer(session: Session, prompt: Prompt) -> Prompt:
    """In an assessment started from an earlier one, say what was answered last time."""
    earlier = previous_answer(session, prompt.question_id)
    if earlier is None:
        return prompt
    said = f"Last time ({earlier.answered_at:%Y-%m-%d}): {answer_label(prompt, earlier.value)}"
    if earlier.note:
        said += f" (note: {earlier.note})"
    return replace(prompt, detail="\n".join(filter(None, [prompt.detail, said])))


def with_profile_detail(profile: Profile | None, prompt: Prompt) -> Prompt:
    """A purpose question in a profile-based target shows the profile's reasoning."""
    practice_id = prompt.step.practice_id
    if profile is None or practice_id is None:
        return prompt
    if prompt.step.kind is not StepKind.PURPOSE:
        return prompt
    practice = profile.practices[practice_id]
    lines = [f"The {profile.name} profile: {practice.reason}"]
    lines += [
        f"At level {number} in this sector: {text}"
        for number, text in sorted(practice.considerations.items())
    ]
    return replace(prompt, detail="\n".join(lines))
