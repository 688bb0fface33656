"""The TUI's messages are literal text: markup and escape sequences are shown, never run."""

from pathlib import Path

from interview.questionnaire import load_questionnaire
from interview.scoring import CurrentLevel, TargetLevel
from interview.session.model import Origin
from interview.tui import text

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"


def test_literal_shows_markup_and_escapes_as_characters() -> None:
    shown = text.literal("[bold]x[/bold] \x1b[31m")
    assert shown.plain == "[bold]x[/bold] \\x1b[31m"
    assert shown.spans == []


def test_literal_keeps_the_spaces_and_joiners_people_type() -> None:
    typed = "Jo\u00a0Smith کارخانه\u200cها x\u200dy"
    assert text.literal(typed).plain == typed
    assert text.literal("a\u202eb\u2028c").plain == "a\\u202eb\\u2028c"  # bidi, line sep.


def test_answer_message_keeps_the_note_literal() -> None:
    message = text.answer_message("[@click=app.quit]Yes[/]", "see [link]")
    assert "[@click=app.quit]Yes[/]" in message.plain
    assert "note: see [link]" in message.plain


def test_practice_summary_has_real_lines_and_the_gap() -> None:
    questionnaire = load_questionnaire(SMALL)
    message = text.practice_summary_message(
        questionnaire, "D1.1", CurrentLevel(1, 1, True), TargetLevel(3, 2, Origin.INHERITED)
    )
    lines = message.plain.split("\n")
    assert lines[0] == "D1.1 Practice"
    assert lines[1] == "Current: 1 Minimum, scope 1 General"
    assert lines[2] == "That means: Level one."
    assert lines[3] == "Target:  3 Consistent, scope 2 Industry specific"
    assert lines[4] == "Gap: comprehensiveness 2, scope 1 (large gap)"


def test_a_target_not_set_yet_is_not_called_not_applicable() -> None:
    questionnaire = load_questionnaire(SMALL)
    unset = TargetLevel(None, None, Origin.INHERITED)  # a domain goal not known yet
    not_applicable = TargetLevel(None, None, Origin.PURPOSE)
    assert "Target:  not set yet" in text.practice_summary_message(
        questionnaire, "D1.1", None, unset
    ).plain.split("\n")
    assert "Target:  not applicable" in text.practice_summary_message(
        questionnaire, "D1.1", None, not_applicable
    ).plain.split("\n")


def test_details_and_notes_of_several_lines_keep_their_lines() -> None:
    from interview.engine.plan import Step
    from interview.engine.prompts import Prompt, PromptKind

    prompt = Prompt(
        "q", PromptKind.CHOICE, "Asked?", "help", detail="First.\nSecond [b].", step=Step("q")
    )
    shown = text.question_message(prompt).plain
    assert shown == "smm  Asked?\nFirst.\nSecond [b]."
    note = text.answer_message("Yes", "line one\nline two\x1b").plain
    assert note == "you  Yes\n     note: line one\n           line two\\x1b"
