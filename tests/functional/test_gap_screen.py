"""The gap screen driven with Pilot in a small app that shows only it, and its pictures.

Two cases: the small questionnaire (tests/data/questionnaires/small.toml) with the levels of
tests/data/csv/target.csv and assessment.csv, and the shipped questionnaire with a realistic
target and assessment (every severity, an exceeded target, a practice that does not apply, and
markup in the system name and a reason, which must show as typed).
"""

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import ClassVar, cast

import pytest
from rich.console import Console, RenderableType
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static, TabbedContent

from interview.consolidation import GapConsolidation, compare_consolidated, consolidate_gap
from interview.gap import compare_sessions
from interview.levels_csv import LevelRow, imported_session, read_level_rows
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import Session, SessionKind
from interview.tui.screens.gap import GapScreen, PracticeDetail
from interview.tui.widgets.gap.heat_map import HeatMap

SnapCompare = Callable[..., bool]

TUI = Path(__file__).parents[2] / "interview" / "tui"
DATA = Path(__file__).parents[1] / "data"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
SYSTEM = "Acme [b]Gateway[/b]"

# The shipped questionnaire: (comprehensiveness, scope, reason); None is not applicable.
TARGETS: dict[str, tuple[int | None, int | None, str]] = {
    "G1.1": (3, 2, "Sector regulator audits us yearly"),
    "G1.2": (3, 2, "IEC 62443 compliance [bold]required[/bold]"),
    "G2.1": (3, 3, "Field devices are exposed to the plant network"),
    "G2.2": (2, 2, ""),
    "G3.1": (3, 2, ""),
    "G3.2": (2, 1, ""),
    "E1.1": (3, 3, ""),
    "E1.2": (3, 3, ""),
    "E2.1": (2, 2, ""),
    "E2.2": (None, None, "Devices sit in locked cabinets owned by the customer"),
    "E3.1": (2, 2, ""),
    "E3.2": (3, 2, ""),
    "H1.1": (3, 2, ""),
    "H1.2": (4, 3, "Patch within 30 days, as the contract says"),
    "H2.1": (2, 2, ""),
    "H2.2": (1, 1, ""),
    "H3.1": (3, 2, ""),
    "H3.2": (2, 2, ""),
}
# Large: G2.1, G3.1, E1.2, H1.2, H3.2. Small: G1.1, E1.1, E3.1, H1.1, H3.1.
# No gap: G1.2, G3.2, E2.1, E3.2, H2.2. Exceeds target: G2.2, H2.1. Not applicable: E2.2.
CURRENTS: dict[str, tuple[int, int | None]] = {
    "G1.1": (2, 1),
    "G1.2": (3, 2),
    "G2.1": (1, 1),
    "G2.2": (3, 2),
    "G3.1": (0, None),
    "G3.2": (2, 1),
    "E1.1": (2, 3),
    "E1.2": (3, 1),
    "E2.1": (2, 2),
    "E2.2": (1, 1),
    "E3.1": (1, 2),
    "E3.2": (3, 3),
    "H1.1": (2, 2),
    "H1.2": (1, 1),
    "H2.1": (3, 3),
    "H2.2": (1, 1),
    "H3.1": (2, 2),
    "H3.2": (0, None),
}


def named(session: Session, session_id: str, interviewee: str, role: str) -> Session:
    """The session with an id and the person who answered."""
    session.id, session.interviewee, session.role = session_id, interviewee, role
    return session


def realistic_sessions(questionnaire: Questionnaire) -> tuple[Session, Session]:
    """A target and an assessment of the shipped questionnaire, as if imported."""
    target_rows = [
        LevelRow(pid, level, scope, reason, line)
        for line, (pid, (level, scope, reason)) in enumerate(TARGETS.items(), start=2)
    ]
    current_rows = [
        LevelRow(pid, level, scope, "", line)
        for line, (pid, (level, scope)) in enumerate(CURRENTS.items(), start=2)
    ]
    target = imported_session(
        questionnaire, SessionKind.TARGET, SYSTEM, "target.csv", target_rows, now=NOW
    )
    current = imported_session(
        questionnaire, SessionKind.ASSESSMENT, SYSTEM, "levels.csv", current_rows, now=NOW
    )
    return (
        named(target, "acme-target", "Dana Whitfield", "Product owner"),
        named(current, "acme-current", "Sam Okafor", "Firmware lead"),
    )


