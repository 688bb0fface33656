"""A system's history over its improvement cycles: sessions, gaps over time, levels over time."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview.history import (
    CHANGE_MARKERS,
    History,
    LevelInTime,
    day_of,
    movement_words,
    session_status,
)
from interview.report.outline import mean_text, short_level
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
    """The history as Rich renderables: heading, sessions, gaps over time, levels over time."""
    blocks: list[RenderableType] = [literal(f"History of {history.system}", "bold")]
    if history.current_target is not None:
        blocks.append(literal(f"Gaps are measured against {history.current_target.reason}."))
    blocks += [Text(), sessions_table(history)]
    if history.gaps:
        blocks += [Text(), gaps_table(history)]
    if history.assessments:
        key = Text("After a level: ↑ up, ↓ down, ↕ one measure up and one down.", style="italic")
        blocks += [Text(), levels_table(history), key]
    return Group(*blocks)


def sessions_table(history: History) -> Table:
    table = Table(title="Sessions, oldest first", title_justify="left", expand=False)
    for column in ("", "kind", "day", "interviewee", "status"):
        table.add_column(column)
    for session in history.sessions:
        status = "; ".join(session_status(history, session))
        table.add_row(
            history.label_of(session), session.kind.value, day_of(session),
            literal(session.interviewee or "-"), literal(status),
        )  # fmt: skip
    return table


def gaps_table(history: History) -> Table:
    table = Table(title="Gaps to the current target", title_justify="left", expand=False)
    for column in ("", "large", "small", "none", "levels short", "mean", "since the previous"):
        table.add_column(column)
    for row in history.gaps:
        counts = row.counts
        moved = "" if row.movement is None else "; ".join(movement_words(row.movement))
        table.add_row(
            history.label_of(row.session), str(counts.large), str(counts.small),
            str(counts.none), str(counts.comprehensiveness_gap), mean_text(counts.current_mean),
            literal(moved),
        )  # fmt: skip
    return table


def levels_table(history: History) -> Table:
    table = Table(title="Levels over time", title_justify="left")
    table.add_column("practice")
    for session in history.assessments:
        table.add_column(history.label_of(session), justify="right")
    for practice in history.practices:
        table.add_row(practice.practice_id, *(level_cell(level) for level in practice.levels))
    return table


def level_cell(level: LevelInTime) -> str:
    """``2/1↑``: the level and its change, readable without colour."""
    marker = CHANGE_MARKERS[level.change] if level.change else ""
    return short_level(level.level.comprehensiveness, level.level.scope) + marker
