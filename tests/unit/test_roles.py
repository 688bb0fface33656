"""Questionnaire 2.0's content features, through the engine and the gap: the respondent's role
picks the questions, "not applicable here" needs a justification and is listed for an assessor,
the roadmap keeps only the steps whose questions were not met, and the sector orders examples.

The questionnaire is tests/data/questionnaires/roles.toml: one practice, D1.1, whose level 1
asks one question of both roles, one of the maker and one of the operator.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.errors import InputError
from interview.findings import CONFIRM_PREFIX, asked_questions
from interview.gap import RoadmapItem, compare_sessions
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.questionnaire.model import Role
from interview.render.confirmations import not_applicable_answers
from interview.render.session_document import session_document
from interview.render.text import write_text
from interview.scoring import answer_level, current_levels_of
from interview.services.answers_file import read_answers
from interview.services.scripted import replay
from interview.services.workspace import Workspace
from interview.session.checks import invalid_answers
from interview.session.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    YES,
    Answer,
    AssessmentSession,
    Origin,
    SessionKind,
    TargetSetting,
    as_assessment,
    as_target,
    new_session,
)
from interview.session.store import SessionStore

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
ROLES = Path(__file__).parent.parent / "data" / "questionnaires" / "roles.toml"


@pytest.fixture
def roles() -> Questionnaire:
    return load_questionnaire(ROLES)


def interview(questionnaire: Questionnaire, role: str | None, sector: str = "") -> Interview:
    session = new_session(questionnaire, SessionKind.ASSESSMENT, "Pump", now=NOW)
    engine = Interview(questionnaire, session, on_change=lambda _: None, clock=lambda: NOW)
    context = {
        "interviewee_name": "Dana",
        "interviewee_role": "Engineer",
        "organisation_role": role,
        "industry": sector or "medical",
    }
    while (prompt := engine.current()) is not None and prompt.step.is_context:
        question_id = prompt.question_id
        value = context.get(question_id)
        assert engine.answer(value if value is not None else "both").accepted
    return engine


def level_one_questions(engine: Interview) -> list[str]:
    return [step.question_id for step in engine.plan() if step.level == 1]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("maker", ["D1.1.c1.both", "D1.1.c1.maker"]),
        ("operator", ["D1.1.c1.both", "D1.1.c1.operator"]),
        ("both", ["D1.1.c1.both", "D1.1.c1.maker", "D1.1.c1.operator"]),
    ],
)
def test_the_role_picks_the_questions_of_each_level(
    roles: Questionnaire, role: str, expected: list[str]
) -> None:
    engine = interview(roles, role)
    for _ in expected:
        assert engine.answer(YES).accepted
    assert level_one_questions(engine) == expected


def test_an_operator_is_not_held_down_by_a_question_only_a_maker_can_meet(
    roles: Questionnaire,
) -> None:
    session = new_session(roles, SessionKind.ASSESSMENT, "Plant", now=NOW)
    answers = {"organisation_role": "operator", "D1.1.c1.both": YES, "D1.1.c1.operator": YES}
    answers |= {"D1.1.c1.maker": "no", "D1.1.c2.1": "yes-more", "D1.1.c3.1": YES}
    answers |= {"D1.1.c4.1": YES}
    for question_id, value in answers.items():
        session.answers[question_id] = Answer(value=value, answered_at=NOW)
    assessment = as_assessment(session)
    assert current_levels_of(roles, assessment)["D1.1"].comprehensiveness == 4
    session.answers["organisation_role"] = Answer(value="both", answered_at=NOW)
    assert current_levels_of(roles, assessment)["D1.1"].comprehensiveness == 0


def test_not_applicable_needs_a_justification_and_counts_as_met(roles: Questionnaire) -> None:
    engine = interview(roles, "maker")
    prompt = engine.current()
    assert prompt is not None and NOT_APPLICABLE in {option.value for option in prompt.options}
    assert "Not applicable only when: Nothing of the kind exists." in prompt.detail
    refused = engine.answer(NOT_APPLICABLE)
    assert refused.refused and "justification" in refused.refused
    assert "D1.1.c1.both" not in engine.session.answers
    assert engine.answer(NOT_APPLICABLE, note="The pump has no network port.").accepted
    assert engine.set_note("D1.1.c1.both", "").refused  # the reason cannot be taken away
    assert engine.answer(YES).accepted  # the maker's own level-1 question
    assert current_levels_of(roles, as_assessment(engine.session))["D1.1"].comprehensiveness == 1


def test_a_saved_na_without_justification_is_refused_on_reading(roles: Questionnaire) -> None:
    session = new_session(roles, SessionKind.ASSESSMENT, "Pump", now=NOW)
    session.answers["D1.1.c1.both"] = Answer(value=NOT_APPLICABLE, answered_at=NOW)
    assert "justification" in invalid_answers(session, roles)["D1.1.c1.both"]
    session.answers["D1.1.c1.both"].note = "No such port."
    assert invalid_answers(session, roles) == {}


def test_na_answers_are_listed_for_an_assessor_in_the_report(roles: Questionnaire) -> None:
    session = new_session(roles, SessionKind.ASSESSMENT, "Pump", now=NOW)
    session.answers["organisation_role"] = Answer(value="maker", answered_at=NOW)
    session.answers["D1.1.c1.both"] = Answer(
        value=NOT_APPLICABLE, note="The pump has no network port.", answered_at=NOW
    )
    listed = not_applicable_answers(roles, [session])
    assert [(item.practice_id, item.justification) for item in listed] == [
        ("D1.1", "The pump has no network port.")
    ]
    text = write_text(session_document(roles, session))
    assert "Not applicable, to confirm" in text
    assert "The pump has no network port." in text
    assert "assessed for the maker role" in text


def roadmap_item_for(
    roles: Questionnaire, answers: dict[str, tuple[str, str]], goal: int
) -> RoadmapItem:
    """D1.1's roadmap item: these (answer, note) pairs against a target of ``goal``, scope 1."""
    current = new_session(roles, SessionKind.ASSESSMENT, "Pump", now=NOW)
    for question_id, (value, note) in answers.items():
        current.answers[question_id] = Answer(value=value, note=note or None, answered_at=NOW)
    target = as_target(new_session(roles, SessionKind.TARGET, "Pump", now=NOW))
    target.targets["D"] = TargetSetting(comprehensiveness=goal, scope=1, origin=Origin.GOAL)
    (item,) = compare_sessions(roles, target, current).roadmap
    return item


