"""The interview screen's keys and its commands in the palette, named with the keys of
:mod:`interview.tui.keys` (so a served interview shows the browser's keys)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import BindingType

from interview.tui import keys
from interview.tui.keys import CommandKey, key_name
from interview.tui.widgets.transcript import SCROLL_BINDINGS

if TYPE_CHECKING:
    from interview.tui.screens.interview import InterviewScreen

INTERVIEW_BINDINGS: list[BindingType] = [
    keys.BACK.binding("back", "Back"),
    keys.SKIP.binding("skip", "Skip"),
    keys.JUMP.binding("jump", "Jump"),
    # A priority binding: in a browser the note is Ctrl+E, which a text field would otherwise
    # take first (end of line; the End key still does that), and the footer would not show it.
    keys.NOTE.binding("note", "Note", priority=True),
    keys.WHY.binding("why", "Why?"),
    keys.REVIEW.binding("review", "Review", show=False),
    *SCROLL_BINDINGS,
]


def palette_commands(screen: InterviewScreen) -> Iterator[SystemCommand]:
    """The interview's commands that the engine allows now, as the palette offers them."""
    engine = screen.engine

    def title(words: str, command: CommandKey) -> str:
        return f"{words} ({key_name(screen.app, command)})"

    if engine.can_go_back():
        yield SystemCommand(
            title("Back", keys.BACK), "Go back to the previous question", screen.action_back
        )
    commands: list[tuple[str, str, str, Callable[[], object]]] = [
        (title("Skip", keys.SKIP), "Leave the question for the review", "skip", screen.action_skip),
        (title("Jump", keys.JUMP), "Go to a practice", "jump", screen.action_jump),
        (title("Note", keys.NOTE), "Attach evidence or a comment", "note", screen.action_note),
        (title("Why is this asked?", keys.WHY), "Purpose and levels", "why", screen.action_why),
    ]
    for words, help_text, action, callback in commands:
        if screen.check_action(action, ()):
            yield SystemCommand(words, help_text, callback)
    if engine.may_enter_review():
        yield SystemCommand(
            title("Review", keys.REVIEW), "Skipped and open questions", screen.action_review
        )


FOOTER_ACTIONS = ("skip", "note", "why")
"""The actions the footer shows or hides as the interview moves (see check_action)."""


class FooterKeys:
    """Redraws the footer's keys only when the keys that work have changed.

    Textual's ``refresh_bindings`` rebuilds the footer; called after every answer it made each
    answer slower and the interview's memory grow with the length of the interview (24 to
    48 ms per answer, 102 to 245 MiB, after 2,000 messages: docs/PERFORMANCE.md).
    """

    def __init__(self) -> None:
        self._shown: tuple[bool | None, ...] | None = None

    def refresh(self, screen: InterviewScreen) -> None:
        working = tuple(screen.check_action(action, ()) for action in FOOTER_ACTIONS)
        if working != self._shown:
            self._shown = working
            screen.refresh_bindings()
