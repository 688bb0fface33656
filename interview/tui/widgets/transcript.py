"""The conversation so far: an append-only log whose cost does not grow with its length.

One mounted widget per message makes every new message slower as the conversation grows; a
RichLog keeps rendered lines and paints only what is visible, so an answer costs the same at
the 10th message and at the 2,000th (measured in benchmarks/).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog


class Transcript(RichLog):
    """The chat transcript. Messages are ``Text`` objects: never parsed as markup."""

    def __init__(self) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, auto_scroll=True, min_width=20)
        self.can_focus = False

    def say(self, message: Text) -> None:
        """Add one message, followed by a blank line."""
        self.write(message)
        self.write(Text(""))
