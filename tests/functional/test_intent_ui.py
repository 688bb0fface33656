"""What the user said is honoured: a profile or target given on the command line without
``--system`` is not asked again (issue 15)."""

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
