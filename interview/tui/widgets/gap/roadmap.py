"""The roadmap and one practice's detail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.gap import (
    PracticeGap,
    RoadmapItem,
    is_unset,
)
from interview.plan import Plan, PlanItem, planned_roadmap
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.render.document import Items, ItemStyle, Paragraph
from interview.render.gap_report import PlanView, RoadmapExtras
from interview.render.rich import write_rich
from interview.render.roadmap_document import roadmap_entry, step_entry
from interview.render.words import NO_GAPS, TARGET_NOT_SET, origin_phrase
from interview.tui.text import level_text, literal
from interview.tui.widgets.gap.common import (
    PLAIN,
    Palette,
    practice_tone,
    severity_label,
    theme_palette,
)

# --- Roadmap and one practice's detail -------------------------------------------------------


def chip(label: str, tone: str, palette: Palette) -> Text:
    """A severity in words on its colour: `` large gap ``."""
    return Text(f" {label} ", style=palette.tone(tone))


def indented(text: Text, indent: int) -> Padding:
    """A paragraph whose wrapped lines keep its indent."""
    return Padding(text, (0, 0, 0, indent))


def roadmap_view(
    items: Sequence[RoadmapItem],
    palette: Palette = PLAIN,
    plan: Mapping[str, PlanItem] | None = None,
    today: date | None = None,
    profile: Profile | None = None,
) -> Group:
    """The roadmap, most urgent first, in the reports' words (with each item's plan when
    ``today`` is given, and the target profile's sector considerations when there is one)."""
    if not items:
        return write_rich([Paragraph(NO_GAPS)])
    view = None
    if today is not None:
        whole_plan = Plan(system="", items=dict(plan or {}))
        view = PlanView("", tuple(planned_roadmap(whole_plan, items, today)))
    extras = RoadmapExtras(plan=view, profile=profile)
    entries = tuple(roadmap_entry(item, extras) for item in items)
    intro = Paragraph(
        f"{len(items)} improvements, most urgent first (severity, then the size of the gap, "
        "then domain order)",
        style="note",
    )
    roadmap = write_rich([Items(entries, ItemStyle.NUMBERED)], palette.tone)
    return Group(write_rich([intro]), Text(), roadmap)


def target_words(gap: PracticeGap) -> Text:
    """The target's level, where it came from and why."""
    target = gap.target
    if is_unset(target):
        words = Text(TARGET_NOT_SET)
    else:
        words = Text(level_text(target.comprehensiveness, target.scope))
        words.append(f" ({origin_phrase(target.origin)})", style="italic")
    return words


def practice_detail(
    questionnaire: Questionnaire,
    gap: PracticeGap,
    item: RoadmapItem | None,
    palette: Palette = PLAIN,
    accounts: Sequence[RenderableType] = (),
) -> Group:
    """One practice in full: target, current, gap, severity, each interviewee's level (the
    ``accounts``, when several answered) and the steps to close it."""
    practice = questionnaire.practices[gap.practice_id]
    subdomain = questionnaire.subdomains[practice.subdomain]
    place = f"{questionnaire.domains[subdomain.domain].name} › {subdomain.name}"
    current = gap.current
    blocks: list[RenderableType] = [
        literal(f"{gap.practice_id} {gap.name}", "bold"),
        literal(place, "italic"),
        Text(),
        literal(practice.purpose, "italic"),
        Text(),
        labelled("Target:  ", target_words(gap)),
    ]
    if gap.target.reason:
        blocks.append(indented(labelled("why: ", literal(gap.target.reason), "italic"), 9))
    current_level = level_text(current.comprehensiveness, current.scope)
    blocks += [labelled("Current: ", Text(current_level)), gap_summary(gap, palette)]
    blocks += [*accounts, Text(), *next_steps(item)]
    return Group(*blocks)


def labelled(label: str, text: Text, label_style: str = "bold") -> Text:
    """``Target:  3 Consistent …``: a styled label, then the text in its own style."""
    line = Text()
    line.append(label, style=label_style)
    line.append_text(text)
    return line


def gap_summary(gap: PracticeGap, palette: Palette) -> Text:
    """``Gap:     comprehensiveness 1, scope 1   small gap``."""
    line = labelled("Gap:     ", Text())
    if gap.comprehensiveness_gap is not None:
        line.append(f"comprehensiveness {gap.comprehensiveness_gap}, scope {gap.scope_gap}   ")
    line.append_text(chip(severity_label(gap), practice_tone(gap), palette))
    return line


def next_steps(item: RoadmapItem | None) -> list[RenderableType]:
    """The roadmap's steps for one practice, or why there are none."""
    if item is None:
        return [Text("Nothing to do for this practice: no gap, or it is left out.", style="italic")]
    steps = tuple(step_entry(item, step, RoadmapExtras()) for step in item.steps)
    return [
        Text("To reach the target:", style="bold"),
        Padding(write_rich([Items(steps, ItemStyle.STEPS)]), (0, 0, 0, 2)),
    ]


class RoadmapView(VerticalScroll):
    """The roadmap, scrolling."""

    def __init__(
        self,
        items: Sequence[RoadmapItem],
        *,
        plan: Mapping[str, PlanItem] | None = None,
        today: date | None = None,
        profile: Profile | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._items = list(items)
        self._plan = dict(plan or {})
        self._today = today
        self._profile = profile

    def set_plan(self, plan: Mapping[str, PlanItem]) -> None:
        """Show a changed plan."""
        self._plan = dict(plan)
        self.draw()

    def compose(self) -> ComposeResult:
        yield Static(id="roadmap-text")

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.draw, init=True)

    def draw(self) -> None:
        """The roadmap in the current theme's colours."""
        self.query_one("#roadmap-text", Static).update(
            roadmap_view(self._items, theme_palette(self), self._plan, self._today, self._profile)
        )
