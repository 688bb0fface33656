"""The overview at the end of a target interview, through the real UI: its rows, changing a
practice from it, approving, and going back to the review."""

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from interview.session.model import Phase, SessionKind, TargetSession
from interview.session.store import SessionStore
from interview.tui.app import ExitReport
from interview.tui.launch import Resume, StartNew
from interview.tui.screens.dialogs import ApprovalDialog
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.target_overview import TargetOverviewScreen
from tests.helpers.pilot import FROZEN, AppFactory, press, transcript_text, type_answer

SESSION = "acme-gate-target-2026-11-25"


async def finish_a_target(pilot: Pilot[ExitReport]) -> None:
    """The small questionnaire's target, answered as in test_a_complete_target."""
    for text in ("Gateway", "Dana", "Owner"):
        await type_answer(pilot, text)
    await press(pilot, "2", "1", "3", "3")  # D goal 2, scope 1; D1 "More."; D1.1 keep 3
    await press(pilot, "1")  # D1.2: lower to 1
    await type_answer(pilot, "Lab only")
    await press(pilot, "2", "3", "2", "n")  # F goal 2, scope 3; F1 "Same."; F1.1 n/a
    await type_answer(pilot, "No devices")
    await press(pilot, "1")  # finish from the review


def shown_rows(screen: TargetOverviewScreen) -> dict[str, str]:
    choices = screen.query_one(OptionList)
    options = [choices.get_option_at_index(i) for i in range(choices.option_count)]
    return {option.id or "": str(option.prompt) for option in options}


async def test_a_finished_target_opens_on_its_overview(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_target(pilot)
        screen = app.screen
        assert isinstance(screen, TargetOverviewScreen)
        rows = shown_rows(screen)
        assert rows["D1.1"].startswith("D1.1 Practice")
        assert "3 Consistent · Industry" in rows["D1.1"] and "needs: More." in rows["D1.1"]
        assert "1 Minimum · Industry" in rows["D1.2"] and "yours: Lab only" in rows["D1.2"]
        assert "not applicable" in rows["F1.1"] and "yours: No devices" in rows["F1.1"]
        title = str(screen.query_one("#overview-title", Static).render())
        assert "Not approved yet" in title
        warnings = str(screen.query_one("#overview-warning-text", Static).render())
        assert "No warnings: level 4 in 1 practice or fewer" in warnings


async def test_choosing_a_practice_asks_its_purpose_again(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_target(pilot)
        choices = app.screen.query_one(OptionList)
        choices.highlighted = choices.get_option_index("D1.2")
        await press(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "@D1.2.purpose"
        assert transcript_text(app).rstrip().endswith("Keep, raise or lower?")
        await press(pilot, "ctrl+r", "1")  # the review, then finish: the overview again
        assert isinstance(app.screen, TargetOverviewScreen)


async def test_finish_and_approve_records_the_approver(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_target(pilot)
        await press(pilot, "1")
        dialog = app.screen
        assert isinstance(dialog, ApprovalDialog)
        assert dialog.query_one("#approver", Input).value == "Dana"
        await type_answer(pilot, "Dana\u00a0Whit\u200dfield [b]CEO[/b]")
        screen = app.screen
        assert isinstance(screen, TargetOverviewScreen)
        title = str(screen.query_one("#overview-title", Static).render())
        assert "Approved by Dana" in title and "[b]CEO[/b] on 2026-11-25 09:30 UTC" in title
    saved = store.read(SESSION)
    assert isinstance(saved, TargetSession)
    assert saved.approved_by == "Dana\u00a0Whit\u200dfield [b]CEO[/b]"
    assert saved.approved_at == FROZEN


async def test_escape_goes_back_to_the_review_and_cancel_approves_nothing(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_target(pilot)
        await press(pilot, "1", "escape")  # the dialog, cancelled
        assert isinstance(app.screen, TargetOverviewScreen)
        await press(pilot, "escape")
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.engine.phase is Phase.REVIEW
    saved = store.read(SESSION)
    assert isinstance(saved, TargetSession) and saved.approved_by is None


async def test_a_resumed_finished_target_opens_on_its_overview(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_a_target(pilot)
        await press(pilot, "4")  # quit
    resumed = make_app(Resume(SESSION))
    async with resumed.run_test(size=(80, 24)):
        assert isinstance(resumed.screen, TargetOverviewScreen)
