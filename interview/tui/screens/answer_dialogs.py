"""The one-line dialogs some answers need before they are recorded: the reason a "not
applicable here" or a changed target needs (required, it becomes the note) and, after "don't
know" in a target, who can answer."""

from __future__ import annotations

from collections.abc import Callable

from interview.engine.follow_ups import asks_whom
from interview.engine.interview import Interview
from interview.engine.plan import StepKind
from interview.engine.prompts import Prompt
from interview.session.model import AnswerValue
from interview.tui.screens.dialogs import NoteDialog

Completion = Callable[[str], tuple[str, str]]
"""From the text the dialog gives, the answer's note and whom to ask."""


def dialog_before_answer(
    engine: Interview, prompt: Prompt, value: AnswerValue, note: str
) -> tuple[NoteDialog, Completion] | None:
    """The dialog to show before ``value`` is recorded, and how its text completes the
    answer; None when the answer is recorded at once."""
    if engine.needs_reason(value, note):
        return justification_dialog(prompt), lambda reason: (reason, "")
    if asks_whom(engine.session, value):
        earlier = engine.session.answers.get(prompt.question_id)
        named = (earlier.ask if earlier else None) or ""
        return whom_dialog(prompt.text, named), lambda ask: (note, ask)
    return None


REASON_PLACEHOLDERS = {
    False: "For example: no device has a debug port that outsiders can reach",
    True: "For example: a contract requires it; the devices sit in locked rooms",
}
"""An example reason: for a "not applicable here" (False) and for a target's purpose (True)."""


def justification_dialog(prompt: Prompt) -> NoteDialog:
    """The one-line reason the answer needs (the prompt says what to ask), required."""
    return NoteDialog(
        prompt.text,
        "",
        heading=f"{prompt.reason_request}: ",
        placeholder=REASON_PLACEHOLDERS[prompt.step.kind is StepKind.PURPOSE],
        required=True,
        multiline=False,
    )


def whom_dialog(question: str, named: str) -> NoteDialog:
    """Who can answer the question; empty is allowed (nobody named)."""
    return NoteDialog(
        question,
        named,
        heading="Who can answer this? ",
        placeholder="A name and a role, for example: Jo Smith, compliance",
        keeps="the name (it may stay empty)",
        multiline=False,
    )
