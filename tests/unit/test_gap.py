"""The gap rules (docs/GAP.md), with every expected number worked out by hand.

Most tests use tests/data/questionnaires/small.toml: domain D (sub-domain D1: D1.1, D1.2) and
domain F (sub-domain F1: F1.1). Each level's ``to_do`` there is "Do one.", "Do two.", ...;
the scope examples are "An industry example." and "A system example.".
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.gap import (
    GapAnalysis,
    LevelPair,
    RoadmapStep,
    Severity,
    compare_levels,
    compare_sessions,
    id_order,
    mean_level,
    practice_gap,
    severity_of,
)
from interview.levels_csv import LevelRow, imported_session
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import CurrentLevel, TargetLevel, current_levels_of
from interview.session.model import (
    YES,
    Answer,
    Origin,
    SessionKind,
    TargetSetting,
    as_assessment,
    as_target,
    new_session,
)
from interview.standings import session_standings

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return load_questionnaire(Path(__file__).parents[1] / "data/questionnaires/small.toml")


def target(comprehensiveness: int | None, scope: int | None, reason: str = "") -> TargetLevel:
    """A target set explicitly (origin: the practice purpose); None is not applicable."""
    return TargetLevel(comprehensiveness, scope, Origin.PURPOSE, reason)


def current(comprehensiveness: int, scope: int | None) -> CurrentLevel:
    return CurrentLevel(comprehensiveness, scope, complete=True)


# --- One practice ----------------------------------------------------------------------------

PRACTICE_CASES = {
    # name: (target, current, comprehensiveness gap, scope gap, severity, exceeds target)
    "equal": ((3, 2), (3, 2), 0, 0, Severity.NONE, False),
    "exceeds target in both": ((2, 1), (4, 3), 0, 0, Severity.NONE, True),
    "exceeds comprehensiveness, scope short by 2": ((2, 3), (4, 1), 0, 2, Severity.LARGE, True),
    "narrower scope than the target is no gap": ((2, 1), (2, 3), 0, 0, Severity.NONE, False),
    "comprehensiveness 0: scope counts as 0": ((1, 1), (0, None), 1, 1, Severity.SMALL, False),
    "comprehensiveness 0 against 2": ((2, 1), (0, None), 2, 1, Severity.LARGE, False),
    "scope only, one level": ((3, 3), (3, 2), 0, 1, Severity.SMALL, False),
    "scope only, two levels": ((3, 3), (3, 1), 0, 2, Severity.LARGE, False),
    "one level in each": ((3, 2), (2, 1), 1, 1, Severity.SMALL, False),
    "two levels of comprehensiveness": ((4, 1), (2, 1), 2, 0, Severity.LARGE, False),
    "four levels of comprehensiveness": ((4, 3), (0, None), 4, 3, Severity.LARGE, False),
    "unknown scope counts as 1 General": ((2, 2), (2, None), 0, 1, Severity.SMALL, False),
}


@pytest.mark.parametrize(
    ("target_pair", "current_pair", "comprehensiveness_gap", "scope_gap", "severity", "exceeds"),
    PRACTICE_CASES.values(),
    ids=PRACTICE_CASES.keys(),
)
def test_practice_gap(
    target_pair: tuple[int, int],
    current_pair: tuple[int, int | None],
    comprehensiveness_gap: int,
    scope_gap: int,
    severity: Severity,
    exceeds: bool,
) -> None:
    gap = practice_gap("D1.1", "Practice", target(*target_pair), current(*current_pair))
    assert (gap.comprehensiveness_gap, gap.scope_gap) == (comprehensiveness_gap, scope_gap)
    assert gap.severity is severity
    assert gap.exceeds_target is exceeds
    assert gap.included


@pytest.mark.parametrize(
    ("origin", "label"), [(Origin.PURPOSE, "not applicable"), (Origin.INHERITED, "not set")]
)
def test_a_practice_without_a_target_level_is_left_out(origin: Origin, label: str) -> None:
    gap = practice_gap("D1.1", "Practice", TargetLevel(None, None, origin), current(4, 3))
    assert not gap.included, label
    assert (gap.comprehensiveness_gap, gap.scope_gap) == (None, None)
    assert gap.severity is Severity.NONE
    assert gap.exceeds_target is False


@pytest.mark.parametrize(
    ("comprehensiveness_gap", "scope_gap", "severity"),
    [
        (0, 0, Severity.NONE),
        (1, 0, Severity.SMALL),
        (0, 1, Severity.SMALL),
        (1, 1, Severity.SMALL),
        (2, 0, Severity.LARGE),
        (0, 2, Severity.LARGE),
        (3, 1, Severity.LARGE),
    ],
)
def test_severity(comprehensiveness_gap: int, scope_gap: int, severity: Severity) -> None:
    assert severity_of(comprehensiveness_gap, scope_gap) is severity


# --- Means and aggregation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "mean"),
    [
        ([], None),
        ([3], 3.0),
        ([3, 4], 3.5),
        ([1, 2, 2], 1.7),  # 1.666...
        ([1, 1, 2], 1.3),  # 1.333...
        ([2, 2, 2, 3], 2.3),  # 2.25: halves round up (Python's round() would give 2.2)
    ],
)
def test_mean_level(levels: list[int], mean: float | None) -> None:
    assert mean_level(levels) == mean


def rows(analysis: GapAnalysis) -> dict[str, tuple[Severity, float | None, float | None]]:
    return {
        row.item_id: (row.severity, row.target_mean, row.current_mean)
        for row in [*analysis.subdomains, *analysis.domains]
    }


def test_subdomains_and_domains_take_the_worst_severity_and_the_means(
    small: Questionnaire,
) -> None:
    analysis = compare_levels(
        small,
        {"D1.1": target(3, 2), "D1.2": target(4, 2), "F1.1": target(None, None)},
        {"D1.1": current(1, 1), "D1.2": current(4, 3), "F1.1": current(2, 1)},
    )
    # D1.1: gaps 2/1, large. D1.2: exceeds in scope only, none. F1.1: not applicable.
    assert [gap.severity for gap in analysis.practices] == [
        Severity.LARGE,
        Severity.NONE,
        Severity.NONE,
    ]
    assert rows(analysis) == {
        "D1": (Severity.LARGE, 3.5, 2.5),
        "D": (Severity.LARGE, 3.5, 2.5),
        "F1": (Severity.NONE, None, None),  # its only practice does not apply
        "F": (Severity.NONE, None, None),
    }
    assert [item.practice_id for item in analysis.roadmap] == ["D1.1"]


def test_a_not_applicable_practice_is_left_out_of_the_means(small: Questionnaire) -> None:
    analysis = compare_levels(
        small,
        {"D1.1": target(2, 1), "D1.2": target(None, None), "F1.1": target(1, 1)},
        {"D1.1": current(1, 1), "D1.2": current(4, 3), "F1.1": current(1, 2)},
    )
    assert rows(analysis)["D1"] == (Severity.SMALL, 2.0, 1.0)  # D1.2's current 4 not counted
    assert rows(analysis)["F1"] == (Severity.NONE, 1.0, 1.0)


# --- The roadmap -----------------------------------------------------------------------------

ORDER_CASES = {
    # name: ({practice: (target, current)}, expected roadmap order)
    "severity before comprehensiveness gap": (
        {"D1.1": ((3, 2), (2, 1)), "D1.2": ((2, 1), (2, 1)), "F1.1": ((2, 3), (2, 1))},
        ["F1.1", "D1.1"],  # F1.1 large (0/2) before D1.1 small (1/1)
    ),
    "comprehensiveness gap before scope gap": (
        {"D1.1": ((4, 1), (2, 1)), "D1.2": ((4, 3), (1, 1)), "F1.1": ((2, 3), (2, 1))},
        ["D1.2", "D1.1", "F1.1"],  # all large: 3/2, then 2/0, then 0/2
    ),
    "scope gap, then domain order": (
        {"D1.1": ((3, 3), (2, 2)), "D1.2": ((3, 2), (2, 2)), "F1.1": ((3, 3), (2, 2))},
        ["D1.1", "F1.1", "D1.2"],  # all small: 1/1, 1/1 (D before F), then 1/0
    ),
    "equal gaps in practice order": (
        {"D1.1": ((2, 1), (1, 1)), "D1.2": ((2, 1), (1, 1)), "F1.1": ((2, 1), (1, 1))},
        ["D1.1", "D1.2", "F1.1"],
    ),
}


@pytest.mark.parametrize(("levels", "order"), ORDER_CASES.values(), ids=ORDER_CASES.keys())
def test_roadmap_order(
    small: Questionnaire,
    levels: dict[str, tuple[tuple[int, int], tuple[int, int]]],
    order: list[str],
) -> None:
    analysis = compare_levels(
        small,
        {pid: target(*pair[0]) for pid, pair in levels.items()},
        {pid: current(*pair[1]) for pid, pair in levels.items()},
    )
    assert [item.practice_id for item in analysis.roadmap] == order


def test_roadmap_follows_the_questionnaires_domain_order_not_the_alphabet() -> None:
    shipped = load_questionnaire()
    targets = {pid: target(2, 1) for pid in shipped.practice_ids()}
    currents = {pid: current(2, 1) for pid in shipped.practice_ids()}
    for practice_id in ("H1.1", "E1.1", "G1.2", "G1.1"):
        currents[practice_id] = current(1, 1)
    analysis = compare_levels(shipped, targets, currents)
    assert [item.practice_id for item in analysis.roadmap] == ["G1.1", "G1.2", "E1.1", "H1.1"]


def test_practice_ids_sort_by_their_numbers() -> None:
    ids = ["G1.10", "H1.1", "G1.2", "G10.1", "G1.1"]
    assert sorted(ids, key=id_order) == ["G1.1", "G1.2", "G1.10", "G10.1", "H1.1"]


INDUSTRY_STEP = RoadmapStep(
    "scope",
    2,
    "2 Industry specific",
    (
        "Tailor the practice to the industry, until the answer to this is yes: Industry?",
        "For example: An industry example.",
    ),
)
SYSTEM_STEP = RoadmapStep(
    "scope",
    3,
    "3 System specific",
    (
        "Tailor the practice to this system, until the answer to this is yes: System?",
        "For example: A system example.",
    ),
)


def level_step(level: int, label: str, to_do: str) -> RoadmapStep:
    return RoadmapStep("comprehensiveness", level, f"{level} {label}", (to_do,))


STEP_CASES = {
    "levels between, then the scope": (
        (3, 2),
        (1, 1),
        [level_step(2, "Ad hoc", "Do two."), level_step(3, "Consistent", "Do three."),
         INDUSTRY_STEP],
    ),
    "from nothing: scope 1 needs no step of its own": (
        (2, 3),
        (0, None),
        [level_step(1, "Minimum", "Do one."), level_step(2, "Ad hoc", "Do two."),
         INDUSTRY_STEP, SYSTEM_STEP],
    ),
    "scope only: a step names each scope to reach": ((3, 3), (3, 1), [INDUSTRY_STEP, SYSTEM_STEP]),
    "comprehensiveness only": ((4, 1), (3, 2), [level_step(4, "Formalized", "Do four.")]),
}  # fmt: skip


@pytest.mark.parametrize(
    ("target_pair", "current_pair", "steps"), STEP_CASES.values(), ids=STEP_CASES.keys()
)
def test_roadmap_steps(
    small: Questionnaire,
    target_pair: tuple[int, int],
    current_pair: tuple[int, int | None],
    steps: list[RoadmapStep],
) -> None:
    analysis = compare_levels(
        small,
        {"D1.1": target(*target_pair, reason="Regulator asks"), "D1.2": target(None, None)},
        {"D1.1": current(*current_pair)},
    )
    assert [item.practice_id for item in analysis.roadmap] == ["D1.1"]  # F1.1's target: unset
    item = analysis.roadmap[0]
    assert list(item.steps) == steps
    assert item.start == LevelPair(*current_pair)
    assert item.goal == LevelPair(*target_pair)
    assert item.reason == "Regulator asks"


# --- Levels of sessions ----------------------------------------------------------------------


def test_an_imported_assessments_levels_are_taken_as_given(small: Questionnaire) -> None:
    imported = as_assessment(
        imported_session(
            small,
            SessionKind.ASSESSMENT,
            "Acme",
            "old.csv",
            [LevelRow("D1.1", 3, 2, "from the audit", 2), LevelRow("D1.2", 0, None, "", 3)],
            now=NOW,
        )
    )
    imported.answers["D1.1.c1.1"] = Answer(value="no", answered_at=NOW)  # must not count
    levels = current_levels_of(small, imported)
    assert levels["D1.1"] == CurrentLevel(3, 2, complete=True)
    assert levels["D1.2"] == CurrentLevel(0, None, complete=True)
    assert levels["F1.1"] == CurrentLevel(0, None, complete=False)  # no row: nothing known
    standing = session_standings(small, imported)[0]
    assert (standing.origin, standing.note) == (Origin.IMPORTED, "from the audit")


def test_an_interviewed_assessments_levels_come_from_its_answers(small: Questionnaire) -> None:
    session = new_session(small, SessionKind.ASSESSMENT, "Acme", now=NOW)
    session.answers["D1.1.c1.1"] = Answer(value=YES, note="RACI", answered_at=NOW)
    session.answers["D1.1.c2.1"] = Answer(value="1", note="not yet", answered_at=NOW)
    session.answers["@D1.1.scope.industry"] = Answer(value=YES, answered_at=NOW)
    levels = current_levels_of(small, session)
    assert levels["D1.1"] == CurrentLevel(1, None, complete=False)  # system scope still open
    standing = session_standings(small, session)[0]
    assert (standing.origin, standing.note, standing.complete) == (
        Origin.ASSESSED,
        "RACI; not yet",
        False,
    )


def test_compare_sessions_with_an_imported_target(small: Questionnaire) -> None:
    target_session = as_target(
        imported_session(
            small,
            SessionKind.TARGET,
            "Acme",
            "target.csv",
            [
                LevelRow("D1.1", 2, 2, "Sector rules", 2),
                LevelRow("D1.2", None, None, "Not used", 3),
                LevelRow("F1.1", 1, 1, "", 4),
            ],
            now=NOW,
        )
    )
    assert target_session.targets["D1.2"] == TargetSetting(
        comprehensiveness=None, scope=None, origin=Origin.IMPORTED, reason="Not used"
    )
    current_session = new_session(small, SessionKind.ASSESSMENT, "Acme", now=NOW)
    current_session.answers["F1.1.c1.1"] = Answer(value=YES, answered_at=NOW)
    current_session.answers["@F1.1.scope.industry"] = Answer(value="no", answered_at=NOW)
    analysis = compare_sessions(small, target_session, current_session)
    summary = {
        gap.practice_id: (gap.comprehensiveness_gap, gap.scope_gap, gap.severity)
        for gap in analysis.practices
    }
    assert summary == {
        "D1.1": (2, 2, Severity.LARGE),  # current 0, scope n/a
        "D1.2": (None, None, Severity.NONE),  # not applicable
        "F1.1": (0, 0, Severity.NONE),  # 1 Minimum, 1 General: met
    }
    assert analysis.roadmap[0].reason == "Sector rules"
    with pytest.raises(ValueError, match="not a target"):
        compare_sessions(small, current_session, target_session)
