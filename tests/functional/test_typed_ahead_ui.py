"""Keys typed ahead keep their meaning (issue 15): a practice summary never eats the next
answer, a digit in a target's purpose question is always its level, and typing in the
regulations checklist goes to its "Other" field."""

from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import StartNew
from interview.tui.screens.interview import InterviewScreen
from tests.functional.conftest import AppFactory, type_answer

SESSION = "acme-gate-assessment-2026-11-25"


async def test_answers_typed_ahead_past_a_practice_summary_answer_the_next_questions(
    make_app: AppFactory, store: SessionStore
) -> None:
    """D1.1 ends in a summary; "2" typed straight after is D1.2's "No", not "go back"."""
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Firmware lead"):
            await type_answer(pilot, text)
        # D1.1: yes, "Yes, and more.", yes (level 3); industry yes, system no; then D1.2: no;
        # F1.1: yes, "Yes, and more."; all in one burst, no pause between the keys.
        await pilot.press("1", "2", "1", "1", "2", "2", "1", "2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
    answers = store.read(SESSION).answers
    assert answers["D1.2.c1.1"].value == "no"
    assert answers["D1.1.c1.1"].value == "yes"  # not changed by a "go back"
    assert [answers[q].value for q in ("F1.1.c1.1", "F1.1.c2.1")] == ["yes", "yes-more"]
