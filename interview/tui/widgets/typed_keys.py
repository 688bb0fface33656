"""Keys typed faster than the interview moves on: each is taken by the question it was meant for.

A fast typist (or a paste of digits) types the answers to several questions before the screen
has drawn the second. Textual hands each key to the widget that has the focus when the key
arrives: the list of the question just answered. Left to that list, the second key chose on
the first question's options, and was then dropped as meant for a question no longer on show,
and every later answer landed one question early.

So the answer area's widgets do not act on such keys themselves: they send each one on, in the
order typed (:class:`TypedKey`), and the interview applies it to whatever is on show when it
gets to it, as if it had been typed there (``AnswerPanel.take_key``). The numbered list sends
every choosing key on; a text field and the checklist do so from the moment their answer is
given until the next question is on show and the keys sent before have all been applied
(:class:`KeyQueue`), so that nothing typed overtakes what was typed before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widget import Widget

CHOOSING_KEYS = frozenset({"enter", "backspace"})
"""Keys without a character that an answer still takes (Enter confirms, Backspace edits)."""


@dataclass
class KeyQueue:
    """Shared by the answer area and its widgets: whether keys must be sent on, in order."""

    in_flight: int = 0
    """Keys sent on and not yet applied."""
    answered: bool = False
    """An answer was given and the next question is not on show yet."""

    def holds_keys(self) -> bool:
        return self.answered or self.in_flight > 0


@dataclass
class TypedKey(Message):
    """A key for the answer area, to apply to what is on show when the interview gets to it."""

    key: str
    character: str | None


def send_on(widget: Widget, queue: KeyQueue, event: events.Key) -> bool:
    """Send the key on if it is one an answer takes; True if it was (the widget ignores it)."""
    if not (event.is_printable or event.key in CHOOSING_KEYS):
        return False  # arrows, Esc, the interview's Ctrl keys: as ever
    event.stop()
    event.prevent_default()
    queue.in_flight += 1
    widget.post_message(TypedKey(event.key, event.character))
    return True
