"""The bar and radar charts of the HTML reports, drawn by matplotlib as inline SVG.

Scope is drawn as the IIC paper describes it: a bar's fill (outline only = 1 General,
hatched = 2 Industry specific, solid = 3 System specific) and a radar point's marker (circle,
triangle, square). Target and current look as :mod:`interview.series_style` says, as they do
in the terminal. matplotlib is imported inside the drawing functions, so that commands which
draw no chart never pay for it; figures are made with ``Figure`` directly, never through
pyplot, so no GUI backend and no global figure list is involved.

The SVG is deterministic (fixed hash salt, no date), keeps its text as text (small, and
searchable in the page), and has its ids prefixed, so that two charts can share one page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any, cast

from interview.gap import UNKNOWN_SCOPE, LevelPair
from interview.questionnaire.levels import (
    HIGHEST_COMPREHENSIVENESS,
    HIGHEST_SCOPE,
    SCOPE_LEVELS,
    SCOPE_NAMES,
    comprehensiveness_label,
)
from interview.report.figure_output import chart_style, png_of, svg_of
from interview.series_style import SCOPE_SHAPES, SeriesStyle

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

TOP_LEVEL = HIGHEST_COMPREHENSIVENESS
"""The highest comprehensiveness level: the charts' value axis runs from 0 to it."""

SCOPE_KEY_COLOUR = "#444444"
"""The neutral colour of the legend's scope entries, which hold for every series."""

SCOPE_HATCHES = {1: "", 2: "////", 3: ""}
SCOPE_FILL_WORDS = {1: "outline only", 2: "hatched", 3: "solid"}
SCOPE_MARKERS = {scope: shape.figure_marker for scope, shape in SCOPE_SHAPES.items()}


@dataclass(frozen=True)
class Series:
    """One session's levels, one per charted practice, in the chart's practice order."""

    label: str
    style: SeriesStyle
    """Target or current: see :mod:`interview.series_style`."""
    levels: tuple[LevelPair, ...]

    @property
    def colour(self) -> str:
        """The series' colour on paper."""
        return self.style.colour


@dataclass(frozen=True)
class ChartData:
    """The practices to chart (applicable ones only) and the series drawn over them."""

    practice_ids: tuple[str, ...]
    domain_labels: tuple[str, ...]
    """Each practice's domain, as it should be written above the bars (e.g. ``G Security
    Governance``); neighbouring practices of one domain share one label."""
    series: tuple[Series, ...]


def literal(text: str) -> str:
    """Text that matplotlib shows as written: a ``$`` would otherwise start mathtext."""
    return text.replace("$", r"\$")


def charted_scope(level: LevelPair) -> int | None:
    """The scope a bar's fill or a point's marker shows: None at comprehensiveness 0 (n/a);
    a scope not yet known counts as 1 General, as in the gap rules."""
    if level.comprehensiveness == 0:
        return None
    return UNKNOWN_SCOPE if level.scope is None else level.scope


# --- Bar chart -------------------------------------------------------------------------------


def bar_chart_svg(data: ChartData, description: str) -> str:
    """The bar chart as an inline ``<svg>`` element."""
    with chart_style("smm-bar"):
        return svg_of(bar_figure(data), "bar", description)


def bar_chart_png(data: ChartData) -> bytes:
    """The bar chart as a PNG image, for a document format (Word, PDF)."""
    with chart_style("smm-bar"):
        return png_of(bar_figure(data))


def bar_figure(data: ChartData) -> Figure:
    """Comprehensiveness per practice, one bar per series side by side, scope as the fill
    (drawn inside :func:`chart_style`)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.6), layout="constrained")
    axes = figure.add_subplot()
    width = 0.8 / len(data.series)
    for index, series in enumerate(data.series):
        offset = (index - (len(data.series) - 1) / 2) * width
        draw_bars(axes, series, offset, width)
    level_axis(axes)
    practice_axis(axes, data)
    two_row_legend(figure, series_patches(data.series), scope_fills())
    return figure


def draw_bars(axes: Axes, series: Series, offset: float, width: float) -> None:
    """One series' bars, drawn scope by scope (fill and hatch); level 0 marked with a 0."""
    for scope in SCOPE_LEVELS:
        positions = [
            index for index, level in enumerate(series.levels) if charted_scope(level) == scope
        ]
        axes.bar(
            [position + offset for position in positions],
            [series.levels[position].comprehensiveness for position in positions],
            width * 0.9,
            facecolor=series.colour if scope == HIGHEST_SCOPE else "white",
            edgecolor=series.colour,
            hatch=SCOPE_HATCHES[scope],
            linewidth=1.4,
        )
    for position, level in enumerate(series.levels):
        if level.comprehensiveness == 0:
            axes.text(
                position + offset,
                0.05,
                "0",
                ha="center",
                va="bottom",
                fontsize=8,
                color=series.colour,
            )


