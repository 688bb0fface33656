"""The scoring rules, table-driven, on the small questionnaire's practice D1.1.

D1.1 has one question per level; level 2's is a choice: "not-yet" supports level 1 (misses 2),
"yes-more" supports up to level 3.
"""

from pathlib import Path

import pytest

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import (
    TargetLevel,
    assessed_comprehensiveness,
    assessed_scope,
    staircase_questions,
    subdomain_setting,
    target_levels,
)
from interview.session.model import DONT_KNOW, NO, YES, Origin, TargetSetting


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return load_questionnaire(
        Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
    )


C1, C2, C3, C4 = "D1.1.c1.1", "D1.1.c2.1", "D1.1.c3.1", "D1.1.c4.1"

STAIRCASE = [
    # answers, comprehensiveness, questions that apply
    ({}, 0, [C1]),
    ({C1: NO}, 0, [C1]),
    ({C1: DONT_KNOW}, 0, [C1]),
    ({C1: YES}, 1, [C1, C2]),
    ({C1: YES, C2: "not-yet"}, 1, [C1, C2]),
    ({C1: YES, C2: DONT_KNOW}, 1, [C1, C2]),
    ({C1: YES, C2: "yes-more"}, 2, [C1, C2, C3]),
    ({C1: YES, C2: "yes-more", C3: NO}, 2, [C1, C2, C3]),
    (
        {C1: YES, C2: "yes-more", C3: YES},
        3,
        [C1, C2, C3],
    ),  # level 4 ruled out by the level-2 answer
    (
        {C1: YES, C2: "yes-more", C3: YES, C4: YES},
        3,
        [C1, C2, C3],
    ),  # a stale level-4 answer counts not
    ({C1: NO, C2: "yes-more", C3: YES}, 0, [C1]),  # answers above a missed level do not count
]


@pytest.mark.parametrize(("answers", "level", "asked"), STAIRCASE)
def test_staircase(
    small: Questionnaire, answers: dict[str, str], level: int, asked: list[str]
) -> None:
    practice = small.practices["D1.1"]
    assert assessed_comprehensiveness(practice, answers) == level
    assert staircase_questions(practice, answers) == asked


SCOPES = [
    # comprehensiveness, industry, system, scope
    (0, YES, YES, None),
    (2, None, None, None),
    (2, NO, None, 1),
    (2, DONT_KNOW, None, 1),
    (2, YES, None, None),
    (2, YES, NO, 2),
    (2, YES, DONT_KNOW, 2),
    (2, YES, YES, 3),
]


@pytest.mark.parametrize(("comprehensiveness", "industry", "system", "scope"), SCOPES)
def test_scope(
    comprehensiveness: int, industry: str | None, system: str | None, scope: int | None
) -> None:
    answers = {
        key: value
        for key, value in (("@D1.1.scope.industry", industry), ("@D1.1.scope.system", system))
        if value is not None
    }
    assert assessed_scope("D1.1", comprehensiveness, answers) == scope


NEEDS = [
    # inherited (comprehensiveness, scope), needs answer, expected setting or None
    ((3, 1), "same", None),  # "Same."
    ((2, 1), "more", (3, 2)),  # "More.": +1, scope at least 2
    ((3, 1), "more", (3, 2)),  # one raise alone stops at 3: only the scope moves
    ((4, 3), "more", None),  # already at the top and narrower: nothing moves
    ((1, 1), "fewer", None),  # "Fewer." cannot go below 1
    ((3, 2), "fewer", (2, 2)),
]


@pytest.mark.parametrize(("inherited", "answer", "expected"), NEEDS)
def test_subdomain_needs(
    small: Questionnaire, inherited: tuple[int, int], answer: str, expected: tuple[int, int] | None
) -> None:
    level = TargetLevel(inherited[0], inherited[1], Origin.GOAL)
    setting = subdomain_setting(small, "D1", level, {"D1.needs.threats": answer})
    found = None if setting is None else (setting.comprehensiveness, setting.scope)
    assert found == expected


def test_targets_inherit_down_the_hierarchy_unless_set(small: Questionnaire) -> None:
    settings = {
        "D": TargetSetting(comprehensiveness=2, scope=1, origin=Origin.GOAL),
        "D1.2": TargetSetting(comprehensiveness=4, scope=1, origin=Origin.PURPOSE, reason="safety"),
        "F": TargetSetting(comprehensiveness=3, scope=3, origin=Origin.GOAL),
        "F1.1": TargetSetting(origin=Origin.PURPOSE, reason="no devices"),
    }
    levels = target_levels(small, settings)
    assert (levels["D1"].comprehensiveness, levels["D1"].origin) == (2, Origin.INHERITED)
    assert (levels["D1.1"].comprehensiveness, levels["D1.1"].scope) == (2, 1)
    assert (levels["D1.2"].comprehensiveness, levels["D1.2"].reason) == (4, "safety")
    assert levels["F1.1"].applicable is False
    assert levels["F1"].comprehensiveness == 3


QUESTIONNAIRE_1_0 = Path(__file__).parent.parent / "data" / "questionnaires" / "iic-smm-1.0.0.toml"


def test_a_missed_question_ends_its_level_at_once() -> None:
    """G1.1 asks two questions at level 1: after a "no" to the first, the second is moot."""
    practice = load_questionnaire(QUESTIONNAIRE_1_0).practices["G1.1"]
    assert staircase_questions(practice, {"G1.1.c1.1": NO}) == ["G1.1.c1.1"]
    assert staircase_questions(practice, {"G1.1.c1.1": DONT_KNOW}) == ["G1.1.c1.1"]
    assert staircase_questions(practice, {"G1.1.c1.1": YES}) == ["G1.1.c1.1", "G1.1.c1.2"]
    both = {"G1.1.c1.1": YES, "G1.1.c1.2": YES}
    assert staircase_questions(practice, both) == [*both, "G1.1.c2.1", "G1.1.c2.2"]
