"""The one-line dialogs some answers need before they are recorded: the reason a "not
applicable here" or a changed target needs (required, it becomes the note) and, after "don't
know" in a target, who can answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

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


def answer_after_dialog(
    app: App[Any],
    engine: Interview,
    prompt: Prompt,
    value: AnswerValue,
    note: str,
    record: Callable[[str, str], None],
) -> None:
    """Record ``value`` (``record(note, ask)``) at once, or after the dialog it needs, if the
    question is still the one asked then; a cancelled dialog records nothing."""
    if not _still_asked(engine, prompt):
        return  # the interview moved on while a dialog (a reopen, ...) was open
    needed = dialog_before_answer(engine, prompt, value, note)
    if needed is None:
        record(note, "")
        return
    dialog, completed = needed

    def answer_with(given: str | None) -> None:  # None: cancelled, the question stays open
        if given is not None and _still_asked(engine, prompt):
            record(*completed(given))

    app.push_screen(dialog, answer_with)


def _still_asked(engine: Interview, prompt: Prompt) -> bool:
    current = engine.current()
    return current is not None and current.question_id == prompt.question_id


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
