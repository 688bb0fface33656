"""The gap screen's views: heat map, bar chart, radar chart, roadmap and one practice's detail.

The functions at the top turn a :class:`GapAnalysis` into Rich text and need no running app
(the unit tests call them); the widgets at the bottom only size, colour and redraw that text.
No meaning rests on colour alone: severities are written in words, scope is a bar's fill and a
marker's shape, target and current are named. User and questionnaire text (system names,
reasons, practice names) is always built with :func:`literal`, never parsed as markup.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview.gap import (
    GapAnalysis,
    GroupGap,
    PracticeGap,
    RoadmapItem,
    Severity,
    is_not_applicable,
    is_unset,
)
from interview.questionnaire.levels import SCOPE_NAMES, comprehensiveness_label
from interview.questionnaire.model import Questionnaire
from interview.session.model import Origin, Session
from interview.tui.text import level_text, literal

# --- Colours from the theme ------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    """Rich styles for the views. The defaults use no colour (unit tests, monochrome)."""

    large: str = "reverse"
    small: str = "reverse"
    none: str = "reverse"
    muted: str = "italic"
    target: str = "bold"
    current: str = ""
    grid: str = "dim"
    heading: str = "bold"

    def tone(self, tone: str) -> str:
        """The style of a severity tone: ``large``, ``small``, ``none`` or ``muted``."""
        return {"large": self.large, "small": self.small, "none": self.none}.get(tone, self.muted)


PLAIN = Palette()


def chip_style(background: str) -> str:
    """Readable text on a theme colour: black or white, whichever contrasts."""
    colour = Color.parse(background)
    return f"{colour.get_contrast_text(1.0).hex} on {colour.hex}"


def faint(variables: Mapping[str, str]) -> str:
    """The text colour faded most of the way into the background: for grid lines."""
    foreground = Color.parse(variables.get("foreground", "#E0E0E0"))
    return foreground.blend(Color.parse(variables.get("background", "#121212")), 0.6).hex


TARGET_COLOURS = ("text-primary", "text-secondary", "text-accent")
"""Theme colours for the target, first choice first."""
DISTINCT_BRIGHTNESS = 0.25


def target_colour(variables: Mapping[str, str]) -> str:
    """The first target colour that stands apart from the text colour (used for current)."""
    foreground = Color.parse(variables.get("foreground", "#E0E0E0")).brightness
    candidates = [variables[name] for name in TARGET_COLOURS if name in variables]
    for candidate in candidates:
        if abs(Color.parse(candidate).brightness - foreground) >= DISTINCT_BRIGHTNESS:
            return candidate
    return candidates[-1] if candidates else "blue"


def palette_from_variables(variables: Mapping[str, str]) -> Palette:
    """The palette of a Textual theme, from ``App.get_css_variables()``."""
    return Palette(
        large=chip_style(variables.get("error", "#B93C5B")),
        small=chip_style(variables.get("warning", "#FEA62B")),
        none=chip_style(variables.get("success", "#4EBF71")),
        muted="italic",
        target=f"bold {target_colour(variables)}",
        current=f"bold {variables.get('foreground', 'default')}",
        grid=faint(variables),
        heading="bold",
    )


# --- Words for severities and levels ---------------------------------------------------------

SEVERITY_WORDS = {
    Severity.NONE: "no gap",
    Severity.SMALL: "small gap",
    Severity.LARGE: "large gap",
}

NOT_APPLICABLE = "not applicable"
TARGET_NOT_SET = "target not set"
EXCEEDS = "exceeds target"

ORIGIN_WORDS = {
    Origin.GOAL: "set by the domain goal",
    Origin.NEEDS: "set by the sub-domain needs",
    Origin.PURPOSE: "set for this practice",
    Origin.INHERITED: "inherited",
    Origin.ASSESSED: "assessed",
    Origin.IMPORTED: "imported",
}


def severity_label(gap: PracticeGap) -> str:
    """``large gap``, ``small gap``, ``no gap``, ``exceeds target`` or ``not applicable``."""
    if is_not_applicable(gap.target):
        return NOT_APPLICABLE
    if is_unset(gap.target):
        return TARGET_NOT_SET
    if gap.exceeds_target:
        return (
            EXCEEDS
            if gap.severity is Severity.NONE
            else f"{SEVERITY_WORDS[gap.severity]}, {EXCEEDS}"
        )
    return SEVERITY_WORDS[gap.severity]


def group_label(group: GroupGap) -> str:
    """A sub-domain's or domain's worst severity in words (``not applicable`` if none count)."""
    return NOT_APPLICABLE if group.target_mean is None else SEVERITY_WORDS[group.severity]


def practice_tone(gap: PracticeGap) -> str:
    """The colour family of a practice: its severity, or ``muted`` when it is left out."""
    return gap.severity.value if gap.included else "muted"


def group_tone(group: GroupGap) -> str:
    """The colour family of a sub-domain or domain row."""
    return "muted" if group.target_mean is None else group.severity.value


def short_level(comprehensiveness: int, scope: int | None) -> str:
    """``3/2``; ``0/-`` (scope n/a at comprehensiveness 0); ``2/?`` (scope not yet known)."""
    if comprehensiveness == 0:
        return "0/-"
    return f"{comprehensiveness}/{'?' if scope is None else scope}"


def mean_text(mean: float | None) -> str:
    """``2.5``, or ``-`` when nothing is averaged."""
    return "-" if mean is None else f"{mean:.1f}"


def target_short(gap: PracticeGap) -> str:
    """A practice's target in the heat map: ``3/2``, ``n/a`` or ``not set``."""
    comprehensiveness = gap.target.comprehensiveness
    if comprehensiveness is None:
        return "n/a" if is_not_applicable(gap.target) else "not set"
    return short_level(comprehensiveness, gap.target.scope)


