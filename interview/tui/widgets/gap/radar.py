"""The radar chart: target and current polygons on a braille canvas, scope shown by marker shape."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from interview.gap import (
    GapAnalysis,
)
from interview.questionnaire.levels import SCOPE_NAMES, TARGET_LEVELS
from interview.series_style import CURRENT, SCOPE_SHAPES, TARGET
from interview.tui.widgets.gap.common import (
    PLAIN,
    Palette,
    theme_palette,
)

# --- Radar chart -----------------------------------------------------------------------------


class Series(StrEnum):
    TARGET = "target"
    CURRENT = "current"


STYLES = {Series.TARGET: TARGET, Series.CURRENT: CURRENT}
"""Each series drawn as in the reports' charts (:mod:`interview.series_style`)."""
NO_SCOPE_MARKER = "×"
"""Comprehensiveness 0: scope n/a."""
UNKNOWN_SCOPE_MARKER = "?"


def radar_marker(series: Series, comprehensiveness: int, scope: int | None) -> str:
    """The marker of one value: shape by scope, hollow for target, filled for current."""
    if comprehensiveness == 0:
        return NO_SCOPE_MARKER
    if scope is None:
        return UNKNOWN_SCOPE_MARKER
    return STYLES[series].glyph(scope)


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

GRID, TARGET_LINE, CURRENT_LINE, TARGET_MARK, CURRENT_MARK, BOTH_MARK, LABEL = range(1, 8)
"""Layers of the radar, bottom to top: a cell shows only its topmost."""

SOLID = (1, 0)
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
    rings = TARGET_LEVELS if frame.radius >= 48 else (2, 4)
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


def marker_cell(frame: RadarFrame, index: int, count: int, level: int) -> tuple[int, int]:
    """The cell (column, row) of a marker at ``level`` on axis ``index``."""
    x, y = frame.point(index, count, level)
    return round(x) // 2, round(y) // 4


def draw_markers(canvas: BrailleCanvas, frame: RadarFrame, axes: Sequence[RadarAxis]) -> None:
    """A marker at each vertex of both series, shaped by scope.

    A cell holds one character, so where target and current fall in the same cell both are
    kept: one combined glyph (``◉``: a filled shape in a hollow one) when the scopes agree,
    else the current's marker just right of the target's.
    """
    for index, axis in enumerate(axes):
        target = marker_cell(frame, index, len(axes), axis.target)
        current = marker_cell(frame, index, len(axes), axis.current)
        target_mark = radar_marker(Series.TARGET, axis.target, axis.target_scope)
        current_mark = radar_marker(Series.CURRENT, axis.current, axis.current_scope)
        if target != current:
            canvas.put(*target, target_mark, TARGET_MARK)
            canvas.put(*current, current_mark, CURRENT_MARK)
        elif axis.target_scope == axis.current_scope and axis.current_scope in SCOPE_SHAPES:
            canvas.put(*target, SCOPE_SHAPES[axis.current_scope].both, BOTH_MARK)
        else:
            canvas.put(*target, target_mark, TARGET_MARK)
            canvas.put(target[0] + 1, target[1], current_mark, CURRENT_MARK)


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
    """Target and current polygons, drawn as :mod:`interview.series_style` says: the current's
    dashed line over the target's solid one, so that the target shows in its gaps."""
    if not axes:
        return Text("No applicable practice to chart.", style=palette.muted)
    canvas = BrailleCanvas(width, height)
    frame = radar_frame(width, height, max(len(axis.practice_id) for axis in axes))
    draw_grid(canvas, frame, len(axes))
    draw_polygon(canvas, frame, [axis.target for axis in axes], TARGET_LINE, TARGET.dots)
    draw_polygon(canvas, frame, [axis.current for axis in axes], CURRENT_LINE, CURRENT.dots)
    draw_markers(canvas, frame, axes)
    draw_labels(canvas, frame, axes)
    styles = {
        GRID: palette.grid,
        TARGET_LINE: palette.target,
        TARGET_MARK: palette.target,
        CURRENT_LINE: palette.current,
        CURRENT_MARK: palette.current,
        BOTH_MARK: palette.target,
        LABEL: "bold",
    }
    return canvas.render(styles)


def radar_legend(palette: Palette = PLAIN) -> Text:
    """What the lines and markers mean."""
    legend = Text()
    for series, style in STYLES.items():
        glyphs = " ".join(style.glyph(scope) for scope in SCOPE_SHAPES)
        line = f"{series:<7} {style.line_sample} {style.line_words:<6} {glyphs}\n"
        legend.append(line, style=palette.target if series is Series.TARGET else palette.current)
    legend.append("Shape shows scope:\n")
    for scope, shape in SCOPE_SHAPES.items():
        legend.append(f" {shape.hollow} {shape.filled}  {SCOPE_NAMES[scope]}\n")
    legend.append(f" {NO_SCOPE_MARKER}    level 0, no scope\n")
    both = " ".join(shape.both for shape in SCOPE_SHAPES.values())
    legend.append(both, style=palette.target)
    legend.append(" both at one point\n")
    legend.append("Rings mark the levels, 4 outermost.")
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
