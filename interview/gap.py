"""Gap analysis: a target compared with a current state, practice by practice. Pure functions.

The IIC paper names the gaps but leaves the arithmetic open; the rules here are smm's own and
are explained in docs/GAP.md. Comprehensiveness and scope gaps are what the current state lacks
against the target; severity grades them; sub-domains and domains take the worst severity of
their practices and the mean levels; the roadmap lists the improvements, most urgent first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from interview.findings import Findings, findings_of
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.questionnaire.model import Questionnaire
from interview.questionnaire.variants import examples_for, to_do_text
from interview.scoring import (
    CurrentLevel,
    TargetLevel,
    current_levels_of,
    target_levels_of,
)
from interview.session.model import (
    Origin,
    Session,
    SessionKind,
)

LARGE_GAP = 2
"""A gap of this many levels or more, in either measure, is large."""

UNKNOWN_SCOPE = 1
"""An unfinished assessment whose scope questions are still open counts as 1 General, as an
unanswered question counts as not met."""


class Severity(StrEnum):
    NONE = "none"
    SMALL = "small"
    LARGE = "large"

    @property
    def rank(self) -> int:
        """0 for none, 1 for small, 2 for large: larger is more urgent."""
        return list(Severity).index(self)


@dataclass(frozen=True)
class LevelPair:
    """A comprehensiveness and a scope; scope None is "n/a" (comprehensiveness 0) or unknown."""

    comprehensiveness: int
    scope: int | None

    def label(self) -> str:
        """``3 Consistent, scope 2 Industry specific``."""
        return f"{comprehensiveness_label(self.comprehensiveness)}, scope {scope_label(self.scope)}"


# --- The levels of a session -----------------------------------------------------------------


def is_not_applicable(target: TargetLevel) -> bool:
    """True when the target says the practice does not apply (not merely not set yet)."""
    return target.not_applicable


def is_unset(target: TargetLevel) -> bool:
    """True while a target interview has not reached the practice's domain goal."""
    return target.comprehensiveness is None and target.origin is Origin.INHERITED


# --- One practice ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeGap:
    """One practice: its target, its current level, the gap between them and how bad it is."""

    practice_id: str
    name: str
    target: TargetLevel
    current: CurrentLevel
    comprehensiveness_gap: int | None
    """None when the practice is left out (not applicable, or its target not set yet)."""
    scope_gap: int | None
    severity: Severity
    exceeds_target: bool

    @property
    def included(self) -> bool:
        """Whether the practice counts in gaps, means and the roadmap."""
        return self.target.comprehensiveness is not None


def severity_of(comprehensiveness_gap: int, scope_gap: int) -> Severity:
    """Large when either gap is 2 or more; small when any gap remains; else none."""
    if max(comprehensiveness_gap, scope_gap) >= LARGE_GAP:
        return Severity.LARGE
    if comprehensiveness_gap or scope_gap:
        return Severity.SMALL
    return Severity.NONE


def scope_for_arithmetic(current: CurrentLevel) -> int:
    """0 at comprehensiveness 0 (scope n/a); an unknown scope counts as 1 General."""
    if current.comprehensiveness == 0:
        return 0
    return UNKNOWN_SCOPE if current.scope is None else current.scope


def practice_gap(
    practice_id: str, name: str, target: TargetLevel, current: CurrentLevel
) -> PracticeGap:
    """Compare one practice's current level with its target."""
    if target.comprehensiveness is None:
        return PracticeGap(practice_id, name, target, current, None, None, Severity.NONE, False)
    comprehensiveness_gap = max(0, target.comprehensiveness - current.comprehensiveness)
    scope_gap = max(0, (target.scope or 0) - scope_for_arithmetic(current))
    return PracticeGap(
        practice_id,
        name,
        target,
        current,
        comprehensiveness_gap,
        scope_gap,
        severity_of(comprehensiveness_gap, scope_gap),
        exceeds_target=current.comprehensiveness > target.comprehensiveness,
    )


# --- Sub-domains and domains -----------------------------------------------------------------


@dataclass(frozen=True)
class GroupGap:
    """A sub-domain's or domain's row: the worst severity and the mean levels of its practices."""

    item_id: str
    name: str
    severity: Severity
    target_mean: float | None
    """Mean target comprehensiveness of the practices included; None when there are none."""
    current_mean: float | None
    practice_ids: tuple[str, ...]


