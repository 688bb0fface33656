"""The bar chart: target and current comprehensiveness per practice, scope shown by fill."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from interview.gap import (
    GapAnalysis,
    PracticeGap,
    is_not_applicable,
)
from interview.questionnaire.levels import (
    HIGHEST_COMPREHENSIVENESS,
    SCOPE_NAMES,
    TARGET_LEVELS,
    comprehensiveness_label,
)
from interview.questionnaire.model import Questionnaire
from interview.render.words import TARGET_NOT_SET
from interview.tui.text import literal
from interview.tui.widgets.gap.common import (
    PLAIN,
    Palette,
    theme_palette,
)

# --- Bar chart -------------------------------------------------------------------------------

SCOPE_FILLS = {1: "□", 2: "▒", 3: "█"}
"""Scope as the bar's fill, as the IIC paper draws it: empty, patterned, filled."""
UNKNOWN_FILL = "┄"
"""Scope not yet known (an unfinished assessment)."""

BAR_SERIES = ("target", "current")
BAR_PREFIX = 12
"""``    target  ``: the columns before a bar starts."""
BAR_LABEL = 32
"""Room after the bars for ``4 Formalized, Industry specific``."""


def bar_fill(scope: int | None) -> str:
    """The character a bar is drawn with, by scope."""
    return UNKNOWN_FILL if scope is None else SCOPE_FILLS[scope]


def bar_cells_per_level(width: int) -> int:
    """How many cells one comprehensiveness level takes, for a chart ``width`` wide."""
    return max(2, min(14, (width - BAR_PREFIX - BAR_LABEL - 1) // HIGHEST_COMPREHENSIVENESS))


def bar(comprehensiveness: int, scope: int | None, per_level: int) -> str:
    """A bar as long as the comprehensiveness, filled by scope; empty at 0."""
    return bar_fill(scope) * (comprehensiveness * per_level)


def bar_level_words(comprehensiveness: int, scope: int | None) -> str:
    """``3 Consistent, System specific``; ``0 None``; ``2 Ad hoc, scope not yet known``."""
    if comprehensiveness == 0:
        return comprehensiveness_label(0)
    scope_words = "scope not yet known" if scope is None else SCOPE_NAMES[scope]
    return f"{comprehensiveness_label(comprehensiveness)}, {scope_words}"


def bar_line(
    series: str, comprehensiveness: int, scope: int | None, per_level: int, palette: Palette
) -> Text:
    """``    target  ███████████████     3 Consistent, System specific``, the name and the bar
    in the series' colour (the reports' charts use the same two)."""
    style = palette.target if series == "target" else palette.current
    line = Text("    ")
    line.append(f"{series:<8}", style=style)
    drawn = bar(comprehensiveness, scope, per_level)
    line.append(drawn, style=style)
    line.append(" " * (HIGHEST_COMPREHENSIVENESS * per_level - len(drawn) + 1))
    line.append(bar_level_words(comprehensiveness, scope))
    return line


def practice_bars(gap: PracticeGap, per_level: int, palette: Palette) -> list[Text]:
    """A practice's title and its two bars (or why it has none)."""
    title = literal(f"  {gap.practice_id} {gap.name}", "bold")
    target = gap.target.comprehensiveness
    if target is None:
        words = "n/a — not applicable" if is_not_applicable(gap.target) else TARGET_NOT_SET
        return [title, Text(f"    {words}", style=palette.muted)]
    current = gap.current
    return [
        title,
        bar_line("target", target, gap.target.scope, per_level, palette),
        bar_line("current", current.comprehensiveness, current.scope, per_level, palette),
    ]


def bar_chart(
    questionnaire: Questionnaire, analysis: GapAnalysis, width: int, palette: Palette = PLAIN
) -> Text:
    """Target and current comprehensiveness per practice, grouped by domain, scope as fill."""
    per_level = bar_cells_per_level(width)
    practices = {gap.practice_id: gap for gap in analysis.practices}
    lines: list[Text] = []
    for domain in analysis.domains:
        if lines:
            lines.append(Text())
        lines.append(literal(f"{domain.item_id} {domain.name}", f"{palette.heading} underline"))
        for practice_id in domain.practice_ids:
            lines += practice_bars(practices[practice_id], per_level, palette)
    return Text("\n").join(lines)


def bar_scale(width: int) -> Text:
    """The comprehensiveness axis above the bars: 0 at the start, each level at its end."""
    per_level = bar_cells_per_level(width)
    axis = [" "] * (BAR_PREFIX + HIGHEST_COMPREHENSIVENESS * per_level)
    axis[BAR_PREFIX] = "0"
    for level in TARGET_LEVELS:
        axis[BAR_PREFIX + level * per_level - 1] = str(level)
    line = Text("".join(axis), style="bold")
    line.append("  comprehensiveness", style="italic")
    return line


def bar_legend(palette: Palette = PLAIN) -> Text:
    """What the fill of a bar means, in no series' colour: it holds for both, as in the reports'
    bar chart."""
    legend = Text("Scope: ")
    for scope, fill in SCOPE_FILLS.items():
        legend.append(fill * 3, style=palette.heading)
        legend.append(f" {SCOPE_NAMES[scope]}  ")
    legend.append(UNKNOWN_FILL * 3, style=palette.heading)
    legend.append(" unknown")
    return legend


class BarChartView(Vertical):
    """The legend and axis, and under them the bars, scrolling."""

    def __init__(self, questionnaire: Questionnaire, analysis: GapAnalysis) -> None:
        super().__init__()
        self._questionnaire = questionnaire
        self._analysis = analysis

    def compose(self) -> ComposeResult:
        yield Static(id="bar-legend")
        yield Static(id="bar-scale")
        with VerticalScroll(id="bar-scroll"):
            yield Static(id="bar-chart")

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.draw, init=False)

    def on_resize(self, event: events.Resize) -> None:
        self.draw()

    def draw(self) -> None:
        """Draw for the current width (less the scroll bar's) and theme."""
        width = max(1, self.content_size.width - 3)  # the scroll bar, and padding
        palette = theme_palette(self)
        self.query_one("#bar-legend", Static).update(bar_legend(palette))
        self.query_one("#bar-scale", Static).update(bar_scale(width))
        chart = bar_chart(self._questionnaire, self._analysis, width, palette)
        self.query_one("#bar-chart", Static).update(chart)
