"""The conversation so far: an append-only log whose cost does not grow with its length.

One mounted widget per message makes every new message slower as the conversation grows; a
RichLog keeps rendered lines and paints only what is visible, so an answer costs the same at
the 10th message and at the 2,000th (measured in benchmarks/).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import RichLog

BLANK = Text("")

SCROLL_BINDINGS = [
    Binding(keys, f"scroll_transcript({arguments})", show=False, priority=True)
    for keys, arguments in (
        ("pageup,shift+pageup", "'page_up'"),
        ("pagedown,shift+pagedown", "'page_down'"),
        ("ctrl+home", "'home'"),
        ("ctrl+end", "'end'"),
        ("home,shift+home", "'home', True"),  # True: not while typing in a text field
        ("end,shift+end", "'end', True"),
    )
]
"""Keys for the screen that shows a transcript: the transcript never has the focus (the
answers have it, and keep Up and Down), so its screen scrolls it, before the focused widget
sees the key; Home and End are left to a text field's cursor."""


class Transcript(RichLog):
    """The chat transcript. Messages are ``Text`` objects: never parsed as markup."""

    def __init__(self) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, auto_scroll=True, min_width=20)
        self.can_focus = False
        self._messages: list[Text] = []
        self._wrapped_at = 0
        self._following = True
        """Whether the view was at the newest message when it last scrolled."""

    def say(self, message: Text) -> None:
        """Add one message, followed by a blank line."""
        self._messages.append(message)
        self._write(message)

    def _write(self, message: Text) -> None:
        # Wrap at this widget's own width, not the console's (they differ in headless runs).
        width = self.scrollable_content_region.width if self._size_known else 0
        self.write(message, width=width or None, scroll_end=False)
        self.write(BLANK, width=width or None, scroll_end=False)
        # Scroll now, not only after the next refresh as RichLog does: otherwise the new
        # message is painted once out of view and again in view a frame (17 ms) later. The
        # second scroll, after the refresh, is for when the transcript's height changes too
        # (a taller answer panel); when it does not, it finds the end reached and does nothing.
        if self._size_known:
            self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.scroll_end(animate=False, immediate=False, x_axis=False)

    def scroll_by_key(self, where: str) -> None:
        """``page_up``, ``page_down``, ``home`` or ``end``: rereading needs no mouse."""
        scroll = {
            "page_up": self.scroll_page_up,
            "page_down": self.scroll_page_down,
            "home": self.scroll_home,
            "end": self.scroll_end,
        }[where]
        scroll(animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._following = new_value >= self.max_scroll_y

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap every message for a new width (the only time the whole log is redrawn);
        for a new height, keep the newest message in view unless the user scrolled back.

        The height changes when the answer panel grows (a long checklist), sometimes a frame
        after the message that came with it was written and scrolled to.
        """
        if event.size.width != self._wrapped_at:
            self._wrapped_at = event.size.width
            self.call_after_refresh(self._rewrap)
        elif self._following:
            self.scroll_end(animate=False, immediate=False, x_axis=False)

    def _rewrap(self) -> None:
        self.clear()
        for message in self._messages:
            self._write(message)