def gap_short(gap: PracticeGap) -> str:
    """``1/0`` (comprehensiveness/scope gap), or empty when the practice is left out."""
    if gap.comprehensiveness_gap is None:
        return ""
    return f"{gap.comprehensiveness_gap}/{gap.scope_gap}"


# --- The two sessions ------------------------------------------------------------------------


def session_summary(label: str, session: Session) -> Text:
    """``Target   Acme gateway · Dana (Lead) · 2026-11-25 · imported from target.csv``."""
    line = Text()
    line.append(f"{label:<8} ", style="bold")
    line.append_text(literal(session.system, "bold"))
    who = session.interviewee + (f" ({session.role})" if session.role else "")
    if who:
        line.append(" · ")
        line.append_text(literal(who))
    line.append(f" · {session.updated.strftime('%Y-%m-%d')}")
    if session.imported_from is not None:
        line.append(" · imported from ")
        line.append_text(literal(session.imported_from))
    line.append(f" · {session.id}", style="italic")
    return line


def sessions_header(target: Session, current: Session) -> Text:
    """Both sessions' system, interviewee and date, one line each."""
    return Text("\n").join([session_summary("Target", target), session_summary("Current", current)])


# --- Heat map --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatRow:
    """One line of the heat map: a domain, a sub-domain or a practice."""

    item_id: str
    depth: int
    """0 domain, 1 sub-domain, 2 practice."""
    name: str
    target: str
    current: str
    gap: str
    label: str
    tone: str
    parent: str | None
    expanded: bool | None
    """None for a practice: it has nothing to expand."""


def group_row(group: GroupGap, depth: int, parent: str | None, expanded: bool) -> HeatRow:
    """A domain's or sub-domain's row: mean levels and the worst severity."""
    return HeatRow(
        group.item_id,
        depth,
        group.name,
        mean_text(group.target_mean),
        mean_text(group.current_mean),
        "",
        group_label(group),
        group_tone(group),
        parent,
        expanded,
    )


