"""Several interviewees merged (interview.consolidation), every expected number by hand.

The rules (docs/GAP.md): assessments take the lowest comprehensiveness, with the lowest scope
among the accounts at it; targets take the highest comprehensiveness and the narrowest scope,
not applicable only when every owner says so. The spread is highest minus lowest.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.consolidation import (
    HIGHEST_TARGET,
    LOWEST_ASSESSED,
    Account,
    Interviewee,
    PracticeConsolidation,
    StatedLevel,
    compare_consolidated,
    comprehensiveness_spread,
    consolidate_assessments,
    consolidate_gap,
    consolidate_targets,
    disagreement_words,
    discussion_order,
    highest_target,
    lowest_current,
    scope_spread,
)
from interview.gap import Severity, compare_sessions
from interview.levels_csv import LevelRow, imported_session
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import UNSET, CurrentLevel, TargetLevel
from interview.session.model import Origin, Session, SessionKind

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)

Levels = dict[str, tuple[int | None, int | None]]


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return load_questionnaire(Path(__file__).parents[1] / "data/questionnaires/small.toml")


def current(comprehensiveness: int, scope: int | None, complete: bool = True) -> CurrentLevel:
    return CurrentLevel(comprehensiveness, scope, complete)


def target(
    comprehensiveness: int | None,
    scope: int | None,
    reason: str = "",
    origin: Origin = Origin.PURPOSE,
) -> TargetLevel:
    """A target set explicitly; comprehensiveness None with this origin is not applicable."""
    return TargetLevel(comprehensiveness, scope, origin, reason)


NOT_APPLICABLE = target(None, None, "no need")


# --- Assessments: the lowest level -----------------------------------------------------------

LOWEST_CASES = {
    # name: (accounts, merged)
    "one account is taken as it is": ([current(2, None, False)], current(2, None, False)),
    "the lowest comprehensiveness": (
        [current(3, 2), current(1, 3), current(2, 1)],
        current(1, 3),  # scope 3 from the account at 1, not the lowest scope overall (1)
    ),
    "the lowest scope among the accounts at the lowest level": (
        [current(2, 3), current(2, 2), current(3, 1)],
        current(2, 2),
    ),
    "0 anywhere gives 0, scope n/a": ([current(3, 3), current(0, None)], current(0, None)),
    "an unknown scope at the lowest level stays unknown": (
        [current(2, None, False), current(2, 3)],
        current(2, None, False),
    ),
    "an unknown scope above the lowest level does not count, but leaves it unfinished": (
        [current(3, None, False), current(2, 3)],
        current(2, 3, False),
    ),
    "all agree": ([current(4, 3), current(4, 3)], current(4, 3)),
}


@pytest.mark.parametrize(
    ("accounts", "merged"), LOWEST_CASES.values(), ids=list(LOWEST_CASES.keys())
)
def test_assessments_merge_by_the_lowest_level(
    accounts: list[CurrentLevel], merged: CurrentLevel
) -> None:
    assert lowest_current(accounts) == merged


# --- Targets: the highest level --------------------------------------------------------------

HIGHEST_CASES = {
    # name: (accounts, merged)
    "one account is taken as it is": ([target(2, 1, "a")], target(2, 1, "a")),
    "highest comprehensiveness and narrowest scope, each on its own": (
        [target(4, 1, "A"), target(2, 3, "B")],
        target(4, 3, "A; B"),
    ),
    "an owner below in both measures gives no reason": (
        [target(3, 2, "A"), target(1, 1, "B")],
        target(3, 2, "A"),
    ),
    "the same reason twice is said once": (
        [target(3, 2, "A"), target(3, 2, "A")],
        target(3, 2, "A"),
    ),
    "not applicable for one owner, a level for another: the level": (
        [NOT_APPLICABLE, target(2, 1)],
        target(2, 1),
    ),
    "not applicable when every owner says so": (
        [target(None, None, "x"), target(None, None, "y", Origin.IMPORTED)],
        target(None, None, "x; y"),
    ),
    "not applicable and not set yet: not set": ([NOT_APPLICABLE, UNSET], UNSET),
    "not set yet leaves the owners who set a level": ([UNSET, target(2, 2)], target(2, 2)),
    "the origin of the first account at the highest comprehensiveness": (
        [
            target(2, 3, origin=Origin.PURPOSE),
            target(3, 1, origin=Origin.GOAL),
            target(3, 2, origin=Origin.IMPORTED),
        ],
        target(3, 3, origin=Origin.GOAL),
    ),
}


@pytest.mark.parametrize(
    ("accounts", "merged"), HIGHEST_CASES.values(), ids=list(HIGHEST_CASES.keys())
)
def test_targets_merge_by_the_highest_level(
    accounts: list[TargetLevel], merged: TargetLevel
) -> None:
    assert highest_target(accounts) == merged


def test_not_applicable_only_when_all_agree() -> None:
    assert highest_target([NOT_APPLICABLE, NOT_APPLICABLE]).not_applicable
    assert not highest_target([NOT_APPLICABLE, target(1, 1)]).not_applicable
    assert not highest_target([NOT_APPLICABLE, UNSET]).not_applicable


# --- Spreads and words -----------------------------------------------------------------------


def stated(*cells: str) -> list[StatedLevel]:
    """Levels from ``3/2``, ``0/-``, ``2/?`` (scope unknown), ``na`` and ``unset``."""
    levels = []
    for cell in cells:
        if cell in ("na", "unset"):
            levels.append(StatedLevel(None, None, applicable=cell == "unset"))
            continue
        comprehensiveness, scope = cell.split("/")
        levels.append(StatedLevel(int(comprehensiveness), int(scope) if scope.isdigit() else None))
    return levels


SPREAD_CASES = {
    # name: (levels, comprehensiveness spread, scope spread)
    "both measures apart": (("3/2", "1/3", "2/1"), 2, 2),
    "scope only": (("1/2", "1/1", "1/2"), 0, 1),
    "level 0 has no scope to compare": (("2/1", "0/-", "1/1"), 2, 0),
    "an unknown scope is left out": (("2/?", "2/3"), 0, 0),
    "one account": (("4/3",), 0, 0),
    "a target that does not apply counts as 0": (("2/1", "na"), 2, 0),
    "a target not set yet is left out": (("unset", "3/2"), 0, 0),
    "every owner says not applicable": (("na", "na"), 0, 0),
}


@pytest.mark.parametrize(
    ("cells", "levels_apart", "scopes_apart"), SPREAD_CASES.values(), ids=list(SPREAD_CASES)
)
def test_spreads(cells: tuple[str, ...], levels_apart: int, scopes_apart: int) -> None:
    levels = stated(*cells)
    assert (comprehensiveness_spread(levels), scope_spread(levels)) == (levels_apart, scopes_apart)


def practice(practice_id: str, levels_apart: int, scopes_apart: int) -> PracticeConsolidation:
    """A practice's consolidation with the given spreads (accounts do not matter here)."""
    account = Account(Interviewee("s", "Ann", ""), StatedLevel(1, 1))
    return PracticeConsolidation(
        practice_id, "Practice", (account,), StatedLevel(1, 1), levels_apart, scopes_apart
    )


