"""The end of a target interview: rows with origin and reason, the two warnings at their edges,
which profile a target is compared with, and when an approval is stale."""

from datetime import UTC, datetime, timedelta

import pytest

from interview.profiles import Profile, find_profile, start_from_profile
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.questionnaire.variants import ROLE_QUESTION_ID
from interview.services.review import target_review
from interview.session.model import (
    Answer,
    Origin,
    SessionKind,
    TargetSession,
    TargetSetting,
    new_session,
)
from interview.target_review import (
    LEVEL_4_COMMITMENT,
    NOT_APPROVED,
    ProfileLevels,
    WarningKind,
    above_profile,
    approval_of,
    approval_words,
    many_top_levels,
    matching_profile,
    reference_levels,
    review_target,
    target_rows,
    top_level_threshold,
    unset_practices,
)

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire()


def target(questionnaire: Questionnaire, goal: int = 3, /, **answers: str) -> TargetSession:
    """A target whose domains all have the goal ``goal``, scope 2, and these context answers
    (``goal`` is positional so that no answer can be taken for it)."""
    session = new_session(questionnaire, SessionKind.TARGET, "Acme", interviewee="Dana", now=NOW)
    session.targets = {
        domain_id: TargetSetting(
            comprehensiveness=goal, scope=2, origin=Origin.GOAL, reason="Goal."
        )
        for domain_id in questionnaire.domains
    }
    for question_id, value in answers.items():
        session.answers[question_id] = Answer(value=value, answered_at=NOW)
    return session


def raise_to(session: TargetSession, level: int, practice_ids: list[str]) -> None:
    for practice_id in practice_ids:
        session.targets[practice_id] = TargetSetting(
            comprehensiveness=level, scope=2, origin=Origin.PURPOSE, reason="Ours."
        )


# --- Rows --------------------------------------------------------------------------------------


def test_rows_name_the_step_that_set_each_level(smm: Questionnaire) -> None:
    session = target(smm)
    session.targets["G1"] = TargetSetting(
        comprehensiveness=4, scope=3, origin=Origin.NEEDS, reason="Severe."
    )
    raise_to(session, 1, ["E1.1"])
    session.targets["E1.2"] = TargetSetting(origin=Origin.PURPOSE, reason="No users.")
    rows = {row.practice_id: row for row in target_rows(smm, session)}
    assert list(rows) == smm.practice_ids() and len(rows) == 18
    g11 = rows["G1.1"]
    assert (g11.origin_words, g11.reason, g11.level_words) == (
        "sub-domain needs",
        "Severe.",
        "4 Formalized · System",
    )
    assert (rows["G2.1"].origin_words, rows["G2.1"].reason) == ("domain goal", "Goal.")
    assert rows["G2.1"].level_words == "3 Consistent · Industry"
    assert (rows["E1.1"].origin_words, rows["E1.1"].level_words) == (
        "your change",
        "1 Minimum · Industry",
    )
    assert (rows["E1.2"].level_words, rows["E1.2"].reason) == ("not applicable", "No users.")


def test_a_practice_with_nothing_set_above_it_is_inherited_and_not_set(smm: Questionnaire) -> None:
    session = target(smm)
    del session.targets["H"]
    rows = {row.practice_id: row for row in target_rows(smm, session)}
    assert (rows["H1.1"].origin_words, rows["H1.1"].level_words) == ("inherited", "not set yet")
    assert not rows["H1.1"].is_set and rows["G1.1"].is_set


# --- Many top levels -------------------------------------------------------------------------


def test_the_threshold_is_a_third_of_the_practices() -> None:
    assert top_level_threshold(18) == 6
    assert top_level_threshold(3) == 1


def test_six_level_4_practices_are_not_many(smm: Questionnaire) -> None:
    session = target(smm)
    raise_to(session, 4, smm.practice_ids()[:6])
    assert many_top_levels(target_rows(smm, session)) is None


def test_seven_level_4_practices_are_many_and_say_what_level_4_commits_to(
    smm: Questionnaire,
) -> None:
    session = target(smm)
    seven = smm.practice_ids()[5:12]
    raise_to(session, 4, seven)
    warning = many_top_levels(target_rows(smm, session))
    assert warning is not None
    assert warning.kind is WarningKind.MANY_TOP_LEVELS
    assert warning.practice_ids == tuple(seven)
    assert warning.text.startswith(f"Level 4 in 7 of 18 practices ({', '.join(seven)}).")
    assert LEVEL_4_COMMITMENT in warning.text
    for words in ("measured", "reviewed", "improved", "evidence"):
        assert words in LEVEL_4_COMMITMENT


def test_a_domain_goal_of_4_counts_for_every_practice_under_it(smm: Questionnaire) -> None:
    session = target(smm)
    session.targets["G"] = TargetSetting(comprehensiveness=4, scope=2, origin=Origin.GOAL)
    assert many_top_levels(target_rows(smm, session)) is None  # G's 6 practices
    raise_to(session, 4, ["H1.1"])
    warning = many_top_levels(target_rows(smm, session))
    assert warning is not None
    assert warning.practice_ids == ("G1.1", "G1.2", "G2.1", "G2.2", "G3.1", "G3.2", "H1.1")


# --- Two above the profile -------------------------------------------------------------------


PROFILE = ProfileLevels("lab", {"G1.1": 2, "G1.2": 2, "G2.1": None, "G2.2": 1})