def level_axis(axes: Axes) -> None:
    """The value axis: 0 None to 4 Formalized, with light grid lines to read levels by."""
    axes.set_ylim(0, TOP_LEVEL + 0.2)
    levels = range(TOP_LEVEL + 1)
    axes.set_yticks(list(levels), [comprehensiveness_label(level) for level in levels])
    axes.yaxis.grid(True, color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    axes.set_ylabel("Comprehensiveness")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def practice_axis(axes: Axes, data: ChartData) -> None:
    """Practice ids along the bottom; each domain's name above its practices, with a dashed
    line between domains."""
    count = len(data.practice_ids)
    axes.set_xlim(-0.6, count - 0.4)
    axes.set_xticks(
        list(range(count)),
        [literal(practice_id) for practice_id in data.practice_ids],
        rotation=0 if count <= 24 else 90,
    )
    axes.tick_params(axis="x", length=0)
    centres, labels, start = [], [], 0
    for label, members in groupby(data.domain_labels):
        size = len(list(members))
        centres.append(start + (size - 1) / 2)
        labels.append(literal(fitted_domain_label(label, size)))
        if start:
            axes.axvline(start - 0.5, color="#999999", linestyle="--", linewidth=0.8)
        start += size
    top = axes.secondary_xaxis("top")
    top.set_xticks(centres, labels, fontweight="bold")
    top.tick_params(length=0)
    top.spines["top"].set_visible(False)


def fitted_domain_label(label: str, practice_count: int) -> str:
    """The domain's label, or only its id when the name would run over its neighbours."""
    characters_per_practice = 11
    if len(label) <= practice_count * characters_per_practice:
        return label
    return label.split(" ", 1)[0]


def series_patches(series: Sequence[Series]) -> list[Artist]:
    """A legend entry per series: its colour."""
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=entry.colour, edgecolor=entry.colour, label=literal(entry.label))
        for entry in series
    ]


def scope_fills() -> list[Artist]:
    """A legend entry per scope: the bar fill that stands for it."""
    from matplotlib.patches import Patch

    return [
        Patch(
            facecolor=SCOPE_KEY_COLOUR if scope == HIGHEST_SCOPE else "white",
            edgecolor=SCOPE_KEY_COLOUR,
            hatch=SCOPE_HATCHES[scope],
            label=f"{scope} {SCOPE_NAMES[scope]}: {SCOPE_FILL_WORDS[scope]}",
        )
        for scope in SCOPE_LEVELS
    ]


def two_row_legend(figure: Figure, first: Sequence[Artist], second: Sequence[Artist]) -> None:
    """A legend under the chart: the series on the first row, the scope key on the second.

    matplotlib fills a legend column by column, so the two rows are interleaved, the shorter
    one padded with empty entries.
    """
    from matplotlib.lines import Line2D

    columns = max(len(first), len(second))

    def padded(row: Sequence[Artist]) -> list[Artist]:
        blanks = [Line2D([], [], linestyle="none", label=" ") for _ in range(columns - len(row))]
        return [*row, *blanks]

    interleaved = [
        handle for pair in zip(padded(first), padded(second), strict=True) for handle in pair
    ]
    figure.legend(
        handles=interleaved,
        loc="outside lower center",
        ncols=columns,
        handlelength=2.2,
        handleheight=1.2,
        columnspacing=1.6,
    )


# --- Radar chart -----------------------------------------------------------------------------


def radar_chart_svg(data: ChartData, description: str) -> str:
    """The radar chart as an inline ``<svg>`` element."""
    with chart_style("smm-radar"):
        return svg_of(radar_figure(data), "radar", description)


