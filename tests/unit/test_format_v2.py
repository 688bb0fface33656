"""File format 2: answers hold option ids, the engine's questions have a namespace of their own,
and the cursor is checked against the phase and the questionnaire."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.engine.interview import Interview
from interview.engine.plan import every_step
from interview.engine.prompts import build_prompt
from interview.errors import InputError
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.questionnaire.engine_ids import purpose_reason_question_id
from interview.scoring import current_levels_of, subdomain_setting, target_levels
from interview.session.checks import answer_rules
from interview.session.model import (
    NO,
    YES,
    Phase,
    Session,
    SessionKind,
    as_assessment,
    as_target,
    new_session,
)
from interview.session.store import SessionStore

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
CHOICE_OPTIONS = """        { id = "not-yet", label = "Not yet.", level = 1 },
        { id = "yes-more", label = "Yes, and more.", level = 3 },"""
NEEDS_OPTIONS = """    { id = "fewer", label = "Fewer.", change = -1 },
    { id = "same", label = "Same.", change = 0 },
    { id = "more", label = "More.", change = 1, scope_at_least = 2 },"""


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def edited(source: Path, folder: Path, *changes: tuple[str, str]) -> Questionnaire:
    """A copy of a questionnaire with each (old, new) text replaced (each must be there)."""
    text = source.read_text()
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = folder / "edited.toml"
    path.write_text(text)
    return load_questionnaire(path)


def reversed_lines(block: str) -> str:
    return "\n".join(reversed(block.splitlines()))


def answered(
    store: SessionStore, questionnaire: Questionnaire, kind: SessionKind, answers: list[str]
) -> Session:
    session = new_session(questionnaire, kind, "Rig", interviewee="Dana", role="Lead", now=NOW)
    store.create(session)
    interview = Interview(questionnaire, session, on_change=store.save, clock=lambda: NOW)
    interview.answer("scope")
    for value in answers:  # an option's label (its words, before any "(effect)") stands for it
        prompt = interview.current()
        assert prompt is not None
        chosen = (o.value for o in prompt.options if o.label.split(" (")[0] == value)
        interview.answer(next(chosen, value))
        if interview.phase is Phase.PRACTICE_SUMMARY:
            interview.continue_interview()
    return session


# --- Answers are option ids --------------------------------------------------------------------


def test_a_choice_answer_is_stored_as_the_options_id(
    store: SessionStore, small: Questionnaire
) -> None:
    session = answered(store, small, SessionKind.ASSESSMENT, [YES, "yes-more"])
    assert store.read(session.id).answers["D1.1.c2.1"].value == "yes-more"
    prompt_values = [
        option.value
        for option in build_prompt(
            small,
            next(s for s in every_step(small, session.kind) if s.question_id == "D1.1.c2.1"),
            {},
        ).options
    ]
    assert prompt_values == ["not-yet", "yes-more"]


def test_reordered_options_keep_every_answer_and_level(
    store: SessionStore, small: Questionnaire, small_questionnaire_path: Path, tmp_path: Path
) -> None:
    """smm 0.1 stored positions: reversing the options turned "Yes, and more." into "Not yet."
    and reconciliation said the answers still fit."""
    assessment = as_assessment(
        answered(store, small, SessionKind.ASSESSMENT, [YES, "Yes, and more.", YES, YES, NO])
    )
    target = as_target(answered(store, small, SessionKind.TARGET, ["3", "1", "More."]))
    reordered = edited(
        small_questionnaire_path,
        tmp_path,
        (CHOICE_OPTIONS, reversed_lines(CHOICE_OPTIONS)),
        (NEEDS_OPTIONS, reversed_lines(NEEDS_OPTIONS)),
    )
    assert reordered.content_hash != small.content_hash

    for before in (assessment, target):
        loaded = store.load(before.id, reordered)
        assert loaded.session.answers == before.answers
        assert "All " in loaded.notices[1] and "still fit" in loaded.notices[1]
    reloaded = as_assessment(store.load(assessment.id, reordered).session)
    assert current_levels_of(reordered, reloaded) == current_levels_of(small, assessment)
    assert current_levels_of(small, assessment)["D1.1"].comprehensiveness == 3
    retaken = as_target(store.load(target.id, reordered).session)
    answers = {question_id: answer.value for question_id, answer in retaken.answers.items()}
    goal = target_levels(small, target.targets)["D"]
    needs = subdomain_setting(reordered, "D1", goal, answers)  # from the answers, not the file
    assert needs is not None and (needs.comprehensiveness, needs.scope) == (3, 2)
    assert target_levels(reordered, retaken.targets) == target_levels(small, target.targets)


def test_a_renamed_option_id_no_longer_fits(
    store: SessionStore, small: Questionnaire, small_questionnaire_path: Path, tmp_path: Path
) -> None:
    session = answered(store, small, SessionKind.ASSESSMENT, [YES, "yes-more"])
    renamed = edited(
        small_questionnaire_path,
        tmp_path,
        (CHOICE_OPTIONS, CHOICE_OPTIONS.replace('"yes-more"', '"beyond"')),
    )
    loaded = store.load(session.id, renamed)
    assert "D1.1.c2.1" not in loaded.session.answers
    assert "1 belonged to questions that were reworded, split or retired" in loaded.notices[1]
    assert "reaches them: D1.1 (1: D1.1.c2.1)." in loaded.notices[1]


def test_a_position_is_not_an_answer_to_a_choice_question(
    store: SessionStore, small: Questionnaire
) -> None:
    session = answered(store, small, SessionKind.ASSESSMENT, [YES, "yes-more"])
    path = store.path_of(session.id)
    path.write_text(path.read_text().replace('value = "yes-more"', 'value = "2"'))
    with pytest.raises(InputError, match=r"answers\.D1\.1\.c2\.1: '2' is not an answer"):
        store.load(session.id, small)


def test_every_option_a_prompt_offers_is_an_answer_the_file_accepts(small: Questionnaire) -> None:
    """The file's rules (without the engine) and the prompts (the engine) agree."""
    for kind in SessionKind:
        rules = answer_rules(small, kind)
        steps = every_step(small, kind)
        legacy = {purpose_reason_question_id(practice_id) for practice_id in small.practices}
        asked = set(rules) - legacy  # sessions from before 0.2 may hold a separate reason
        assert sorted(asked) == sorted(step.question_id for step in steps)
        for step in steps:
            for option in build_prompt(small, step, target_levels(small, {})).options:
                assert rules[step.question_id].problem(option.value) is None, step


