"""The start screen asks a new target's sector, offers the profiles made for it first, and the
new session has the sector answered; Esc goes back one step at a time."""

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import as_target
from interview.session.store import SessionStore
from interview.tui.app import ExitReport, SmmApp
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.new_session import NewSessionScreen
from interview.tui.screens.start import StartScreen
from interview.tui.widgets.choice_lists import NumberedOptionList
from tests.helpers.pilot import AppFactory, press, type_answer

MEDICAL = 5  # "Medical devices and healthcare", the fifth sector of the questionnaire
OTHER = 9  # "Other / not listed", after the eight sectors


@pytest.fixture(autouse=True)
def shipped_profiles_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMM_PROFILES_DIR", str(tmp_path / "no-profiles"))


@pytest.fixture
def smm() -> Questionnaire:
    return load_questionnaire()


def choices(app: SmmApp) -> list[str]:
    """The words of the options on the new-session screen, as shown."""
    options = app.screen.query_one("#choice-list", NumberedOptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


def title(app: SmmApp) -> str:
    return str(app.screen.query_one("#choice-title", Static).render())


async def test_the_sector_suggests_its_profile_and_is_answered(
    make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    app = make_app(questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")  # set a target
        await type_answer(pilot, "Infusion pumps")
        assert title(app).startswith("Which sector does the system serve?")
        assert choices(app)[MEDICAL - 1] == "5. Medical devices and healthcare"
        assert choices(app)[-1].startswith("9. Other / not listed")
        await press(pilot, str(MEDICAL))
        shown = choices(app)
        assert shown[0].startswith(
            "1. Connected medical device (suggested for Medical devices and healthcare): "
        )
        assert shown[1] == "2. Start from scratch"
        assert len(shown) == 2 + 6  # then the six other shipped profiles
        assert not any("suggested" in label for label in shown[2:])
        await press(pilot, "1")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "system_scope"
        await type_answer(pilot, "Pump, drug library server, cloud")
        await press(pilot, "1")  # maker
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "regulations"  # not the sector
    session = as_target(store.read("infusion-pumps-target-2026-11-25"))
    assert session.answers["industry"].value == "medical"
    assert session.profile == "medical-device"
    assert session.levels["G1.1"].origin.value == "profile"


async def test_a_sector_not_listed_suggests_nothing_and_is_asked_later(
    make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    app = make_app(questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        await type_answer(pilot, "Satellite link")
        await press(pilot, str(OTHER))
        assert choices(app)[0] == "1. Start from scratch"
        assert not any("suggested" in label for label in choices(app))
        await press(pilot, "1")
        assert isinstance(app.screen, InterviewScreen)
    session = as_target(store.read("satellite-link-target-2026-11-25"))
    assert "industry" not in session.answers
    assert session.profile is None


async def test_a_sector_without_a_profile_says_so(make_app: AppFactory, smm: Questionnaire) -> None:
    app = make_app(questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        await type_answer(pilot, "Office sensors")
        await press(pilot, "8")  # enterprise: no profile is made for it
        assert title(app).startswith("No profile is made for Enterprise IT and office IoT yet.")
        assert choices(app)[0] == "1. Start from scratch"


async def test_escape_goes_back_one_step(make_app: AppFactory, smm: Questionnaire) -> None:
    app = make_app(questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        await type_answer(pilot, "Infusion pumps")
        await press(pilot, str(MEDICAL))
        assert "Start from scratch" in " ".join(choices(app))
        await press(pilot, "escape")  # back to the sectors
        assert title(app).startswith("Which sector")
        await press(pilot, "3")  # energy, this time
        assert "(suggested for Energy and utilities" in choices(app)[0]
        await press(pilot, "escape", "escape")  # the sectors, then the name
        assert isinstance(app.screen, NewSessionScreen)
        assert not app.screen.query_one("#choice-list").display
        assert app.screen.focused is app.screen.query_one("#system-name", Input)
        await press(pilot, "escape")  # the start screen
        assert isinstance(app.screen, StartScreen)


def test_snapshot_of_the_profiles_suggested_for_a_sector(
    snap_compare: Callable[..., bool], make_app: AppFactory, smm: Questionnaire
) -> None:
    """At 80x24 the long labels wrap: the suggestion stays whole and readable."""

    async def to_the_profiles(pilot: Pilot[ExitReport]) -> None:
        await press(pilot, "1")
        await type_answer(pilot, "Infusion pumps")
        await press(pilot, str(MEDICAL))
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(questionnaire=smm), run_before=to_the_profiles)
