"""Notes are written in a multi-line editor (Enter starts a new line, Ctrl+S keeps the note),
folded in the transcript when long; a paste beyond the bound is refused at once."""

import time

from textual import events
from textual.app import App, ComposeResult

from interview.session.limits import MAX_TEXT_LENGTH
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import StartNew
from interview.tui.screens.dialogs import NoteDialog
from interview.tui.widgets.text_input import NoteEditor, TextInput
from tests.helpers.pilot import AppFactory, press, transcript_text, type_answer

SESSION = "acme-gate-assessment-2026-11-25"
TYPED = "Prix\u00a0x\u200dy"


class Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield TextInput(id="line")
        yield NoteEditor(id="note")


async def test_the_note_editor_keeps_what_is_typed_and_enter_starts_a_line() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        editor = app.query_one(NoteEditor)
        editor.focus()
        for character in TYPED:
            key = "x" if character.isprintable() else "unknown"
            editor.post_message(events.Key(key, character))
        await pilot.press("enter", "z")
        await pilot.pause()
        assert editor.text == TYPED + "\nz"


async def test_a_paste_over_the_bound_is_refused_at_once_with_a_message() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        huge = "p" * 10_000_000
        started = time.monotonic()
        for widget in (app.query_one(TextInput), app.query_one(NoteEditor)):
            widget.focus()
            widget.post_message(events.Paste(huge))
            await pilot.pause()
        assert time.monotonic() - started < 2
        assert app.query_one(TextInput).value == ""
        assert app.query_one(NoteEditor).text == ""
        shown = [notification.message for notification in app._notifications]
        assert len(shown) == 2 and all("Not pasted: 10,000,000 characters" in m for m in shown)
        app.query_one(NoteEditor).post_message(events.Paste("q" * MAX_TEXT_LENGTH))
        await pilot.pause()
        assert len(app.query_one(NoteEditor).text) == MAX_TEXT_LENGTH  # the bound itself fits


async def test_a_long_note_is_kept_whole_and_folded_in_the_transcript(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        await press(pilot, "1", "escape", "ctrl+n")  # answer D1.1.c1.1, back to it, a note
        assert isinstance(app.screen, NoteDialog)
        note = "\n".join(f"Evidence line {number}: the RACI, signed" for number in range(1, 31))
        app.screen.query_one(NoteEditor).text = note
        await press(pilot, "enter")  # a new line in the note, not the end of it
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, NoteDialog)
        assert store.read(SESSION).answers["D1.1.c1.1"].note == note + "\n".strip()
        shown = transcript_text(app)
    assert "Evidence line 4" in shown and "Evidence line 5" not in shown
    assert "… (26 more of its 30 lines; the whole note is saved)" in shown
