"""A system's history over its improvement cycles: sessions, gaps over time, levels over time."""

from __future__ import annotations

from rich.console import Group
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview.history import History
from interview.render.history_document import history_document
from interview.render.rich import write_rich
from interview.tui.text import literal


class HistoryScreen(Screen[None]):
    """Read-only: what was assessed when, and how the gaps to the target moved."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history-scroll"):
            yield Static(history_view(self.history), id="history-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#history-scroll").focus()


def history_view(history: History) -> Group:
    """The history in the reports' words: sessions, gaps over time, levels over time."""
    document = history_document(history)
    title = literal(document.title, "bold")
    return Group(
        title, write_rich([block for section in document.sections for block in (section,)])
    )
