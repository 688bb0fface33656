"""A served interview uses keys a browser passes on to the page, and says so (issue 15): a
browser keeps Ctrl+N, Ctrl+Q and F1 for itself, so in a browser the note is Ctrl+E, "why?" F2
and quit Ctrl+X; in a terminal the keys stay as they were."""

from textual.widgets import Input
from textual.widgets._footer import FooterKey

from interview.questionnaire import Questionnaire
from interview.services import Workspace
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import ExitReport, SmmApp
from interview.tui.launch import StartNew
from interview.tui.screens.dialogs import HelpDialog, NoteDialog
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import FROZEN, press, transcript_text, type_answer

SESSION = "acme-gate-assessment-2026-11-25"


def served_app(small: Questionnaire, store: SessionStore, *, in_browser: bool) -> SmmApp:
    workspace = Workspace(small, store, clock=lambda: FROZEN)
    return SmmApp(workspace, StartNew(SessionKind.ASSESSMENT, "Acme Gate"), in_browser=in_browser)


def footer_keys(app: SmmApp) -> dict[str, str]:
    """What the footer shows: each description with its key, as drawn."""
    return {key.description: key.key_display for key in app.screen.query(FooterKey)}


async def test_a_served_interview_shows_and_takes_the_browser_keys(
    small: Questionnaire, store: SessionStore
) -> None:
    app = served_app(small, store, in_browser=True)
    async with app.run_test(size=(100, 24)) as pilot:
        welcome = " ".join(transcript_text(app).split())
        shown_on_text = footer_keys(app)  # a text question: the text field has the focus
        await press(pilot, "ctrl+e")  # a text field's "end of line": the note wins
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "escape")
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        shown = footer_keys(app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        await press(pilot, "ctrl+n", "f1")  # the browser's keys: nothing here
        assert isinstance(app.screen, InterviewScreen)
        await press(pilot, "f2")
        assert isinstance(app.screen, HelpDialog)
        await press(pilot, "f2")  # the key that opened it closes it
        assert isinstance(app.screen, InterviewScreen)
        await press(pilot, "ctrl+c")  # copies, as on any page: no quit
        assert app.return_value is None
        await press(pilot, "ctrl+x")
    assert app.return_value == ExitReport(SESSION, store.path_of(SESSION))
    assert "Esc goes back, F2 explains" in welcome
    assert "F1" not in welcome
    assert shown_on_text["Note"] == "^e" and shown_on_text["Quit"] == "^x"
    assert (shown["Note"], shown["Why?"], shown["Quit"]) == ("^e", "f2", "^x")
    assert "Note (Ctrl+E)" in titles and "Why is this asked? (F2)" in titles


async def test_ctrl_x_in_a_served_text_field_quits_rather_than_cuts(
    small: Questionnaire, store: SessionStore
) -> None:
    app = served_app(small, store, in_browser=True)
    async with app.run_test(size=(100, 24)) as pilot:
        field = app.screen.query_one("#text", Input)
        field.value = "Gateway"
        field.select_all()
        await press(pilot, "ctrl+x")
    assert app.return_value == ExitReport(SESSION, store.path_of(SESSION))


async def test_in_a_terminal_the_keys_are_unchanged(
    small: Questionnaire, store: SessionStore
) -> None:
    app = served_app(small, store, in_browser=False)
    async with app.run_test(size=(100, 24)) as pilot:
        welcome = " ".join(transcript_text(app).split())
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        shown = footer_keys(app)
        await press(pilot, "ctrl+n")
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "escape", "f1")
        assert isinstance(app.screen, HelpDialog)
        await press(pilot, "f1", "ctrl+q")
    assert app.return_value == ExitReport(SESSION, store.path_of(SESSION))
    assert "Esc goes back, F1 explains" in welcome
    assert (shown["Note"], shown["Why?"], shown["Quit"]) == ("^n", "f1", "^q")


async def test_quitting_while_a_note_is_typed_keeps_it_on_screen(
    small: Questionnaire, store: SessionStore
) -> None:
    """Ctrl+X (a browser's quit) or Ctrl+Q in the note editor: what was typed is not lost."""
    for in_browser, quit_key, note_key in ((True, "ctrl+x", "ctrl+e"), (False, "ctrl+q", "ctrl+n")):
        app = served_app(small, store, in_browser=in_browser)
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, note_key, *"evidence", quit_key)
            assert isinstance(app.screen, NoteDialog)  # still there, with what was typed
            await press(pilot, "escape", quit_key)  # cancelled: now it quits
        assert app.return_value is not None
        store.path_of(SESSION).unlink()
