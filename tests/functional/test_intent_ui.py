"""What the user said is honoured: a profile or target given on the command line without
``--system`` is not asked again (issue 15)."""

import errno
import os
from pathlib import Path

import pytest

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.services import Workspace
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import StartNew
from interview.tui.screens.interview import InterviewScreen
from tests.functional.conftest import FROZEN, AppFactory, type_answer


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
    session = store.read("home-hub-target-2026-11-25")
    assert session.profile == "consumer-smart-home"


async def test_a_target_given_ahead_is_linked_after_the_name(
    make_app: AppFactory, store: SessionStore, small: Questionnaire
) -> None:
    target = Workspace(small, store, clock=lambda: FROZEN).start(SessionKind.TARGET, "Lab rig")
    app = make_app(StartNew(SessionKind.ASSESSMENT, "", target_id=target.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Lab rig")
        assert isinstance(app.screen, InterviewScreen)
    assessment = store.read("lab-rig-assessment-2026-11-25")
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
