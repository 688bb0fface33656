"""A finished session is read-only until reopening is confirmed (issue 15): the first change
(an answer, a skip, a note) asks; "keep it finished" changes nothing, "reopen" makes the change,
and a digit never reopens."""

from textual.app import App
from textual.widgets import OptionList

from interview.session.model import Phase
from interview.session.store import SessionStore
from interview.tui.app import ExitReport
from interview.tui.launch import Resume
from interview.tui.screens.dialogs import NoteDialog, ReopenDialog
from interview.tui.screens.interview import InterviewScreen
from tests.helpers.pilot import AppFactory, finish_an_assessment, press, transcript_text

SESSION = "acme-gate-assessment-2026-11-25"


def highlighted_answer(app: App[ExitReport]) -> str:
    choices = app.screen.query_one("#choices", OptionList)
    highlighted = choices.highlighted
    assert highlighted is not None
    return str(choices.get_option_at_index(highlighted).prompt)


async def test_keeping_it_finished_changes_nothing(
    make_app: AppFactory, store: SessionStore
) -> None:
    await finish_an_assessment(make_app)  # every answer "no"
    finished = store.path_of(SESSION).read_bytes()
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "1")  # F1.1: "yes" this time
        assert isinstance(app.screen, ReopenDialog)
        await press(pilot, "1", "2", "3")  # a digit neither reopens nor keeps
        assert isinstance(app.screen, ReopenDialog)
        await press(pilot, "k")
        assert isinstance(app.screen, InterviewScreen)
        panel_after = highlighted_answer(app)
        await press(pilot, "escape")  # Esc in the dialog keeps it finished too
        await press(pilot, "1")
        await press(pilot, "escape")
        assert isinstance(app.screen, InterviewScreen)
        await press(pilot, "ctrl+q")
    assert store.path_of(SESSION).read_bytes() == finished
    assert store.read(SESSION).phase is Phase.DONE
    assert panel_after.startswith("2. No")


async def test_reopening_makes_the_change_and_says_how_to_finish(
    make_app: AppFactory, store: SessionStore
) -> None:
    await finish_an_assessment(make_app)
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "1", "r")
        await press(pilot, "escape", "2")  # a second change: no second question
        assert isinstance(app.screen, InterviewScreen)
        shown = " ".join(transcript_text(app).split())
        await press(pilot, "ctrl+q")
    session = store.read(SESSION)
    assert session.answers["F1.1.c1.1"].value == "no"  # changed, then changed back
    assert session.phase is not Phase.DONE
    assert "Reopened: finish it again from the review (Ctrl+R)." in shown


async def test_a_skip_or_a_note_asks_first(make_app: AppFactory, store: SessionStore) -> None:
    await finish_an_assessment(make_app)
    finished = store.path_of(SESSION).read_bytes()
    app = make_app(Resume(SESSION))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "escape", "ctrl+s")
        assert isinstance(app.screen, ReopenDialog)
        await press(pilot, "k", "ctrl+n")  # asked before the note is typed
        assert isinstance(app.screen, ReopenDialog)
        await press(pilot, "k")
        assert isinstance(app.screen, InterviewScreen)
        await press(pilot, "ctrl+n", "r")
        assert isinstance(app.screen, NoteDialog)
        await press(pilot, "escape", "ctrl+q")  # the note is cancelled: nothing written
    assert store.path_of(SESSION).read_bytes() == finished
