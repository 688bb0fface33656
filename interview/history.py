"""A system's history: its sessions over time, its levels per assessment and how the gaps to
the current target have moved (the "check" of plan-do-check-act). Pure computation.

The rules are smm's own and are explained in docs/HISTORY.md: which sessions belong to a
system, which target is the current one, how a change between two assessments is marked, and
how the gaps are counted (with the gap rules of docs/GAP.md, through :func:`compare_sessions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from interview.errors import InputError, printable
from interview.filemodel import system_key
from interview.gap import GapAnalysis, Severity, compare_sessions, mean_level, scope_for_arithmetic
from interview.questionnaire.model import Questionnaire
from interview.scoring import CurrentLevel, current_levels_of
from interview.session.model import AssessmentSession, Session, TargetSession, is_finished
from interview.session.store import SessionStore

# --- Which sessions belong to a system -------------------------------------------------------


def in_time_order(sessions: Sequence[Session]) -> list[Session]:
    """Oldest first, by the time each session was started; the id breaks ties."""
    return sorted(sessions, key=lambda session: (session.created, session.id))


@dataclass(frozen=True)
class FoundSessions:
    """The sessions of one system found in a folder, and the files that could not be read."""

    sessions: list[Session]
    problems: list[str]


def find_system_sessions(
    store: SessionStore, questionnaire: Questionnaire, reference: str
) -> FoundSessions:
    """Every session of the system named by ``reference`` (a system's name, or a session id
    whose system is meant), checked against the questionnaire, oldest first."""
    readable, problems = read_all(store)
    key = system_key(reference)
    if not any(system_key(session.system) == key for session in readable):
        key = system_key(session_by_reference(store, reference).system)
    sessions = []
    for session in readable:
        if system_key(session.system) != key:
            continue
        try:
            sessions.append(store.load(str(store.path_of(session.id)), questionnaire).session)
        except InputError as error:
            problems += error.lines
    return FoundSessions(in_time_order(sessions), problems)


def read_all(store: SessionStore) -> tuple[list[Session], list[str]]:
    """Every session file in the folder, read without a questionnaire, and what failed."""
    sessions: list[Session] = []
    problems: list[str] = []
    for path in store.session_files():
        try:
            sessions.append(store.read(str(path)))
        except InputError as error:
            problems += error.lines
    return sessions, problems


def session_by_reference(store: SessionStore, reference: str) -> Session:
    """The session a reference names, or the one-line error that suggests ``smm list``."""
    try:
        return store.read(reference)
    except InputError:
        raise InputError(
            [
                f"{printable(reference)}: no system of this name and no session with this id in "
                f"{printable(str(store.folder))}; see `smm list` for the systems and sessions"
            ]
        ) from None


# --- Changes between two assessments ---------------------------------------------------------


class Change(StrEnum):
    """How a practice's level moved since the previous assessment."""

    SAME = "same"
    UP = "up"
    """Comprehensiveness or scope rose, and neither fell."""
    DOWN = "down"
    """Comprehensiveness or scope fell, and neither rose."""
    MIXED = "mixed"
    """One measure rose and the other fell."""


CHANGE_MARKERS = {Change.SAME: "", Change.UP: "↑", Change.DOWN: "↓", Change.MIXED: "↕"}
"""Written after a level (``2/1↑``), so that a change reads without colour."""


def level_change(before: CurrentLevel, after: CurrentLevel) -> Change:
    """Compare both measures; a scope is counted as the gap rules count it (0 when n/a, an
    unknown scope as 1 General)."""
    directions = {
        _direction(before.comprehensiveness, after.comprehensiveness),
        _direction(scope_for_arithmetic(before), scope_for_arithmetic(after)),
    }
    if {1, -1} <= directions:
        return Change.MIXED
    if 1 in directions:
        return Change.UP
    if -1 in directions:
        return Change.DOWN
    return Change.SAME


def _direction(before: int, after: int) -> int:
    """1 when the value rose, -1 when it fell, 0 when it stayed."""
    return (after > before) - (after < before)


@dataclass(frozen=True)
class LevelInTime:
    """One practice's level in one assessment and its change since the previous one."""

    level: CurrentLevel
    change: Change | None
    """None in the first assessment: there is nothing to compare it with."""


@dataclass(frozen=True)
class PracticeHistory:
    """One practice's levels, one per assessment, oldest first."""

    practice_id: str
    name: str
    levels: tuple[LevelInTime, ...]


def practice_histories(
    questionnaire: Questionnaire, assessments: Sequence[AssessmentSession]
) -> list[PracticeHistory]:
    """Every practice of the questionnaire, in its order, across the assessments."""
    levels = [current_levels_of(questionnaire, session) for session in assessments]
    histories = []
    for practice_id in questionnaire.practice_ids():
        row = [by_practice[practice_id] for by_practice in levels]
        changes = [None, *(level_change(a, b) for a, b in pairwise(row))][: len(row)]
        histories.append(
            PracticeHistory(
                practice_id,
                questionnaire.practices[practice_id].name,
                tuple(
                    LevelInTime(level, change) for level, change in zip(row, changes, strict=True)
                ),
            )
        )
    return histories


# --- Gaps over time --------------------------------------------------------------------------


