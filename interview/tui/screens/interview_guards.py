"""Two guards of the interview screen against changes nobody meant (issue 15).

- :class:`MenuTypedAhead`: a menu (the review, the finished interview's menu) takes no key
  typed before it was put up.
- :class:`FinishedGuard`: the first change to a finished session asks before reopening it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import _time, events
from textual.app import App

from interview.session.model import Phase
from interview.tui import keys
from interview.tui.keys import key_name
from interview.tui.screens.dialogs import ReopenDialog
from interview.tui.text import info_message

CHOOSING_KEYS = frozenset({"enter", "space"})


class MenuTypedAhead:
    """Drops the keys typed before the menu on show was put up.

    A run of questions ends in a menu (the review; after "Finish", the finished interview's
    menu), and its digits mean something else: "Finish the interview", "Accept as the new
    baseline". Keys typed ahead while the app was still busy with the last answer reach the
    menu after it is put up; the AnswerPanel's ``showing`` token cannot tell them apart, as
    the panel posts the choice with the showing current when the key is handled. What tells
    them apart is when the key was typed: Textual stamps each key event when the driver reads
    it (``events.Key.time``, on Textual's clock). So the menu takes a choice only when the
    last key (or click) that reached the screen was made after the menu was put up. Nobody
    can read a menu and choose in less time than the screen takes to draw it, so no key meant
    for the menu is lost, and no extra key press is asked of anyone.
    """

    def __init__(self) -> None:
        self._menu_since: float | None = None
        """When the menu on show was put up; None while a question is on show."""
        self._last_input = 0.0

    def menu_shown(self) -> None:
        self._menu_since = _time.get_time()

    def question_shown(self) -> None:
        self._menu_since = None

    def drops(self, event: events.Key) -> bool:
        """Note a key on its way to the answer panel; True: it chooses on a menu put up after
        it was typed, and is to be dropped."""
        self._last_input = event.time
        typed_before = self._menu_since is not None and event.time < self._menu_since
        choosing = event.is_printable or event.key in CHOOSING_KEYS
        return typed_before and choosing

    def clicked(self, event: events.MouseDown) -> None:
        self._last_input = event.time

    def choice_allowed(self) -> bool:
        """Whether a menu choice came from a key or a click made after the menu was put up
        (a key can pass the screen while a question is on show and choose on the menu put up
        meanwhile)."""
        return self._menu_since is not None and self._last_input >= self._menu_since


class FinishedGuard:
    """Whether the session's file says finished while the interview shows an earlier phase
    (the engine's :class:`~interview.engine.finished.KeepFinished` then writes nothing), and
    the dialog that asks before the first change reopens it."""

    def __init__(self) -> None:
        self.finished_on_file = False

    def saw(self, phase: Phase) -> None:
        """The interview shows ``phase``: a finished interview is saved as finished."""
        if phase is Phase.DONE:
            self.finished_on_file = True

    def change(
        self,
        app: App[Any],
        session_name: str,
        what: str,
        change: Callable[[], object],
        kept: Callable[[], None],
        say: Callable[[Text], None],
    ) -> None:
        """Make ``change`` now, or, if it would reopen a finished session, once the user says
        so (and ``say`` where to finish it again); ``kept``: the user keeps it finished
        (nothing changes)."""
        if not self.finished_on_file:
            change()
            return

        def decided(reopen: bool | None) -> None:
            if reopen:
                self.finished_on_file = False
                review = key_name(app, keys.REVIEW)
                say(info_message(f"Reopened: finish it again from the review ({review})."))
                change()
            else:
                kept()

        app.push_screen(ReopenDialog(session_name, what), decided)
