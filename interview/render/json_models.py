"""The JSON that smm writes, as typed output models: one shape per thing wherever it appears.

Every document carries ``format_version``; its JSON Schema is generated into docs/schemas/ by
``python -m interview.render.schemas``. docs/GAP.md and docs/HISTORY.md describe the fields
and list what changed from the unversioned JSON of smm 0.1.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT_VERSION: Literal[2] = 2
"""Version of every JSON output; smm 0.1's JSON, which carried no version, counts as 1."""

FormatVersion = Literal[2]

Severity = Literal["none", "small", "large"]

Progress = Literal["open", "in-progress", "late", "done", "dropped", "gap-closed"]
"""A plan item's state in a report, spelt like the plan file's statuses (``in-progress``)."""

Status = Literal["open", "in-progress", "done", "dropped"]
"""A plan item's status as the plan file records it."""


Phase = Literal["first", "next", "later"]
"""When a roadmap step is to be done (docs/GAP.md, "Phases")."""
Side = Literal["target", "current"]


class Output(BaseModel):
    """An output model: no unknown fields, nothing changed after it is built."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )


class Level(Output):
    """A level: comprehensiveness 0-4 and scope 1-3 (null at comprehensiveness 0 or unknown)."""

    comprehensiveness: int
    scope: int | None


class OptionalLevel(Output):
    """A level that may not be set: both null for a practice that is not applicable."""

    comprehensiveness: int | None
    scope: int | None


class QuestionnaireRef(Output):
    id: str
    version: str


class SessionInfo(Output):
    """Who, what and when of one session."""

    id: str
    kind: Literal["target", "assessment"]
    system: str
    interviewee: str
    role: str
    created: str
    """ISO 8601, with the offset the session was saved with."""
    updated: str
    finished: bool
    imported_from: str | None
    questionnaire: QuestionnaireRef
    incomplete_practices: list[str]
    """Practices whose target is not set yet, or whose assessment has questions open."""


class MergedSide(Output):
    """Several sessions of one kind, merged by a rule."""

    kind: Literal["target", "assessment"]
    system: str
    rule: str
    sessions: list[SessionInfo]


# --- The plan --------------------------------------------------------------------------------


class PlanItem(Output):
    """One practice of a plan: the same shape in ``smm plan show`` and in the gap's roadmap.
    A roadmap item that is not planned yet has progress ``open`` and null owner, due, status
    and note."""

    practice: str
    progress: Progress
    in_roadmap: bool
    """False for a planned practice whose gap has closed."""
    owner: str | None
    due: str | None
    """ISO 8601 date."""
    status: Status | None
    note: str | None


class PlanProgress(Output):
    """How many items of the plan are in each state."""

    system: str
    progress: dict[Progress, int]
    closed: list[str]
    """Planned practices no longer in the roadmap."""


class PlanJson(Output):
    """``smm plan show --json``."""

    format_version: FormatVersion = FORMAT_VERSION
    system: str
    items: list[PlanItem]
    progress: dict[Progress, int]


# --- The gap ---------------------------------------------------------------------------------


class PracticeGap(Output):
    id: str
    name: str
    target: Level | None
    """Null when the practice is not applicable or its target is not set."""
    current: Level
    gap: OptionalLevel | None
    severity: Severity
    exceeds_target: bool
    rests_on_dont_know: list[Side]
    """The sides whose level rests on a question answered "don't know" (empty: none)."""


class GroupGap(Output):
    """A sub-domain or domain: its worst severity and the means of its applicable practices."""

    id: str
    severity: Severity
    target_mean: float | None
    current_mean: float | None


class RoadmapStep(Output):
    measure: Literal["comprehensiveness", "scope"]
    level: int
    label: str
    to_do: list[str]
    phase: Phase
    """When to do it, by the phase rules of docs/GAP.md."""


class RoadmapItem(Output):
    practice: str
    phase: Phase
    """The phase of its first step: when work on it starts."""
    from_: Level | None = Field(alias="from")
    to: Level | None
    steps: list[RoadmapStep]
    reason: str
    held_by: str
    """The choice that holds the practice below its target, in a sentence; empty if none."""
    plan: PlanItem | None
    """Null when the system has no plan."""


class StatedLevel(Output):
    comprehensiveness: int | None
    scope: int | None
    applicable: bool


class Account(StatedLevel):
    """One interviewee's level for a practice."""

    session: str
    interviewee: str
    role: str


