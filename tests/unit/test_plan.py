"""The roadmap as a plan: owners, due dates and status, carried from one cycle to the next."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.errors import InputError
from interview.gap import LevelPair, RoadmapItem, Severity
from interview.plan import (
    Plan,
    PlanStatus,
    Progress,
    load_plan,
    planned_roadmap,
    progress_counts,
    save_plan,
    update_item,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)
SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"


def roadmap_of(*practice_ids: str) -> list[RoadmapItem]:
    """Just enough roadmap for the plan: the practice ids, most urgent first."""
    start = LevelPair(0, None)
    return [
        RoadmapItem(pid, pid, Severity.LARGE, 2, 1, start, LevelPair(2, 1), (), "")
        for pid in practice_ids
    ]


def test_progress_of_each_item() -> None:
    plan = Plan(system="Rig")
    update_item(
        plan, "D1.1", owner="Ana", due=date(2026, 12, 31), status=PlanStatus.IN_PROGRESS, now=NOW
    )
    update_item(plan, "D1.2", due=date(2026, 10, 1), now=NOW)  # past due, not done
    update_item(plan, "F1.1", status=PlanStatus.DONE, due=date(2026, 10, 1), now=NOW)
    update_item(plan, "G9.9", status=PlanStatus.IN_PROGRESS, now=NOW)  # no longer in the roadmap
    steps = planned_roadmap(plan, roadmap_of("D1.2", "D1.1", "F1.1", "X1.1"), TODAY)
    found = [(step.practice_id, step.progress) for step in steps]
    assert found == [
        ("D1.2", Progress.LATE),
        ("D1.1", Progress.IN_PROGRESS),
        ("F1.1", Progress.DONE),
        ("X1.1", Progress.OPEN),
        ("G9.9", Progress.CLOSED),
    ]
    counts = progress_counts(steps)
    assert (counts[Progress.LATE], counts[Progress.OPEN], counts[Progress.CLOSED]) == (1, 1, 1)


def test_update_changes_only_the_fields_given() -> None:
    plan = Plan(system="Rig")
    update_item(plan, "D1.1", owner="Ana", note="budget agreed", now=NOW)
    item = update_item(plan, "D1.1", status=PlanStatus.DONE, now=NOW)
    assert (item.owner, item.note, item.status) == ("Ana", "budget agreed", PlanStatus.DONE)


def test_the_plan_round_trips_and_lives_outside_the_session_list(tmp_path: Path) -> None:
    plan = Plan(system="Acme [b]Gate[/b]")
    update_item(plan, "D1.1", owner="Ana", due=date(2027, 3, 31), now=NOW)
    path = save_plan(tmp_path, plan)
    assert path == tmp_path / "plans" / "acme-b-gate-b.toml"
    assert load_plan(tmp_path, "Acme [b]Gate[/b]") == plan
    assert load_plan(tmp_path, "Other").items == {}


def test_a_damaged_plan_is_refused_in_one_line(tmp_path: Path) -> None:
    path = save_plan(tmp_path, Plan(system="Rig"))
    path.write_text(
        path.read_text() + '\n[items."D1.1"]\nstatus = "someday"\nupdated = 2026-11-25T09:00:00Z\n'
    )
    with pytest.raises(InputError) as raised:
        load_plan(tmp_path, "Rig")
    assert "items.D1.1.status" in raised.value.lines[0]


def import_csv(tmp_path: Path, kind: str, rows: str) -> None:
    levels = tmp_path / f"{kind}.csv"
    levels.write_text("practice,comprehensiveness,scope,note\n" + rows)
    where = ["--sessions-dir", str(tmp_path / "s"), "--questionnaire", str(SMALL)]
    assert main(["import", str(levels), "--kind", kind, "--system", "Rig", *where]) == 0


def test_plan_set_then_show_and_the_next_cycle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_csv(tmp_path, "target", "D1.1,3,2,\nD1.2,2,1,\nF1.1,2,1,\n")
    import_csv(tmp_path, "assessment", "D1.1,1,1,\nD1.2,2,1,\nF1.1,0,,\n")
    sessions = sorted(path.stem for path in (tmp_path / "s").glob("*.toml"))
    current, target = sessions  # rig-assessment-..., rig-target-...
    where = ["--sessions-dir", str(tmp_path / "s"), "--questionnaire", str(SMALL)]
    assert main(["plan", "set", current, "D1.1", "--owner", "Ana", "--status", "done", *where]) == 0
    capsys.readouterr()
    assert main(["plan", "show", target, current, "--json", *where]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(item["practice"], item["progress"]) for item in shown["items"]] == [
        ("D1.1", "done"), ("F1.1", "open"),
    ]  # fmt: skip

    import_csv(tmp_path, "assessment", "D1.1,3,2,\nD1.2,2,1,\nF1.1,0,,\n")  # the next cycle
    later = sorted(path.stem for path in (tmp_path / "s").glob("*.toml"))[1]
    capsys.readouterr()
    assert main(["plan", "show", target, later, "--json", *where]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(item["practice"], item["progress"]) for item in shown["items"]] == [
        ("F1.1", "open"), ("D1.1", "done"),
    ]  # fmt: skip


def test_plan_set_refuses_an_unknown_practice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_csv(tmp_path, "target", "D1.1,3,2,\nD1.2,2,1,\nF1.1,2,1,\n")
    (session,) = [path.stem for path in (tmp_path / "s").glob("*.toml")]
    where = ["--sessions-dir", str(tmp_path / "s"), "--questionnaire", str(SMALL)]
    assert main(["plan", "set", session, "Z9.9", "--owner", "x", *where]) == 2
    assert "Z9.9: no such practice" in capsys.readouterr().err


def test_plan_set_at_once_from_many_processes_loses_no_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """0.1 lost 16 of 20 runs of two at once: each wrote the plan it had read."""
    import os
    import subprocess
    import sys

    from interview.questionnaire import load_questionnaire

    practices = load_questionnaire().practice_ids()[:8]  # the shipped questionnaire's
    levels = tmp_path / "levels.csv"
    rows = "".join(f"{pid},1,1,\n" for pid in load_questionnaire().practice_ids())
    levels.write_text("practice,comprehensiveness,scope,note\n" + rows)
    where = ["--sessions-dir", str(tmp_path / "s")]
    assert main(["import", str(levels), "--kind", "assessment", "--system", "Rig", *where]) == 0
    session_id = capsys.readouterr().out.strip()
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "interview",
                "plan",
                "set",
                session_id,
                practice,
                "--owner",
                f"Owner of {practice}",
                *where,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        for practice in practices
    ]
    assert [run.wait(timeout=60) for run in runs] == [0] * len(practices)
    plan = load_plan(tmp_path / "s", "Rig")
    assert sorted(plan.items) == sorted(practices)  # every change kept
    assert all(plan.items[pid].owner == f"Owner of {pid}" for pid in practices)
