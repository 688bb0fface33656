"""A roadmap people can plan with: owner, due date, status and note per improvement.

One plan per system, kept beside its sessions in ``<sessions folder>/plans/<system>.toml``, so
that it carries from one improvement cycle to the next: a later gap analysis of the same system
shows the same items, their progress, and which ones its new assessment has closed.
Imports neither textual nor rich.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import Field

from interview.errors import InputError, printable
from interview.filemodel import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    Day,
    FileModel,
    Lax,
    Moment,
    in_file_years,
    slug,
    system_key,
    system_stem,
    utc_now,
)
from interview.files import make_folder, read_change_write
from interview.gap import RoadmapItem
from interview.tomlfile import Problem
from interview.versioned import FileKind, read_versioned, write_versioned

PLAN_SCHEMA_VERSION: Final = 1


class PlanStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


class PlanItem(FileModel):
    owner: str = ""
    due: Day | None = None
    status: Annotated[PlanStatus, Lax] = PlanStatus.OPEN
    note: str = ""
    updated: Moment


class Plan(FileModel):
    schema_version: Literal[1] = PLAN_SCHEMA_VERSION
    system: str
    items: dict[str, PlanItem] = Field(default_factory=dict)
    """By practice id."""


PLAN_FILE: Final = FileKind(
    name="plan",
    model=Plan,
    version=PLAN_SCHEMA_VERSION,
    markers=frozenset({"schema_version", "system", "items"}),
    foreign={"answers": "a session's", "practices": "a profile's or a questionnaire's"},
    advice="see docs/GAP.md",
)
PLAN_HEADER: Final = (
    "# The improvement plan of one system: owner, due date and status per practice.\n\n"
)


def plan_path(sessions_dir: Path, system: str) -> Path:
    """Where a system's plan is kept (outside the folder's list of sessions): one file per
    system as history matches them (``plans/acme-gateway.toml``; with a hash of the name when
    the slug cannot say it whole, see :func:`system_stem`)."""
    return sessions_dir / "plans" / f"{system_stem(system)}.toml"


def legacy_plan_path(sessions_dir: Path, system: str) -> Path:
    """Where smm 0.1 kept the plan: under the name's slug alone, which every non-Latin
    name, and every two names alike in their first 40 characters, shared."""
    return sessions_dir / "plans" / f"{slug(system)}.toml"


def load_plan(sessions_dir: Path, system: str) -> Plan:
    """The system's plan, or an empty one; a damaged file, or one that holds another system's
    plan, is refused with one line per problem. A plan an older smm kept under the old name is
    read while the new file does not exist (the next save moves it)."""
    path = plan_path(sessions_dir, system)
    if path.exists():
        return read_versioned(path, PLAN_FILE, _plan_of(system))
    legacy = legacy_plan_path(sessions_dir, system)
    if legacy.exists():
        plan = read_versioned(legacy, PLAN_FILE)
        if system_key(plan.system) == system_key(system):
            return plan
    return Plan(system=system)  # none yet, or the old file is another system's


def _plan_of(system: str) -> Callable[[Plan], list[Problem]]:
    """The cross-check of a plan file: it is the plan of the system it was looked up for."""

    def checks(plan: Plan) -> list[Problem]:
        if system_key(plan.system) == system_key(system):
            return []
        other, wanted = printable(plan.system), printable(system)
        return [Problem(("system",), (
            f'this is the plan of "{other}", not of "{wanted}" (an older smm kept both in one '
            f'file); a change to "{other}"\'s plan moves it to a file of its own, or move this '
            "file away"))]  # fmt: skip

    return checks


def save_plan(sessions_dir: Path, plan: Plan) -> Path:
    """Write the plan whole or not at all; return where. A copy an older smm kept under the
    old name is then removed (it was read in its place: see :func:`load_plan`)."""
    path = plan_path(sessions_dir, plan.system)
    make_folder(path.parent)
    write_versioned(plan, path, PLAN_FILE, header=PLAN_HEADER)
    _retire_legacy(sessions_dir, plan.system, path)
    return path


def _retire_legacy(sessions_dir: Path, system: str, path: Path) -> None:
    legacy = legacy_plan_path(sessions_dir, system)
    if legacy == path or not legacy.exists():
        return
    try:
        belongs = system_key(read_versioned(legacy, PLAN_FILE).system) == system_key(system)
    except InputError:
        return  # damaged: it was never read in the plan's place
    if belongs:
        legacy.unlink(missing_ok=True)


PLAN_LOCK_SECONDS = 10
"""How long a change waits for another smm to finish changing the same plan (a change takes
milliseconds; only a stuck process makes it wait that long)."""


@contextlib.contextmanager
def plan_locked(sessions_dir: Path, system: str) -> Iterator[None]:
    """Hold the system's plan against other writers for a read-change-write: without it, two
    `smm plan set` at once each wrote the plan they had read, and one change was lost."""
    path = plan_path(sessions_dir, system)
    make_folder(path.parent)
    where = printable(str(path))
    busy = (f"{where}: another smm has been changing this plan for {PLAN_LOCK_SECONDS} s; "
            "try again once it has finished")  # fmt: skip
    lock = path.with_name(f".{path.stem}.lock")
    with read_change_write(lock, PLAN_LOCK_SECONDS, busy, f"{where}: cannot lock the plan"):
        yield


def update_item(
    plan: Plan,
    practice_id: str,
    *,
    owner: str | None = None,
    due: date | None = None,
    status: PlanStatus | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> PlanItem:
    """Change the given fields of one item (creating it if new)."""
    item = plan.items.get(practice_id) or PlanItem(updated=now or utc_now())
    changes = {"owner": owner, "due": due, "status": status, "note": note}
    for field, value in changes.items():
        if value is not None:
            setattr(item, field, value)
    item.updated = now or utc_now()
    plan.items[practice_id] = item
    return item


class Progress(StrEnum):
    """An item's state as reports show it."""

    OPEN = "open"
    IN_PROGRESS = "in progress"
    LATE = "late"
    DONE = "done"
    DROPPED = "dropped"
    CLOSED = "gap closed"
    """Still planned, but the latest assessment shows no gap any more."""


