"""What a report adds when the system has a plan or the target started from a profile.

The plan: each roadmap item's owner, due date and progress, a summary line of the items'
progress, and the planned practices whose gap has closed. The profile: what reaching a level
means in the sector, and the disclaimer that profiles are smm's illustrations, not the IIC's.
Pure functions: every format lays out the same words in its own way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from interview.consolidation import GapConsolidation
from interview.gap import GapAnalysis, RoadmapItem, RoadmapStep
from interview.plan import Plan, PlannedStep, Progress, planned_roadmap, progress_counts
from interview.profiles import DISCLAIMER, Profile
from interview.questionnaire.model import Questionnaire

ALWAYS_COUNTED = (Progress.DONE, Progress.LATE, Progress.OPEN)
"""The summary line names these states even at zero; the others only when they occur."""

SUMMARY_ORDER = (*ALWAYS_COUNTED, Progress.IN_PROGRESS, Progress.DROPPED, Progress.CLOSED)

CLOSED_TITLE = "Planned, but no longer in the roadmap"

CLOSED_LEAD = (
    "This comparison shows no gap any more for these planned practices (met, or no longer "
    "targeted)."
)


# --- The plan --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanView:
    """A system's plan beside one roadmap: each item's progress, then the closed items."""

    system: str
    steps: tuple[PlannedStep, ...]

    def step(self, practice_id: str) -> PlannedStep | None:
        """The roadmap item's planned step, or None for a practice not in the roadmap."""
        found = (s for s in self.steps if s.in_roadmap and s.practice_id == practice_id)
        return next(found, None)

    @property
    def closed(self) -> list[PlannedStep]:
        """Planned practices that are no longer in the roadmap, in the plan's order."""
        return [step for step in self.steps if not step.in_roadmap]

    @property
    def counts(self) -> dict[Progress, int]:
        """How many items are in each state; an unplanned roadmap item counts as open."""
        return progress_counts(self.steps)


def plan_view(plan: Plan | None, roadmap: Sequence[RoadmapItem], today: date) -> PlanView | None:
    """The plan beside the roadmap, or None when the system has no plan (or an empty one)."""
    if plan is None or not plan.items:
        return None
    return PlanView(plan.system, tuple(planned_roadmap(plan, roadmap, today)))


def plan_summary(view: PlanView) -> str:
    """``Plan for Rig: 1 done, 1 late, 2 open, 1 gap closed.``"""
    counts = view.counts
    parts = [
        f"{counts[state]} {state.value}"
        for state in SUMMARY_ORDER
        if counts[state] or state in ALWAYS_COUNTED
    ]
    return f"Plan for {view.system}: {', '.join(parts)}."


def plan_words(step: PlannedStep) -> str:
    """``late · Ana · due 2026-10-01``; ``open · not planned yet``."""
    return " · ".join([step.progress.value, *plan_facts(step)])


def plan_facts(step: PlannedStep) -> list[str]:
    """What follows the progress: the owner and the due date, or that it is not planned yet."""
    item = step.item
    if item is None:
        return ["not planned yet"]
    facts = [item.owner or "no owner"]
    if item.due is not None:
        facts.append(f"due {item.due.isoformat()}")
    return facts


def plan_note(step: PlannedStep | None) -> str:
    """The item's note, or ``""``."""
    return step.item.note if step is not None and step.item is not None else ""


def plan_item_json(step: PlannedStep | None) -> dict[str, Any] | None:
    """``{"owner", "due", "status", "progress", "note"}``, or None for an unplanned item."""
    if step is None or step.item is None:
        return None
    item = step.item
    return {
        "owner": item.owner,
        "due": None if item.due is None else item.due.isoformat(),
        "status": item.status.value,
        "progress": step.progress.value,
        "note": item.note,
    }


def plan_json(view: PlanView) -> dict[str, Any]:
    """``{"system", "progress": {state: count}, "closed": [practice ids]}``."""
    return {
        "system": view.system,
        "progress": {state.value: count for state, count in view.counts.items()},
        "closed": [step.practice_id for step in view.closed],
    }


# --- The profile -----------------------------------------------------------------------------


def consideration(profile: Profile | None, practice_id: str, level: int) -> str | None:
    """What reaching ``level`` of the practice means in the profile's sector, if it says."""
    if profile is None or practice_id not in profile.practices:
        return None
    return profile.practices[practice_id].considerations.get(level)


def sector_label(profile: Profile) -> str:
    """``In this sector (Small lab)``."""
    return f"In this sector ({profile.name})"


PROFILE_LABEL = "Target profile"


def profile_description(profile: Profile) -> str:
    """``Small lab (small-lab).`` and the disclaimer."""
    return f"{profile.name} ({profile.id}). {DISCLAIMER}"


def profile_note(profile: Profile) -> str:
    """``Target profile: Small lab (small-lab).`` and the disclaimer, once per report."""
    return f"{PROFILE_LABEL}: {profile_description(profile)}"


# --- Both, for a gap report ------------------------------------------------------------------


@dataclass(frozen=True)
class RoadmapExtras:
    """The plan and the profile a gap report shows with its roadmap (either may be None)."""

    plan: PlanView | None = None
    profile: Profile | None = None

    def step_consideration(self, practice_id: str, step: RoadmapStep) -> str | None:
        """The profile's consideration for a comprehensiveness step, if it has one."""
        if step.measure != "comprehensiveness":
            return None
        return consideration(self.profile, practice_id, step.level)


@dataclass(frozen=True)
class GapReport:
    """What every format of ``smm gap`` shows: the compared sides, the analysis, and the plan
    and profile that go with its roadmap."""

    questionnaire: Questionnaire
    sides: GapConsolidation
    analysis: GapAnalysis
    extras: RoadmapExtras

    @property
    def profile(self) -> Profile | None:
        return self.extras.profile


def gap_report(
    questionnaire: Questionnaire,
    sides: GapConsolidation,
    analysis: GapAnalysis,
    *,
    plan: Plan | None = None,
    profile: Profile | None = None,
    today: date | None = None,
) -> GapReport:
    """A gap report; ``today`` (default: the real today) decides which plan items are late."""
    view = plan_view(plan, analysis.roadmap, today or date.today())
    return GapReport(questionnaire, sides, analysis, RoadmapExtras(view, profile))
