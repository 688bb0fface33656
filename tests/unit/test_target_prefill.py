"""The context used, and a target short enough for a director's diary: the regulations named
in the context answer the regulator questions of a target in advance (each marked as from the
context, changeable, and never over an answer of the user's own), so that a target from
scratch takes at most 50 answers and one from a profile at most 30."""

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine import views
from interview.engine.context import is_prefilled
from interview.engine.interview import Interview
from interview.engine.target_lines import prefill_lines, subdomain_line
from interview.profiles import load_profile, shipped_profiles_dir
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.questionnaire.checks import check_questionnaire
from interview.questionnaire.model import NeedsTopic
from interview.questionnaire.prefill import prefilled_needs
from interview.services.workspace import Workspace
from interview.session.model import Session, SessionKind
from interview.session.store import SessionStore

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
SMM = load_questionnaire()
CALIBRATION = sorted((shipped_profiles_dir() / "calibration").glob("*.toml"))
SCRATCH_MOST = 50
PROFILE_MOST = 30
CONTEXT = {
    "system_scope": "Pump, drug library server and cloud",
    "organisation_role": "maker",
    "industry": "medical",
    "interviewee_name": "Dana",
    "interviewee_role": "Product director",
}


def regulator_questions(questionnaire: Questionnaire) -> list[str]:
    return [
        need.id
        for subdomain in questionnaire.subdomains.values()
        for need in subdomain.needs
        if need.topic is NeedsTopic.REGULATORS
    ]


def asked_count(session: Session) -> int:
    """The questions a person answers: the plan, less what was answered in advance."""
    plan = views.session_plan(SMM, session)
    given = {"system_name"}  # named on the start screen, before the interview
    ahead = {
        step.question_id
        for step in plan
        if (answer := session.answers.get(step.question_id)) is not None
        and (is_prefilled(answer) or (answer.note or "").startswith("From the profile"))
    }
    return len([step for step in plan if step.question_id not in given | ahead])


def scratch(tmp_path: Path, regulations: list[str], profile_id: str | None = None) -> Interview:
    workspace = Workspace(SMM, SessionStore(tmp_path), clock=lambda: NOW)
    session = workspace.prepare(SessionKind.TARGET, "Pump", profile_id=profile_id)
    interview = Interview(SMM, session, clock=lambda: NOW)
    while (prompt := interview.current()) is not None and prompt.step.is_context:
        value = regulations if prompt.question_id == "regulations" else CONTEXT[prompt.question_id]
        assert interview.answer(value).accepted
    return interview


def test_every_regulator_question_is_answered_from_the_regulations(tmp_path: Path) -> None:
    interview = scratch(tmp_path, ["fda-premarket", "gdpr"])
    answers = interview.session.answers
    assert set(regulator_questions(SMM)) <= set(answers)
    assert answers["G1.needs.regulators"].value == "yes-regulator"
    assert answers["H1.needs.regulators"].value == "yes-approval"
    assert answers["E3.needs.regulators"].value == "yes-sector"  # health data beats personal
    assert answers["G1.needs.regulators"].note == (
        "From the context: FDA premarket cybersecurity guidance."
    )
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@G.goal"
    for value in ("3", "2", "severe", "no-requirement"):
        assert interview.answer(value).accepted
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "@G1.1.purpose"
    g1 = views.session_targets(SMM, interview.session)["G1"]
    assert (g1.comprehensiveness, g1.scope) == (3, 3)  # the regulator's answer counted


def test_a_changed_regulations_answer_moves_only_what_the_context_filled(tmp_path: Path) -> None:
    interview = scratch(tmp_path, ["eu-nis2"])
    answers = interview.session.answers
    assert answers["H2.needs.regulators"].value == "within-hours"
    interview.revisit("G1.needs.regulators")
    assert interview.answer("yes-regulator").accepted  # the user's own answer
    assert not is_prefilled(answers["G1.needs.regulators"])
    interview.revisit("regulations")
    assert interview.answer([]).accepted  # no regulation after all
    assert answers["H2.needs.regulators"].value == "no"
    assert is_prefilled(answers["H2.needs.regulators"])
    assert answers["G1.needs.regulators"].value == "yes-regulator"  # kept: the user's


