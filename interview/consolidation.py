"""Several interviewees for one system: their sessions merged into one level per practice.

Each interviewee answers in a session of their own. Per practice, their accounts are merged by
a stated rule (:data:`LOWEST_ASSESSED` for the current state, :data:`HIGHEST_TARGET` for
targets), and the spread between the accounts shows where people disagree, so that it can be
talked through. The merged levels feed :func:`interview.gap.compare_levels` unchanged. The IIC
paper leaves this open: the rules are smm's own, explained in docs/GAP.md. Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from interview.findings import findings_of
from interview.gap import GapAnalysis, compare_levels
from interview.questionnaire.model import Questionnaire
from interview.scoring import (
    UNSET,
    CurrentLevel,
    TargetLevel,
    current_levels_of,
    target_levels_of,
)
from interview.session.model import Session, SessionKind, as_assessment, as_target

# --- The rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """How the accounts of several interviewees become one level: a short name and the rule."""

    name: str
    text: str


LOWEST_ASSESSED = Rule(
    "lowest",
    "Several assessments are merged by the lowest level: per practice, the lowest "
    "comprehensiveness any interviewee reported, with the lowest scope among those who "
    "reported that comprehensiveness (n/a at 0). A capability is only as mature as the weakest "
    "account of it, and the merged level is always one that an interviewee gave.",
)
"""Current state: conservative. Overstating a capability hides a gap; understating it only
asks for a second look, which the disagreement list prompts anyway."""

HIGHEST_TARGET = Rule(
    "highest",
    "Several targets are merged by the highest level: per practice, the highest "
    "comprehensiveness and the narrowest scope that any business owner set, as a need stated "
    "by any owner must be met. A practice is not applicable only when every owner says so.",
)
"""Targets: every owner's business need is kept. Comprehensiveness and scope are taken apart
(4/1 from one owner and 2/3 from another give 4/3), since each is a need on its own."""

RULES = {SessionKind.ASSESSMENT: LOWEST_ASSESSED, SessionKind.TARGET: HIGHEST_TARGET}
"""The rule for each kind of session."""


def lowest_current(levels: Sequence[CurrentLevel]) -> CurrentLevel:
    """The lowest comprehensiveness; the lowest scope among the accounts at it (unknown lowest).

    The merged level is complete only when every account is.
    """
    if len(levels) == 1:
        return levels[0]
    lowest = min(level.comprehensiveness for level in levels)
    complete = all(level.complete for level in levels)
    if lowest == 0:
        return CurrentLevel(0, None, complete)
    scopes = [level.scope for level in levels if level.comprehensiveness == lowest]
    scope = None if None in scopes else min(scope for scope in scopes if scope is not None)
    return CurrentLevel(lowest, scope, complete)


def highest_target(levels: Sequence[TargetLevel]) -> TargetLevel:
    """The highest comprehensiveness and the narrowest scope set; not applicable only when
    every account says so; not set when no account sets a level and some have not decided.

    The origin is that of the first account at the merged comprehensiveness; the reason joins
    the distinct reasons of the accounts that set the merged comprehensiveness or scope.
    """
    if len(levels) == 1:
        return levels[0]
    with_level = [level for level in levels if level.comprehensiveness is not None]
    if not with_level:
        if levels and all(level.not_applicable for level in levels):
            return TargetLevel(None, None, levels[0].origin, joined_reasons(levels))
        return UNSET
    comprehensiveness = max(level.comprehensiveness or 0 for level in with_level)
    scopes = [level.scope for level in with_level if level.scope is not None]
    scope = max(scopes) if scopes else None
    origin = next(lvl.origin for lvl in with_level if lvl.comprehensiveness == comprehensiveness)
    setting = [
        lvl
        for lvl in with_level
        if lvl.comprehensiveness == comprehensiveness or lvl.scope == scope
    ]
    return TargetLevel(comprehensiveness, scope, origin, joined_reasons(setting))


def joined_reasons(levels: Sequence[TargetLevel]) -> str:
    """The distinct non-empty reasons, in order, joined by semicolons."""
    return "; ".join(dict.fromkeys(level.reason for level in levels if level.reason))


# --- Who said what ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Interviewee:
    """Who answered one of the merged sessions."""

    session_id: str
    name: str
    role: str

    def label(self) -> str:
        """``Dana Whitfield (Product owner)``; the session id when no name was recorded."""
        who = self.name or f"session {self.session_id}"
        return f"{who} ({self.role})" if self.role else who

    def short(self) -> str:
        """The name, or the session id when no name was recorded."""
        return self.name or self.session_id


def interviewee_of(session: Session) -> Interviewee:
    """The session's id and the person who answered in it."""
    return Interviewee(session.id, session.interviewee, session.role)


