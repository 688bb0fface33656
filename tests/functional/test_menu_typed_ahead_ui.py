"""Typed ahead, a menu does not eat the next keys (issue 15): the review and the finished
interview's menu take no key typed before they were put up."""

from textual import events
from textual.pilot import Pilot

from interview.session.model import Phase, SessionKind, as_assessment
from interview.session.store import SessionStore
from interview.tui.app import ExitReport
from interview.tui.launch import StartNew
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import AppFactory, press, type_answer

SESSION = "acme-gate-assessment-2026-11-25"


async def typed_ahead(pilot: Pilot[ExitReport], *keys: str) -> None:
    """Keys typed in one go while the app is busy: each is stamped now, as the driver stamps
    what it reads, and reaches the app one after the other as it gets to them."""
    driver = pilot.app._driver
    assert driver is not None  # the app runs under the pilot
    typed = []
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        typed.append(event)
    for event in typed:
        driver.send_message(event)
        await pilot.pause()


async def test_digits_typed_past_the_last_question_do_not_finish_or_accept(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Firmware lead"):
            await type_answer(pilot, text)
        # The whole assessment (D1.1 3/2, D1.2 0, F1.1 yes, don't know, industry no), then
        # "2" and "1": on the review, "2. Finish"; on the finished menu, "1. Accept".
        await typed_ahead(pilot, "1", "2", "1", "1", "2", "2", "1", "3", "2", "2", "1")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        phase_after_typing = screen.engine.phase
        await press(pilot, "2")  # seen and chosen: finish
        finished = screen.engine.phase
    session = as_assessment(store.read(SESSION))
    assert phase_after_typing is Phase.REVIEW
    assert finished is Phase.DONE
    assert session.accepted_as_baseline is None
    assert session.answers["@F1.1.scope.industry"].value == "no"  # every answer was taken


async def test_a_menu_still_takes_a_click(make_app: AppFactory, store: SessionStore) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Firmware lead"):
            await type_answer(pilot, text)
        await press(pilot, "2", "2", "2")  # every practice "no": the review offers Finish
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.engine.phase is Phase.REVIEW
        await pilot.click("#choices", offset=(4, 0))
        await pilot.pause()
        # mypy keeps the phase narrowed to REVIEW (above) across the click, which finishes.
        assert screen.engine.phase is Phase.DONE  # type: ignore[comparison-overlap]