def test_an_assessment_is_not_prefilled(tmp_path: Path) -> None:
    workspace = Workspace(SMM, SessionStore(tmp_path), clock=lambda: NOW)
    session = workspace.prepare(SessionKind.ASSESSMENT, "Pump")
    interview = Interview(SMM, session, clock=lambda: NOW)
    interview.revisit("regulations")
    assert interview.answer(["fda-premarket"]).accepted
    assert not set(regulator_questions(SMM)) & set(interview.session.answers)


@pytest.mark.parametrize("regulations", [[], ["fda-premarket", "eu-mdr", "gdpr"], ["x-law"]])
def test_a_target_from_scratch_takes_at_most_50_answers(
    tmp_path: Path, regulations: list[str]
) -> None:
    interview = scratch(tmp_path, regulations)
    assert asked_count(interview.session) <= SCRATCH_MOST


@pytest.mark.parametrize("profile_id", ["medical-device", "small-utility-site"])
def test_a_target_from_a_profile_takes_at_most_30_answers(tmp_path: Path, profile_id: str) -> None:
    interview = scratch(tmp_path, ["eu-nis2"], profile_id)
    answers = interview.session.answers
    profile = load_profile(shipped_profiles_dir() / f"{profile_id}.toml", SMM)
    assert answers["industry"].value == profile.industry  # the profile's, not asked
    assert answers["organisation_role"].value == profile.role
    assert asked_count(interview.session) <= PROFILE_MOST


def test_the_prefill_agrees_with_what_each_sector_answers() -> None:
    """Over the calibration answers (written per sector without the prefill), the answers the
    regulations imply are the ones the sector gives in at least 9 of 10 cases."""
    agree = total = 0
    for path in CALIBRATION:
        answers = tomllib.loads(path.read_text())["answers"]
        filled = prefilled_needs(SMM, {"regulations": answers["regulations"]})
        assert set(filled) == set(regulator_questions(SMM)), path.name
        for question_id, prefill in filled.items():
            given = answers[question_id]
            total += 1
            agree += (given["answer"] if isinstance(given, dict) else given) == prefill.option.id
    assert agree / total >= 0.9, f"{agree} of {total}"


def test_an_unknown_regulation_in_implied_by_is_refused() -> None:
    need = SMM.subdomains["G1"].needs[2]
    option = need.options[0].model_copy(update={"implied_by": ("no-such-law",)})
    broken_need = need.model_copy(update={"options": (option, *need.options[1:])})
    subdomain = SMM.subdomains["G1"].model_copy(
        update={"needs": (*SMM.subdomains["G1"].needs[:2], broken_need)}
    )
    broken = SMM.model_copy(update={"subdomains": {**SMM.subdomains, "G1": subdomain}})
    problems = [str(problem) for problem in check_questionnaire(broken)]
    assert any('unknown regulation "no-such-law"' in problem for problem in problems), problems


def test_each_sub_domain_says_its_level_and_why_when_its_needs_are_answered(
    tmp_path: Path,
) -> None:
    interview = scratch(tmp_path, ["fda-premarket"])
    for value in ("2", "1", "severe", "no-requirement"):  # G goal 2 General; G1 needs
        assert interview.answer(value).accepted
    assert subdomain_line(SMM, interview.session, "G1") == (
        "G1 Security Strategy and Governance: 3 Consistent, 3 System specific, raised from 2 "
        "by: Severe: the board, customers or the press would be involved; Yes, and the "
        "regulator examines this system itself (from the context); scope from 1 by: Yes, and "
        "the regulator examines this system itself (from the context)"
    )
    interview.revisit("G1.needs.impact")
    assert interview.answer("little-impact").accepted
    assert ", raised from 2 by: Yes, and the regulator" in subdomain_line(
        SMM, interview.session, "G1"
    )  # a raise wins over a lowering
    interview.revisit("@G.goal")
    assert interview.answer("3").accepted
    interview.revisit("G1.needs.impact")
    assert interview.answer("severe").accepted
    assert ", held at 3: 4 needs an answer asking for two levels" in subdomain_line(
        SMM, interview.session, "G1"
    )
    lines = prefill_lines(SMM, interview.session)
    assert lines[0].startswith("From the regulations you named, 9 regulator questions")
    assert "  G1: Yes, and the regulator examines this system itself." in lines


def test_a_target_from_a_profile_fills_no_needs(tmp_path: Path) -> None:
    interview = scratch(tmp_path, ["fda-premarket"], "medical-device")
    assert not set(regulator_questions(SMM)) & set(interview.session.answers)
    assert prefill_lines(SMM, interview.session) == []
