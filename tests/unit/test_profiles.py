"""Target profiles: loading and checking them, and a target interview started from one.

The small profile (tests/data/profiles/small-lab.toml) sets D to 3/2 and F to 1/1, D1.1 to 4/3
with considerations, D1.2 to 2/2, and F1.1 not applicable.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine import views
from interview.engine.interview import Interview
from interview.engine.plan import StepKind, every_step
from interview.engine.prompts import build_prompt
from interview.errors import InputError
from interview.profiles import load_profile, shipped_profile_paths, start_from_profile
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import target_levels
from interview.session.model import KEEP, NOT_APPLICABLE, Origin, Phase, SessionKind, new_session

DATA = Path(__file__).parent.parent / "data"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def small() -> Questionnaire:
    return load_questionnaire(DATA / "questionnaires" / "small.toml")


def interview_from_profile(small: Questionnaire) -> Interview:
    profile = load_profile(DATA / "profiles" / "small-lab.toml", small)
    session = new_session(small, SessionKind.TARGET, "Lab", interviewee="Ana", role="Owner")
    start_from_profile(session, profile)
    interview = Interview(small, session, profile=profile, clock=lambda: NOW)
    interview.answer("Bench and rig")
    return interview


def levels(interview: Interview) -> dict[str, tuple[int | None, int | None, Origin]]:
    return {
        k: (v.comprehensiveness, v.scope, v.origin)
        for k, v in views.session_targets(interview.questionnaire, interview.session).items()
    }


def test_a_profile_prefills_every_level_before_a_question(small: Questionnaire) -> None:
    interview = interview_from_profile(small)
    assert levels(interview)["D1.1"] == (4, 3, Origin.PROFILE)
    assert levels(interview)["F1.1"] == (None, None, Origin.PROFILE)
    assert views.session_targets(interview.questionnaire, interview.session)["F1.1"].not_applicable


def test_the_interview_confirms_or_changes_each_profile_value(small: Questionnaire) -> None:
    interview = interview_from_profile(small)
    asked = []

    def answer(value: str, note: str = "") -> None:
        prompt = interview.current()
        assert prompt is not None
        asked.append(prompt.question_id)
        assert interview.answer(value, note=note).accepted
        assert interview.phase is not Phase.PRACTICE_SUMMARY  # a target goes straight on

    answer("3")  # D goal: as the profile
    answer("2")  # D scope: as the profile
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@D1.1.purpose"  # no needs questions
    assert (
        prompt.options[3].label  # the keep in its level's place
        == "Keep 4 Formalized, 3 System specific (from the profile): Level four."
    )
    assert "The Small lab profile: Audited [yearly]." in prompt.detail
    assert "At level 3 in this sector: Follow the lab standard." in prompt.detail
    answer(KEEP)
    assert not interview.answer("1").accepted  # D1.2: a change needs its reason
    answer("1", "Only a bench")  # D1.2: lowered from the profile's 2
    answer("2")  # F goal: changed from the profile's 1
    answer("1")
    prompt = interview.current()
    assert prompt is not None and prompt.options[-1].label == (
        "Keep: not applicable (from the profile)"
    )
    assert NOT_APPLICABLE not in [option.value for option in prompt.options]
    answer(KEEP)
    assert interview.phase is Phase.REVIEW
    assert asked == [
        "@D.goal", "@D.scope", "@D1.1.purpose", "@D1.2.purpose", "@F.goal", "@F.scope",
        "@F1.1.purpose",
    ]  # fmt: skip
    found = levels(interview)
    assert found["D"] == (3, 2, Origin.PROFILE)
    assert found["D1.1"] == (4, 3, Origin.PROFILE)
    assert found["D1.2"] == (1, 2, Origin.PURPOSE)
    assert found["F"] == (2, 1, Origin.GOAL)
    assert found["F1.1"] == (None, None, Origin.PROFILE)
    records = views.level_records(interview.questionnaire, interview.session)
    assert records["D1.1"].origin is Origin.PROFILE
    assert records["F1.1"].applicable is False


def test_changing_a_profile_value_and_back_returns_to_the_profile(small: Questionnaire) -> None:
    interview = interview_from_profile(small)
    interview.answer("3")
    interview.answer("2")
    interview.answer("2", note="Not yet")  # D1.1 lowered to 2
    interview.back()
    interview.answer(KEEP)  # back to the profile's 4/3
    assert levels(interview)["D1.1"] == (4, 3, Origin.PROFILE)


@pytest.mark.parametrize("path", shipped_profile_paths(), ids=lambda path: path.name)
def test_every_shipped_profile_validates(path: Path) -> None:
    load_profile(path, load_questionnaire())


def test_the_seven_scenarios_are_shipped() -> None:
    assert {path.stem for path in shipped_profile_paths()} >= {
        "consumer-smart-home", "industrial-control", "medical-device",
        "retail-point-of-sale", "connected-vehicle", "smart-building", "small-utility-site",
    }  # fmt: skip


def test_a_profile_missing_a_practice_is_refused(small: Questionnaire, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    text = (DATA / "profiles" / "small-lab.toml").read_text()
    broken.write_text(text.replace('[practices."D1.2"]', '[practices."D9.9"]'))
    with pytest.raises(InputError) as raised:
        load_profile(broken, small)
    lines = raised.value.lines
    assert any("practices: D1.2 is missing" in line for line in lines)
    assert any("practices.D9.9: no such id in the questionnaire" in line for line in lines)


def test_a_profile_for_another_questionnaire_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is for questionnaire 'small'"):
        load_profile(DATA / "profiles" / "small-lab.toml", load_questionnaire())


def test_each_purpose_option_says_what_its_level_means(small: Questionnaire) -> None:
    """A business owner reads "Raise to 3 Consistent: <what level 3 is for this practice>",
    not a level name alone (review D-T04)."""
    step = next(s for s in every_step(small, SessionKind.TARGET) if s.kind is StepKind.PURPOSE)
    prompt = build_prompt(small, step, target_levels(small, {}))
    levels = {option.value: option.label for option in prompt.options}
    assert levels["3"].endswith(": Level three.")
    assert levels["1"].endswith(": Level one.")


def test_a_changed_domain_goal_moves_the_practices_that_hold_the_profile_value(
    small: Questionnaire,
) -> None:
    interview = interview_from_profile(small)
    assert levels(interview)["D1.2"] == (2, 2, Origin.PROFILE)
    interview.answer("2")  # D goal one below the profile's 3
    interview.answer("2")
    assert levels(interview)["D1.1"] == (3, 3, Origin.PROFILE)  # the profile's 4, moved by -1
    assert levels(interview)["D1.2"] == (1, 2, Origin.PROFILE)
    prompt = interview.current()
    assert prompt is not None and prompt.options[2].label.startswith(
        "Keep 3 Consistent, 3 System specific (from the profile)"
    )  # "keep" names the value in force, not the profile's original
    interview.answer(KEEP, note="Enough for a lab")
    interview.answer("3", note="The bench is shared")  # D1.2 changed: it no longer follows
    interview.jump("D")
    interview.answer("4")  # one above the profile's goal
    assert levels(interview)["D1.1"] == (4, 3, Origin.PROFILE)  # kept: follows the goal
    assert views.session_targets(small, interview.session)["D1.1"].reason == "Enough for a lab"
    assert levels(interview)["D1.2"] == (3, 2, Origin.PURPOSE)  # changed: stays
    interview.revisit("@D.scope")
    interview.answer("1")  # D scope one below the profile's 2
    assert levels(interview)["D1.1"] == (4, 2, Origin.PROFILE)
    assert levels(interview)["D1.2"] == (3, 2, Origin.PURPOSE)
    interview.revisit("@D.goal")
    interview.answer("3")  # back to the profile's goal and scope
    interview.revisit("@D.scope")
    interview.answer("2")
    assert levels(interview)["D1.1"] == (4, 3, Origin.PROFILE)


def test_a_domain_goal_starts_at_the_profile_s_choice_with_its_reasoning(
    small: Questionnaire,
) -> None:
    interview = interview_from_profile(small)
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@D.goal"
    assert interview.suggested_value("@D.goal") == "3"  # the profile's choice, offered first
    assert interview.suggested_value("@D.scope") == "2"
    assert prompt.detail.startswith("The Small lab profile chose 3 Consistent, 2 Industry")
    assert "moves the practices that still hold the profile's value" in prompt.detail
