"""What a gap report holds: the compared sides and their analysis, and what it adds when the
system has a plan (each roadmap item's progress, the planned practices whose gap has closed)
or the target started from a profile (what reaching a level means in the sector). Data only:
the words are in :mod:`interview.render.words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from interview.consolidation import GapConsolidation
from interview.filemodel import utc_now
from interview.gap import GapAnalysis, RoadmapItem, RoadmapStep
from interview.plan import Plan, PlannedStep, Progress, planned_roadmap, progress_counts
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire

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


# --- The profile -----------------------------------------------------------------------------


def consideration(profile: Profile | None, practice_id: str, level: int) -> str | None:
    """What reaching ``level`` of the practice means in the profile's sector, if it says."""
    if profile is None or practice_id not in profile.practices:
        return None
    return profile.practices[practice_id].considerations.get(level)


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
    view = plan_view(plan, analysis.roadmap, today or utc_now().date())
    return GapReport(questionnaire, sides, analysis, RoadmapExtras(view, profile))
