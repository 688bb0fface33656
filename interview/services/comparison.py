"""Comparing: the gap (always consolidating, with the plan and the profile), the plan of a
system. The CLI and the TUI both call these."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from interview.consolidation import compare_consolidated, consolidate_gap
from interview.errors import InputError, printable
from interview.filemodel import system_key
from interview.plan import (
    Plan,
    PlanItem,
    PlanStatus,
    load_plan,
    plan_locked,
    save_plan,
    update_item,
)
from interview.profiles import profile_in_use
from interview.render.gap_report import GapReport, gap_report
from interview.services.workspace import Workspace
from interview.session.model import Session, SessionKind, as_target


@dataclass(frozen=True)
class GapResult:
    """A gap report and what the user should be warned of (shown, and the report goes on)."""

    report: GapReport
    targets: list[Session]
    currents: list[Session]
    plan: Plan | None
    warnings: list[str]


def gap(
    workspace: Workspace,
    target_references: Sequence[str],
    current_references: Sequence[str],
) -> GapResult:
    """The gap between the targets and the assessments named, each side merged by the rules of
    docs/GAP.md, with the system's plan and the targets' profile."""
    if not target_references or not current_references:
        raise InputError(["a gap needs at least one target and one self-assessment"])
    targets = [
        workspace.session_of_kind(
            reference, SessionKind.TARGET, None if n == 0 else "--also-target"
        )
        for n, reference in enumerate(target_references)
    ]
    currents = [
        workspace.session_of_kind(reference, SessionKind.ASSESSMENT)
        for reference in current_references
    ]
    return gap_of_sessions(workspace, targets, currents)


def gap_of_sessions(
    workspace: Workspace, targets: Sequence[Session], currents: Sequence[Session]
) -> GapResult:
    """The gap report of sessions already loaded (and checked to be of their kinds)."""
    workspace.refuse_repeats([*targets, *currents])
    targets, currents = told_apart(targets, currents)
    warnings = other_systems_warning([*targets, *currents])
    questionnaire = workspace.questionnaire
    sides = consolidate_gap(questionnaire, targets, currents)
    analysis = compare_consolidated(questionnaire, sides)
    plan, plan_problems = plan_or_problems(workspace, currents[0].system)
    warnings += [f"the plan is left out: {line}" for line in plan_problems]
    report = gap_report(
        questionnaire,
        sides,
        analysis,
        plan=plan,
        profile=profile_in_use(questionnaire, [as_target(target) for target in targets]),
        today=workspace.clock().date(),
    )
    return GapResult(report, list(targets), list(currents), plan, warnings)


def told_apart(
    targets: Sequence[Session], currents: Sequence[Session]
) -> tuple[list[Session], list[Session]]:
    """The sessions, each named once in the report: one read from outside the sessions folder
    whose id another of them has too (two interviewees' files of one name, in two folders) is
    named by its path, as given; the sessions passed in are left as they are."""
    counts = Counter(session.id for session in [*targets, *currents])

    def named(session: Session) -> Session:
        if counts[session.id] == 1 or session.outside_file is None:
            return session
        return session.model_copy(update={"id": session.reference})

    return [named(session) for session in targets], [named(session) for session in currents]


def other_systems_warning(sessions: Sequence[Session]) -> list[str]:
    """One line when the sessions name more than one system (they are compared anyway)."""
    systems: dict[str, list[str]] = {}
    for session in sessions:
        systems.setdefault(system_key(session.system), []).append(session.id)
    if len(systems) <= 1:
        return []
    names = {system_key(session.system): session.system for session in reversed(sessions)}
    listed = "; ".join(f'"{names[key]}" ({", ".join(ids)})' for key, ids in systems.items())
    return [f"the sessions are of different systems: {listed}; comparing them anyway"]


def plan_or_problems(workspace: Workspace, system: str) -> tuple[Plan | None, list[str]]:
    """The system's plan, or None and why when its file is damaged."""
    try:
        return load_plan(workspace.folder, system), []
    except InputError as error:
        return None, error.lines


def plan_of(workspace: Workspace, system: str) -> Plan:
    """The system's plan (empty when none is saved yet); a damaged file is refused."""
    return load_plan(workspace.folder, system)


@dataclass(frozen=True)
class PlanSaved:
    """A plan after one change: the whole plan, the item changed, and the file it is in."""

    plan: Plan
    item: PlanItem
    path: Path


def set_plan_item(
    workspace: Workspace,
    system: str,
    practice_id: str,
    *,
    owner: str | None = None,
    due: date | None = None,
    status: PlanStatus | None = None,
    note: str | None = None,
) -> PlanSaved:
    """Change one item of the system's plan and save it: the plan and where it was saved."""
    if practice_id not in workspace.questionnaire.practices:
        raise InputError([f"{printable(practice_id)}: no such practice; see `smm model`"])
    load_plan(workspace.folder, system)  # a damaged plan is refused before anything is written
    with plan_locked(workspace.folder, system):  # read, change and write as one step
        plan = load_plan(workspace.folder, system)
        item = update_item(
            plan, practice_id, owner=owner, due=due, status=status, note=note, now=workspace.clock()
        )
        return PlanSaved(plan, item, save_plan(workspace.folder, plan))