def small_sessions(questionnaire: Questionnaire) -> tuple[Session, Session]:
    """The small questionnaire's target.csv and assessment.csv, imported."""
    sessions = []
    for kind, name in ((SessionKind.TARGET, "target"), (SessionKind.ASSESSMENT, "assessment")):
        rows = read_level_rows(DATA / "csv" / f"{name}.csv", questionnaire, kind)
        session = imported_session(questionnaire, kind, SYSTEM, f"{name}.csv", rows, now=NOW)
        sessions.append(named(session, f"small-{name}", "Dana Whitfield", "Firmware lead"))
    return sessions[0], sessions[1]


# Three assessments of the small questionnaire, per practice (comprehensiveness, scope):
#   D1.1: Ann 3/2, Bo 1/3, Cy 2/1 -> lowest 1, scope at 1 is Bo's 3: 1/3; spreads 2 and 2.
#   D1.2: 1/2, 1/1, 1/2           -> 1/1; spreads 0 and 1.
#   F1.1: 2/1, 0, 1/1             -> 0 (scope n/a); spreads 2 and 0 (n/a is no scope).
# Against target.csv (D1.1 3/2, D1.2 n/a, F1.1 2/1): D1.1 gap 2/0, F1.1 gap 2/1, both large.
INTERVIEWEES: dict[str, tuple[str, str, dict[str, tuple[int, int | None]]]] = {
    "small-ann": ("Ann [i]Lee[/i]", "Ops lead", {"D1.1": (3, 2), "D1.2": (1, 2), "F1.1": (2, 1)}),
    "small-bo": ("Bo Chen", "Firmware lead", {"D1.1": (1, 3), "D1.2": (1, 1), "F1.1": (0, None)}),
    "small-cy": ("Cy Diaz", "", {"D1.1": (2, 1), "D1.2": (1, 2), "F1.1": (1, 1)}),
}


def three_assessments(questionnaire: Questionnaire) -> list[Session]:
    """The three interviewees' assessments of the small questionnaire, as if imported."""
    sessions = []
    for session_id, (name, role, levels) in INTERVIEWEES.items():
        rows = [
            LevelRow(pid, level, scope, "", line)
            for line, (pid, (level, scope)) in enumerate(levels.items(), start=2)
        ]
        session = imported_session(
            questionnaire, SessionKind.ASSESSMENT, SYSTEM, "levels.csv", rows, now=NOW
        )
        sessions.append(named(session, session_id, name, role))
    return sessions


class GapApp(App[None]):
    """Only the gap screen, over an empty default screen."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [TUI / "smm.tcss", TUI / "gap.tcss"]

    def __init__(
        self,
        questionnaire: Questionnaire,
        target: Session,
        current: Session,
        consolidation: GapConsolidation | None = None,
    ) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.target = target
        self.current = current
        self.consolidation = consolidation

    def on_mount(self) -> None:
        if self.consolidation is None:
            analysis = compare_sessions(self.questionnaire, self.target, self.current)
        else:
            analysis = compare_consolidated(self.questionnaire, self.consolidation)
        screen = GapScreen(
            self.questionnaire, analysis, self.target, self.current, self.consolidation
        )
        self.push_screen(screen)


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire()


@pytest.fixture
def realistic_app(smm: Questionnaire) -> GapApp:
    return GapApp(smm, *realistic_sessions(smm))


@pytest.fixture
def small_app(small: Questionnaire) -> GapApp:
    return GapApp(small, *small_sessions(small))


@pytest.fixture
def consolidated_app(small: Questionnaire) -> GapApp:
    target, _ = small_sessions(small)
    currents = three_assessments(small)
    return GapApp(small, target, currents[0], consolidate_gap(small, [target], currents))


def heat_ids(app: App[None]) -> list[str]:
    """The ids of the heat map rows on show, top to bottom."""
    return [row.item_id for row in app.screen.query_one(HeatMap).rows]


def highlighted(app: App[None]) -> str:
    """The id of the heat map row under the cursor."""
    heat_map = app.screen.query_one(HeatMap)
    assert heat_map.highlighted is not None
    return heat_map.rows[heat_map.highlighted].item_id


def rendered(widget: Static, width: int = 200) -> str:
    """What a Static shows, as plain text (Rich renderables laid out ``width`` wide)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(cast(RenderableType, widget.content))
    return console.export_text()