def mean_level(levels: Sequence[int]) -> float | None:
    """The mean to one decimal, halves rounded up; None for no levels."""
    if not levels:
        return None
    mean = Decimal(sum(levels)) / Decimal(len(levels))
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def group_gap(item_id: str, name: str, practices: Sequence[PracticeGap]) -> GroupGap:
    """Aggregate the practices of one sub-domain or domain."""
    included = [gap for gap in practices if gap.included]
    worst = max((gap.severity for gap in included), key=lambda s: s.rank, default=Severity.NONE)
    return GroupGap(
        item_id,
        name,
        worst,
        mean_level([gap.target.comprehensiveness or 0 for gap in included]),
        mean_level([gap.current.comprehensiveness for gap in included]),
        tuple(gap.practice_id for gap in practices),
    )


# --- The roadmap -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RoadmapStep:
    """One level to reach on the way to the target, and what to do for it."""

    measure: str
    """``comprehensiveness`` or ``scope``."""
    level: int
    label: str
    to_do: tuple[str, ...]


@dataclass(frozen=True)
class RoadmapItem:
    """One practice to improve: from its current level to its target, step by step."""

    practice_id: str
    name: str
    severity: Severity
    comprehensiveness_gap: int
    scope_gap: int
    start: LevelPair
    goal: LevelPair
    steps: tuple[RoadmapStep, ...]
    reason: str
    """The reason recorded with the target."""
    held_by: str = ""
    """The choice that holds the practice below its target, in a sentence, when one does."""


def comprehensiveness_steps(
    questionnaire: Questionnaire,
    practice_id: str,
    start: int,
    goal: int,
    findings: Findings | None = None,
) -> list[RoadmapStep]:
    """Each comprehensiveness level above ``start`` up to ``goal``, with what is left to do
    for it: with the answers' findings, only the steps whose questions were not met."""
    levels = questionnaire.practices[practice_id].levels
    return [
        RoadmapStep(
            "comprehensiveness",
            number,
            comprehensiveness_label(number),
            findings.open_steps(levels[number], number)
            if findings
            else tuple(to_do_text(entry) for entry in levels[number].to_do),
        )
        for number in range(start + 1, goal + 1)
        if number in levels
    ]


def scope_steps(
    questionnaire: Questionnaire,
    practice_id: str,
    start: int,
    goal: int,
    sector: str | None = None,
) -> list[RoadmapStep]:
    """Each narrower scope above ``start`` up to ``goal``: the question to turn into a yes.

    Scope 1 General needs no step of its own: implementing the practice at all reaches it.
    """
    scope = questionnaire.practices[practice_id].scope
    questions = {2: ("the industry", scope.industry), 3: ("this system", scope.system)}
    steps = []
    for number in range(max(start + 1, 2), goal + 1):
        tailored_to, question = questions[number]
        to_do = (
            f"Tailor the practice to {tailored_to}, until the answer to this is yes: "
            f"{question.text}",
            *(f"For example: {example}" for example in examples_for(question.examples, sector)),
        )
        steps.append(RoadmapStep("scope", number, scope_label(number), to_do))
    return steps


def roadmap_item(
    questionnaire: Questionnaire, gap: PracticeGap, findings: Findings | None = None
) -> RoadmapItem:
    """The improvement that closes one practice's gap."""
    target_comprehensiveness = gap.target.comprehensiveness or 0
    target_scope = gap.target.scope or 0
    current_scope = scope_for_arithmetic(gap.current)
    steps = comprehensiveness_steps(
        questionnaire,
        gap.practice_id,
        gap.current.comprehensiveness,
        target_comprehensiveness,
        findings,
    ) + scope_steps(
        questionnaire,
        gap.practice_id,
        current_scope,
        target_scope,
        findings.sector if findings else None,
    )
    cap = findings.caps.get(gap.practice_id) if findings else None
    return RoadmapItem(
        gap.practice_id,
        gap.name,
        gap.severity,
        gap.comprehensiveness_gap or 0,
        gap.scope_gap or 0,
        LevelPair(gap.current.comprehensiveness, gap.current.scope),
        LevelPair(target_comprehensiveness, gap.target.scope),
        tuple(steps),
        gap.target.reason,
        cap.sentence() if cap and cap.level < target_comprehensiveness else "",
    )


