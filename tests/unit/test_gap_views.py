"""The gap screen's rendering functions, without an app: words, fills, markers and geometry.

Levels come from tests/data/questionnaires/small.toml (D1.1, D1.2 in D1 and D; F1.1 in F1 and
F), compared with :func:`compare_levels` as in test_gap.py.
"""

import io
import math
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from rich.text import Text

from interview.gap import GapAnalysis, compare_levels, compare_sessions
from interview.levels_csv import LevelRow, imported_session
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import CurrentLevel, TargetLevel
from interview.series_style import CURRENT, TARGET
from interview.session.model import Origin, SessionKind
from interview.tui.widgets.gap.bar_chart import (
    SCOPE_FILLS,
    UNKNOWN_FILL,
    bar,
    bar_chart,
    bar_legend,
    bar_scale,
)
from interview.tui.widgets.gap.common import (
    PLAIN,
    Palette,
    palette_from_variables,
    sessions_header,
    severity_label,
)
from interview.tui.widgets.gap.heat_map import (
    heat_columns,
    heat_header,
    heat_row_text,
    heat_rows,
)
from interview.tui.widgets.gap.radar import (
    BRAILLE_BITS,
    NO_SCOPE_MARKER,
    BrailleCanvas,
    RadarAxis,
    RadarFrame,
    Series,
    radar_axes,
    radar_chart,
    radar_legend,
    radar_marker,
    radar_values,
)
from interview.tui.widgets.gap.roadmap import (
    practice_detail,
    roadmap_view,
)

COLOURED = Palette(large="red", small="yellow", none="green", muted="italic")


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return load_questionnaire(Path(__file__).parents[1] / "data/questionnaires/small.toml")


def target(comprehensiveness: int | None, scope: int | None, reason: str = "") -> TargetLevel:
    """A target set for the practice; None is not applicable."""
    return TargetLevel(comprehensiveness, scope, Origin.PURPOSE, reason)


def current(comprehensiveness: int, scope: int | None) -> CurrentLevel:
    return CurrentLevel(comprehensiveness, scope, complete=True)


def analysed(
    small: Questionnaire,
    targets: dict[str, TargetLevel],
    currents: dict[str, CurrentLevel],
) -> GapAnalysis:
    return compare_levels(small, targets, currents)


@pytest.fixture
def analysis(small: Questionnaire) -> GapAnalysis:
    """D1.1 small gap (1/1), D1.2 not applicable, F1.1 large gap (2/1)."""
    return analysed(
        small,
        {"D1.1": target(3, 2, "[bold]Sector[/bold] rules"), "D1.2": target(None, None),
         "F1.1": target(2, 1)},
        {"D1.1": current(2, 1), "D1.2": current(1, 2), "F1.1": current(0, None)},
    )  # fmt: skip


