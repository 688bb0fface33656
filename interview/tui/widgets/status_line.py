"""Where the user is, how far along, and that every answer is saved: always in view."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Static


class StatusLine(Grid):
    """Two rows: the session and its save state; the place in the model and the progress."""

    def compose(self) -> ComposeResult:
        yield Static(id="status-session")
        yield Static(id="status-saved")
        yield Static(id="status-place")
        yield Static(id="status-progress")

    def show(self, session: Text, saved: Text, place: Text, progress: Text) -> None:
        """Show all four parts (each redrawn only if it changed)."""
        parts = {"#status-session": session, "#status-saved": saved, "#status-place": place,
                 "#status-progress": progress}  # fmt: skip
        for selector, content in parts.items():
            update_if_changed(self.query_one(selector, Static), content)


def update_if_changed(widget: Static, content: Text | str) -> None:
    """Update a Static only when its content differs: every update lays the screen out again,
    which is most of the cost of showing the next question (docs/PERFORMANCE.md)."""
    if widget.content != content:
        widget.update(content)