def test_two_levels_above_the_profile_is_warned_of_and_one_is_not(smm: Questionnaire) -> None:
    session = target(smm, 3)  # G1.1, G1.2: one above 2; G2.2: two above 1
    raise_to(session, 4, ["G1.2"])  # two above
    warnings = above_profile(target_rows(smm, session), PROFILE)
    assert [w.practice_ids for w in warnings] == [("G1.2",), ("G2.2",)]
    assert warnings[0].kind is WarningKind.ABOVE_PROFILE
    assert "G1.2 Compliance Management: the target asks for 4 Formalized, 2 levels above " in (
        warnings[0].text
    )
    assert "the lab profile (2 Ad hoc)" in warnings[0].text
    assert "3 levels above" not in warnings[1].text and "2 levels above" in warnings[1].text


def test_no_warning_where_either_side_is_not_applicable(smm: Questionnaire) -> None:
    session = target(smm, 4)
    session.targets["G1.1"] = TargetSetting(origin=Origin.PURPOSE, reason="No.")
    warned = {w.practice_ids[0] for w in above_profile(target_rows(smm, session), PROFILE)}
    assert warned == {"G1.2", "G2.2"}  # G1.1 not applicable here, G2.1 in the profile


# --- Which profile --------------------------------------------------------------------------


def profile_like(base: Profile, **changes: object) -> Profile:
    return base.model_copy(update=changes)


def test_the_matching_profile_is_the_sectors(smm: Questionnaire) -> None:
    medical = find_profile("medical-device", smm)
    vehicle = find_profile("connected-vehicle", smm)
    session = target(smm, industry="medical")
    assert matching_profile(session, [vehicle, medical]) is medical
    assert matching_profile(target(smm, industry="retail"), [vehicle, medical]) is None
    assert matching_profile(target(smm), [vehicle, medical]) is None


def test_with_several_for_the_sector_the_role_decides(smm: Questionnaire) -> None:
    maker = find_profile("medical-device", smm)
    operator = profile_like(maker, id="hospital", role="operator")
    answers = {"industry": "medical", ROLE_QUESTION_ID: "operator"}
    assert matching_profile(target(smm, **answers), [maker, operator]) is operator
    undecided = {"industry": "medical", ROLE_QUESTION_ID: "both"}
    assert matching_profile(target(smm, **undecided), [maker, operator]) is None


def test_a_target_started_from_a_profile_is_compared_with_it(smm: Questionnaire) -> None:
    vehicle = find_profile("connected-vehicle", smm)
    session = target(smm, industry="medical")
    start_from_profile(session, vehicle)
    medical = find_profile("medical-device", smm)
    reference = reference_levels(session, [medical])
    assert reference is not None and reference.profile_id == "connected-vehicle"
    assert reference.levels["E2.2"] == 4


def test_the_service_compares_with_the_shipped_profile_of_the_sector(smm: Questionnaire) -> None:
    session = target(smm, industry="medical")
    raise_to(session, 4, ["E2.2"])  # the medical-device profile says 2 Ad hoc
    review = target_review(smm, session)
    assert review.compared_with == "medical-device"
    assert [w.practice_ids for w in review.warnings] == [("E2.2",)]
    assert target_review(smm, target(smm)).compared_with is None


# --- Approval --------------------------------------------------------------------------------


def test_no_approval_is_not_approved_yet(smm: Questionnaire) -> None:
    assert approval_of(target(smm)) is None
    assert approval_words(None) == NOT_APPROVED == "Not approved yet"


def test_an_approval_names_who_and_when(smm: Questionnaire) -> None:
    session = target(smm, industry="medical")
    session.approved_by, session.approved_at = "Dana\u00a0Whitfield", NOW
    approval = approval_of(session)
    assert approval is not None and not approval.changed_since
    assert approval_words(approval) == "Approved by Dana\u00a0Whitfield on 2026-11-25 09:30 UTC"


def test_an_answer_after_the_approval_makes_it_stale(smm: Questionnaire) -> None:
    session = target(smm)
    session.approved_by, session.approved_at = "Dana", NOW
    session.updated = NOW + timedelta(hours=1)  # moving about the interview changes nothing
    approval = approval_of(session)
    assert approval is not None and not approval.changed_since
    later = NOW + timedelta(seconds=1)
    session.answers["@G1.1.purpose"] = Answer(value="4", answered_at=later)
    approval = approval_of(session)
    assert approval is not None and approval.changed_since
    assert approval_words(approval).endswith("(changed since)")


def test_the_review_holds_rows_warnings_and_approval(smm: Questionnaire) -> None:
    session = target(smm, 4)
    session.approved_by, session.approved_at = "Dana", NOW
    review = review_target(smm, session, None)
    assert len(review.rows) == 18 and review.compared_with is None
    assert [w.kind for w in review.warnings] == [WarningKind.MANY_TOP_LEVELS]
    assert review.approval is not None and review.approval.approved_by == "Dana"


def test_a_level_without_a_scope_is_not_set(smm: Questionnaire) -> None:
    """A practice given a level while its domain's goal (and so its scope) is unknown waits for
    the scope before the target can be approved."""
    session = target(smm)
    del session.targets["H"]
    session.targets["H1.1"] = TargetSetting(comprehensiveness=3, origin=Origin.PURPOSE)
    rows = {row.practice_id: row for row in target_rows(smm, session)}
    assert rows["H1.1"].level_words == "3 Consistent · scope not set"
    assert not rows["H1.1"].is_set
    assert "H1.1" in unset_practices(list(rows.values()))
