"""Not applicable here, in the real UI: choosing it asks for a one-line reason, an empty
reason is not taken, Esc leaves the question unanswered, and the reason is kept as the note."""

from pathlib import Path

from textual.widgets import Input

from interview.questionnaire import load_questionnaire
from interview.session.model import NOT_APPLICABLE, SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import StartNew
from interview.tui.screens.dialogs import NoteDialog
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import AppFactory, press, transcript_text, type_answer

ROLES = Path(__file__).parent.parent / "data" / "questionnaires" / "roles.toml"


async def test_not_applicable_asks_why_and_keeps_the_reason(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Pump"), load_questionnaire(ROLES))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Dana")
        await type_answer(pilot, "Engineer")
        await press(pilot, "1", "1")  # maker; medical
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.1.c1.both"
        await press(pilot, "3")  # yes, no, not applicable here
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "enter")  # an empty reason is not taken
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "escape")  # cancelled: the question stays unanswered
        assert "D1.1.c1.both" not in screen.engine.session.answers
        await press(pilot, "3")
        app.screen.query_one(Input).value = "The pump has no network port"
        await press(pilot, "enter")
        await pilot.pause()
        answer = screen.engine.session.answers["D1.1.c1.both"]
        assert (answer.value, answer.note) == (NOT_APPLICABLE, "The pump has no network port")
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.1.c1.maker"
        shown = transcript_text(app)
        assert "Not applicable here" in shown and "The pump has no network port" in shown
