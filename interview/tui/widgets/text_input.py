"""A text field that keeps every character typed: Textual's Input drops characters that Python
does not call printable, among them the non-breaking space and the zero-width joiners that
Persian, Arabic and Indic scripts need between letters. smm keeps user text as typed."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input

KEPT_CATEGORIES = frozenset({"Zs", "Cf"})
"""Space separators (the non-breaking space, ...) and format characters (ZWJ, ZWNJ, ...)."""


class TextInput(Input):
    """An Input that also takes spaces and format characters as typed."""

    async def _on_key(self, event: events.Key) -> None:
        character = event.character
        if (
            character is not None
            and not event.is_printable
            and len(character) == 1
            and unicodedata.category(character) in KEPT_CATEGORIES
        ):
            event.stop()
            event.prevent_default()
            if self.selection.is_empty:
                self.insert_text_at_cursor(character)
            else:
                self.replace(character, *self.selection)
            return
        await super()._on_key(event)
