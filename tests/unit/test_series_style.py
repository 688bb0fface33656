"""Target and current look the same in every chart (interview/series_style.py): the reports'
matplotlib charts and the terminal's, and where the two coincide both stay visible."""

import math
from datetime import UTC, datetime

import numpy
import pytest
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from interview.gap import LevelPair
from interview.report.charts import ChartData, Series, radar_figure
from interview.report.figure_output import chart_style
from interview.report.history_chart import HistoryChartData, history_figure
from interview.series_style import CURRENT, SCOPE_SHAPES, TARGET, SeriesStyle
from interview.tui.widgets.gap.bar_chart import bar_line
from interview.tui.widgets.gap.common import Palette
from interview.tui.widgets.gap.radar import RadarAxis, radar_chart, radar_legend

COLOURED = Palette(target="bold blue", current="bold red")


def looks_like(line: Line2D, style: SeriesStyle) -> bool:
    """Whether a matplotlib line's markers are drawn in ``style`` (colour, fill, size), and its
    line too unless it has none."""
    if style.hollow:
        edge, face = line.get_markeredgecolor(), line.get_markerfacecolor()
        marker_ok = to_hex(edge) == style.colour and to_hex(face) == "#ffffff"
    else:
        marker_ok = to_hex(line.get_markerfacecolor()) == style.colour
    no_line = line.get_linestyle() == "None"
    line_ok = no_line or (
        to_hex(line.get_color()) == style.colour and line.get_linestyle() == style.line_style
    )
    return marker_ok and line_ok and line.get_markersize() == style.marker_size


def test_the_current_marker_fits_inside_the_target_ring() -> None:
    # An edge is drawn centred on the marker's outline: the ring's hole is its size less one
    # edge width, the current marker's outside its size plus one.
    hole = TARGET.marker_size - TARGET.marker_edge_width
    assert CURRENT.marker_size + CURRENT.marker_edge_width < hole
    assert TARGET.line_style == "-" and CURRENT.line_style == "--"
    assert CURRENT.layer > TARGET.layer  # the smaller marker on top


# --- Radar (matplotlib) ------------------------------------------------------------------


def radar_lines() -> tuple[list[Line2D], list[Line2D]]:
    """The plotted lines of a radar where A.2 has target = current (2, scope 2), and the
    legend's lines."""
    data = ChartData(
        ("A.1", "A.2", "A.3"),
        ("A",) * 3,
        (
            Series("Target", TARGET, (LevelPair(3, 1), LevelPair(2, 2), LevelPair(4, 3))),
            Series("Current", CURRENT, (LevelPair(1, 1), LevelPair(2, 2), LevelPair(2, 3))),
        ),
    )
    with chart_style("test"):
        figure = radar_figure(data)
    legend = [h for h in figure.legends[0].legend_handles if isinstance(h, Line2D)]
    return list(figure.axes[0].get_lines()), legend


def markers_at(lines: list[Line2D], style: SeriesStyle, point: tuple[float, float]) -> list[Line2D]:
    """The marker-only lines in ``style`` that mark ``point`` (angle, level)."""
    return [
        line
        for line in lines
        if line.get_linestyle() == "None"
        and looks_like(line, style)
        and any(tuple(xy) == pytest.approx(point) for xy in numpy.asarray(line.get_xydata()))
    ]


def test_where_target_and_current_meet_on_the_radar_both_markers_are_drawn() -> None:
    lines, _ = radar_lines()
    a2 = (2 * math.pi / 3, 2.0)
    (target,) = markers_at(lines, TARGET, a2)
    (current,) = markers_at(lines, CURRENT, a2)
    triangle = SCOPE_SHAPES[2].figure_marker  # scope 2, in both
    assert target.get_marker() == triangle == current.get_marker()
    # The small filled marker over the large ring, whose white inside it does not fill.
    assert current.get_zorder() > target.get_zorder()
    assert current.get_markersize() < target.get_markersize()


