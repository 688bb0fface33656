"""Text fields that keep every character typed and refuse a paste beyond the bound.

Textual's Input and TextArea drop characters that Python does not call printable, among them
the non-breaking space and the zero-width joiners that Persian, Arabic and Indic scripts need
between letters: smm keeps user text as typed. A 10 MB paste made the interview freeze (every
refresh measured the whole value), so a paste that would go over what a session keeps for one
answer or note is refused at once, with a message.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.widgets import Input, TextArea

from interview.session.limits import MAX_TEXT_LENGTH
from interview.tui.widgets.typed_keys import KeyQueue, send_on

KEPT_CATEGORIES = frozenset({"Zs", "Cf"})
"""Space separators (the non-breaking space, ...) and format characters (ZWJ, ZWNJ, ...)."""


def kept_character(event: events.Key) -> str | None:
    """The space or format character a key gives that Textual would drop; None otherwise."""
    character = event.character
    if (
        character is not None
        and not event.is_printable
        and len(character) == 1
        and unicodedata.category(character) in KEPT_CATEGORIES
    ):
        return character
    return None


def paste_refusal(held: int, pasted: int) -> str | None:
    """Why a paste of ``pasted`` characters into a field holding ``held`` is refused, if it is."""
    if held + pasted <= MAX_TEXT_LENGTH:
        return None
    return (
        f"Not pasted: {pasted:,} characters, and one answer or note holds at most "
        f"{MAX_TEXT_LENGTH:,}. Paste a shorter text, or the name of a document or a link."
    )


class TextInput(Input):
    """An Input that also takes spaces and format characters as typed, up to the bound."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_length = MAX_TEXT_LENGTH  # typing stops there; a longer paste is refused
        self.key_queue: KeyQueue | None = None
        """In the answer area: from Enter until the next question is on show, keys are sent
        on, not typed here (see typed_keys)."""

    async def _on_key(self, event: events.Key) -> None:
        queue = self.key_queue
        if queue is not None and queue.holds_keys() and send_on(self, queue, event):
            return
        if queue is not None and event.key == "enter":
            # Submitted here, in the order typed: Textual's Enter binding would run only once
            # the key has passed the screen, after the keys typed behind it reached this field.
            event.stop()
            event.prevent_default()
            queue.answered = True
            await self.action_submit()
            return
        if (character := kept_character(event)) is not None:
            event.stop()
            event.prevent_default()
            if self.selection.is_empty:
                self.insert_text_at_cursor(character)
            else:
                self.replace(character, *self.selection)
            return
        await super()._on_key(event)

    def take_key(self, key: str, character: str | None) -> str | None:
        """A key sent on, applied as typed here: the text, on Enter; else None."""
        if key == "enter":
            return self.value
        if self.select_on_focus:  # the first key since the field was shown replaces its text,
            self.select_on_focus = False  # as typing over the selection would; and the focus,
            self.value = ""  # which may come after this key, must not select what it typed
            if key == "backspace":
                return None
        if key == "backspace":
            self.action_delete_left()
        elif character is not None and len(self.value) < MAX_TEXT_LENGTH:
            self.insert_text_at_cursor(character)
        return None

    def _on_paste(self, event: events.Paste) -> None:
        first_line = event.text.partition("\n")[0]  # Input pastes the first line only
        if (refusal := paste_refusal(len(self.value), len(first_line))) is not None:
            event.stop()
            event.prevent_default()  # or Textual's own handler pastes it all the same
            self.notify(refusal, severity="warning", markup=False)
            return
        super()._on_paste(event)
        event.prevent_default()  # pasted once, by the line above


class NoteEditor(TextArea):
    """A multi-line note: Enter starts a new line; spaces and format characters kept as typed."""

    DEFAULT_CSS = """
    NoteEditor {
        height: 10;
    }
    """

    async def _on_key(self, event: events.Key) -> None:
        if (character := kept_character(event)) is not None:
            event.stop()
            event.prevent_default()
            self._replace_via_keyboard(character, *self.selection)
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        if (refusal := paste_refusal(len(self.text), len(event.text))) is not None:
            event.stop()
            event.prevent_default()  # or Textual's own handler pastes it all the same
            self.notify(refusal, severity="warning", markup=False)
            return
        await super()._on_paste(event)
        event.prevent_default()  # pasted once, by the line above