@pytest.mark.parametrize(
    ("levels_apart", "scopes_apart", "words"),
    [
        (2, 2, "they disagree by 2 levels, and on scope by 2"),
        (1, 0, "they disagree by 1 level"),
        (0, 1, "they disagree on scope by 1 level"),
        (0, 2, "they disagree on scope by 2 levels"),
        (0, 0, "they agree"),
    ],
)
def test_disagreement_in_words(levels_apart: int, scopes_apart: int, words: str) -> None:
    assert disagreement_words(practice("X1.1", levels_apart, scopes_apart)) == words
    assert practice("X1.1", levels_apart, scopes_apart).disagrees is (words != "they agree")


def test_discussion_order_is_the_largest_spread_first_then_the_questionnaires() -> None:
    practices = [
        practice("A1.1", 1, 0),
        practice("A1.2", 2, 0),
        practice("A1.3", 1, 1),
        practice("A1.4", 0, 0),  # agree: not listed
        practice("A1.5", 2, 0),
        practice("A1.6", 0, 2),
    ]
    ordered = [p.practice_id for p in discussion_order(practices)]
    assert ordered == ["A1.2", "A1.5", "A1.3", "A1.1", "A1.6"]


# --- Whole sessions --------------------------------------------------------------------------


def imported(
    questionnaire: Questionnaire,
    kind: SessionKind,
    session_id: str,
    name: str,
    levels: Levels,
    reasons: dict[str, str] | None = None,
) -> Session:
    """A session of the small questionnaire with these levels, as if imported."""
    reasons = reasons or {}
    rows = [
        LevelRow(pid, level, scope, reasons.get(pid, ""), line)
        for line, (pid, (level, scope)) in enumerate(levels.items(), start=2)
    ]
    session = imported_session(
        questionnaire, kind, "Acme", f"{session_id}.csv", rows, interviewee=name, now=NOW
    )
    session.id = session_id
    return session


# Ann: D1.1 3/2, D1.2 1/2, F1.1 2/1. Bo: 1/3, 1/1, 0. Cy: 2/1, 1/2, 1/1.
# Merged: D1.1 1/3 (Bo's scope at 1), D1.2 1/1, F1.1 0 (n/a).
# Spreads: D1.1 2 and 2 (scopes 2, 3, 1); D1.2 0 and 1; F1.1 2 and 0 (Bo has no scope).
THREE: dict[str, Levels] = {
    "Ann": {"D1.1": (3, 2), "D1.2": (1, 2), "F1.1": (2, 1)},
    "Bo": {"D1.1": (1, 3), "D1.2": (1, 1), "F1.1": (0, None)},
    "Cy": {"D1.1": (2, 1), "D1.2": (1, 2), "F1.1": (1, 1)},
}
TARGET: Levels = {"D1.1": (3, 2), "D1.2": (None, None), "F1.1": (2, 1)}