def test_radar_polygons_and_legend_use_the_series_styles() -> None:
    lines, legend = radar_lines()
    polygons = [line for line in lines if line.get_linestyle() != "None"]
    assert [(to_hex(p.get_color()), p.get_linestyle()) for p in polygons] == [
        (TARGET.colour, "-"),
        (CURRENT.colour, "--"),
    ]
    keys = {key.get_label(): key for key in legend}
    target_key, current_key = keys["Target"], keys["Current"]
    assert looks_like(target_key, TARGET) and looks_like(current_key, CURRENT)


# --- History (matplotlib) ----------------------------------------------------------------


def test_the_history_chart_draws_the_target_mean_blue_and_solid_the_current_orange_dashed() -> None:
    data = HistoryChartData(
        labels=("A1", "A2"),
        moments=(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC)),
        large=(1, 0),
        small=(1, 1),
        none=(0, 1),
        current_means=(1.5, 2.5),
        target_mean=2.5,
        practice_count=2,
    )
    with chart_style("test"):
        figure = history_figure(data)
    means = figure.axes[1]
    target, current = means.get_lines()
    assert looks_like(target, TARGET) and str(target.get_label()).startswith("target")
    assert looks_like(current, CURRENT) and str(current.get_label()).startswith("current")
    # A2 reaches the target: the current's marker lies on the target's, drawn above it.
    current_xy, target_xy = numpy.asarray(current.get_xydata()), numpy.asarray(target.get_xydata())
    assert tuple(current_xy[1]) == tuple(target_xy[1])
    assert current.get_zorder() > target.get_zorder()
    legend = means.get_legend()
    assert legend is not None
    keys = [h for h in legend.legend_handles if isinstance(h, Line2D)]
    assert looks_like(keys[0], TARGET) and looks_like(keys[1], CURRENT)


# --- Terminal ----------------------------------------------------------------------------


def test_the_terminal_radar_keeps_both_series_where_they_meet() -> None:
    same_scope = radar_chart([RadarAxis("A1", 3, 2, 3, 2), RadarAxis("B1", 2, 1, 1, 1)], 40, 16)
    assert SCOPE_SHAPES[2].both in same_scope.plain  # ◬: one glyph for both
    assert "△" not in same_scope.plain and "▲" not in same_scope.plain
    other_scope = radar_chart([RadarAxis("A1", 3, 2, 3, 1), RadarAxis("B1", 2, 1, 1, 1)], 40, 16)
    assert "△●" in other_scope.plain  # side by side, target first


def test_the_terminal_radar_draws_the_lines_and_markers_of_the_reports() -> None:
    legend = radar_legend(COLOURED)
    lines = legend.plain.splitlines()
    assert lines[0] == f"target  {TARGET.line_sample} solid  ○ △ □"
    assert lines[1] == f"current {CURRENT.line_sample} dashed ● ▲ ■"
    assert "◉ ◬ ▣ both at one point" in legend.plain
    styles = {str(span.style) for span in legend.spans}
    assert {"bold blue", "bold red"} <= styles


def test_where_the_terminal_lines_coincide_the_target_shows_in_the_current_dashes() -> None:
    axes = [RadarAxis(pid, 4, 3, 4, 3) for pid in ("A1", "B1", "C1", "D1")]
    chart = radar_chart(axes, 60, 24, COLOURED)
    dots = {"bold blue": 0, "bold red": 0}
    for span in chart.spans:
        drawn = chart.plain[span.start : span.end]
        if str(span.style) in dots:
            dots[str(span.style)] += sum(0x2800 < ord(char) <= 0x28FF for char in drawn)
    assert dots["bold blue"] > 0 and dots["bold red"] > 0


def test_the_bar_chart_names_each_series_in_its_colour() -> None:
    line = bar_line("current", 2, 1, 2, COLOURED)
    named = [span for span in line.spans if line.plain[span.start : span.end].strip() == "current"]
    assert [str(span.style) for span in named] == ["bold red"]
