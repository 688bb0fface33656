"""The interview's keys: one table with the key of each command in a terminal and in a browser.

In ``smm serve`` each browser tab runs the interview under Textual's web driver, and the browser
keeps some keys for itself before the page sees them: Ctrl+N opens a window, Ctrl+Q quits
Firefox, F1 opens the browser's help (Ctrl+W and Ctrl+T close and open tabs). A served interview
therefore binds the same commands to keys a browser passes on to the page, through Textual's
keymap: each binding carries an id from this table, and the app in a browser maps those ids to
the browser keys (:func:`browser_keymap`). Messages that name a key ask :func:`key_name`, so
that they name the key that works where the interview runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding


@dataclass(frozen=True)
class CommandKey:
    """One command's key in a terminal and in a browser (Textual key names)."""

    binding_id: str
    terminal: str
    browser: str

    def binding(
        self, action: str, description: str, *, show: bool = True, priority: bool = False
    ) -> Binding:
        """The binding of this command on its terminal key; the browser keymap rebinds it."""
        return Binding(
            self.terminal, action, description, show=show, priority=priority, id=self.binding_id
        )


BACK = CommandKey("smm.back", "escape", "escape")
SKIP = CommandKey("smm.skip", "ctrl+s", "ctrl+s")
JUMP = CommandKey("smm.jump", "ctrl+g", "ctrl+g")
NOTE = CommandKey("smm.note", "ctrl+n", "ctrl+e")  # E: evidence
WHY = CommandKey("smm.why", "f1", "f2")
REVIEW = CommandKey("smm.review", "ctrl+r", "ctrl+r")
QUIT = CommandKey("smm.quit", "ctrl+q", "ctrl+x")
INTERRUPT = CommandKey("smm.quit.interrupt", "ctrl+c", "ctrl+x")
"""Ctrl+C quits in a terminal; in a browser it copies, as on every page, and Ctrl+X quits."""

KEYS = (BACK, SKIP, JUMP, NOTE, WHY, REVIEW, QUIT, INTERRUPT)


def browser_keymap() -> dict[str, str]:
    """Textual's keymap for a browser: the binding ids whose browser key differs."""
    return {key.binding_id: key.browser for key in KEYS if key.browser != key.terminal}


def in_browser(app: App[Any]) -> bool:
    """Whether the app runs with the browser's keys (SmmApp's ``in_browser``)."""
    return getattr(app, "in_browser", False) is True


KEY_WORDS = {"escape": "Esc", "pageup": "PageUp", "pagedown": "PageDown"}


def key_words(key: str) -> str:
    """A Textual key as messages write it: ``ctrl+n`` → ``Ctrl+N``, ``f1`` → ``F1``."""
    *modifiers, name = key.split("+")
    return "+".join([*(m.capitalize() for m in modifiers), KEY_WORDS.get(name, name.upper())])


def key_name(app: App[Any], command: CommandKey) -> str:
    """The key of ``command`` where the app runs (terminal or browser), as messages write it."""
    return key_words(command.browser if in_browser(app) else command.terminal)
