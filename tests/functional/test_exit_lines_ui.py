"""What quitting prints: "Resume with" for a session that is not finished; for a finished one,
what to do with it next (issue 15: a finished session was told how to resume it). The file
decides: looking back at a finished session leaves it finished, a change reopens it."""

from interview.cli.exit_lines import closing_lines
from interview.session.model import Phase, SessionKind
from interview.session.store import SessionStore
from interview.tui.app import ExitReport
from interview.tui.launch import Resume, StartNew
from tests.helpers.pilot import AppFactory, press, type_answer

SESSION = "acme-gate-assessment-2026-11-25"


async def finish_an_assessment(make_app: AppFactory) -> ExitReport | None:
    """The small questionnaire's assessment, answered to the end and quit from the last menu."""
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        await press(pilot, "1", "2", "1", "1", "2", "2", "1", "3", "2")  # every practice
        await press(pilot, "2")  # finish from the review
        await press(pilot, "3")  # quit from the final menu (1 accept, 2 review, 3 quit)
    return app.return_value


async def test_quitting_a_finished_session_says_what_comes_next(
    make_app: AppFactory, store: SessionStore
) -> None:
    report = await finish_an_assessment(make_app)
    assert report is not None and report.finished is not None
    assert closing_lines(report) == [
        f"Saved: {store.path_of(SESSION)}",
        "Finished. Next:",
        "  its answers, notes and levels:",
        f"    smm show {SESSION}",
        "  the current state as a document:",
        f"    smm report {SESSION}",
        "  the gap against a target (TARGET: an id from smm list):",
        f"    smm gap TARGET {SESSION}",
        "  take it as the next cycle's baseline:",
        f"    smm accept {SESSION}",
    ]


async def test_looking_back_at_a_finished_session_leaves_it_finished(
    make_app: AppFactory, store: SessionStore
) -> None:
    await finish_an_assessment(make_app)
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "escape", "ctrl+q")  # back two questions, no change
    report = app.return_value
    assert store.read(SESSION).phase is Phase.DONE
    assert report is not None and report.finished is not None
    assert "Finished. Next:" in closing_lines(report)


async def test_a_change_reopens_it_and_quitting_says_resume(
    make_app: AppFactory, store: SessionStore
) -> None:
    await finish_an_assessment(make_app)
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        # back to the last question, answered anew: reopening is confirmed ("r")
        await press(pilot, "escape", "1", "r", "ctrl+q")
    report = app.return_value
    assert store.read(SESSION).phase is not Phase.DONE
    assert report is not None and report.finished is None
    assert closing_lines(report) == [
        f"Saved: {store.path_of(SESSION)}",
        f"Resume with: smm resume {SESSION}",
    ]


async def test_quitting_an_unfinished_session_says_resume(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Gateway")
        await press(pilot, "ctrl+q")
    report = app.return_value
    assert report is not None and report.finished is None
    assert closing_lines(report) == [
        f"Saved: {store.path_of(SESSION)}",
        f"Resume with: smm resume {SESSION}",
    ]
