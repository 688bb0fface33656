"""What the interview screen tells, as text: progress that does not jump, and a level that rests
on "don't know" said to be one (issue 15)."""

from pathlib import Path

from interview.engine.views import Progress
from interview.questionnaire import load_questionnaire
from interview.scoring import CurrentLevel
from interview.tui import text

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"


def progress(answered: int, total: int, practices_done: int) -> Progress:
    return Progress(answered, total, practices_done, 18, by_domain={})


def test_progress_shows_the_practices_first_and_the_questions_left_as_an_estimate() -> None:
    assert (
        text.progress_text(progress(8, 44, 2)).plain == "2/18 practices · about 36 questions left"
    )
    assert (
        text.progress_text(progress(43, 44, 17)).plain == "17/18 practices · about 1 question left"
    )
    assert text.progress_text(progress(100, 100, 18)).plain == "18/18 practices · no questions left"


def summary_lines(current: CurrentLevel, dont_knows: int) -> list[str]:
    questionnaire = load_questionnaire(SMALL)
    message = text.practice_summary_message(
        questionnaire, "D1.2", current, None, dont_knows=dont_knows
    )
    return message.plain.split("\n")


def test_a_zero_that_rests_on_dont_know_is_not_stated_as_fact() -> None:
    lines = summary_lines(CurrentLevel(0, None, True), dont_knows=1)
    assert not any("not even the minimum" in line for line in lines)
    assert lines[2] == (
        'That means: nothing is shown to be in place yet; this rests on 1 "don\'t know" answer, '
        "listed for follow-up."
    )


def test_a_zero_from_real_answers_still_says_not_even_the_minimum() -> None:
    lines = summary_lines(CurrentLevel(0, None, True), dont_knows=0)
    assert lines[2] == "That means: not even the minimum of this practice is in place yet."


def test_a_level_held_down_by_dont_know_says_it_may_be_higher() -> None:
    lines = summary_lines(CurrentLevel(1, 1, True), dont_knows=2)
    assert lines[2] == "That means: Level one."
    assert (
        lines[3]
        == 'Rests on 2 "don\'t know" answers, listed for follow-up: the level may be higher.'
    )