@dataclass(frozen=True)
class GapCounts:
    """One assessment against the current target, over the practices the target includes."""

    large: int
    small: int
    none: int
    comprehensiveness_gap: int
    """The comprehensiveness gaps added up: how many levels short of the target in all."""
    current_mean: float | None
    """Mean current comprehensiveness, one decimal (halves up); None when nothing applies."""
    target_mean: float | None


def gap_counts(analysis: GapAnalysis) -> GapCounts:
    """Count the severities and add up the gaps of the practices included in the comparison."""
    included = [gap for gap in analysis.practices if gap.included]
    return GapCounts(
        large=sum(gap.severity is Severity.LARGE for gap in included),
        small=sum(gap.severity is Severity.SMALL for gap in included),
        none=sum(gap.severity is Severity.NONE for gap in included),
        comprehensiveness_gap=sum(gap.comprehensiveness_gap or 0 for gap in included),
        current_mean=mean_level([gap.current.comprehensiveness for gap in included]),
        target_mean=mean_level([gap.target.comprehensiveness or 0 for gap in included]),
    )


@dataclass(frozen=True)
class GapMovement:
    """How the counts moved since the previous assessment: later minus earlier."""

    large: int
    small: int
    none: int
    comprehensiveness_gap: int
    current_mean: float | None
    """The difference of the two rounded means (as shown), or None when either is None."""


def gap_movement(before: GapCounts, after: GapCounts) -> GapMovement:
    """The differences between two assessments' counts."""
    mean = None
    if before.current_mean is not None and after.current_mean is not None:
        mean = float(Decimal(str(after.current_mean)) - Decimal(str(before.current_mean)))
    return GapMovement(
        after.large - before.large,
        after.small - before.small,
        after.none - before.none,
        after.comprehensiveness_gap - before.comprehensiveness_gap,
        mean,
    )


@dataclass(frozen=True)
class GapsInTime:
    """One assessment's gaps to the current target, and how they moved since the previous."""

    session: Session
    counts: GapCounts
    movement: GapMovement | None
    """None for the first assessment."""


def gaps_over_time(
    questionnaire: Questionnaire, target: Session, assessments: Sequence[Session]
) -> list[GapsInTime]:
    """Every assessment compared with the one target, oldest first."""
    points: list[GapsInTime] = []
    for session in assessments:
        counts = gap_counts(compare_sessions(questionnaire, target, session))
        movement = gap_movement(points[-1].counts, counts) if points else None
        points.append(GapsInTime(session, counts, movement))
    return points


# --- The whole history -----------------------------------------------------------------------


@dataclass(frozen=True)
class CurrentTarget:
    """The target the gaps are measured against, and whether it is finished."""

    session: Session
    finished: bool

    @property
    def reason(self) -> str:
        """Why this target is the current one, in words."""
        if self.finished:
            return "the most recent finished target"
        return "the most recent target (no target of this system is finished)"


def current_target(targets: Sequence[Session]) -> CurrentTarget | None:
    """The most recent finished target; else the most recent target; None without targets."""
    finished = [session for session in targets if is_finished(session)]
    if finished:
        return CurrentTarget(finished[-1], True)
    return CurrentTarget(targets[-1], False) if targets else None


def current_baseline(assessments: Sequence[AssessmentSession]) -> AssessmentSession | None:
    """The assessment accepted as the baseline most recently, if any was."""
    accepted = [
        (session.accepted_as_baseline, session.id, session)
        for session in assessments
        if session.accepted_as_baseline is not None
    ]
    return max(accepted, key=lambda item: item[:2], default=(None, "", None))[2]


@dataclass(frozen=True)
class History:
    """One system's sessions over time, its levels per assessment and its gaps over time."""

    system: str
    """The system's name as the most recent session writes it."""
    sessions: list[Session]
    """Targets and assessments together, oldest first."""
    assessments: list[AssessmentSession]
    targets: list[TargetSession]
    current_target: CurrentTarget | None
    baseline: AssessmentSession | None
    practices: list[PracticeHistory]
    gaps: list[GapsInTime]
    """Empty when the system has no target."""

    def label_of(self, session: Session) -> str:
        """``A2`` for the second assessment, ``T1`` for the first target."""
        for prefix, group in (("A", self.assessments), ("T", self.targets)):
            for number, member in enumerate(group, start=1):
                if member.id == session.id:
                    return f"{prefix}{number}"
        return ""

    def label_of_id(self, session_id: str) -> str:
        """The label of the session with this id, or empty when it is not in the history."""
        return next((self.label_of(s) for s in self.sessions if s.id == session_id), "")


def build_history(questionnaire: Questionnaire, sessions: Sequence[Session]) -> History:
    """The history of one system's sessions (any order; they are put in time order)."""
    if not sessions:
        raise ValueError("a history needs at least one session")
    ordered = in_time_order(sessions)
    assessments = [s for s in ordered if isinstance(s, AssessmentSession)]
    targets = [s for s in ordered if isinstance(s, TargetSession)]
    target = current_target(targets)
    return History(
        system=ordered[-1].system,
        sessions=ordered,
        assessments=assessments,
        targets=targets,
        current_target=target,
        baseline=current_baseline(assessments),
        practices=practice_histories(questionnaire, assessments),
        gaps=[] if target is None else gaps_over_time(questionnaire, target.session, assessments),
    )


def day_of(session: Session) -> str:
    """``2026-11-25``: the day the session was started, in UTC."""
    return session.created.astimezone(UTC).strftime("%Y-%m-%d")