# --- The engine's own questions ---------------------------------------------------------------


def test_a_questionnaire_id_cannot_collide_with_the_engines_questions(
    minimal_questionnaire_path: Path, tmp_path: Path
) -> None:
    """In smm 0.1 a needs question could be called "D.goal", the engine's goal question for D:
    the target plan asked it twice."""
    collides = edited(
        minimal_questionnaire_path, tmp_path, ('id = "D1.needs.threats"', 'id = "D.goal"')
    )
    ids = [step.question_id for step in every_step(collides, SessionKind.TARGET)]
    assert len(ids) == len(set(ids))
    assert {"D.goal", "@D.goal"} <= set(ids)


# --- The cursor ---------------------------------------------------------------------------------


def saved_in_phase(
    store: SessionStore, small: Questionnaire, cursor: str | None, phase: str
) -> Path:
    session = answered(store, small, SessionKind.ASSESSMENT, [YES])
    path = store.path_of(session.id)
    text = path.read_text()
    text = text.replace('phase = "interview"', f'phase = "{phase}"')
    start = text.index("[cursor]")
    end = text.index("\n\n", start)
    table = "" if cursor is None else "[cursor]\n" + cursor
    path.write_text(text[:start] + table + text[end:])
    return path


BAD_CURSORS: dict[str, tuple[str | None, str, str]] = {
    "summary without a cursor": (
        None,
        "practice_summary",
        "cursor: the practice_summary phase needs cursor.practice",
    ),
    "summary without a practice": (
        "",
        "practice_summary",
        "cursor: the practice_summary phase needs cursor.practice",
    ),
    "summary with a question": (
        'question = "D1.1.c2.1"\npractice = "D1.1"',
        "practice_summary",
        "and no cursor.question",
    ),
    "practice outside a summary": (
        'practice = "D1.1"',
        "interview",
        'cursor.practice is only for the practice_summary phase, not "interview"',
    ),
    "question when done": ('question = "D1.1.c2.1"', "done", "has no current question"),
    "unknown practice": (
        'practice = "Z9.9"',
        "practice_summary",
        "cursor.practice: no practice 'Z9.9' in questionnaire small",
    ),
    "unknown question": (
        'question = "Z9.9.c1.1"',
        "interview",
        "cursor.question: no question 'Z9.9.c1.1' in questionnaire small",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CURSORS))
def test_a_cursor_that_does_not_fit_is_refused_in_one_line(
    store: SessionStore, small: Questionnaire, case: str
) -> None:
    """smm 0.1 read these, then crashed on resume (an assert, or a KeyError)."""
    cursor, phase, expected = BAD_CURSORS[case]
    path = saved_in_phase(store, small, cursor, phase)
    with pytest.raises(InputError) as raised:
        store.load(path.stem, small)
    assert len(raised.value.lines) == 1
    assert raised.value.lines[0].startswith(f"{path}:")
    assert expected in raised.value.lines[0]


def test_smm_refuses_a_summary_without_a_practice_with_status_2(
    store: SessionStore,
    small: Questionnaire,
    small_questionnaire_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = saved_in_phase(store, small, "", "practice_summary")
    arguments = [
        "--sessions-dir",
        str(store.folder),
        "--questionnaire",
        str(small_questionnaire_path),
    ]
    assert main(["show", path.stem, *arguments]) == 2
    error = capsys.readouterr().err
    assert "the practice_summary phase needs cursor.practice" in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1


def test_a_cursor_on_a_practice_that_is_gone_resumes_at_the_next_question(
    store: SessionStore, small: Questionnaire, small_questionnaire_path: Path, tmp_path: Path
) -> None:
    path = saved_in_phase(store, small, 'practice = "D1.2"', "practice_summary")
    renamed = edited(small_questionnaire_path, tmp_path, ('"D1.2"', '"D1.3"'))
    loaded = store.load(path.stem, renamed)
    interview = Interview(renamed, loaded.session)
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "D1.1.c2.1"