@dataclass(frozen=True)
class PlannedStep:
    practice_id: str
    item: PlanItem | None
    progress: Progress
    in_roadmap: bool


def planned_roadmap(plan: Plan, roadmap: Sequence[RoadmapItem], today: date) -> list[PlannedStep]:
    """The roadmap's items with their plan, then planned practices whose gap has closed."""
    steps = []
    for roadmap_item in roadmap:
        item = plan.items.get(roadmap_item.practice_id)
        progress = progress_of(item, today, in_roadmap=True)
        steps.append(PlannedStep(roadmap_item.practice_id, item, progress, True))
    in_roadmap = {item.practice_id for item in roadmap}
    steps += [
        PlannedStep(practice_id, item, progress_of(item, today, in_roadmap=False), False)
        for practice_id, item in plan.items.items()
        if practice_id not in in_roadmap
    ]
    return steps


def progress_of(item: PlanItem | None, today: date, *, in_roadmap: bool) -> Progress:
    """Done, dropped, gap closed, late (past its due date), in progress or open."""
    if item is not None and item.status is PlanStatus.DONE:
        return Progress.DONE
    if item is not None and item.status is PlanStatus.DROPPED:
        return Progress.DROPPED
    if not in_roadmap:
        return Progress.CLOSED
    if item is not None and item.due is not None and item.due < today:
        return Progress.LATE
    if item is not None and item.status is PlanStatus.IN_PROGRESS:
        return Progress.IN_PROGRESS
    return Progress.OPEN


def progress_counts(steps: Sequence[PlannedStep]) -> dict[Progress, int]:
    """How many items are in each state (every state listed, zeros included)."""
    return {state: sum(1 for step in steps if step.progress is state) for state in Progress}


def parse_due(text: str) -> date:
    """``2027-03-31`` → a date; anything else is a one-line InputError."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError([f"{printable(text)}: not a date; write it as YYYY-MM-DD"]) from None
    if not in_file_years(day):
        raise InputError(
            [f"{text}: a due date is in the years {EARLIEST_YEAR} to {LATEST_YEAR}; correct it"]
        )
    return day