def radar_chart_png(data: ChartData) -> bytes:
    """The radar chart as a PNG image, for a document format (Word, PDF)."""
    with chart_style("smm-radar"):
        return png_of(radar_figure(data))


def radar_figure(data: ChartData) -> Figure:
    """One spoke per practice; each series a closed polygon, scope shown by the markers
    (drawn inside :func:`chart_style`)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.2, 7.6), layout="constrained")
    axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
    angles = spoke_angles(len(data.practice_ids))
    radar_frame(axes, data, angles)
    for series in data.series:
        draw_polygon(axes, series, angles)
    two_row_legend(figure, series_lines(data.series), scope_markers())
    return figure


def spoke_angles(count: int) -> list[float]:
    """Evenly spaced angles, in radians, one per practice."""
    return [2 * math.pi * index / count for index in range(count)]


def radar_frame(axes: PolarAxes, data: ChartData, angles: Sequence[float]) -> None:
    """Spokes labelled by practice id, clockwise from the top; rings 1 to 4 named."""
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    axes.set_xticks(list(angles), [literal(practice_id) for practice_id in data.practice_ids])
    axes.tick_params(axis="x", pad=7, labelsize=10)
    axes.set_ylim(0, TOP_LEVEL)
    rings = range(1, TOP_LEVEL + 1)
    axes.set_yticks(list(rings), [str(level) for level in rings])
    axes.tick_params(axis="y", labelsize=8, labelcolor="#555555")
    for label in axes.get_yticklabels():
        label.set_bbox({"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1})
    between_first_spokes = math.degrees(angles[1] / 2) if len(angles) > 1 else 22.5
    axes.set_rlabel_position(between_first_spokes)
    axes.grid(color="#cccccc", linewidth=0.8)


def draw_polygon(axes: PolarAxes, series: Series, angles: Sequence[float]) -> None:
    """The series' closed polygon, lightly filled, and its points marked by scope.

    Not clipped: a point on the rim (level 4) shows whole.
    """
    values = [level.comprehensiveness for level in series.levels]
    closed_angles, closed_values = [*angles, angles[0]], [*values, values[0]]
    style = series.style
    axes.plot(closed_angles, closed_values, **line_look(style), zorder=style.layer, clip_on=False)
    axes.fill(closed_angles, closed_values, color=series.colour, alpha=0.08, zorder=1)
    for scope, marker in SCOPE_MARKERS.items():
        points = [
            (angle, level.comprehensiveness)
            for angle, level in zip(angles, series.levels, strict=True)
            if charted_scope(level) == scope
        ]
        if points:
            axes.plot(
                *zip(*points, strict=True),
                linestyle="none",
                **marker_look(style, marker),
                zorder=style.layer + 1,
                clip_on=False,
            )


def line_look(style: SeriesStyle) -> dict[str, Any]:
    """matplotlib's keywords for a series' line."""
    return {
        "color": style.colour,
        "linestyle": style.line_style,
        "linewidth": style.line_width,
    }


def marker_look(style: SeriesStyle, marker: str) -> dict[str, Any]:
    """matplotlib's keywords for a series' markers: the target's a large ring (white inside,
    so that a line through it does not cross the current's marker), the current's small and
    filled, with a white rim that parts it from the ring around it."""
    return {
        "marker": marker,
        "markersize": style.marker_size,
        "markeredgewidth": style.marker_edge_width,
        "markerfacecolor": "white" if style.hollow else style.colour,
        "markeredgecolor": style.colour if style.hollow else "white",
    }


def series_lines(series: Sequence[Series]) -> list[Artist]:
    """A legend entry per series: its line and its marker, drawn as in the chart."""
    from matplotlib.lines import Line2D

    return [
        Line2D(
            [],
            [],
            **line_look(entry.style),
            **marker_look(entry.style, SCOPE_MARKERS[1]),
            label=literal(entry.label),
        )
        for entry in series
    ]


def scope_markers() -> list[Artist]:
    """A legend entry per scope: the marker that stands for it."""
    from matplotlib.lines import Line2D

    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=marker,
            markersize=7.5,
            color=SCOPE_KEY_COLOUR,
            label=f"{scope} {SCOPE_NAMES[scope]}",
        )
        for scope, marker in SCOPE_MARKERS.items()
    ]
