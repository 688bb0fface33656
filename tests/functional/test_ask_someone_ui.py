""" "Don't know" in a target, in the real UI: it asks who can answer (Esc leaves the question
unanswered, an empty name is nobody named), the name is kept exactly as typed, the transcript
says whom to ask, and going back offers the name given before."""

from textual import events
from textual.widgets import Input, OptionList

from interview.session.model import DONT_KNOW, SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import StartNew
from interview.tui.screens.dialogs import NoteDialog
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import AppFactory, press, transcript_text, type_answer

NAME = "Jo\u00a0Smith, compliance"  # typed with a non-breaking space


async def test_dont_know_asks_who_can_answer_and_keeps_the_name(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Pump"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Owner"):
            await type_answer(pilot, text)
        await press(pilot, "3", "1")  # D goal 3, scope 1
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.needs.threats"
        await press(pilot, "4")  # fewer, same, more, don't know
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "escape")  # cancelled: the question stays unanswered
        assert "D1.needs.threats" not in screen.engine.session.answers
        await press(pilot, "4")
        field = app.screen.query_one(Input)
        field.focus()
        for character in NAME:  # typed key by key, as a terminal sends them
            key = "space" if character == " " else character
            field.post_message(events.Key(key if character.isprintable() else "unknown", character))
        await pilot.pause()
        await press(pilot, "enter")
        answer = screen.engine.session.answers["D1.needs.threats"]
        assert (answer.value, answer.ask) == (DONT_KNOW, NAME)
        assert store.read(screen.engine.session.id).answers["D1.needs.threats"].ask == NAME
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "@D1.1.purpose"
        assert f"you  Don't know — ask {NAME}" in transcript_text(app)  # as typed

        await press(pilot, "ctrl+r")  # the review names whom to ask
        review = app.screen.query_one("#choices", OptionList)
        assert str(review.get_option_at_index(0).prompt).startswith(
            f"1. D1 (don't know, ask {NAME}): Sub-domain: Threats?"
        )
        await press(pilot, "1")  # back to the needs question from the review
        await press(pilot, "4")  # don't know again
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(Input).value == NAME  # the name given before
        app.screen.query_one(Input).value = ""
        await press(pilot, "enter")  # nobody named this time
        answer = screen.engine.session.answers["D1.needs.threats"]
        assert (answer.value, answer.ask) == (DONT_KNOW, None)
        said = [line for line in transcript_text(app).splitlines() if line.startswith("you")]
        assert said[-1] == "you  Don't know"
