"""Keys typed in one burst, faster than the screen follows, answer the questions in order:
each key is taken by the question on show when the interview gets to it, never by the list of
the question before (issue 15: "a complete assessment typed ahead quickly with no answer
changed by accident")."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import ExitReport
from interview.tui.launch import StartNew
from interview.tui.screens.dialogs import JumpDialog, NoteDialog
from interview.tui.widgets.answer_panel import AnswerPanel
from tests.helpers.pilot import AppFactory, press, type_answer

SESSION = "acme-gate-assessment-2026-11-25"
# The small questionnaire's assessment: D1.1 3/2, D1.2 0, F1.1 yes, don't know, industry no.
ANSWER_KEYS = ("1", "2", "1", "1", "2", "2", "1", "3", "2")


async def burst(pilot: Pilot[ExitReport], *keys: str) -> None:
    """Keys delivered to the app all at once, as a fast typist or a paste of digits: the app
    reads them before it has drawn the answer to the first."""
    driver = pilot.app._driver
    assert driver is not None  # the app runs under the pilot
    for key in keys:
        character = {"space": " ", "enter": "\r"}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        driver.send_message(event)
    for _ in range(len(keys) + 5):
        await pilot.pause()


async def answers_after(
    make_app: AppFactory, store: SessionStore, typed_in_a_burst: bool
) -> dict[str, object]:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Firmware lead"):
            await type_answer(pilot, text)
        if typed_in_a_burst:
            await burst(pilot, *ANSWER_KEYS)
        else:
            await press(pilot, *ANSWER_KEYS)
    session = store.read(SESSION)
    return {question: answer.value for question, answer in session.answers.items()}


async def test_a_burst_of_digits_answers_as_the_same_digits_typed_slowly(
    make_app: AppFactory, store: SessionStore
) -> None:
    slowly = await answers_after(make_app, store, typed_in_a_burst=False)
    store.path_of(SESSION).unlink()
    in_a_burst = await answers_after(make_app, store, typed_in_a_burst=True)
    assert in_a_burst == slowly


def keys_of(text: str) -> list[str]:
    return ["space" if character == " " else character for character in text]


async def test_texts_and_digits_in_one_burst_answer_as_typed_slowly(
    make_app: AppFactory, store: SessionStore
) -> None:
    typed = [
        *keys_of("Gateway"), "enter", *keys_of("Dana"), "enter",
        *keys_of("Firmware lead"), "enter", *ANSWER_KEYS,
    ]  # fmt: skip
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, *typed)
    in_a_burst = {q: a.value for q, a in store.read(SESSION).answers.items()}
    store.path_of(SESSION).unlink()
    slowly = await answers_after(make_app, store, typed_in_a_burst=False)
    assert in_a_burst == slowly


async def test_a_key_sent_on_reaches_a_text_dialog_and_no_other_screen(
    make_app: AppFactory, store: SessionStore
) -> None:
    """Keys typed ahead of a dialog an answer opens: a text it asks for (a reason, who can
    answer) takes them; any other screen (a menu, the target's overview, help) takes none."""
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.screen.query_one(AnswerPanel)
        app.push_screen(JumpDialog([("D1.1", "D1.1 first"), ("D1.2", "D1.2 second")]))
        await pilot.pause()
        panel.post_message(AnswerPanel.Answered("", panel.showing, "2", "2"))
        await pilot.pause()
        assert isinstance(app.screen, JumpDialog)  # the "2" chose nothing there
        app.pop_screen()
        app.push_screen(NoteDialog("Who can answer this?", "", multiline=False))
        await pilot.pause()
        panel.post_message(AnswerPanel.Answered("", panel.showing, "J", "J"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#note", Input).value == "J"