def gap_for(roles: Questionnaire, answers: dict[str, tuple[str, str]], goal: int) -> list[str]:
    """The roadmap's comprehensiveness steps of D1.1 for a target of ``goal``."""
    item = roadmap_item_for(roles, answers, goal)
    return [
        to_do for step in item.steps if step.measure == "comprehensiveness" for to_do in step.to_do
    ]


def test_the_roadmap_lists_only_what_the_answers_left_undone(roles: Questionnaire) -> None:
    answers = {
        "organisation_role": ("maker", ""),
        "D1.1.c1.both": (YES, ""),
        "D1.1.c1.maker": ("no", ""),
    }
    steps = gap_for(roles, answers, goal=2)
    assert steps == ["Do one as a maker.", "Do two.", "Lift the cap of level one."]


def test_na_steps_are_kept_as_confirmations_and_caps_are_named(roles: Questionnaire) -> None:
    answers = {
        "organisation_role": ("operator", ""),
        "D1.1.c1.both": (NOT_APPLICABLE, "No port."),
        "D1.1.c1.operator": (YES, ""),
        "D1.1.c2.1": ("capped", ""),
    }
    item = roadmap_item_for(roles, answers, goal=4)
    assert item.start.comprehensiveness == 2
    assert "Held at 2 Ad hoc" in item.held_by and "Yes, but held at two." in item.held_by
    level_three = next(step for step in item.steps if step.level == 3)
    assert level_three.to_do == ("Do three.", "An unlinked step.")


def test_a_confirmation_step_appears_when_a_level_rests_on_na(roles: Questionnaire) -> None:
    answers = {
        "organisation_role": ("operator", ""),
        "D1.1.c1.both": (NOT_APPLICABLE, "No port."),
        "D1.1.c1.operator": ("no", ""),
    }
    steps = gap_for(roles, answers, goal=1)
    assert steps == [CONFIRM_PREFIX + "Do one for both.", "Do one as an operator."]