@dataclass(frozen=True)
class StatedLevel:
    """A practice's level as one interviewee gave it, or as merged."""

    comprehensiveness: int | None
    """None for a target that does not apply, or is not set yet (``applicable`` tells which)."""
    scope: int | None
    """None at comprehensiveness 0 (n/a), for a target without a level, or while unknown."""
    applicable: bool = True


def stated_current(level: CurrentLevel) -> StatedLevel:
    """An assessed level as stated."""
    return StatedLevel(level.comprehensiveness, level.scope)


def stated_target(level: TargetLevel) -> StatedLevel:
    """A target level as stated; a target marked not applicable says so."""
    return StatedLevel(level.comprehensiveness, level.scope, applicable=not level.not_applicable)


@dataclass(frozen=True)
class Account:
    """One interviewee's level for one practice."""

    interviewee: Interviewee
    level: StatedLevel


# --- Disagreement ----------------------------------------------------------------------------


def comprehensiveness_spread(levels: Sequence[StatedLevel]) -> int:
    """Highest minus lowest comprehensiveness; a target that does not apply counts as 0 (no
    need) and a target not set yet is left out."""
    values = [
        level.comprehensiveness if level.applicable else 0
        for level in levels
        if level.comprehensiveness is not None or not level.applicable
    ]
    return spread([value for value in values if value is not None])


def scope_spread(levels: Sequence[StatedLevel]) -> int:
    """Highest minus lowest scope among the accounts that have one (n/a and unknown left out)."""
    return spread([level.scope for level in levels if level.comprehensiveness and level.scope])


def spread(values: Sequence[int]) -> int:
    """Highest minus lowest; 0 for no values."""
    return max(values) - min(values) if values else 0


@dataclass(frozen=True)
class PracticeConsolidation:
    """One practice: each interviewee's account, the merged level and how far apart they are."""

    practice_id: str
    name: str
    accounts: tuple[Account, ...]
    level: StatedLevel
    """The merged level, by the side's rule."""
    comprehensiveness_spread: int
    scope_spread: int

    @property
    def disagrees(self) -> bool:
        """True when the accounts differ by a level or more, in either measure."""
        return self.comprehensiveness_spread >= 1 or self.scope_spread >= 1


def disagreement_words(practice: PracticeConsolidation) -> str:
    """``they disagree by 2 levels, and on scope by 1``; ``they agree``."""
    parts = []
    if practice.comprehensiveness_spread:
        levels = "level" if practice.comprehensiveness_spread == 1 else "levels"
        parts.append(f"by {practice.comprehensiveness_spread} {levels}")
    if practice.scope_spread:
        scope = f"on scope by {practice.scope_spread}"
        parts.append(f"and {scope}" if parts else f"{scope} {plural_levels(practice.scope_spread)}")
    return "they disagree " + ", ".join(parts) if parts else "they agree"


def plural_levels(count: int) -> str:
    """``level`` or ``levels``."""
    return "level" if count == 1 else "levels"


def discussion_order(practices: Sequence[PracticeConsolidation]) -> list[PracticeConsolidation]:
    """The practices where the interviewees disagree: the largest comprehensiveness spread
    first, then the largest scope spread, then in the order given (the questionnaire's)."""
    disagreeing = [practice for practice in practices if practice.disagrees]
    return sorted(disagreeing, key=lambda p: (-p.comprehensiveness_spread, -p.scope_spread))


# --- One side: several sessions of one kind --------------------------------------------------

LevelT = TypeVar("LevelT", CurrentLevel, TargetLevel)


@dataclass(frozen=True)
class Consolidation(Generic[LevelT]):
    """Several sessions of one kind merged: the levels for the gap, and who said what."""

    kind: SessionKind
    sessions: tuple[Session, ...]
    practices: tuple[PracticeConsolidation, ...]
    """Every practice of the questionnaire, in its order."""
    levels: Mapping[str, LevelT]
    """Practice id → merged level, as :func:`interview.gap.compare_levels` takes it."""

    @property
    def rule(self) -> Rule:
        """The rule that merged the levels."""
        return RULES[self.kind]

    @property
    def several(self) -> bool:
        """True when more than one session was merged."""
        return len(self.sessions) > 1

    @property
    def interviewees(self) -> list[Interviewee]:
        """Who answered, in the order the sessions were given."""
        return [interviewee_of(session) for session in self.sessions]

    def disagreements(self) -> list[PracticeConsolidation]:
        """The practices where the interviewees disagree, largest spread first."""
        return discussion_order(self.practices)

    def practice(self, practice_id: str) -> PracticeConsolidation:
        """One practice's accounts and spread."""
        return next(p for p in self.practices if p.practice_id == practice_id)


