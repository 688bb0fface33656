"""Complete interviews through the engine API alone, checked against levels worked out by hand.

The questionnaire is tests/data/questionnaires/small.toml: practices D1.1 and D1.2 (domain D,
sub-domain D1) and F1.1 (domain F, sub-domain F1). Each practice asks one question per level;
the level-2 question is a choice: option 1 "Not yet." (level 1), option 2 "Yes, and more."
(supports up to level 3).
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine import views
from interview.engine.interview import Interview
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import (
    DONT_KNOW,
    KEEP,
    NO,
    NOT_APPLICABLE,
    YES,
    Origin,
    Phase,
    Session,
    SessionKind,
    new_session,
)

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


def start(questionnaire: Questionnaire, kind: SessionKind) -> tuple[Interview, list[Session]]:
    """A new interview whose saves are recorded instead of written."""
    saves: list[Session] = []
    session = new_session(questionnaire, kind, "Acme gateway", now=NOW)
    session.id = "acme-gateway"
    interview = Interview(
        questionnaire,
        session,
        on_change=lambda s: saves.append(s.model_copy(deep=True)),
        clock=lambda: NOW,
    )
    return interview, saves


def asked(interview: Interview) -> str:
    prompt = interview.current()
    assert prompt is not None, f"no question in phase {interview.phase}"
    return prompt.question_id


def answer_context(interview: Interview) -> None:
    assert interview.phase is Phase.CONTEXT
    assert asked(interview) == "system_scope"  # system_name was given at creation
    interview.skip()  # optional
    assert asked(interview) == "interviewee_name"
    interview.answer("Dana [bold]Whit[/bold]field")
    assert asked(interview) == "interviewee_role"
    interview.answer("Firmware lead")


def test_complete_assessment_with_back_skip_jump_dont_know_and_notes(small: Questionnaire) -> None:
    interview, saves = start(small, SessionKind.ASSESSMENT)
    answer_context(interview)
    assert interview.phase is Phase.INTERVIEW

    # D1.1: yes at level 1; "Yes, and more." at level 2 (supports up to 3); yes at level 3.
    # Level 4 is never asked: the level-2 answer rules it out.
    assert asked(interview) == "D1.1.c1.1"
    interview.answer(YES, note="Org chart, 2026-10")
    assert asked(interview) == "D1.1.c2.1"
    interview.answer("yes-more")
    assert asked(interview) == "D1.1.c3.1"
    interview.answer(YES)
    assert asked(interview) == "@D1.1.scope.industry"
    interview.answer(YES)
    assert asked(interview) == "@D1.1.scope.system"
    interview.answer(NO)
    # mypy keeps the phase narrowed to INTERVIEW (above) across answer(), which changes it.
    assert interview.phase is Phase.PRACTICE_SUMMARY  # type: ignore[comparison-overlap]
    summary = interview.practice_summary()
    assert summary is not None and summary.current is not None
    assert (summary.current.comprehensiveness, summary.current.scope) == (3, 2)
    interview.continue_interview()

    # D1.2: yes at level 1, then back to change it to no: the level-2 answer no longer applies.
    assert asked(interview) == "D1.2.c1.1"
    interview.answer(YES)
    interview.answer("not-yet")  # "Not yet." at level 2: the practice stops at 1
    assert asked(interview) == "@D1.2.scope.industry"
    interview.back()
    assert asked(interview) == "D1.2.c2.1"
    interview.back()
    assert asked(interview) == "D1.2.c1.1"
    interview.answer(NO)
    assert "D1.2.c2.1" not in interview.session.answers
    assert interview.phase is Phase.PRACTICE_SUMMARY  # level 0: no scope questions
    interview.continue_interview()

    # F1.1: jump away and back, don't know at level 2, skip the scope question.
    assert asked(interview) == "F1.1.c1.1"
    interview.jump("D1.1")
    assert asked(interview) == "D1.1.c1.1"  # every D1.1 question answered: its first one
    interview.jump("F1.1")
    assert asked(interview) == "F1.1.c1.1"
    interview.answer(YES)
    interview.answer(DONT_KNOW)
    assert asked(interview) == "@F1.1.scope.industry"
    interview.skip()

    assert interview.phase is Phase.REVIEW
    review = [
        (item.question_id, item.status)
        for item in views.review_items(interview.questionnaire, interview.session)
    ]
    assert review == [("system_scope", "skipped"), ("F1.1.c2.1", "dont_know"),
                      ("@F1.1.scope.industry", "skipped")]  # fmt: skip
    interview.revisit("@F1.1.scope.industry")
    interview.answer(NO)
    assert interview.phase is Phase.PRACTICE_SUMMARY
    interview.continue_interview()
    interview.revisit("system_scope")
    assert interview.phase is Phase.CONTEXT
    interview.answer("The gateway and its cloud API")
    assert interview.phase is Phase.REVIEW
    interview.set_note("F1.1.c2.1", "Ask the cloud team about the MFA roll-out")
    interview.finish_interview()
    assert interview.phase is Phase.DONE

    levels = {
        pid: (level.comprehensiveness, level.scope)
        for pid, level in views.current_levels(interview.questionnaire, interview.session).items()
    }
    assert levels == {"D1.1": (3, 2), "D1.2": (0, None), "F1.1": (1, 1)}
    session = interview.session
    assert session.interviewee == "Dana [bold]Whit[/bold]field"
    assert session.answers["D1.1.c1.1"].note == "Org chart, 2026-10"
    assert session.answers["F1.1.c2.1"].note == "Ask the cloud team about the MFA roll-out"
    records = views.level_records(interview.questionnaire, session)
    assert records["D1.2"].comprehensiveness == 0
    assert records["D1.2"].scope is None
    assert [
        item.status for item in views.review_items(interview.questionnaire, interview.session)
    ] == ["dont_know"]
    assert saves and saves[-1].phase is Phase.DONE
    progress = views.progress(interview.questionnaire, interview.session)
    assert (progress.practices_done, progress.practices_total) == (3, 3)
    assert progress.answered == progress.total


def test_complete_target_with_inheritance_and_not_applicable(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.TARGET)
    answer_context(interview)
    interview.revisit("system_scope")
    interview.answer("Gateway")

    assert asked(interview) == "@D.goal"
    interview.answer("2")
    assert asked(interview) == "@D.scope"
    interview.answer("1")
    assert asked(interview) == "D1.needs.threats"
    interview.answer("more")  # "More.": +1, scope at least 2
    assert asked(interview) == "@D1.1.purpose"
    prompt = interview.current()
    assert prompt is not None
    assert prompt.options[2].value == KEEP  # in its level's place: the digit is the level
    assert "Keep 3 Consistent, 2 Industry specific" in prompt.options[2].label
    interview.answer(KEEP)  # no reason needed to keep
    assert asked(interview) == "@D1.2.purpose"  # no summary screen between practices
    refused = interview.answer("2")
    assert not refused.accepted and "Why this target?" in (refused.refused or "")
    interview.answer("2", note="Only used in the lab")  # D1.2 lowered to 2
    interview.answer("2")  # F goal
    interview.answer("3")  # F scope
    interview.answer("same")  # F1 needs: "Same."
    assert not interview.answer(NOT_APPLICABLE).accepted
    interview.answer(NOT_APPLICABLE, note="No physical devices")
    assert interview.phase is Phase.REVIEW

    def levels() -> dict[str, tuple[int | None, int | None, Origin]]:
        return {
            k: (v.comprehensiveness, v.scope, v.origin)
            for k, v in views.session_targets(interview.questionnaire, interview.session).items()
        }

    assert levels() == {
        "D": (2, 1, Origin.GOAL),
        "D1": (3, 2, Origin.NEEDS),
        "D1.1": (3, 2, Origin.INHERITED),
        "D1.2": (2, 2, Origin.PURPOSE),
        "F": (2, 3, Origin.GOAL),
        "F1": (2, 3, Origin.INHERITED),
        "F1.1": (None, None, Origin.PURPOSE),
    }
    assert (
        views.session_targets(interview.questionnaire, interview.session)["D1.2"].reason
        == "Only used in the lab"
    )

    # Changing a domain's goal moves only what inherits from it.
    interview.jump("F")
    assert asked(interview) == "@F.goal"
    interview.answer("4")
    assert levels()["F1"] == (4, 3, Origin.INHERITED)
    assert levels()["F1.1"] == (None, None, Origin.PURPOSE)
    interview.jump("D")
    interview.answer("1")
    assert levels()["D"] == (1, 1, Origin.GOAL)
    assert levels()["D1"] == (2, 2, Origin.NEEDS)  # its needs, worked out from the new goal
    assert views.level_records(small, interview.session)["F1.1"].applicable is False


def test_back_from_the_first_question_is_refused(small: Questionnaire) -> None:
    session = new_session(small, SessionKind.ASSESSMENT, "X", interviewee="A", role="B", now=NOW)
    interview = Interview(small, session, clock=lambda: NOW)
    assert asked(interview) == "system_scope"
    interview.back()  # to the system name, answered at creation
    assert asked(interview) == "system_name"
    assert not interview.can_go_back()
    assert not interview.back().accepted


def test_required_context_cannot_be_skipped_but_optional_can(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.ASSESSMENT)
    assert asked(interview) == "system_scope"
    assert interview.can_skip()
    interview.skip()
    assert asked(interview) == "interviewee_name"
    assert not interview.can_skip()
    assert not interview.skip().accepted


def test_invalid_answers_are_refused(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.ASSESSMENT)
    answer_context(interview)
    for bad in ("maybe", "7", ["yes"]):
        outcome = interview.answer(bad)
        assert not outcome.accepted
        assert outcome.refused is not None and outcome.refused.startswith("D1.1.c1.1: ")
    assert asked(interview) == "D1.1.c1.1"
    assert "D1.1.c1.1" not in interview.session.answers


def test_jump_to_an_unknown_practice_is_refused(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.ASSESSMENT)
    refused = interview.jump("Z9.9").refused
    assert refused is not None and "no practice" in refused


def test_progress_counts_practices_per_domain(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.ASSESSMENT)
    answer_context(interview)
    interview.answer(NO)  # D1.1 at level 0: done
    progress = views.progress(interview.questionnaire, interview.session)
    assert progress.by_domain["D"].practices_done == 1
    assert progress.by_domain["D"].practices_total == 2
    assert progress.by_domain["F"].practices_done == 0


def test_linked_target_shows_in_the_practice_summary(small: Questionnaire) -> None:
    target, _ = start(small, SessionKind.TARGET)
    target.jump("D")
    for value in ("3", "1", "same", KEEP):
        target.answer(value)
    assessment, _ = start(small, SessionKind.ASSESSMENT)
    assessment.linked_targets = views.session_targets(target.questionnaire, target.session)
    assessment.jump("D1.1")
    assessment.answer(NO)
    summary = assessment.practice_summary()
    assert summary is not None and summary.target is not None and summary.current is not None
    assert (summary.target.comprehensiveness, summary.current.comprehensiveness) == (3, 0)


def test_a_purpose_can_tailor_scope_and_a_keep_carries_its_reason(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.TARGET)
    answer_context(interview)
    for value in ("2", "1", "same"):  # D goal 2, scope 1; D1 needs "Same."
        interview.answer(value)
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@D1.1.purpose"
    labels = {option.value: option.label for option in prompt.options}
    assert labels["2/3"] == "Keep 2 Ad hoc, but tailored to this system (3 System specific)"
    assert "2/1" not in labels  # the scope in force is not offered as a change
    assert interview.needs_reason("2/3") and not interview.needs_reason(KEEP)
    assert interview.answer("2/3", note="Bespoke firmware").accepted
    assert interview.answer(KEEP, note="Fine as it is").accepted  # D1.2
    targets = views.session_targets(small, interview.session)
    assert (targets["D1.1"].comprehensiveness, targets["D1.1"].scope) == (2, 3)
    assert targets["D1.1"].reason == "Bespoke firmware"
    assert (targets["D1.2"].comprehensiveness, targets["D1.2"].origin) == (2, Origin.INHERITED)
    assert targets["D1.2"].reason == "Fine as it is"
    interview.revisit("@D.goal")
    interview.answer("3")  # a kept practice still follows its domain
    assert views.session_targets(small, interview.session)["D1.2"].comprehensiveness == 3


def test_jumping_to_a_target_domain_goes_to_its_goal(small: Questionnaire) -> None:
    interview, _ = start(small, SessionKind.TARGET)
    answer_context(interview)
    for value in ("2", "1", "same"):  # D goal and scope, D1 needs: D1.1's purpose is open
        interview.answer(value)
    assert asked(interview) == "@D1.1.purpose"
    interview.jump("D")  # the jump list calls it "(domain goal)"
    assert asked(interview) == "@D.goal"
    interview.jump("D1")
    assert asked(interview) == "@D1.1.purpose"  # a sub-domain: its first open question


def test_a_changed_target_reads_as_its_option_not_as_not_applicable(small: Questionnaire) -> None:
    from interview.engine.prompts import answer_label

    interview, _ = start(small, SessionKind.TARGET)
    answer_context(interview)
    for value in ("2", "1", "same"):
        interview.answer(value)
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@D1.1.purpose"
    assert answer_label(prompt, "4").startswith("Raise to 4 Formalized")
    assert answer_label(prompt, NOT_APPLICABLE) == "Not applicable to this system"
