"""Keys typed ahead keep their meaning (issue 15): a practice summary never eats the next
answer, a digit in a target's purpose question is always its level, and typing in the
regulations checklist goes to its "Other" field."""

from textual.widgets import OptionList

from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import StartNew
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import AppFactory, type_answer

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


async def test_a_digit_in_a_purpose_question_is_always_its_level(
    make_app: AppFactory, store: SessionStore
) -> None:
    """D1.2 inherits 3 and F1.1 inherits 2: "3" keeps 3 in the one and raises to 3 in the
    other (it was "Lower to 2" in D1.2 before)."""
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Owner"):
            await type_answer(pilot, text)
        await pilot.press("2", "1", "3")  # D goal 2, scope 1; D1 needs "More." → 3, 2
        await pilot.press("enter", "3")  # D1.1: Enter keeps; D1.2: 3, the level in force
        await pilot.press("2", "3", "2")  # F goal 2, scope 3; F1 needs "Same." → 2
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        shown = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        await pilot.press("3")  # F1.1: raise to 3
        await type_answer(pilot, "Field devices")  # the reason a change needs
    session = store.read("acme-gate-target-2026-11-25")
    levels = {i: (r.comprehensiveness, r.scope) for i, r in session.levels.items()}
    assert (levels["D1.1"], levels["D1.2"], levels["F1.1"]) == ((3, 2), (3, 2), (3, 3))
    assert session.levels["F1.1"].reason == "Field devices"
    assert [line[:3] for line in shown] == ["1. ", "2. ", "3. ", "4. ", "g. ", "i. ", "n. ", "d. "]
    assert shown[1].startswith("2. Keep 2")
