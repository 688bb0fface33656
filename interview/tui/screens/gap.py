"""The gap screen: a target compared with a current state, as heat map, bars, radar and roadmap.

It is handed the analysis already made (:func:`interview.gap.compare_sessions`, or
:func:`interview.consolidation.compare_consolidated` with the consolidation when several
interviewees answered): it shows it and computes nothing. Keys 1-4 switch the tabs, Esc leaves;
Enter on a practice in the heat map opens its detail, with each interviewee's level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane

from interview.consolidation import GapConsolidation
from interview.filemodel import utc_now
from interview.gap import GapAnalysis
from interview.plan import Plan
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.session.model import Session
from interview.tui.screens.plan import PlanDialog, PlanEdit, PlanPicker
from interview.tui.widgets.gap.bar_chart import (
    BarChartView,
)
from interview.tui.widgets.gap.common import (
    sessions_header,
    theme_palette,
)
from interview.tui.widgets.gap.heat_map import (
    HeatMap,
    HeatMapView,
)
from interview.tui.widgets.gap.interviewees import (
    consolidated_header,
    interviewee_blocks,
    markers,
)
from interview.tui.widgets.gap.radar import (
    RadarView,
)
from interview.tui.widgets.gap.roadmap import (
    RoadmapView,
    practice_detail,
)

TABS = {
    "heat-map": "Heat map",
    "bar-chart": "Bar chart",
    "radar": "Radar",
    "roadmap": "Roadmap",
}
"""Tab id → title; the keys 1-4 choose them in this order."""

FOCUS_IN_TAB = {
    "heat-map": "#heat-map-list",
    "bar-chart": "#bar-scroll",
    "radar": "#radar-side",
    "roadmap": "#roadmap-scroll",
}
"""What takes the keyboard when a tab opens: the list or the scrolling area."""


class PracticeDetail(ModalScreen[None]):
    """One practice in full: target, current, gap and the roadmap's steps for it."""

    BINDINGS = [Binding("escape,enter", "close", "Close")]

    def __init__(self, body: RenderableType) -> None:
        super().__init__()
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog practice-detail"):
            with VerticalScroll(id="practice-detail-scroll"):
                yield Static(self._body, id="practice-detail-body")
            yield Static(Text("Esc or Enter closes", style="italic"))

    def on_mount(self) -> None:
        self.query_one("#practice-detail-scroll").focus()

    def action_close(self) -> None:
        """Back to the heat map."""
        self.dismiss(None)


class GapScreen(Screen[None]):
    """Where the current state falls short of the target, and what to do about it."""

    BINDINGS = [
        *(
            Binding(str(number), f"show_tab('{tab_id}')", title)
            for number, (tab_id, title) in enumerate(TABS.items(), start=1)
        ),
        Binding("p", "plan", "Plan"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    @dataclass
    class PlanEdited(Message):
        """The user planned an improvement; the app saves the plan."""

        system: str
        edit: PlanEdit

    def __init__(
        self,
        questionnaire: Questionnaire,
        analysis: GapAnalysis,
        target: Session,
        current: Session,
        consolidation: GapConsolidation | None = None,
        plan: Plan | None = None,
        today: date | None = None,
        profile: Profile | None = None,
    ) -> None:
        """``consolidation``: how several sessions per side were merged into ``analysis``;
        ``target`` and ``current`` are then their first sessions."""
        super().__init__()
        self.questionnaire = questionnaire
        self.analysis = analysis
        self.target = target
        self.current = current
        self.consolidation = consolidation if consolidation and consolidation.several else None
        self.plan = plan or Plan(system=current.system)
        self.today = today or utc_now().date()  # the day every other interface uses
        self.profile = profile

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="gap-sessions")
        with TabbedContent(id="gap-tabs", initial="heat-map"):
            with TabPane(TABS["heat-map"], id="heat-map"):
                found = markers(self.consolidation) if self.consolidation else None
                yield HeatMapView(self.questionnaire, self.analysis, found)
            with TabPane(TABS["bar-chart"], id="bar-chart"):
                yield BarChartView(self.questionnaire, self.analysis)
            with TabPane(TABS["radar"], id="radar"):
                yield RadarView(self.analysis)
            with TabPane(TABS["roadmap"], id="roadmap"):
                yield RoadmapView(
                    self.analysis.roadmap,
                    plan=self.plan.items,
                    today=self.today,
                    profile=self.profile,
                    id="roadmap-scroll",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FOCUS_IN_TAB["heat-map"]).focus()

    def _header(self) -> Text:
        """Who answered on each side: one session, or several merged."""
        if self.consolidation is None:
            return sessions_header(self.target, self.current)
        return consolidated_header(self.consolidation)

    @property
    def active_tab(self) -> str:
        """The id of the tab on show."""
        return self.query_one(TabbedContent).active

    def action_show_tab(self, tab_id: str) -> None:
        """Open a tab and give the keyboard to what is in it."""
        self.query_one(TabbedContent).active = tab_id
        self.call_after_refresh(self._focus_tab, tab_id)  # once the tab is on show

    def _focus_tab(self, tab_id: str) -> None:
        self.query_one(FOCUS_IN_TAB[tab_id], Widget).focus()

    def on_heat_map_practice_chosen(self, message: HeatMap.PracticeChosen) -> None:
        """Show one practice's detail over the heat map."""
        gap = next(g for g in self.analysis.practices if g.practice_id == message.practice_id)
        item = next((i for i in self.analysis.roadmap if i.practice_id == gap.practice_id), None)
        accounts = (
            interviewee_blocks(self.consolidation, gap.practice_id) if self.consolidation else []
        )
        body = practice_detail(self.questionnaire, gap, item, theme_palette(self), accounts)
        self.app.push_screen(PracticeDetail(body))

    # --- The plan ----------------------------------------------------------------------------

    def action_plan(self) -> None:
        """Pick an improvement from the roadmap, then plan it."""
        if not self.analysis.roadmap:
            self.notify("Nothing to plan: there are no gaps.", markup=False)
            return
        self.app.push_screen(PlanPicker(self.analysis.roadmap, self.plan.items), self._plan_item)

    def _plan_item(self, practice_id: str | None) -> None:
        if practice_id is None:
            return
        name = self.questionnaire.practices[practice_id].name
        dialog = PlanDialog(practice_id, name, self.plan.items.get(practice_id))
        self.app.push_screen(dialog, self._planned)

    def _planned(self, edit: PlanEdit | None) -> None:
        if edit is not None:
            self.post_message(self.PlanEdited(self.plan.system, edit))

    def show_plan(self, plan: Plan) -> None:
        """Show the plan as saved."""
        self.plan = plan
        self.query_one(RoadmapView).set_plan(plan.items)
        self.action_show_tab("roadmap")