class Spread(Output):
    comprehensiveness: int
    scope: int


class PracticeConsolidation(Output):
    id: str
    level: StatedLevel
    accounts: list[Account]
    spread: Spread
    disagree: bool


class SideConsolidation(Output):
    rule: str
    rule_text: str
    sessions: list[str]
    practices: list[PracticeConsolidation]
    disagreements: list[str]


class Consolidation(Output):
    target: SideConsolidation
    current: SideConsolidation


class GapJson(Output):
    """``smm gap --format json``."""

    format_version: FormatVersion = FORMAT_VERSION
    target: SessionInfo | MergedSide
    current: SessionInfo | MergedSide
    practices: list[PracticeGap]
    subdomains: list[GroupGap]
    domains: list[GroupGap]
    roadmap: list[RoadmapItem]
    plan: PlanProgress | None
    """Null when the system has no plan."""
    consolidation: Consolidation | None
    """Null unless a side merges several sessions."""
    follow_ups: list[GapFollowUp]
    """Every question of either side answered "don't know"."""


# --- One session -----------------------------------------------------------------------------


class PracticeStanding(Output):
    id: str
    name: str
    level: Level | None
    applicable: bool
    complete: bool
    origin: str
    note: str
    objective: str | None


class GroupStanding(Output):
    id: str
    name: str
    mean: float | None


class Approval(Output):
    """Who approved a target, and when."""

    approved_by: str
    approved_at: str
    """ISO 8601, with the offset the session was saved with."""
    changed_since: bool
    """An answer was given after the approval."""


class TargetWarning(Output):
    kind: Literal["many-top-levels", "above-profile"]
    practices: list[str]
    text: str


class FollowUp(Output):
    """A question answered "don't know", and (a target's) who can answer it."""

    question: str
    """The question's id."""
    text: str
    """The question, in short."""
    where: str
    """The id of the domain, sub-domain or practice it is about."""
    ask: str | None
    """Who can answer it; null when nobody was named."""
    note: str | None


class GapFollowUp(FollowUp):
    """A follow-up of a gap report: which session and side it comes from."""

    session: str
    side: Side


class SessionReportJson(Output):
    """``smm report --format json``."""

    format_version: FormatVersion = FORMAT_VERSION
    session: SessionInfo
    practices: list[PracticeStanding]
    subdomains: list[GroupStanding]
    domains: list[GroupStanding]
    approval: Approval | None = None
    """A target's approval; null when it is not approved yet, and for an assessment."""
    warnings: list[TargetWarning] = Field(default_factory=list)
    """A target's warnings; none for an assessment."""
    follow_ups: list[FollowUp]
    """A target's questions answered "don't know", in interview order (always empty for an
    assessment)."""


class ExportedPractice(OptionalLevel):
    practice: str
    applicable: bool
    note: str


class ExportJson(Output):
    """``smm export --format json``: the levels CSV's content."""

    format_version: FormatVersion = FORMAT_VERSION
    session: SessionInfo
    practices: list[ExportedPractice]


# --- History ---------------------------------------------------------------------------------


class HistorySession(SessionInfo):
    label: str
    previous_session: str | None
    accepted_as_baseline: str | None


class CurrentTarget(Output):
    id: str
    finished: bool
    reason: str


class LevelInTime(Output):
    comprehensiveness: int
    scope: int | None
    complete: bool
    change: Literal["same", "up", "down", "mixed"] | None


class PracticeHistory(Output):
    id: str
    name: str
    levels: list[LevelInTime]


class GapCounts(Output):
    large: int
    small: int
    none: int
    comprehensiveness_gap: int
    current_mean: float | None


class GapMovement(GapCounts):
    words: list[str]


class GapsInTime(GapCounts):
    session: str
    created: str
    target_mean: float | None
    change: GapMovement | None


class HistoryJson(Output):
    """``smm history --format json``."""

    format_version: FormatVersion = FORMAT_VERSION
    system: str
    sessions: list[HistorySession]
    assessments: list[str]
    targets: list[str]
    current_target: CurrentTarget | None
    baseline: str | None
    practices: list[PracticeHistory]
    gaps: list[GapsInTime]
