"""``smm serve`` tabs: a participant lists and opens only their browser's sessions, or one whose
code they type; the consultant's tab lists every session; a session's code is shown to them."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import OptionList

from interview.questionnaire import Questionnaire
from interview.services import Workspace
from interview.services.workshop import Seat, Workshop, shown_code
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import ExitReport, SmmApp
from interview.tui.launch import ShowStart
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.start import StartScreen
from interview.tui.workshop_messages import come_back_line
from tests.helpers.pilot import FROZEN, press, transcript_text, type_answer

ANN = Seat("ann-browser-0123456789")
BOB = Seat("bob-browser-0123456789")
CONSULTANT = Seat("con-browser-0123456789", consultant=True)


def workspace_of(store: SessionStore, small: Questionnaire) -> Workspace:
    return Workspace(small, store, clock=lambda: FROZEN)


def tab(store: SessionStore, small: Questionnaire, seat: Seat) -> SmmApp:
    workspace = workspace_of(store, small)
    return SmmApp(workspace, ShowStart(), Workshop(workspace.folder, seat))


def started_by(store: SessionStore, small: Questionnaire, seat: Seat, system: str) -> str:
    """A session started in a seat's browser; its code."""
    workspace = workspace_of(store, small)
    session = workspace.start(SessionKind.TARGET, system)
    return Workshop(workspace.folder, seat).claim(session.id)


def menu(app: App[ExitReport]) -> list[str]:
    options = app.screen.query_one("#start-menu", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_a_participant_lists_only_their_browser_s_sessions(
    store: SessionStore, small: Questionnaire
) -> None:
    started_by(store, small, ANN, "Ann's pump")
    started_by(store, small, BOB, "Bob's gateway")
    async with tab(store, small, BOB).run_test() as pilot:
        assert isinstance(pilot.app.screen, StartScreen)
        words = menu(pilot.app)
        assert "3. Resume a session of this browser (1 unfinished, 1 in all)" in words
        assert "5. Open a session with its code" in words
        assert not any("history" in line for line in words)  # it reads everyone's sessions
        await press(pilot, "3")
        listed = "\n".join(menu_lines(pilot.app, "#resume-list"))
        assert "Bob's gateway" in listed
        assert "Ann's pump" not in listed


def menu_lines(app: App[ExitReport], selector: str) -> list[str]:
    options = app.screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_a_participant_cannot_open_another_s_session_by_its_id(
    store: SessionStore, small: Questionnaire
) -> None:
    started_by(store, small, ANN, "Ann's pump")
    (ann_session,) = [path.stem for path in store.session_files()]
    before = (store.folder / f"{ann_session}.toml").read_bytes()
    app = tab(store, small, BOB)
    async with app.run_test() as pilot:
        app.open_session(ann_session)
        await pilot.pause()
        assert isinstance(pilot.app.screen, StartScreen)
    assert (store.folder / f"{ann_session}.toml").read_bytes() == before


async def test_the_code_opens_the_session_in_another_browser(
    store: SessionStore, small: Questionnaire
) -> None:
    code = started_by(store, small, ANN, "Ann's pump")
    async with tab(store, small, BOB).run_test() as pilot:
        await press(pilot, "5")
        await type_answer(pilot, "WRNG-CODE")
        assert isinstance(pilot.app.screen, StartScreen)  # a wrong code opens nothing
        await press(pilot, "5")
        await type_answer(pilot, shown_code(code).lower())
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        assert f"Your session code is {shown_code(code)}." in transcript_text(pilot.app)
    assert Workshop(store.folder, BOB).may_open(next(iter(store.session_files())).stem)


async def test_the_consultant_lists_every_session_and_who_has_finished(
    store: SessionStore, small: Questionnaire
) -> None:
    started_by(store, small, ANN, "Ann's pump")
    started_by(store, small, BOB, "Bob's gateway")
    async with tab(store, small, CONSULTANT).run_test() as pilot:
        words = menu(pilot.app)
        assert "3. Every participant's session (0 finished, 2 not yet)" in words
        assert "5. The history of a system over its improvement cycles" in words
        assert not any("code" in line for line in words)


async def test_a_new_session_in_a_tab_belongs_to_its_browser_and_shows_its_code(
    store: SessionStore, small: Questionnaire
) -> None:
    async with tab(store, small, ANN).run_test() as pilot:
        await press(pilot, "1")
        await type_answer(pilot, "Ann's pump")
        for _ in range(5):  # the sector and profile questions, if asked, then the interview
            if isinstance(pilot.app.screen, InterviewScreen):
                break
            await press(pilot, "1")
        assert isinstance(pilot.app.screen, InterviewScreen)
        (session,) = [path.stem for path in store.session_files()]
        code = Workshop(store.folder, ANN).code_of(session)
        assert code is not None
        assert f"Your session code is {shown_code(code)}." in transcript_text(pilot.app)
    assert not Workshop(store.folder, BOB).may_open(session)


def test_the_seats_live_beside_the_sessions_but_not_in_their_list(
    store: SessionStore, small: Questionnaire, tmp_path: Path
) -> None:
    started_by(store, small, ANN, "Ann's pump")
    assert (store.folder / "workshop" / "seats.toml").is_file()
    assert len(workspace_of(store, small).list_sessions().summaries) == 1
    assert workspace_of(store, small).list_sessions().problems == []


async def test_a_served_palette_offers_no_screenshot_saved_on_the_server(
    store: SessionStore, small: Questionnaire
) -> None:
    async with tab(store, small, ANN).run_test() as pilot:
        titles = [command.title for command in pilot.app.get_system_commands(pilot.app.screen)]
        assert "Quit" in titles
        assert "Screenshot" not in titles
    workspace = workspace_of(store, small)
    async with SmmApp(workspace, ShowStart()).run_test() as pilot:  # in a terminal it stays
        titles = [command.title for command in pilot.app.get_system_commands(pilot.app.screen)]
        assert "Screenshot" in titles


def test_a_finished_interview_says_how_to_come_back_where_it_runs(
    store: SessionStore, small: Questionnaire
) -> None:
    code = started_by(store, small, ANN, "Ann's pump")
    (session,) = [path.stem for path in store.session_files()]
    served = come_back_line(tab(store, small, ANN), session)
    assert shown_code(code) in served
    assert '"Open a session with its code"' in served
    assert "smm resume" not in served  # a browser cannot run it
    in_terminal = come_back_line(SmmApp(workspace_of(store, small), ShowStart()), session)
    assert in_terminal.endswith(f"smm resume {session}")