def plain(renderable: RenderableType, width: int = 100) -> str:
    """What a renderable looks like in a terminal this wide, without colour."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def styles_of(text: Text, word: str) -> set[str]:
    """The styles of the spans that cover the first occurrence of ``word``."""
    start = text.plain.index(word)
    return {str(span.style) for span in text.spans if span.start <= start < span.end} | (
        {str(text.style)} if text.style else set()
    )


# --- Severity in words -----------------------------------------------------------------------

LABEL_CASES = {
    # name: (target, current, label)
    "large gap": ((3, 2), (1, 2), "large gap"),
    "small gap": ((3, 2), (2, 2), "small gap"),
    "no gap": ((2, 2), (2, 2), "no gap"),
    "exceeds target": ((2, 1), (4, 2), "no gap, exceeds target"),
    "exceeds, short of scope": ((2, 3), (3, 2), "small gap, exceeds target"),
    "not applicable": ((None, None), (1, 1), "not applicable"),
}


@pytest.mark.parametrize("case", LABEL_CASES, ids=list(LABEL_CASES))
def test_severity_is_written(small: Questionnaire, case: str) -> None:
    (target_level, target_scope), (current_level, current_scope), label = LABEL_CASES[case]
    result = analysed(
        small,
        {"D1.1": target(target_level, target_scope)},
        {"D1.1": current(current_level, current_scope)},
    )
    assert severity_label(result.practices[0]) == label


def test_a_target_not_yet_set_says_so(small: Questionnaire) -> None:
    result = analysed(small, {}, {})
    assert severity_label(result.practices[0]) == "target not set"


# --- Heat map --------------------------------------------------------------------------------


def test_heat_rows_follow_what_is_open(small: Questionnaire, analysis: GapAnalysis) -> None:
    every = heat_rows(small, analysis)
    assert [(row.item_id, row.depth) for row in every] == [
        ("D", 0), ("D1", 1), ("D1.1", 2), ("D1.2", 2), ("F", 0), ("F1", 1), ("F1.1", 2),
    ]  # fmt: skip
    assert [row.item_id for row in heat_rows(small, analysis, {"F", "F1"})] == [
        "D",
        "F",
        "F1",
        "F1.1",
    ]
    assert [row.item_id for row in heat_rows(small, analysis, {"D"})] == ["D", "D1", "F"]


def test_heat_row_cells(small: Questionnaire, analysis: GapAnalysis) -> None:
    rows = {row.item_id: row for row in heat_rows(small, analysis, {"D", "D1", "F"})}
    columns = heat_columns(80, list(rows.values()))
    lines = {item_id: heat_row_text(row, columns).plain for item_id, row in rows.items()}
    assert lines["D"].split() == ["▾", "D", "Domain", "3.0", "2.0", "small", "gap"]
    assert lines["F1"].split() == ["▸", "F1", "Other", "sub-domain", "2.0", "0.0", "large", "gap"]
    assert lines["D1.1"].split() == ["D1.1", "Practice", "3/2", "2/1", "1/1", "small", "gap"]
    assert lines["D1.2"].split() == ["D1.2", "Practice", "n/a", "1/2", "not", "applicable"]
    header = heat_header(columns).plain
    assert {len(line) for line in lines.values()} == {len(header)}


def test_heat_columns_line_up(small: Questionnaire, analysis: GapAnalysis) -> None:
    rows = heat_rows(small, analysis)
    columns = heat_columns(80, rows)
    header = heat_header(columns).plain
    practice = heat_row_text(rows[2], columns).plain
    for title, value in [("Target", "3/2"), ("Current", "2/1"), ("Gap", "1/1")]:
        assert header.index(title) == practice.index(value, len("    D1.1 Practice"))
    assert header.index("Severity") == practice.index("small gap")


def test_heat_map_colours_the_severity_cell(small: Questionnaire, analysis: GapAnalysis) -> None:
    rows = {row.item_id: row for row in heat_rows(small, analysis)}
    columns = heat_columns(80, list(rows.values()))
    assert "red" in styles_of(heat_row_text(rows["F1.1"], columns, COLOURED), "large gap")
    assert "yellow" in styles_of(heat_row_text(rows["D1.1"], columns, COLOURED), "small gap")
    assert "italic" in styles_of(heat_row_text(rows["D1.2"], columns, COLOURED), "not applicable")


def test_long_names_are_cut_to_fit_a_narrow_screen(
    smm_analysis: tuple[Questionnaire, GapAnalysis],
) -> None:
    questionnaire, result = smm_analysis
    rows = heat_rows(questionnaire, result)
    narrow, wide = heat_columns(76, rows), heat_columns(156, rows)
    line = next(heat_row_text(row, narrow) for row in rows if row.item_id == "G3.2")
    assert len(line.plain) <= 76
    assert "G3.2 Services Third-Party Dependencies… 3/2" in line.plain
    wide_line = next(heat_row_text(row, wide) for row in rows if row.item_id == "G3.2")
    assert "Services Third-Party Dependencies Management" in wide_line.plain


def test_disagreement_markers_take_a_column_of_their_own(
    small: Questionnaire, analysis: GapAnalysis
) -> None:
    markers = {"D1.1": "≠2/2", "F1.1": "≠2/0"}
    rows = heat_rows(small, analysis, markers=markers)
    assert {row.item_id: row.marker for row in rows if row.marker} == markers
    columns = heat_columns(80, rows)
    plain = heat_columns(80, heat_rows(small, analysis))
    assert (columns.marker, plain.marker) == (4, 0)
    header = heat_header(columns).plain
    lines = {row.item_id: heat_row_text(row, columns).plain for row in rows}
    assert header.index("≠") == lines["D1.1"].index("≠2/2") == lines["F1.1"].index("≠2/0")
    assert header.index("≠") > header.index("Gap") and header.index("≠") < header.index("Severity")
    assert lines["D1.2"].split() == ["D1.2", "Practice", "n/a", "1/2", "not", "applicable"]
    assert {len(line) for line in lines.values()} == {len(header)}
    assert len(header) == len(heat_header(plain).plain) + 5  # 4 wide and a space before


def test_disagreement_markers_fit_80_columns_of_the_shipped_questionnaire(
    smm_analysis: tuple[Questionnaire, GapAnalysis],
) -> None:
    questionnaire, result = smm_analysis
    rows = heat_rows(questionnaire, result, markers={"G3.2": "≠3/2"})
    columns = heat_columns(76, rows)
    line = next(heat_row_text(row, columns) for row in rows if row.item_id == "G3.2")
    assert len(line.plain) <= 76
    assert line.plain.startswith(
        "    G3.2 Services Third-Party Depende… 3/2     1/1     2/1  ≠3/2  large gap"
    )


@pytest.fixture(scope="module")
def smm_analysis() -> tuple[Questionnaire, GapAnalysis]:
    """The shipped questionnaire, every practice at target 3/2 and current 1/1."""
    questionnaire = load_questionnaire()
    practice_ids = questionnaire.practice_ids()
    targets = {pid: target(3, 2) for pid in practice_ids}
    currents = {pid: current(1, 1) for pid in practice_ids}
    return questionnaire, compare_levels(questionnaire, targets, currents)


# --- Bar chart -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comprehensiveness", "scope", "drawn"),
    [
        (3, 1, "□□□□□□"),  # General: an empty, outlined fill
        (2, 2, "▒▒▒▒"),  # Industry specific: patterned
        (4, 3, "████████"),  # System specific: filled
        (1, None, UNKNOWN_FILL * 2),  # scope not yet known
        (0, None, ""),  # nothing in place: no bar
    ],
)
def test_bar_fill_shows_scope(comprehensiveness: int, scope: int | None, drawn: str) -> None:
    assert bar(comprehensiveness, scope, per_level=2) == drawn


def test_bar_chart(small: Questionnaire, analysis: GapAnalysis) -> None:
    lines = bar_chart(small, analysis, width=80).plain.splitlines()
    per_level = 8  # (80 - 12 - 32 - 1) // 4
    assert lines[:7] == [
        "D Domain",
        "  D1.1 Practice",
        "    target  " + "▒" * 3 * per_level + " " * (per_level + 1)
        + "3 Consistent, Industry specific",
        "    current " + "□" * 2 * per_level + " " * (2 * per_level + 1) + "2 Ad hoc, General",
        "  D1.2 Practice",
        "    n/a — not applicable",
        "",
    ]  # fmt: skip
    assert lines[10] == "    current " + " " * (4 * per_level + 1) + "0 None"  # F1.1


def test_bar_scale_marks_each_level_where_its_bars_end() -> None:
    scale = bar_scale(80).plain
    per_level = 8
    assert scale[12] == "0"
    for level in range(1, 5):
        assert scale[12 + level * per_level - 1] == str(level)
    assert scale.endswith("comprehensiveness")


def test_bar_legend_names_each_fill() -> None:
    legend = bar_legend().plain
    for scope, name in [(1, "General"), (2, "Industry specific"), (3, "System specific")]:
        assert f"{SCOPE_FILLS[scope] * 3} {name}" in legend


# --- Radar chart -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "comprehensiveness", "scope", "marker"),
    [
        (Series.TARGET, 3, 1, "○"),
        (Series.TARGET, 2, 2, "△"),
        (Series.TARGET, 4, 3, "□"),
        (Series.CURRENT, 1, 1, "●"),
        (Series.CURRENT, 2, 2, "▲"),
        (Series.CURRENT, 3, 3, "■"),
        (Series.CURRENT, 0, None, NO_SCOPE_MARKER),
        (Series.CURRENT, 2, None, "?"),
    ],
)
def test_radar_marker_by_scope_and_series(
    series: Series, comprehensiveness: int, scope: int | None, marker: str
) -> None:
    assert radar_marker(series, comprehensiveness, scope) == marker


def test_radar_axes_leave_out_practices_that_do_not_apply(analysis: GapAnalysis) -> None:
    assert radar_axes(analysis) == [
        RadarAxis("D1.1", 3, 2, 2, 1),
        RadarAxis("F1.1", 2, 1, 0, None),
    ]


def test_radar_points_go_clockwise_from_the_top() -> None:
    frame = RadarFrame(centre_x=50, centre_y=40, radius=32)
    assert frame.point(0, 4, 0) == (50, 40)
    top, right, bottom = frame.point(0, 4, 4), frame.point(1, 4, 2), frame.point(2, 4, 4)
    assert top == pytest.approx((50, 8))
    assert right == pytest.approx((66, 40))
    assert bottom == pytest.approx((50, 72))
    assert math.dist(frame.point(3, 4, 4), (50, 40)) == pytest.approx(32)


def test_braille_canvas_sets_dots_and_shows_the_top_layer() -> None:
    canvas = BrailleCanvas(2, 1)
    canvas.plot(0, 0, layer=1)
    canvas.plot(1, 3, layer=1)
    assert canvas.cell(0, 0) == (chr(0x2800 + BRAILLE_BITS[0][0] + BRAILLE_BITS[3][1]), 1)
    canvas.plot(0, 1, layer=2)  # a higher layer hides the lower one's dots in that cell
    assert canvas.cell(0, 0) == (chr(0x2800 + BRAILLE_BITS[1][0]), 2)
    canvas.put(1, 0, "○", layer=3)
    assert canvas.render({}).plain == "⠂○"


def test_radar_chart_draws_markers_labels_and_fills_its_size() -> None:
    axes = [
        RadarAxis("A1", 4, 3, 2, 2),
        RadarAxis("B1", 3, 1, 3, 1),
        RadarAxis("C1", 2, 2, 0, None),
    ]
    chart = radar_chart(axes, width=40, height=16).plain.splitlines()
    assert len(chart) == 16 and {len(line) for line in chart} == {40}
    drawn = "\n".join(chart)
    for label in ("A1", "B1", "C1"):
        assert drawn.count(label) == 1
    for marker in ("□", "▲", "◉", "△", NO_SCOPE_MARKER):  # B1: target and current in one ◉
        assert marker in drawn
    assert "○" not in drawn and "●" not in drawn
    top = next(row for row, line in enumerate(chart) if "□" in line)
    centre = next(row for row, line in enumerate(chart) if NO_SCOPE_MARKER in line)
    assert top < centre  # A1's target, level 4, is straight above the centre
    assert any(char in drawn for char in "⠁⠂⠄⡀⠈⠐⠠⢀")  # the polygons' dots


def test_radar_chart_fits_a_small_screen_and_says_when_there_is_nothing(
    smm_analysis: tuple[Questionnaire, GapAnalysis],
) -> None:
    _, result = smm_analysis
    chart = radar_chart(radar_axes(result), width=46, height=19).plain
    assert all(pid in chart for pid in ("G1.1", "E2.2", "H3.2"))
    assert radar_chart([], 40, 10).plain == "No applicable practice to chart."


def test_radar_legend_and_values_name_the_markers(analysis: GapAnalysis) -> None:
    legend = radar_legend().plain
    assert "○ ●  General" in legend and "□ ■  System specific" in legend
    assert radar_values(radar_axes(analysis)).plain.splitlines() == [
        "ID    target  current",
        "D1.1     3 △      2 ●   ",
        "F1.1     2 ○      0 ×   ",
    ]


# --- Roadmap, detail, sessions ---------------------------------------------------------------


def test_roadmap_shows_steps_and_the_reason_as_typed(analysis: GapAnalysis) -> None:
    text = plain(roadmap_view(analysis.roadmap))
    assert text.splitlines()[2:8] == [
        " 1. F1.1 Practice   large gap",
        "    from: 0 None, scope n/a",
        "    to: 2 Ad hoc, scope 1 General",
        "    to reach 1 Minimum:",
        "      • Do one.",
        "    to reach 2 Ad hoc:",
    ]
    assert "    why: [bold]Sector[/bold] rules" in text
    assert "    to reach scope 2 Industry specific:" in text
    assert plain(roadmap_view([])).startswith("No gaps")


def test_practice_detail(small: Questionnaire, analysis: GapAnalysis) -> None:
    gap = analysis.practices[0]
    text = plain(practice_detail(small, gap, analysis.roadmap[1]))
    assert text.splitlines()[:2] == ["D1.1 Practice", "Domain › Sub-domain"]
    assert "Target:  3 Consistent, scope 2 Industry specific (set by the practice purpose)" in text
    assert "         why: [bold]Sector[/bold] rules" in text
    assert "Current: 2 Ad hoc, scope 1 General" in text
    assert "Gap:     comprehensiveness 1, scope 1    small gap" in text
    assert "  to reach 3 Consistent:\n    • Do three." in text
    not_applicable = plain(practice_detail(small, analysis.practices[1], None))
    assert "not applicable" in not_applicable and "Nothing to do" in not_applicable


def test_sessions_header_is_literal(small: Questionnaire) -> None:
    rows = [LevelRow(pid, 1, 1, "", 2) for pid in small.practice_ids()]
    sessions = [
        imported_session(small, kind, "[red]Acme[/red]", "x.csv", rows)
        for kind in (SessionKind.TARGET, SessionKind.ASSESSMENT)
    ]
    sessions[0].interviewee = "[@click=app.quit]Dana[/]"
    compare_sessions(small, *sessions)
    lines = sessions_header(*sessions).plain.splitlines()
    assert lines[0].startswith("Target   [red]Acme[/red] · [@click=app.quit]Dana[/] · ")
    assert lines[1].startswith("Current  [red]Acme[/red] · ")
    assert "imported from x.csv" in lines[1]


# --- Colours ---------------------------------------------------------------------------------


def test_theme_palette_writes_readable_text_on_each_severity() -> None:
    palette = palette_from_variables(
        {"error": "#B93C5B", "warning": "#FEA62B", "success": "#4EBF71",
         "foreground": "#E0E0E0", "background": "#121212"}
    )  # fmt: skip
    assert palette.large == "#FFFFFF on #B93C5B"
    assert palette.small == "#000000 on #FEA62B"
    assert palette.none == "#000000 on #4EBF71"
    assert PLAIN.tone("muted") == "italic" and PLAIN.tone("large") == "reverse"


def test_target_and_current_have_the_reports_colours_lighter_on_a_dark_screen() -> None:
    light = palette_from_variables({"foreground": "#1F1F1F", "background": "#E0E0E0"})
    dark = palette_from_variables({"foreground": "#E0E0E0", "background": "#121212"})
    assert light.target == f"bold {TARGET.colour}" and light.current == f"bold {CURRENT.colour}"
    assert dark.target == f"bold {TARGET.colour_on_dark}" != light.target
    assert dark.current == f"bold {CURRENT.colour_on_dark}"