def practice_row(gap: PracticeGap, parent: str) -> HeatRow:
    """A practice's row: its levels, gap and severity."""
    return HeatRow(
        gap.practice_id,
        2,
        gap.name,
        target_short(gap),
        short_level(gap.current.comprehensiveness, gap.current.scope),
        gap_short(gap),
        severity_label(gap),
        practice_tone(gap),
        parent,
        None,
    )


def subdomains_of(
    questionnaire: Questionnaire, analysis: GapAnalysis, domain_id: str
) -> list[GroupGap]:
    """The sub-domain rows of one domain, in order."""
    return [
        row
        for row in analysis.subdomains
        if questionnaire.subdomains[row.item_id].domain == domain_id
    ]


def heat_rows(
    questionnaire: Questionnaire, analysis: GapAnalysis, expanded: set[str] | None = None
) -> list[HeatRow]:
    """The rows on show: every domain, and the children of each expanded row (None: all)."""
    practices = {gap.practice_id: gap for gap in analysis.practices}
    rows: list[HeatRow] = []
    for domain in analysis.domains:
        domain_open = expanded is None or domain.item_id in expanded
        rows.append(group_row(domain, 0, None, domain_open))
        if not domain_open:
            continue
        for subdomain in subdomains_of(questionnaire, analysis, domain.item_id):
            sub_open = expanded is None or subdomain.item_id in expanded
            rows.append(group_row(subdomain, 1, domain.item_id, sub_open))
            if sub_open:
                rows += [
                    practice_row(practices[pid], subdomain.item_id)
                    for pid in subdomain.practice_ids
                ]
    return rows


@dataclass(frozen=True)
class HeatColumns:
    """Column widths of the heat map, in terminal cells."""

    id: int
    name: int
    target: int = 7
    current: int = 7
    gap: int = 4
    label: int = 15


HEAT_TITLES = ("ID", "Name", "Target", "Current", "Gap", "Severity")
COLUMN_GAP = 1
MIN_NAME = 10


def id_cell(row: HeatRow) -> str:
    """``▾ G``, ``  ▸ G1``, ``    G1.1``: the depth and whether a row is open, in characters."""
    marker = {True: "▾ ", False: "▸ ", None: ""}[row.expanded]
    return "  " * row.depth + marker + row.item_id


def heat_columns(width: int, rows: Sequence[HeatRow]) -> HeatColumns:
    """Widths that fit ``width``: the name takes what is left, up to its longest."""
    id_width = max([len(id_cell(row)) for row in rows] + [len(HEAT_TITLES[0])])
    label = max([len(row.label) + 2 for row in rows] + [len(HEAT_TITLES[5]) + 2])
    fixed = HeatColumns(id_width, 0, label=label)
    taken = fixed.id + fixed.target + fixed.current + fixed.gap + fixed.label + 5 * COLUMN_GAP
    longest = max([len(row.name) for row in rows] + [len(HEAT_TITLES[1])])
    return HeatColumns(id_width, max(MIN_NAME, min(longest, width - taken)), label=label)


def cell(text: Text, width: int) -> Text:
    """Text cut (with an ellipsis) or padded to exactly ``width`` cells."""
    fitted = text.copy()
    fitted.truncate(width, overflow="ellipsis", pad=True)
    return fitted


def join_cells(cells: Sequence[Text], widths: Sequence[int]) -> Text:
    """Cells side by side, each fitted to its width."""
    line = Text(no_wrap=True, overflow="ellipsis")
    for index, (text, width) in enumerate(zip(cells, widths, strict=True)):
        if index:
            line.append(" " * COLUMN_GAP)
        line.append_text(cell(text, width))
    return line


def column_widths(columns: HeatColumns) -> list[int]:
    """The widths in display order."""
    return [columns.id, columns.name, columns.target, columns.current, columns.gap, columns.label]


def heat_header(columns: HeatColumns) -> Text:
    """The column titles."""
    titles = [Text(title, style="bold") for title in HEAT_TITLES[:5]]
    titles.append(Text(f" {HEAT_TITLES[5]}", style="bold"))
    return join_cells(titles, column_widths(columns))


