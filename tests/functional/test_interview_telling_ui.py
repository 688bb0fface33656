"""What the interview screen tells (issue 15): an earlier answer marked in words, a practice
left for later said so, only the keys that do something offered, the transcript scrolled from
the keyboard. Small questionnaire: D1.1 c1.1 yes / c2.1 choice / c3.1; D1.2 c1.1; F1.1."""

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from interview.session.model import Phase, SessionKind
from interview.tui.app import ExitReport, SmmApp
from interview.tui.launch import StartNew
from interview.tui.screens.dialogs import HelpDialog
from interview.tui.screens.interview import InterviewScreen
from interview.tui.widgets.transcript import Transcript
from tests.helpers.pilot import AppFactory, press, transcript_text, type_answer


def options(app: SmmApp) -> list[str]:
    choices = app.screen.query_one("#choices", OptionList)
    return [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]


def flat(shown: str) -> str:
    """The transcript with its wrapping undone."""
    return " ".join(shown.split())


def interview(app: SmmApp) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def past_the_context(app: SmmApp, pilot: Pilot[ExitReport]) -> None:
    for answer in ("Gateway", "Dana", "Lead"):
        await type_answer(pilot, answer)


async def test_an_earlier_answer_is_marked_in_words(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_context(app, pilot)
        assert not any("(your answer)" in option for option in options(app))  # a fresh question
        await press(pilot, "2", "escape")  # D1.1 c1.1: no, then back to it
        shown = options(app)
        assert shown[1] == "2. No (your answer)"
        assert [option for option in shown if "(your answer)" in option] == [shown[1]]


async def test_a_practice_left_with_its_first_question_skipped_is_said(
    make_app: AppFactory,
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_context(app, pilot)
        await press(pilot, "ctrl+s")  # D1.1 c1.1 skipped: D1.1 has nothing else to ask yet
        prompt = interview(app).engine.current()
        assert prompt is not None and prompt.step.practice_id == "D1.2"
        assert (
            "D1.1 left for later: its first question was skipped, so its level is not known "
            "yet; it comes back in the review."
        ) in flat(transcript_text(app))


async def test_a_zero_on_dont_know_is_summarised_as_one(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_context(app, pilot)
        await press(pilot, "2", "3")  # D1.1 no → 0 (its summary, then on); D1.2 c1.1 don't know
        assert interview(app).engine.phase is Phase.INTERVIEW  # summaries are messages now
        shown = flat(transcript_text(app))
    assert "Current: 0 None, scope n/a That means: not even the minimum" in shown  # D1.1
    assert 'this rests on 1 "don\'t know" answer, listed for follow-up' in shown
    assert shown.count("not even the minimum") == 1  # D1.1's, not D1.2's


def footer_actions(app: SmmApp) -> set[str]:
    return {
        active.binding.action
        for active in app.screen.active_bindings.values()
        if active.binding.show and active.enabled
    }


async def test_the_finished_screen_offers_only_keys_that_work(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_context(app, pilot)
        assert {"skip", "note", "why"} <= footer_actions(app)
        await press(pilot, "2", "2", "2")  # D1.1, D1.2 and F1.1 all 0
        await press(pilot, "1")  # finish from the review
        assert interview(app).engine.phase is Phase.DONE
        assert not {"skip", "note", "why"} & footer_actions(app)
        await press(pilot, "f1")
        assert not isinstance(app.screen, HelpDialog)  # no empty box
        palette = [command.title for command in interview(app).palette_commands()]
        assert not any(title.startswith(("Skip", "Note", "Why")) for title in palette)


async def test_keys_scroll_the_transcript_and_the_answers_keep_theirs(
    make_app: AppFactory,
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await past_the_context(app, pilot)
        log = app.screen.query_one(Transcript)
        choices = app.screen.query_one("#choices", OptionList)
        bottom = log.scroll_y
        assert bottom > 0 and bottom == log.max_scroll_y
        await press(pilot, "pageup")
        assert 0 <= log.scroll_y < bottom
        await press(pilot, "home")
        assert log.scroll_y == 0
        assert choices.highlighted == 0  # the answers did not move
        await press(pilot, "shift+pagedown")
        assert log.scroll_y > 0
        await press(pilot, "end")
        assert log.scroll_y == log.max_scroll_y
        await press(pilot, "ctrl+home")
        assert log.scroll_y == 0
        await press(pilot, "ctrl+end")
        assert log.scroll_y == log.max_scroll_y
        await press(pilot, "down", "pagedown")
        assert choices.highlighted == 1  # Up and Down still move through the answers


async def test_home_and_end_stay_with_a_text_field(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Gateway")
        field = next(widget for widget in app.screen.query(Input) if widget.display)
        log = app.screen.query_one(Transcript)
        await press(pilot, *"Dana")
        at = log.scroll_y
        await press(pilot, "home")
        assert field.cursor_position == 0
        assert log.scroll_y == at  # Home moved the field's cursor, not the transcript