# --- Pilot -----------------------------------------------------------------------------------


async def test_keys_1_to_4_switch_the_tabs_and_take_the_keyboard_along(small_app: GapApp) -> None:
    async with small_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = small_app.screen
        assert isinstance(screen, GapScreen)
        assert screen.active_tab == "heat-map"
        assert isinstance(small_app.focused, HeatMap)
        for key, tab, focused in [
            ("2", "bar-chart", "bar-scroll"),
            ("3", "radar", "radar-side"),
            ("4", "roadmap", "roadmap-scroll"),
            ("1", "heat-map", "heat-map-list"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert screen.query_one(TabbedContent).active == tab
            assert small_app.focused is not None and small_app.focused.id == focused


async def test_footer_names_the_keys(small_app: GapApp) -> None:
    async with small_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = {
            key: active.binding.description
            for key, active in small_app.screen.active_bindings.items()
            if active.binding.show
        }
        assert shown["1"] == "Heat map" and shown["4"] == "Roadmap"
        assert shown["escape"] == "Back" and shown["enter"] == "Open"


async def test_drill_down_with_arrows_and_enter(small_app: GapApp) -> None:
    async with small_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert heat_ids(small_app) == ["D", "D1", "D1.1", "D1.2", "F", "F1", "F1.1"]
        await pilot.press("left")  # on D: closes it
        assert heat_ids(small_app) == ["D", "F", "F1", "F1.1"]
        await pilot.press("right")  # opens it again
        assert heat_ids(small_app) == ["D", "D1", "D1.1", "D1.2", "F", "F1", "F1.1"]
        await pilot.press("right")  # on an open row: down to its first child
        assert highlighted(small_app) == "D1"
        await pilot.press("enter")  # Enter closes an open group
        assert heat_ids(small_app) == ["D", "D1", "F", "F1", "F1.1"]
        await pilot.press("enter")
        await pilot.press("down")
        assert highlighted(small_app) == "D1.1"
        await pilot.press("left")  # on a practice: up to its sub-domain
        assert highlighted(small_app) == "D1"


async def test_enter_on_a_practice_shows_its_detail_and_esc_leaves(small_app: GapApp) -> None:
    async with small_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(small_app.screen, PracticeDetail)
        detail = rendered(small_app.screen.query_one("#practice-detail-body", Static))
        assert "D1.1 Practice" in detail
        assert "Target:  3 Consistent, scope 2 Industry specific (imported)" in detail
        assert "why: Sector rules apply" in detail
        assert "Current: 2 Ad hoc, scope 1 General" in detail
        assert "comprehensiveness 1, scope 1" in detail and "small gap" in detail
        assert "to reach 3 Consistent:" in detail and "Do three." in detail
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(small_app.screen, GapScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(small_app.screen, GapScreen)


async def test_markup_in_names_and_reasons_is_shown_as_typed(realistic_app: GapApp) -> None:
    async with realistic_app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        header = rendered(realistic_app.screen.query_one("#gap-sessions", Static))
        assert header.splitlines()[0].startswith("Target   Acme [b]Gateway[/b] · Dana Whitfield")
        await pilot.press("down", "down", "down", "enter")  # G1.2
        await pilot.pause()
        detail = rendered(realistic_app.screen.query_one("#practice-detail-body", Static))
        assert "why: IEC 62443 compliance [bold]required[/bold]" in detail


async def test_roadmap_lists_the_improvements_most_urgent_first(realistic_app: GapApp) -> None:
    async with realistic_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        roadmap = rendered(realistic_app.screen.query_one("#roadmap-text", Static))
        numbered = re.findall(r"^ ?\d+\. (\S+)", roadmap, flags=re.MULTILINE)
        # Large gaps first, the larger comprehensiveness gap first, G before E before H.
        assert numbered[:5] == ["G3.1", "H1.2", "G2.1", "H3.2", "E1.2"]
        assert numbered[5:] == ["G1.1", "E1.1", "E3.1", "H1.1", "H3.1"]  # small gaps
        assert "why: Patch within 30 days, as the contract says" in " ".join(roadmap.split())


async def test_a_new_theme_redraws_the_colours(realistic_app: GapApp) -> None:
    async with realistic_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        legend = realistic_app.screen.query_one("#radar-legend", Static)
        dark = cast(Text, legend.content)
        realistic_app.theme = "textual-light"
        await pilot.pause()
        light = cast(Text, legend.content)
        assert dark.plain == light.plain  # the same words ...
        assert dark.spans != light.spans  # ... in the light theme's colours


async def test_several_interviewees_show_in_the_header_the_heat_map_and_the_detail(
    consolidated_app: GapApp,
) -> None:
    async with consolidated_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = rendered(consolidated_app.screen.query_one("#gap-sessions", Static))
        assert header.splitlines()[1].startswith(
            "Current  Acme [b]Gateway[/b] · Ann [i]Lee[/i], Bo Chen, Cy Diaz · 3 assessments, "
            "merged by the lowest level per practice"
        )
        shown = {row.item_id: row.marker for row in consolidated_app.screen.query_one(HeatMap).rows}
        assert shown == {"D": "", "D1": "", "D1.1": "≠2/2", "D1.2": "≠0/1", "F": "", "F1": "",
                         "F1.1": "≠2/0"}  # fmt: skip
        await pilot.press("down", "down", "enter")  # D1.1
        await pilot.pause()
        assert isinstance(consolidated_app.screen, PracticeDetail)
        detail = rendered(consolidated_app.screen.query_one("#practice-detail-body", Static))
        lines = [line.rstrip() for line in detail.splitlines()]
        assert "Current: 1 Minimum, scope 3 System specific" in lines
        assert "Gap:     comprehensiveness 2, scope 0    large gap" in lines
        heading = lines.index(
            "Current state, 3 interviewees (merged by the lowest level): they disagree by 2 "
            "levels, and on scope by 2"
        )
        assert lines[heading + 1 : heading + 4] == [
            "  3/2  Ann [i]Lee[/i] (Ops lead) · small-ann",
            "  1/3  Bo Chen (Firmware lead) · small-bo",
            "  2/1  Cy Diaz · small-cy",
        ]


async def test_one_session_per_side_shows_no_interviewees(small_app: GapApp) -> None:
    async with small_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert all(row.marker == "" for row in small_app.screen.query_one(HeatMap).rows)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        detail = rendered(small_app.screen.query_one("#practice-detail-body", Static))
        assert "interviewees" not in detail


# --- Pictures --------------------------------------------------------------------------------


def test_heat_map_80x24(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    assert snap_compare(realistic_app, terminal_size=(80, 24))


def test_bar_chart_80x24(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    assert snap_compare(realistic_app, press=["2"], terminal_size=(80, 24))


def test_radar_80x24(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    assert snap_compare(realistic_app, press=["3"], terminal_size=(80, 24))


def test_bar_chart_light_theme_80x24(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    async def light(pilot: Pilot[None]) -> None:
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(realistic_app, press=["2"], terminal_size=(80, 24), run_before=light)


def test_heat_map_160x50(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    assert snap_compare(realistic_app, terminal_size=(160, 50))


def test_radar_160x50(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    assert snap_compare(realistic_app, press=["3"], terminal_size=(160, 50))


def test_heat_map_of_several_interviewees_80x24(
    snap_compare: SnapCompare, consolidated_app: GapApp
) -> None:
    assert snap_compare(consolidated_app, terminal_size=(80, 24))


def test_practice_detail_of_several_interviewees_80x24(
    snap_compare: SnapCompare, consolidated_app: GapApp
) -> None:
    assert snap_compare(consolidated_app, press=["down", "down", "enter"], terminal_size=(80, 24))


def test_practice_detail_80x24(snap_compare: SnapCompare, realistic_app: GapApp) -> None:
    assert snap_compare(realistic_app, press=["down", "down", "enter"], terminal_size=(80, 24))