def heat_row_text(row: HeatRow, columns: HeatColumns, palette: Palette = PLAIN) -> Text:
    """One row: id, name, target, current, gap, and the severity as a coloured, written cell."""
    weight = "bold" if row.depth < 2 else ""
    label = Text(f" {row.label}".ljust(columns.label), style=palette.tone(row.tone))
    cells = [
        Text(id_cell(row), style=weight),
        literal(row.name, weight),
        Text(row.target),
        Text(row.current),
        Text(row.gap),
        label,
    ]
    return join_cells(cells, column_widths(columns))


HEAT_LEGEND = (
    "Levels: comprehensiveness/scope (0 None…4 Formalized / 1 General, 2 Industry, "
    "3 System specific; - n/a). Groups: mean, worst. Enter/→ opens, ← closes."
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
    return max(2, min(14, (width - BAR_PREFIX - BAR_LABEL - 1) // 4))


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
    """``    target  ███████████████     3 Consistent, System specific``."""
    style = palette.target if series == "target" else palette.current
    line = Text(f"    {series:<8}")
    drawn = bar(comprehensiveness, scope, per_level)
    line.append(drawn, style=style)
    line.append(" " * (4 * per_level - len(drawn) + 1))
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
    axis = [" "] * (BAR_PREFIX + 4 * per_level)
    axis[BAR_PREFIX] = "0"
    for level in range(1, 5):
        axis[BAR_PREFIX + level * per_level - 1] = str(level)
    line = Text("".join(axis), style="bold")
    line.append("  comprehensiveness", style="italic")
    return line


def bar_legend(palette: Palette = PLAIN) -> Text:
    """What the fill of a bar means."""
    legend = Text("Scope: ")
    for scope, fill in SCOPE_FILLS.items():
        legend.append(fill * 3, style=palette.target)
        legend.append(f" {SCOPE_NAMES[scope]}  ")
    legend.append(UNKNOWN_FILL * 3, style=palette.target)
    legend.append(" unknown")
    return legend


# --- Radar chart -----------------------------------------------------------------------------


class Series(StrEnum):
    TARGET = "target"
    CURRENT = "current"


SCOPE_MARKERS = {
    1: {Series.TARGET: "○", Series.CURRENT: "●"},
    2: {Series.TARGET: "△", Series.CURRENT: "▲"},
    3: {Series.TARGET: "□", Series.CURRENT: "■"},
}
"""Scope is the marker's shape; target markers are hollow, current ones filled."""
NO_SCOPE_MARKER = "×"
"""Comprehensiveness 0: scope n/a."""
UNKNOWN_SCOPE_MARKER = "?"


def radar_marker(series: Series, comprehensiveness: int, scope: int | None) -> str:
    """The marker of one value: shape by scope, hollow for target, filled for current."""
    if comprehensiveness == 0:
        return NO_SCOPE_MARKER
    if scope is None:
        return UNKNOWN_SCOPE_MARKER
    return SCOPE_MARKERS[scope][series]


@dataclass(frozen=True)
class RadarAxis:
    """One applicable practice: a spoke of the radar with its two values."""

    practice_id: str
    target: int
    target_scope: int | None
    current: int
    current_scope: int | None

    def value(self, series: Series) -> tuple[int, int | None]:
        """(comprehensiveness, scope) of one series."""
        if series is Series.TARGET:
            return self.target, self.target_scope
        return self.current, self.current_scope


def radar_axes(analysis: GapAnalysis) -> list[RadarAxis]:
    """The applicable practices, in questionnaire order."""
    return [
        RadarAxis(
            gap.practice_id,
            gap.target.comprehensiveness,
            gap.target.scope,
            gap.current.comprehensiveness,
            gap.current.scope,
        )
        for gap in analysis.practices
        if gap.target.comprehensiveness is not None
    ]


BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""The bit of each dot in a braille cell, by row (0-3) then column (0-1)."""

GRID, TARGET_LINE, CURRENT_LINE, TARGET_MARK, CURRENT_MARK, LABEL = range(1, 7)
"""Layers of the radar, bottom to top: a cell shows only its topmost."""

SOLID = (1, 0)
TARGET_DASH = (3, 2)
GRID_DOTS = (1, 2)
"""Line patterns: (dots drawn, dots left out), repeated."""


class BrailleCanvas:
    """A grid of braille cells (2 dots wide, 4 high) with characters laid over it.

    Each cell shows only its topmost layer, so a polygon is never speckled by the grid.
    """

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self._dots: dict[tuple[int, int], dict[int, int]] = {}
        self._chars: dict[tuple[int, int], tuple[str, int]] = {}

    def plot(self, x: float, y: float, layer: int) -> None:
        """Set the dot nearest (x, y), in dots from the top left."""
        dot_x, dot_y = round(x), round(y)
        column, row = dot_x // 2, dot_y // 4
        if 0 <= column < self.width and 0 <= row < self.height:
            layers = self._dots.setdefault((column, row), {})
            layers[layer] = layers.get(layer, 0) | BRAILLE_BITS[dot_y % 4][dot_x % 2]

    def line(
        self,
        start: tuple[float, float],
        end: tuple[float, float],
        layer: int,
        pattern: tuple[int, int] = SOLID,
    ) -> None:
        """A straight line of dots, drawn and left out by turns as ``pattern`` says."""
        steps = max(1, round(max(abs(end[0] - start[0]), abs(end[1] - start[1]))))
        drawn, left_out = pattern
        for step in range(steps + 1):
            if step % (drawn + left_out) >= drawn:
                continue
            share = step / steps
            x = start[0] + (end[0] - start[0]) * share
            y = start[1] + (end[1] - start[1]) * share
            self.plot(x, y, layer)

    def put(self, column: int, row: int, text: str, layer: int) -> None:
        """Characters from a cell rightwards, over whatever lies beneath (lower layers lose)."""
        for offset, char in enumerate(text):
            where = (column + offset, row)
            inside = 0 <= where[0] < self.width and 0 <= row < self.height
            if inside and self._chars.get(where, ("", 0))[1] <= layer:
                self._chars[where] = (char, layer)

    def cell(self, column: int, row: int) -> tuple[str, int]:
        """The character and layer shown in one cell (layer 0: empty)."""
        if (column, row) in self._chars:
            return self._chars[(column, row)]
        layers = self._dots.get((column, row))
        if not layers:
            return " ", 0
        top = max(layers)
        return chr(0x2800 + layers[top]), top

    def render(self, styles: Mapping[int, str]) -> Text:
        """The canvas as lines of text, each cell styled by its layer."""
        canvas = Text(no_wrap=True)
        for row in range(self.height):
            if row:
                canvas.append("\n")
            for column in range(self.width):
                char, layer = self.cell(column, row)
                canvas.append(char, style=styles.get(layer, ""))
        return canvas


@dataclass(frozen=True)
class RadarFrame:
    """Where the radar sits on a canvas: centre and radius in dots (a dot is about square)."""

    centre_x: float
    centre_y: float
    radius: float

    def point(self, index: int, count: int, level: float) -> tuple[float, float]:
        """The point of axis ``index`` (of ``count``, clockwise from the top) at a level 0-4."""
        angle = axis_angle(index, count)
        reach = self.radius * level / 4
        return self.centre_x + reach * math.cos(angle), self.centre_y + reach * math.sin(angle)


def axis_angle(index: int, count: int) -> float:
    """The angle of one axis: the first points up, the rest follow clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def radar_frame(width: int, height: int, label_width: int) -> RadarFrame:
    """The largest radar on the canvas that leaves room for the labels round it."""
    across = 2 * (width // 2 - label_width - 2)
    down = 4 * (height // 2 - 1)
    return RadarFrame(width, 2 * height, max(4, min(across, down)))


def draw_grid(canvas: BrailleCanvas, frame: RadarFrame, count: int) -> None:
    """Faint rings at the levels (only 2 and 4 on a small radar) and a spoke per practice."""
    rings = range(1, 5) if frame.radius >= 48 else (2, 4)
    for level in rings:
        for index in range(count):
            start, end = frame.point(index, count, level), frame.point(index + 1, count, level)
            canvas.line(start, end, GRID, GRID_DOTS)
    for index in range(count):
        canvas.line(frame.point(index, count, 0), frame.point(index, count, 4), GRID, GRID_DOTS)


def draw_polygon(
    canvas: BrailleCanvas,
    frame: RadarFrame,
    levels: Sequence[int],
    layer: int,
    pattern: tuple[int, int],
) -> None:
    """A closed polygon through each axis at its level."""
    count = len(levels)
    for index in range(count):
        following = (index + 1) % count
        start = frame.point(index, count, levels[index])
        end = frame.point(following, count, levels[following])
        canvas.line(start, end, layer, pattern)


def draw_markers(
    canvas: BrailleCanvas, frame: RadarFrame, axes: Sequence[RadarAxis], series: Series
) -> None:
    """A marker at each vertex of one series, shaped by scope."""
    layer = CURRENT_MARK if series is Series.CURRENT else TARGET_MARK
    for index, axis in enumerate(axes):
        level, scope = axis.value(series)
        x, y = frame.point(index, len(axes), level)
        canvas.put(round(x) // 2, round(y) // 4, radar_marker(series, level, scope), layer)


def draw_labels(canvas: BrailleCanvas, frame: RadarFrame, axes: Sequence[RadarAxis]) -> None:
    """Each practice id just outside the outer ring, reading away from the centre."""
    for index, axis in enumerate(axes):
        angle = axis_angle(index, len(axes))
        x = frame.centre_x + (frame.radius + 4) * math.cos(angle)
        y = frame.centre_y + (frame.radius + 4) * math.sin(angle)
        column, row = round(x) // 2, round(y) // 4
        if math.cos(angle) < -0.3:
            column -= len(axis.practice_id) - 1
        elif abs(math.cos(angle)) <= 0.3:
            column -= len(axis.practice_id) // 2
        else:
            column += 1
        canvas.put(column, row, axis.practice_id, LABEL)


def radar_chart(
    axes: Sequence[RadarAxis], width: int, height: int, palette: Palette = PLAIN
) -> Text:
    """Target (dashed, hollow markers) and current (solid, filled markers) polygons."""
    if not axes:
        return Text("No applicable practice to chart.", style=palette.muted)
    canvas = BrailleCanvas(width, height)
    frame = radar_frame(width, height, max(len(axis.practice_id) for axis in axes))
    draw_grid(canvas, frame, len(axes))
    draw_polygon(canvas, frame, [axis.target for axis in axes], TARGET_LINE, TARGET_DASH)
    draw_polygon(canvas, frame, [axis.current for axis in axes], CURRENT_LINE, SOLID)
    draw_markers(canvas, frame, axes, Series.TARGET)
    draw_markers(canvas, frame, axes, Series.CURRENT)
    draw_labels(canvas, frame, axes)
    styles = {
        GRID: palette.grid,
        TARGET_LINE: palette.target,
        TARGET_MARK: palette.target,
        CURRENT_LINE: palette.current,
        CURRENT_MARK: palette.current,
        LABEL: "bold",
    }
    return canvas.render(styles)


def radar_legend(palette: Palette = PLAIN) -> Text:
    """What the lines and markers mean."""
    legend = Text()
    legend.append("target  ⠒⠒ ⠒⠒ dashed ○ △ □\n", style=palette.target)
    legend.append("current ⠒⠒⠒⠒⠒ solid  ● ▲ ■\n", style=palette.current)
    legend.append("Shape shows scope:\n")
    for scope, markers in SCOPE_MARKERS.items():
        legend.append(
            f" {markers[Series.TARGET]} {markers[Series.CURRENT]}  {SCOPE_NAMES[scope]}\n"
        )
    legend.append(f" {NO_SCOPE_MARKER}    level 0, no scope\n")
    legend.append("Rings mark the levels, 4 outermost. Where both meet, current is on top.")
    return legend


def radar_values(axes: Sequence[RadarAxis], palette: Palette = PLAIN) -> Text:
    """The charted values as a table: ``G1.1    3 △     2 ●``."""
    width = max([len(axis.practice_id) for axis in axes] + [2])
    lines = [Text(f"{'ID':<{width}}  target  current", style="bold")]
    for axis in axes:
        line = Text(f"{axis.practice_id:<{width}}  ")
        for series in Series:
            level, scope = axis.value(series)
            style = palette.target if series is Series.TARGET else palette.current
            line.append(f"{level:>4} {radar_marker(series, level, scope)}   ", style=style)
        lines.append(line)
    return Text("\n").join(lines)


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


def step_blocks(item: RoadmapItem, indent: int = 4) -> Iterator[RenderableType]:
    """Each level to reach and its to-do list."""
    for step in item.steps:
        scope_word = "scope " if step.measure == "scope" else ""
        yield indented(Text(f"to reach {scope_word}{step.label}:", style="bold"), indent)
        yield bullets(step.to_do, indent + 2)


def roadmap_item_blocks(number: int, item: RoadmapItem, palette: Palette) -> list[RenderableType]:
    """One improvement: severity, from → to, why, and the steps."""
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
    blocks += list(step_blocks(item))
    return blocks


def roadmap_view(items: Sequence[RoadmapItem], palette: Palette = PLAIN) -> Group:
    """The roadmap, most urgent first."""
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
        blocks += roadmap_item_blocks(number, item, palette)
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
) -> Group:
    """One practice in full: target, current, gap, severity and the steps to close it."""
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
    blocks += [Text(), *next_steps(item)]
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


# --- Widgets ---------------------------------------------------------------------------------


def theme_palette(widget: Widget) -> Palette:
    """The palette of the app's current theme."""
    return palette_from_variables(widget.app.get_css_variables())


class HeatMap(OptionList):
    """The heat map as a list: Enter or → opens a row, ← closes it (or goes to its parent).

    Enter (or a click) on a practice posts :class:`HeatMap.PracticeChosen`; the screen shows
    the detail.
    """

    BINDINGS = [
        Binding("enter", "select", "Open"),
        Binding("right", "expand", "Expand", show=False),
        Binding("left", "collapse", "Collapse", show=False),
    ]

    @dataclass
    class PracticeChosen(Message):
        """The user asked for one practice's detail."""

        practice_id: str

    @dataclass
    class ColumnsChanged(Message):
        """The column widths changed: here are the titles to show above the rows."""

        header: Text

    def __init__(
        self, questionnaire: Questionnaire, analysis: GapAnalysis, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._questionnaire = questionnaire
        self._analysis = analysis
        self.expanded = {row.item_id for row in heat_rows(questionnaire, analysis) if row.depth < 2}
        self._rows: list[HeatRow] = []

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.redraw, init=False)

    def on_resize(self, event: events.Resize) -> None:
        self.show_rows()

    def redraw(self) -> None:
        """Redraw in the current theme's colours."""
        self.show_rows()

    @property
    def rows(self) -> list[HeatRow]:
        """The rows on show."""
        return list(self._rows)

    def show_rows(self, highlight: str | None = None) -> None:
        """Redraw the rows on show, keeping the highlight on the same item."""
        current = self.highlighted_option
        keep = highlight or (current.id if current else None)
        self._rows = heat_rows(self._questionnaire, self._analysis, self.expanded)
        every_row = heat_rows(self._questionnaire, self._analysis)
        columns = heat_columns(self.scrollable_content_region.width, every_row)
        palette = theme_palette(self)
        self.set_options(
            Option(heat_row_text(row, columns, palette), id=row.item_id) for row in self._rows
        )
        ids = [row.item_id for row in self._rows]
        self.highlighted = ids.index(keep) if keep in ids else 0
        self.post_message(self.ColumnsChanged(heat_header(columns)))

    def _row(self) -> HeatRow | None:
        """The row under the cursor."""
        if self.highlighted is None or not self._rows:
            return None
        return self._rows[self.highlighted]

    def action_select(self) -> None:
        """A practice: ask for its detail. A group: open or close it."""
        row = self._row()
        if row is None:
            return
        if row.expanded is None:
            self.post_message(self.PracticeChosen(row.item_id))
        else:
            self._toggle(row, not row.expanded)

    def action_expand(self) -> None:
        """Open a closed group; on an open one, go to its first child."""
        row = self._row()
        if row is None or row.expanded is None:
            return
        if row.expanded:
            self.action_cursor_down()
        else:
            self._toggle(row, True)

    def action_collapse(self) -> None:
        """Close an open group; elsewhere, go to the parent row."""
        row = self._row()
        if row is None:
            return
        if row.expanded:
            self._toggle(row, False)
        elif row.parent is not None:
            self.highlighted = [r.item_id for r in self._rows].index(row.parent)

    def _toggle(self, row: HeatRow, open_it: bool) -> None:
        """Open or close a group, keeping the cursor on it."""
        if open_it:
            self.expanded.add(row.item_id)
        else:
            self.expanded.discard(row.item_id)
        self.show_rows(highlight=row.item_id)


class HeatMapView(Vertical):
    """Column titles, the heat map, and what its cells mean."""

    def __init__(self, questionnaire: Questionnaire, analysis: GapAnalysis) -> None:
        super().__init__()
        self._questionnaire = questionnaire
        self._analysis = analysis

    def compose(self) -> ComposeResult:
        yield Static(id="heat-header")
        yield HeatMap(self._questionnaire, self._analysis, id="heat-map-list")
        yield Static(Text(HEAT_LEGEND, style="italic"), id="heat-legend")

    def on_heat_map_columns_changed(self, message: HeatMap.ColumnsChanged) -> None:
        self.query_one("#heat-header", Static).update(message.header)


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


class RadarChart(Widget):
    """The radar drawn to fill this widget."""

    def __init__(self, axes: Sequence[RadarAxis], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._axes = list(axes)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.redraw, init=False)

    def redraw(self) -> None:
        """Redraw in the current theme's colours."""
        self.refresh()

    def render(self) -> Text:
        size = self.content_size
        return radar_chart(self._axes, size.width, size.height, theme_palette(self))


class RadarView(Horizontal):
    """The radar, and beside it the legend and the charted values."""

    def __init__(self, analysis: GapAnalysis) -> None:
        super().__init__()
        self._axes = radar_axes(analysis)

    def compose(self) -> ComposeResult:
        yield RadarChart(self._axes, id="radar-chart")
        with VerticalScroll(id="radar-side"):
            yield Static(id="radar-legend")
            yield Static(id="radar-values")

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.draw, init=True)

    def draw(self) -> None:
        """The legend and values in the current theme's colours."""
        palette = theme_palette(self)
        self.query_one("#radar-legend", Static).update(radar_legend(palette))
        self.query_one("#radar-values", Static).update(radar_values(self._axes, palette))


class RoadmapView(VerticalScroll):
    """The roadmap, scrolling."""

    def __init__(self, items: Sequence[RoadmapItem], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items = list(items)

    def compose(self) -> ComposeResult:
        yield Static(id="roadmap-text")

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.draw, init=True)

    def draw(self) -> None:
        """The roadmap in the current theme's colours."""
        self.query_one("#roadmap-text", Static).update(
            roadmap_view(self._items, theme_palette(self))
        )