def three_assessments(small: Questionnaire) -> list[Session]:
    return [
        imported(small, SessionKind.ASSESSMENT, f"c-{name.lower()}", name, levels)
        for name, levels in THREE.items()
    ]


def test_three_assessments(small: Questionnaire) -> None:
    merged = consolidate_assessments(small, three_assessments(small))
    assert merged.rule is LOWEST_ASSESSED
    assert dict(merged.levels) == {
        "D1.1": current(1, 3),
        "D1.2": current(1, 1),
        "F1.1": current(0, None),
    }
    spreads = {
        p.practice_id: (p.comprehensiveness_spread, p.scope_spread) for p in merged.practices
    }
    assert spreads == {"D1.1": (2, 2), "D1.2": (0, 1), "F1.1": (2, 0)}
    assert [p.practice_id for p in merged.disagreements()] == ["D1.1", "F1.1", "D1.2"]
    accounts = merged.practice("D1.1").accounts
    assert [(a.interviewee.session_id, a.interviewee.name) for a in accounts] == [
        ("c-ann", "Ann"),
        ("c-bo", "Bo"),
        ("c-cy", "Cy"),
    ]
    assert [a.level for a in accounts] == stated("3/2", "1/3", "2/1")
    assert merged.practice("F1.1").level == StatedLevel(0, None)


def test_merged_levels_feed_the_gap_unchanged(small: Questionnaire) -> None:
    target_session = imported(small, SessionKind.TARGET, "t", "Dana", TARGET)
    sides = consolidate_gap(small, [target_session], three_assessments(small))
    analysis = compare_consolidated(small, sides)
    gaps = {
        gap.practice_id: (gap.comprehensiveness_gap, gap.scope_gap, gap.severity)
        for gap in analysis.practices
    }
    # D1.1: 3/2 against 1/3 -> 2 and 0, large. F1.1: 2/1 against 0 -> 2 and 1, large.
    assert gaps == {
        "D1.1": (2, 0, Severity.LARGE),
        "D1.2": (None, None, Severity.NONE),
        "F1.1": (2, 1, Severity.LARGE),
    }
    # Both large with a comprehensiveness gap of 2; F1.1's scope gap (1) puts it first.
    assert [item.practice_id for item in analysis.roadmap] == ["F1.1", "D1.1"]


def test_one_session_per_side_gives_the_plain_comparison(small: Questionnaire) -> None:
    target_session = imported(small, SessionKind.TARGET, "t", "Dana", TARGET, {"D1.1": "Rules"})
    current_session = three_assessments(small)[0]
    sides = consolidate_gap(small, [target_session], [current_session])
    assert not sides.several and sides.sides() == []
    assert compare_consolidated(small, sides) == compare_sessions(
        small, target_session, current_session
    )


def test_two_targets_keep_every_owners_need_and_say_whose_reason(small: Questionnaire) -> None:
    dana = imported(small, SessionKind.TARGET, "t", "Dana", TARGET, {"D1.1": "Sector rules"})
    eve_levels: Levels = {"D1.1": (2, 3), "D1.2": (None, None), "F1.1": (None, None)}
    eve = imported(small, SessionKind.TARGET, "t2", "Eve", eve_levels, {"D1.1": "Contract"})
    merged = consolidate_targets(small, [dana, eve])
    assert merged.rule is HIGHEST_TARGET
    # D1.1: 3 from Dana, scope 3 from Eve. D1.2: both say n/a. F1.1: Dana's 2/1 (Eve: n/a).
    d11, d12, f11 = (merged.levels[pid] for pid in ("D1.1", "D1.2", "F1.1"))
    assert (d11.comprehensiveness, d11.scope, d11.reason) == (
        3,
        3,
        "Dana: Sector rules; Eve: Contract",
    )
    assert d12.not_applicable
    assert (f11.comprehensiveness, f11.scope) == (2, 1)
    spreads = {
        p.practice_id: (p.comprehensiveness_spread, p.scope_spread) for p in merged.practices
    }
    assert spreads == {"D1.1": (1, 1), "D1.2": (0, 0), "F1.1": (2, 0)}
    assert [p.practice_id for p in merged.disagreements()] == ["F1.1", "D1.1"]


def test_sessions_of_the_wrong_kind_are_refused(small: Questionnaire) -> None:
    target_session = imported(small, SessionKind.TARGET, "t", "Dana", TARGET)
    currents = three_assessments(small)
    with pytest.raises(ValueError, match="current"):
        consolidate_gap(small, [target_session], [currents[0], target_session])
    with pytest.raises(ValueError, match="target"):
        consolidate_gap(small, [target_session, currents[1]], currents)
    with pytest.raises(ValueError, match="not of the kind"):
        consolidate_assessments(small, [currents[0], target_session])
