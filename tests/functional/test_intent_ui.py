"""What the user said is honoured: a profile or target given on the command line without
``--system`` is not asked again (issue 15)."""

import errno
import os
from pathlib import Path

import pytest

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.services import Workspace
from interview.session.model import Phase, SessionKind, as_assessment, as_target
from interview.session.store import SessionStore
from interview.tui.launch import Resume, StartNew
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import FROZEN, AppFactory, finish_an_assessment, press, type_answer


@pytest.fixture(autouse=True)
def shipped_profiles_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMM_PROFILES_DIR", str(tmp_path / "no-profiles"))


async def test_a_profile_given_ahead_asks_only_the_name(
    make_app: AppFactory, store: SessionStore
) -> None:
    smm = load_questionnaire()
    launch = StartNew(SessionKind.TARGET, "", profile_id="consumer-smart-home")
    app = make_app(launch, questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Home hub")
        assert isinstance(app.screen, InterviewScreen)
    session = as_target(store.read("home-hub-target-2026-11-25"))
    assert session.profile == "consumer-smart-home"


async def test_a_target_given_ahead_is_linked_after_the_name(
    make_app: AppFactory, store: SessionStore, small: Questionnaire
) -> None:
    target = Workspace(small, store, clock=lambda: FROZEN).start(SessionKind.TARGET, "Lab rig")
    app = make_app(StartNew(SessionKind.ASSESSMENT, "", target_id=target.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Lab rig")
        assert isinstance(app.screen, InterviewScreen)
    assessment = as_assessment(store.read("lab-rig-assessment-2026-11-25"))
    assert assessment.target_session == target.id


SESSION = "acme-gate-assessment-2026-11-25"


async def test_a_failed_save_is_tried_again_and_reported_at_quit(
    make_app: AppFactory, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk: the answers after it are not in the file, and the exit report says so."""
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Gateway and cloud API")
        monkeypatch.setattr(store, "save", disk_full)
        await type_answer(pilot, "Dana")
        await pilot.press("ctrl+q")
    report = app.return_value
    assert report is not None and report.unsaved is not None
    assert "No space left on device" in report.unsaved
    assert store.read(SESSION).interviewee != "Dana"  # the file holds the save before


async def test_a_save_that_works_again_at_quit_reports_nothing_unsaved(
    make_app: AppFactory, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Gateway and cloud API")
        with monkeypatch.context() as full:
            full.setattr(store, "save", disk_full)
            await type_answer(pilot, "Dana")
        await pilot.press("ctrl+q")  # the disk has room again
    report = app.return_value
    assert report is not None and report.unsaved is None
    assert store.read(SESSION).interviewee == "Dana"


def disk_full(_session: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


async def test_a_crash_is_kept_for_the_log_not_printed_on_the_screen(
    make_app: AppFactory,
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(lambda: 1 / 0)
            await pilot.pause()
    assert isinstance(app.crash, ZeroDivisionError)
    assert app.return_code == 1
    assert not app._exit_renderables  # Textual would print its traceback from these


async def test_the_start_screen_says_sub_domains_as_the_rest_of_smm_does(
    make_app: AppFactory,
) -> None:
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(80, 24)):
        intro = str(app.screen.query_one(".intro", Static).render())
    assert "3 domains, 9 sub-domains, 18 practices" in intro
    assert "area" not in intro


async def test_looking_back_at_a_finished_session_keeps_it_finished(
    make_app: AppFactory, store: SessionStore
) -> None:
    await finish_an_assessment(make_app)
    finished = store.path_of(SESSION).read_bytes()
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape")  # back to the last question, to look at it
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.engine.phase is Phase.INTERVIEW
        await press(pilot, "escape", "ctrl+q")
    assert store.path_of(SESSION).read_bytes() == finished


async def test_changing_an_answer_reopens_a_finished_session_and_says_so(
    make_app: AppFactory, store: SessionStore
) -> None:
    await finish_an_assessment(make_app)
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "1", "r")  # F1.1's question: "yes" this time; reopen
        told = [notice.message for notice in app._notifications]
        await press(pilot, "ctrl+q")
    assert any("was finished: this change reopens it" in message for message in told)
    assert store.read(SESSION).phase is not Phase.DONE


async def test_esc_on_a_finished_targets_overview_keeps_it_finished(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Owner"):
            await type_answer(pilot, text)
        # D goal 2, scope 1, D1 "More."; D1.1 and D1.2 keep 3 (a purpose's digit is its
        # level); F goal 2, scope 3, F1 "Same."; F1.1 keeps 2; finish from the review
        await press(pilot, "2", "1", "3", "3", "3", "2", "3", "2", "2", "1")
    target = "acme-gate-target-2026-11-25"
    assert store.read(target).phase is Phase.DONE
    app = make_app(Resume(target))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "ctrl+q")  # the overview's Esc: back to the review
    assert store.read(target).phase is Phase.DONE


async def test_the_resume_list_breaks_the_line_instead_of_showing_a_backslash_n(
    make_app: AppFactory,
) -> None:
    """The compare list is checked in test_workspace_ui; the resume list uses the same label."""
    from textual.widgets import OptionList

    await finish_an_assessment(make_app)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "3")  # resume
        label = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
    assert "\\n" not in label, repr(label)
    assert label.startswith("1. Acme Gate — self-assessment\n   Dana · done · "), repr(label)
