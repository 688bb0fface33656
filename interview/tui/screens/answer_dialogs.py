"""The one-line dialogs some answers need before they are recorded: why "not applicable
here" (required, it becomes the note) and, after "don't know" in a target, who can answer."""

from __future__ import annotations

from collections.abc import Callable

from interview.engine.follow_ups import asks_whom
from interview.engine.interview import Interview
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
        return justification_dialog(prompt.text), lambda reason: (reason, "")
    if asks_whom(engine.session, value):
        earlier = engine.session.answers.get(prompt.question_id)
        named = (earlier.ask if earlier else None) or ""
        return whom_dialog(prompt.text, named), lambda ask: (note, ask)
    return None


def justification_dialog(question: str) -> NoteDialog:
    """Why "not applicable here": a one-line reason, required."""
    return NoteDialog(
        question,
        "",
        heading="Why does this not apply here? ",
        placeholder="For example: no device has a debug port that outsiders can reach",
        required=True,
    )


def whom_dialog(question: str, named: str) -> NoteDialog:
    """Who can answer the question; empty is allowed (nobody named)."""
    return NoteDialog(
        question,
        named,
        heading="Who can answer this? ",
        placeholder="A name and a role, for example: Jo Smith, compliance",
        keeps="the name (it may stay empty)",
    )