@pytest.mark.parametrize(
    ("sector", "shown", "hidden"),
    [
        ("medical", ["A hospital example.", "A general example."], "A plant example."),
        ("industrial", ["A plant example.", "A general example."], "A hospital example."),
    ],
)
def test_examples_of_the_sector_come_first_and_others_sectors_are_left_out(
    roles: Questionnaire, sector: str, shown: list[str], hidden: str
) -> None:
    engine = interview(roles, "maker", sector)
    for value in (YES, YES, "yes-more", YES, YES):
        assert engine.answer(value).accepted
    prompt = engine.current()
    assert prompt is not None and prompt.question_id == "@D1.1.scope.industry"
    assert "For example: " + " ".join(shown) in prompt.detail
    assert hidden not in prompt.detail
    assert prompt.detail.startswith("Evidence: The sector rules.")


def test_an_assessment_from_before_roles_is_asked_every_question(roles: Questionnaire) -> None:
    session = new_session(roles, SessionKind.ASSESSMENT, "Pump", now=NOW)
    assessment: AssessmentSession = as_assessment(session)
    answers = {"D1.1.c1.both": YES, "D1.1.c1.maker": YES, "D1.1.c1.operator": "no"}
    for question_id, value in answers.items():
        session.answers[question_id] = Answer(value=value, answered_at=NOW)
    assert current_levels_of(roles, assessment)["D1.1"].comprehensiveness == 0


def test_an_answers_file_gives_na_with_its_reason_as_the_note(
    roles: Questionnaire, tmp_path: Path
) -> None:
    engine = interview(roles, "maker")
    path = tmp_path / "answers.csv"
    path.write_text("question,answer,note\nD1.1.c1.both,N/A,\n", encoding="utf-8")
    result = replay(engine, read_answers(path), batch=False)
    assert any("justification" in problem for problem in result.problems)
    path.write_text("question,answer,note\nD1.1.c1.both,N/A,No port at all.\n", encoding="utf-8")
    engine = interview(roles, "maker")
    result = replay(engine, read_answers(path), batch=False)
    assert result.problems == []
    answer = engine.session.answers["D1.1.c1.both"]
    assert (answer.value, answer.note) == (NOT_APPLICABLE, "No port at all.")


def test_the_roadmap_explains_scope_with_the_assessment_s_sector(roles: Questionnaire) -> None:
    current = new_session(roles, SessionKind.ASSESSMENT, "Pump", now=NOW)
    for question_id, value in {"industry": "industrial", "organisation_role": "operator"}.items():
        current.answers[question_id] = Answer(value=value, answered_at=NOW)
    target = as_target(new_session(roles, SessionKind.TARGET, "Pump", now=NOW))
    target.targets["D"] = TargetSetting(comprehensiveness=1, scope=2, origin=Origin.GOAL)
    (item,) = compare_sessions(roles, target, current).roadmap
    scope_step = next(step for step in item.steps if step.measure == "scope")
    assert scope_step.to_do[1:] == (
        "For example: A plant example.",
        "For example: A general example.",
    )


def test_a_session_the_reader_would_refuse_is_never_written(
    roles: Questionnaire, tmp_path: Path
) -> None:
    workspace = Workspace(roles, SessionStore(tmp_path), clock=lambda: NOW)
    session = new_session(roles, SessionKind.ASSESSMENT, "Pump", now=NOW)
    session.answers["D1.1.c1.both"] = Answer(value=NOT_APPLICABLE, answered_at=NOW)
    with pytest.raises(InputError) as refused:
        workspace.create(session)
    assert "justification" in refused.value.lines[0]
    assert "nothing was written" in refused.value.lines[0]
    assert list(tmp_path.iterdir()) == []


def test_the_roadmap_s_answer_levels_are_the_scoring_rules() -> None:
    """findings.py keeps each answer's level in a table for speed: the staircase's rule."""
    smm = load_questionnaire()
    for roles in ({Role.MAKER}, {Role.OPERATOR}, {Role.MAKER, Role.OPERATOR}):
        for item in asked_questions(smm, frozenset(roles)):
            values = [YES, "no", DONT_KNOW, NOT_APPLICABLE, "unknown"]
            values += [option.id for option in item.question.options]
            for value in values:
                expected = answer_level(item.question, item.number, value)
                assert item.levels.get(value, item.number - 1) == expected, (item, value)
