"""The TUI goes through the same services as the CLI: the gap screen merges several
interviewees and shows the target profile's considerations, as ``smm gap`` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from interview.cli import main
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.screens.gap import GapScreen
from interview.tui.widgets.gap.roadmap import roadmap_view
from tests.helpers.pilot import AppFactory, press

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
PROFILES = Path(__file__).parent.parent / "data" / "profiles"


def imported(store: SessionStore, tmp_path: Path, kind: str, rows: str, who: str) -> str:
    """A session imported from CSV rows into the store; its id."""
    levels = tmp_path / f"{who}.csv"
    levels.write_text(f"practice,comprehensiveness,scope,note\n{rows}")
    arguments = [
        *("import", str(levels), "--kind", kind, "--system", "Lab rig", "--id", who),
        *("--interviewee", who, "--sessions-dir", str(store.folder)),
        *("--questionnaire", str(SMALL)),
    ]
    assert main(arguments) == 0
    return who


async def test_compare_can_merge_every_finished_assessment_of_the_system(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    imported(store, tmp_path, "target", "D1.1,3,2,\nD1.2,3,2,\nF1.1,2,1,\n", "goal")
    imported(store, tmp_path, "assessment", "D1.1,1,1,\nD1.2,2,1,\nF1.1,2,1,\n", "ana")
    imported(store, tmp_path, "assessment", "D1.1,3,1,\nD1.2,2,1,\nF1.1,0,,\n", "ben")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "1")  # compare; the target
        await press(pilot, "3")  # after ana and ben: both, merged
        screen = app.screen
        assert isinstance(screen, GapScreen)
        assert screen.consolidation is not None
        merged = screen.consolidation.current.sessions
        assert sorted(session.id for session in merged) == ["ana", "ben"]


async def test_compare_of_one_assessment_is_not_merged(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    imported(store, tmp_path, "target", "D1.1,3,2,\nD1.2,3,2,\nF1.1,2,1,\n", "goal")
    imported(store, tmp_path, "assessment", "D1.1,1,1,\nD1.2,2,1,\nF1.1,2,1,\n", "ana")
    imported(store, tmp_path, "assessment", "D1.1,3,1,\nD1.2,2,1,\nF1.1,0,,\n", "ben")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "1", "2")  # compare; the target; ben alone
        screen = app.screen
        assert isinstance(screen, GapScreen)
        assert screen.consolidation is None
        assert screen.current.id == "ben"


async def test_the_gap_screen_shows_the_profile_considerations(
    make_app: AppFactory,
    store: SessionStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SMM_PROFILES_DIR", str(PROFILES))
    app = make_app()
    target = app.workspace.start(SessionKind.TARGET, "Lab rig", profile_id="small-lab")
    imported(store, tmp_path, "assessment", "D1.1,2,1,\nD1.2,2,1,\nF1.1,1,1,\n", "ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "1", "1")  # compare; the profile's target; ana
        screen = app.screen
        assert isinstance(screen, GapScreen)
        assert screen.target.id == target.id
        assert screen.profile is not None and screen.profile.id == "small-lab"
        drawn = roadmap_view(screen.analysis.roadmap, profile=screen.profile)
    console = Console(width=120, record=True)
    console.print(drawn)
    shown = console.export_text()
    assert "In this sector (Small lab): Follow the lab standard." in shown
    assert "Audited against it." in shown


async def test_an_answers_file_is_replayed_then_the_interview_goes_on_where_it_stops(
    make_app: AppFactory, tmp_path: Path
) -> None:
    from interview.services.scripted import start_scripted
    from interview.tui.launch import Resume
    from interview.tui.screens.interview import InterviewScreen

    answers = tmp_path / "answers.csv"
    answers.write_text(
        "question,answer,note\nsystem_name,Lab rig,\nsystem_scope,,\ninterviewee_name,Ana,\n"
        "interviewee_role,Lead,\nD1.1.c1.1,yes,seen the audit\n"
    )
    app = make_app()
    started = start_scripted(app.workspace, SessionKind.ASSESSMENT, answers)
    assert started.session.answers["D1.1.c1.1"].note == "seen the audit"
    session = app.workspace.create(started.session)
    resumed = make_app(Resume(session.id))
    async with resumed.run_test() as pilot:
        await pilot.pause()
        screen = resumed.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.1.c2.1"


async def test_session_lists_break_the_line_instead_of_showing_a_backslash_n(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from textual.widgets import OptionList

    imported(store, tmp_path, "target", "D1.1,3,2,\nD1.2,3,2,\nF1.1,2,1,\n", "goal")
    imported(store, tmp_path, "assessment", "D1.1,1,1,\nD1.2,2,1,\nF1.1,2,1,\n", "ana")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4")  # compare: the targets
        options = app.screen.query_one(OptionList)
        label = str(options.get_option_at_index(0).prompt)
    assert "\\n" not in label, repr(label)
    assert "\n   goal · done" in label, repr(label)
