"""The read-only views and the target rules are pure functions: reading a session through
them changes nothing, and needs no state machine."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine import views
from interview.engine.interview import Interview
from interview.engine.plan import Step
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import YES, Phase, Session, SessionKind, as_target, new_session
from interview.targets import targets_after_answer

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


def half_done(questionnaire: Questionnaire, kind: SessionKind) -> Session:
    """A session answered part of the way, through the engine."""
    session = new_session(questionnaire, kind, "Rig", now=WHEN)
    interview = Interview(questionnaire, session, clock=lambda: WHEN)
    for _ in range(6):
        prompt = interview.current()
        if prompt is None:
            interview.continue_interview()
            continue
        values = [option.value for option in prompt.options]
        interview.answer(YES if YES in values else (values[0] if values else "text"))
    return session


@pytest.mark.parametrize("kind", [SessionKind.TARGET, SessionKind.ASSESSMENT])
def test_every_view_leaves_the_session_as_it_was(small: Questionnaire, kind: SessionKind) -> None:
    session = half_done(small, kind)
    session.cursor.question = "no-such-question"  # a resume would move it; a view must not
    before = session.model_dump()
    views.progress(small, session)
    views.review_items(small, session)
    views.level_records(small, session)
    views.changes_since_previous(small, session)
    for practice_id in small.practice_ids():
        views.summary_of(small, session, practice_id)
        views.practice_status(small, session, practice_id)
    assert session.model_dump() == before


def test_review_statuses_are_named(small: Questionnaire) -> None:
    session = half_done(small, SessionKind.ASSESSMENT)
    statuses = {item.status for item in views.review_items(small, session)}
    assert statuses <= set(views.ReviewStatus)
    assert views.ReviewStatus.UNANSWERED in statuses


def test_target_rules_return_settings_and_change_nothing(small: Questionnaire) -> None:
    session = as_target(half_done(small, SessionKind.TARGET))
    before = session.model_dump()
    settings = targets_after_answer(
        small, session, domain_id="D", subdomain_id=None, practice_id=None
    )
    assert session.model_dump() == before
    assert "D" in settings  # the domain goal was answered in half_done


def test_the_table_sends_a_step_to_the_phase_it_belongs_to(small: Questionnaire) -> None:
    session = half_done(small, SessionKind.ASSESSMENT)
    interview = Interview(small, session, clock=lambda: WHEN)
    interview.go_to_step(Step("system_name"))
    assert (interview.phase, session.phase) == (Phase.CONTEXT, Phase.CONTEXT)
    assert session.cursor.question == "system_name"
    first = next(step for step in interview.plan() if not step.is_context)
    interview.go_to_step(first)
    assert (interview.phase, session.phase) == (Phase.INTERVIEW, Phase.INTERVIEW)
    assert interview.may_enter_review()
    interview.enter_review()
    # mypy keeps session.cursor.question narrowed to str (above) across enter_review(), which
    # clears it: the check is not the dead code mypy takes it for.
    assert (session.cursor.question, session.cursor.practice) == (None, None)  # type: ignore[comparison-overlap]
    assert not interview.may_enter_review()
    assert interview.may_close()


def test_every_step_says_what_kind_of_question_it_is(small: Questionnaire) -> None:
    from interview.engine.plan import StepKind, every_step
    from interview.engine.prompts import PromptKind, build_prompt

    target = {step.question_id: step.kind for step in every_step(small, SessionKind.TARGET)}
    assessment = {s.question_id: s.kind for s in every_step(small, SessionKind.ASSESSMENT)}
    assert target["system_name"] is StepKind.CONTEXT
    assert target["@D.goal"] is StepKind.GOAL and target["@D.scope"] is StepKind.GOAL_SCOPE
    assert target["D1.needs.threats"] is StepKind.NEED
    assert target["@D1.1.purpose"] is StepKind.PURPOSE
    assert assessment["D1.1.c1.1"] is StepKind.LEVEL
    assert assessment["@D1.1.scope.industry"] is StepKind.SCOPE_INDUSTRY
    assert assessment["@D1.1.scope.system"] is StepKind.SCOPE_SYSTEM
    choice_kinds = set(StepKind) - {StepKind.CONTEXT}
    for kind in SessionKind:
        for step in every_step(small, kind):
            prompt = build_prompt(small, step, {})
            assert prompt.step == step
            if step.kind in choice_kinds:
                assert prompt.kind is PromptKind.CHOICE and prompt.options