def id_order(item_id: str) -> tuple[str | int, ...]:
    """A sort key that puts ``G1.2`` before ``G1.10``: numbers compare as numbers."""
    return tuple(
        int(part) if index % 2 else part for index, part in enumerate(re.split(r"(\d+)", item_id))
    )


def roadmap(
    questionnaire: Questionnaire,
    practices: Sequence[PracticeGap],
    findings: Findings | None = None,
) -> list[RoadmapItem]:
    """Every practice with a gap, ordered by severity, comprehensiveness gap, scope gap, then
    domain order (as in the questionnaire: G, E, H), then practice id."""
    domain_order = list(questionnaire.domains)

    def urgency(gap: PracticeGap) -> tuple[int, int, int, int, tuple[str | int, ...]]:
        return (
            -gap.severity.rank,
            -(gap.comprehensiveness_gap or 0),
            -(gap.scope_gap or 0),
            domain_order.index(questionnaire.domain_of(gap.practice_id)),
            id_order(gap.practice_id),
        )

    with_gaps = [gap for gap in practices if gap.included and gap.severity is not Severity.NONE]
    return [roadmap_item(questionnaire, gap, findings) for gap in sorted(with_gaps, key=urgency)]


# --- The whole comparison --------------------------------------------------------------------


@dataclass(frozen=True)
class GapAnalysis:
    practices: list[PracticeGap]
    subdomains: list[GroupGap]
    domains: list[GroupGap]
    roadmap: list[RoadmapItem]


def compare_levels(
    questionnaire: Questionnaire,
    targets: Mapping[str, TargetLevel],
    currents: Mapping[str, CurrentLevel],
    findings: Findings | None = None,
) -> GapAnalysis:
    """Compare target and current levels over every practice of the questionnaire; with the
    assessments' findings, the roadmap lists only what their answers left undone."""
    missing = CurrentLevel(comprehensiveness=0, scope=None, complete=False)
    unset = TargetLevel(None, None, Origin.INHERITED)
    practices = [
        practice_gap(
            practice_id,
            questionnaire.practices[practice_id].name,
            targets.get(practice_id, unset),
            currents.get(practice_id, missing),
        )
        for practice_id in questionnaire.practice_ids()
    ]
    by_id = {gap.practice_id: gap for gap in practices}
    subdomains = [
        group_gap(sid, questionnaire.subdomains[sid].name, [by_id[pid] for pid in practice_ids])
        for sid, practice_ids in subdomain_practices(questionnaire).items()
    ]
    domains = [
        group_gap(did, questionnaire.domains[did].name, [by_id[pid] for pid in practice_ids])
        for did, practice_ids in domain_practices(questionnaire).items()
    ]
    return GapAnalysis(practices, subdomains, domains, roadmap(questionnaire, practices, findings))


def subdomain_practices(questionnaire: Questionnaire) -> dict[str, list[str]]:
    """Sub-domain id → its practice ids, sub-domains in domain order then file order."""
    return {
        sid: questionnaire.practice_ids(sid)
        for did in questionnaire.domains
        for sid in questionnaire.subdomain_ids(did)
    }


def domain_practices(questionnaire: Questionnaire) -> dict[str, list[str]]:
    """Domain id → its practice ids, in questionnaire order."""
    return {
        did: [
            pid
            for sid in questionnaire.subdomain_ids(did)
            for pid in questionnaire.practice_ids(sid)
        ]
        for did in questionnaire.domains
    }


def compare_sessions(
    questionnaire: Questionnaire, target_session: Session, current_session: Session
) -> GapAnalysis:
    """Compare a target session with an assessment session (kinds are the caller's check)."""
    if target_session.kind is not SessionKind.TARGET:
        raise ValueError(f"{target_session.id}: not a target session")
    if current_session.kind is not SessionKind.ASSESSMENT:
        raise ValueError(f"{current_session.id}: not an assessment session")
    return compare_levels(
        questionnaire,
        target_levels_of(questionnaire, target_session),
        current_levels_of(questionnaire, current_session),
        findings_of(questionnaire, [current_session]),
    )
