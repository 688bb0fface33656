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
        """Replace all four parts."""
        self.query_one("#status-session", Static).update(session)
        self.query_one("#status-saved", Static).update(saved)
        self.query_one("#status-place", Static).update(place)
        self.query_one("#status-progress", Static).update(progress)