def consolidate(
    questionnaire: Questionnaire,
    sessions: Sequence[Session],
    levels_of: Callable[[Questionnaire, Session], Mapping[str, LevelT]],
    merge: Callable[[Sequence[LevelT]], LevelT],
    stated: Callable[[LevelT], StatedLevel],
) -> Consolidation[LevelT]:
    """Merge the sessions practice by practice; every session must be of one kind."""
    if not sessions:
        raise ValueError("no session to consolidate")
    kind = sessions[0].kind
    strangers = [session.id for session in sessions if session.kind is not kind]
    if strangers:
        raise ValueError(f"{', '.join(strangers)}: not of the kind {kind.value}")
    each_levels = [levels_of(questionnaire, session) for session in sessions]
    interviewees = [interviewee_of(session) for session in sessions]
    practices = []
    merged: dict[str, LevelT] = {}
    for practice_id in questionnaire.practice_ids():
        levels = [session_levels[practice_id] for session_levels in each_levels]
        merged[practice_id] = merge(levels)
        accounts = [
            Account(who, stated(level)) for who, level in zip(interviewees, levels, strict=True)
        ]
        name = questionnaire.practices[practice_id].name
        practices.append(
            practice_consolidation(practice_id, name, accounts, stated(merged[practice_id]))
        )
    return Consolidation(kind, tuple(sessions), tuple(practices), merged)


def practice_consolidation(
    practice_id: str, name: str, accounts: Sequence[Account], level: StatedLevel
) -> PracticeConsolidation:
    """One practice's accounts, merged level and spreads."""
    statements = [account.level for account in accounts]
    return PracticeConsolidation(
        practice_id,
        name,
        tuple(accounts),
        level,
        comprehensiveness_spread(statements),
        scope_spread(statements),
    )


def consolidate_assessments(
    questionnaire: Questionnaire, sessions: Sequence[Session]
) -> Consolidation[CurrentLevel]:
    """Several current-state assessments of one system, merged by the lowest level."""

    def levels_of(questionnaire: Questionnaire, session: Session) -> dict[str, CurrentLevel]:
        return current_levels_of(questionnaire, as_assessment(session))

    return consolidate(questionnaire, sessions, levels_of, lowest_current, stated_current)


def consolidate_targets(
    questionnaire: Questionnaire, sessions: Sequence[Session]
) -> Consolidation[TargetLevel]:
    """Several targets of one system, merged by the highest level. With several owners, each
    reason says whose it is."""

    def levels_of(questionnaire: Questionnaire, session: Session) -> dict[str, TargetLevel]:
        levels = target_levels_of(questionnaire, as_target(session))
        if len(sessions) == 1:
            return levels
        who = interviewee_of(session).short()
        return {
            item_id: replace(level, reason=f"{who}: {level.reason}") if level.reason else level
            for item_id, level in levels.items()
        }

    return consolidate(questionnaire, sessions, levels_of, highest_target, stated_target)


# --- Both sides of a gap ---------------------------------------------------------------------

Side = Consolidation[TargetLevel] | Consolidation[CurrentLevel]
"""Either side of a gap analysis: the targets or the assessments, merged."""


@dataclass(frozen=True)
class GapConsolidation:
    """The target side and the current side of a gap analysis, each from one or more sessions."""

    target: Consolidation[TargetLevel]
    current: Consolidation[CurrentLevel]

    @property
    def several(self) -> bool:
        """True when either side merges more than one session."""
        return self.target.several or self.current.several

    def sides(self) -> list[Side]:
        """The sides that merge more than one session: the current state first."""
        return [side for side in (self.current, self.target) if side.several]

    @property
    def sessions(self) -> list[Session]:
        """Every session, targets first."""
        return [*self.target.sessions, *self.current.sessions]

    def spread_of(self, practice_id: str) -> tuple[int, int]:
        """The largest comprehensiveness and scope spreads of one practice over both sides."""
        sides = [side.practice(practice_id) for side in self.sides()]
        return (
            max((side.comprehensiveness_spread for side in sides), default=0),
            max((side.scope_spread for side in sides), default=0),
        )


def consolidate_gap(
    questionnaire: Questionnaire, targets: Sequence[Session], currents: Sequence[Session]
) -> GapConsolidation:
    """Merge the target sessions and the assessment sessions (kinds are the caller's check)."""
    if any(session.kind is not SessionKind.TARGET for session in targets):
        raise ValueError("every target session must be a target")
    if any(session.kind is not SessionKind.ASSESSMENT for session in currents):
        raise ValueError("every current session must be an assessment")
    return GapConsolidation(
        consolidate_targets(questionnaire, targets),
        consolidate_assessments(questionnaire, currents),
    )


def compare_consolidated(questionnaire: Questionnaire, sides: GapConsolidation) -> GapAnalysis:
    """The gap between the merged target and the merged current state."""
    currents = [as_assessment(session) for session in sides.current.sessions]
    findings = findings_of(questionnaire, currents)
    return compare_levels(questionnaire, sides.target.levels, sides.current.levels, findings)
