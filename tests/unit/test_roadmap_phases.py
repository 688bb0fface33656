"""The roadmap's phases (interview/roadmap_phases.py, docs/GAP.md "Phases"): first, next and
later by the rules stated there, a practice's levels never out of order."""

from interview.gap import LevelPair, RoadmapItem, RoadmapStep, Severity
from interview.roadmap_phases import Phase, item_phase, items_in_phase, phased_steps, step_phases

FIRST, NEXT, LATER = Phase.FIRST, Phase.NEXT, Phase.LATER


def item(
    practice_id: str, start: tuple[int, int | None], goal: tuple[int, int], severity: Severity
) -> RoadmapItem:
    steps = [
        RoadmapStep("comprehensiveness", level, f"{level} L", ("do",))
        for level in range(start[0] + 1, goal[0] + 1)
    ]
    first_scope = (start[1] or 1) + 1 if start[0] else 2
    steps += [
        RoadmapStep("scope", scope, f"{scope} S", ("tailor",))
        for scope in range(first_scope, goal[1] + 1)
    ]
    return RoadmapItem(
        practice_id,
        practice_id,
        severity,
        goal[0] - start[0],
        0,
        LevelPair(*start),
        LevelPair(*goal),
        tuple(steps),
        "",
    )


def test_nothing_in_place_comes_first_even_for_a_small_gap() -> None:
    assert step_phases(item("A", (0, None), (1, 1), Severity.SMALL)) == [FIRST]


def test_a_large_gaps_levels_are_first_next_then_later() -> None:
    assert step_phases(item("A", (1, 1), (4, 1), Severity.LARGE)) == [FIRST, NEXT, LATER]


def test_a_small_gaps_only_level_comes_next() -> None:
    assert step_phases(item("A", (2, 1), (3, 1), Severity.SMALL)) == [NEXT]


def test_a_scope_step_follows_the_levels_before_it() -> None:
    found = step_phases(item("A", (0, None), (2, 2), Severity.LARGE))
    assert found == [FIRST, NEXT, LATER]  # 1 Minimum, 2 Ad hoc, scope 2


def test_the_levels_of_one_practice_stay_in_order() -> None:
    for start, goal, severity in [
        ((0, None), (4, 3), Severity.LARGE),
        ((1, 1), (2, 3), Severity.LARGE),
        ((3, 1), (3, 2), Severity.SMALL),
    ]:
        phases = step_phases(item("A", start, goal, severity))
        assert phases == sorted(phases)


def test_an_item_without_steps_takes_the_phase_its_severity_gives() -> None:
    bare = RoadmapItem("A", "A", Severity.SMALL, 1, 0, LevelPair(1, 1), LevelPair(2, 1), (), "")
    assert item_phase(bare) is NEXT
    assert items_in_phase([bare], NEXT) == [bare]
    assert items_in_phase([bare], FIRST) == []


def test_steps_by_phase_keep_the_roadmaps_order() -> None:
    roadmap = [
        item("A", (1, 1), (3, 1), Severity.LARGE),
        item("B", (0, None), (1, 1), Severity.SMALL),
        item("C", (2, 1), (3, 1), Severity.SMALL),
    ]
    found = phased_steps(roadmap)
    assert [(s.item.practice_id, s.step.label) for s in found[FIRST]] == [
        ("A", "2 L"),
        ("B", "1 L"),
    ]
    assert [(s.item.practice_id, s.step.label) for s in found[NEXT]] == [
        ("A", "3 L"),
        ("C", "3 L"),
    ]
    assert found[LATER] == []
