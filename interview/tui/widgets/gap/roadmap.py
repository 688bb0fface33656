"""The roadmap and one practice's detail."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.gap import (
    PracticeGap,
    RoadmapItem,
    is_unset,
)
from interview.plan import PlanItem, progress_of
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.report.extras import RoadmapExtras, sector_label
from interview.report.outline import SEVERITY_WORDS
from interview.tui.text import level_text, literal
from interview.tui.widgets.gap.common import (
    ORIGIN_WORDS,
    PLAIN,
    TARGET_NOT_SET,
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


def bullets(items: Sequence[str], indent: int) -> Padding:
    """A bulleted list whose wrapped lines stay under their text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=1)
    grid.add_column()
    for item in items:
        grid.add_row("•", literal(item))
    return Padding(grid, (0, 0, 0, indent))


def step_blocks(
    item: RoadmapItem, indent: int = 4, profile: Profile | None = None
) -> Iterator[RenderableType]:
    """Each level to reach and its to-do list, with the target profile's consideration for
    that level in its sector, when it has one."""
    for step in item.steps:
        scope_word = "scope " if step.measure == "scope" else ""
        yield indented(Text(f"to reach {scope_word}{step.label}:", style="bold"), indent)
        yield bullets(step.to_do, indent + 2)
        sector_note = RoadmapExtras(profile=profile).step_consideration(item.practice_id, step)
        if profile is not None and sector_note:
            label = f"{sector_label(profile)}: "
            yield indented(labelled(label, literal(sector_note), "italic"), indent + 2)


def plan_line(planned: PlanItem | None, today: date) -> Text:
    """``plan: in progress · Ana · due 2027-03-31 (late) · budget agreed``, or not planned."""
    if planned is None:
        return Text("plan: not planned yet (p plans it)", style="italic")
    progress = progress_of(planned, today, in_roadmap=True)
    parts = [progress.value, planned.owner or "no owner"]
    if planned.due:
        parts.append(f"due {planned.due.isoformat()}")
    if planned.note:
        parts.append(planned.note)
    return labelled("plan: ", literal(" · ".join(parts)), "bold")


def roadmap_item_blocks(
    number: int,
    item: RoadmapItem,
    palette: Palette,
    planned: PlanItem | None = None,
    today: date | None = None,
    profile: Profile | None = None,
) -> list[RenderableType]:
    """One improvement: severity, from → to, why, its plan, and the steps."""
    heading = Text(f"{number:2}. ")
    heading.append_text(literal(f"{item.practice_id} {item.name}", "bold"))
    heading.append("  ")
    heading.append_text(chip(SEVERITY_WORDS[item.severity], item.severity.value, palette))
    blocks: list[RenderableType] = [
        heading,
        indented(Text(f"from {item.start.label()}"), 4),
        indented(Text(f"to   {item.goal.label()}"), 4),
    ]
    if item.reason:
        blocks.append(indented(labelled("why: ", literal(item.reason), "italic"), 4))
    if today is not None:
        blocks.append(indented(plan_line(planned, today), 4))
    blocks += list(step_blocks(item, profile=profile))
    return blocks


def roadmap_view(
    items: Sequence[RoadmapItem],
    palette: Palette = PLAIN,
    plan: Mapping[str, PlanItem] | None = None,
    today: date | None = None,
    profile: Profile | None = None,
) -> Group:
    """The roadmap, most urgent first (with each item's plan when ``today`` is given, and the
    target profile's sector considerations when there is one)."""
    if not items:
        return Group(Text("No gaps: the current state meets the target wherever it applies."))
    blocks: list[RenderableType] = [
        Text(
            f"{len(items)} improvements, most urgent first (severity, then the size of the gap, "
            "then domain order)",
            style="italic",
        )
    ]
    for number, item in enumerate(items, start=1):
        blocks.append(Text())
        planned = (plan or {}).get(item.practice_id)
        blocks += roadmap_item_blocks(number, item, palette, planned, today, profile)
    return Group(*blocks)


def target_words(gap: PracticeGap) -> Text:
    """The target's level, where it came from and why."""
    target = gap.target
    if is_unset(target):
        words = Text(TARGET_NOT_SET)
    else:
        words = Text(level_text(target.comprehensiveness, target.scope))
        words.append(f" ({ORIGIN_WORDS[target.origin]})", style="italic")
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
    return [Text("To reach the target:", style="bold"), *step_blocks(item, indent=2)]


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
