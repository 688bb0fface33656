"""The roadmap in phases: what to do first, next and later.

The IIC paper orders nothing; these rules are smm's own (docs/GAP.md, "Phases"). Each step of
a roadmap item (a level to reach) gets a phase:

1. A step that reaches comprehensiveness 1 Minimum is **first**: nothing is in place yet.
2. Otherwise its place among the item's steps decides: the first step of a large gap is
   **first**; the first step of a small gap and the second of a large gap are **next**; every
   later step is **later**.
3. A practice's levels stay in order: a step is never in an earlier phase than the step before
   it, so reaching 3 never comes before reaching 2.

An item with no step left to list (its steps were all met) takes the phase its first step
would have had: first for a large gap, next for a small one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from interview.gap import RoadmapItem, RoadmapStep, Severity

MINIMUM = 1
"""Comprehensiveness 1 Minimum: the first level at which a practice is in place at all."""


class Phase(IntEnum):
    """When a step is to be done; ordered, so that the phases of one practice can only rise."""

    FIRST = 1
    NEXT = 2
    LATER = 3

    @property
    def word(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class PhasedStep:
    """One step of a roadmap item, with its phase."""

    item: RoadmapItem
    step: RoadmapStep
    phase: Phase


def step_phases(item: RoadmapItem) -> list[Phase]:
    """The phase of each of the item's steps, in the item's order (levels ascending)."""
    phases: list[Phase] = []
    for place, step in enumerate(item.steps):
        phase = place_phase(item.severity, place)
        if step.measure == "comprehensiveness" and step.level == MINIMUM:
            phase = Phase.FIRST
        phases.append(max(phase, phases[-1]) if phases else phase)
    return phases


def place_phase(severity: Severity, place: int) -> Phase:
    """The phase of the step at ``place`` (0: the first) of an item of this severity."""
    shift = 0 if severity is Severity.LARGE else 1
    return Phase(min(place + shift, len(Phase) - 1) + 1)


def item_phase(item: RoadmapItem) -> Phase:
    """When work on the item starts: the phase of its first step."""
    phases = step_phases(item)
    return phases[0] if phases else place_phase(item.severity, 0)


def phased_steps(roadmap: Sequence[RoadmapItem]) -> dict[Phase, list[PhasedStep]]:
    """Every step of the roadmap by phase; within a phase, in the roadmap's order."""
    found: dict[Phase, list[PhasedStep]] = {phase: [] for phase in Phase}
    for item in roadmap:
        for step, phase in zip(item.steps, step_phases(item), strict=True):
            found[phase].append(PhasedStep(item, step, phase))
    return found


def items_in_phase(roadmap: Sequence[RoadmapItem], phase: Phase) -> list[RoadmapItem]:
    """The items with at least one step in ``phase`` (or starting in it), in roadmap order."""
    return [
        item
        for item in roadmap
        if phase in step_phases(item) or (not item.steps and item_phase(item) is phase)
    ]
