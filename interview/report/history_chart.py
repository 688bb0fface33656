"""The history page's line chart: gap counts and mean comprehensiveness over time, as SVG.

Two panels share the time axis (the days the assessments were started): above, how many
practices have a large, a small or no gap against the current target; below, the mean current
comprehensiveness against the target's mean. Each line has its own colour, line style and
marker, so the chart reads in greyscale too. matplotlib is imported only when the chart is
drawn, and the SVG is deterministic (see :mod:`interview.report.charts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from interview.questionnaire.levels import comprehensiveness_label
from interview.report.charts import SCOPE_MARKERS, TOP_LEVEL, line_look, literal, marker_look
from interview.report.figure_output import chart_style, png_of, svg_of
from interview.series_style import CURRENT, TARGET

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import LineStyleType

MEAN_MARKER = SCOPE_MARKERS[1]
"""A mean has no scope: the circle, the markers of the other charts' legends."""

CLOSEST_BY_DATE = 0.08
"""Neighbouring assessments closer than this share of the whole span are placed one step
apart instead of by date, so that their labels stay apart."""


@dataclass(frozen=True)
class CountLine:
    """How one severity is drawn."""

    label: str
    colour: str
    line_style: LineStyleType
    marker: str
    marker_size: float
    """Each later line's markers a little smaller, so that a point under them still shows."""


LARGE_LINE = CountLine("large gap", "#c0392b", "-", "s", 9.0)
SMALL_LINE = CountLine("small gap", "#a87000", "--", "^", 7.5)
NONE_LINE = CountLine("no gap", "#2e7d32", ":", "o", 5.5)


@dataclass(frozen=True)
class HistoryChartData:
    """One point per assessment, oldest first; all tuples are as long as ``labels``."""

    labels: tuple[str, ...]
    """``A1``, ``A2``, …: the assessments' labels in the page's tables."""
    moments: tuple[datetime, ...]
    large: tuple[int, ...]
    small: tuple[int, ...]
    none: tuple[int, ...]
    current_means: tuple[float | None, ...]
    target_mean: float | None
    practice_count: int
    """How many practices the target includes: the top of the count axis."""

    def days(self) -> list[float]:
        """Days since the first assessment, one per assessment."""
        first = min(self.moments)
        return [(moment - first) / timedelta(days=1) for moment in self.moments]

    def by_date(self) -> bool:
        """Whether the points are placed by date: only when no two neighbours are so close
        that their labels would run into each other."""
        days = self.days()
        closest = min((b - a for a, b in pairwise(days)), default=0.0)
        return len(days) == 1 or (closest > 0 and closest >= max(days) * CLOSEST_BY_DATE)

    def positions(self) -> list[float]:
        """Each assessment's place on the x axis: by date, else one step apart, in order."""
        return self.days() if self.by_date() else [float(n) for n in range(len(self.moments))]


def history_chart_svg(data: HistoryChartData, description: str) -> str:
    """The two-panel line chart as an inline ``<svg>`` element."""
    with chart_style("smm-history"):
        return svg_of(history_figure(data), "history", description)


def history_chart_png(data: HistoryChartData) -> bytes:
    """The two-panel line chart as a PNG image, for a document format (Word, PDF)."""
    with chart_style("smm-history"):
        return png_of(history_figure(data))


def history_figure(data: HistoryChartData) -> Figure:
    """Gaps by severity over time above, mean levels below (drawn inside ``chart_style``)."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    # More room between the panels than usual: the lower one has a title of its own.
    figure = Figure(figsize=(10, 6.4), layout=ConstrainedLayoutEngine(h_pad=0.12))
    counts_axes, mean_axes = figure.subplots(2, 1, sharex=True, height_ratios=[3, 2], squeeze=True)
    draw_counts(counts_axes, data)
    draw_means(mean_axes, data)
    time_axis(mean_axes, data)
    return figure


def draw_counts(axes: Axes, data: HistoryChartData) -> None:
    """One line per severity: how many practices have it, per assessment."""
    from matplotlib.ticker import MaxNLocator

    for line, values in (
        (LARGE_LINE, data.large),
        (SMALL_LINE, data.small),
        (NONE_LINE, data.none),
    ):
        axes.plot(
            data.positions(),
            values,
            color=line.colour,
            linestyle=line.line_style,
            marker=line.marker,
            markersize=line.marker_size,
            linewidth=1.8,
            label=line.label,
            clip_on=False,
        )
    axes.set_ylim(-0.25, max(data.practice_count, 1) + 0.25)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("Practices")
    axes.set_title("Practices with a large, a small or no gap", loc="left", fontsize=10)
    plain_frame(axes)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), handlelength=3)


def draw_means(axes: Axes, data: HistoryChartData) -> None:
    """The mean current comprehensiveness per assessment, and the target's mean across them,
    in the target's and current's styles: where a mean reaches the target, the current's
    marker sits inside the target's ring."""
    positions = data.positions()
    if data.target_mean is not None:
        axes.plot(
            positions,
            [data.target_mean] * len(positions),
            **line_look(TARGET),
            **marker_look(TARGET, MEAN_MARKER),
            zorder=TARGET.layer,
            label=literal(f"target, mean {data.target_mean:.1f}"),
            clip_on=False,
        )
    points = [
        (day, mean)
        for day, mean in zip(positions, data.current_means, strict=True)
        if mean is not None
    ]
    if points:
        days, means = zip(*points, strict=True)
        axes.plot(
            days,
            means,
            **line_look(CURRENT),
            **marker_look(CURRENT, MEAN_MARKER),
            zorder=CURRENT.layer,
            label="current, mean",
            clip_on=False,
        )
    axes.set_ylim(0, TOP_LEVEL)
    levels = range(TOP_LEVEL + 1)
    axes.set_yticks(list(levels), [comprehensiveness_label(level) for level in levels])
    axes.set_title("Mean comprehensiveness", loc="left", fontsize=10)
    plain_frame(axes)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), handlelength=3)


def plain_frame(axes: Axes) -> None:
    """Light horizontal grid lines; no top or right border."""
    axes.yaxis.grid(True, color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def time_axis(axes: Axes, data: HistoryChartData) -> None:
    """A tick at each assessment, labelled with its label and day; some room at both ends."""
    positions = data.positions()
    room = max(max(positions) * 0.05, 3.0 if data.by_date() else 0.3)
    axes.set_xlim(-room, max(positions) + room)
    labels = [
        literal(f"{label}\n{moment.strftime('%Y-%m-%d')}")
        for label, moment in zip(data.labels, data.moments, strict=True)
    ]
    axes.set_xticks(positions, labels)
    placed = "placed by the day" if data.by_date() else "in the order"
    axes.set_xlabel(f"Self-assessments, {placed} they were started")
