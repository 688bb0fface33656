"""``smm plan``: the roadmap as a plan, with an owner, a due date and a status per item."""

from __future__ import annotations

import argparse

from interview.cli.exit_codes import ExitCode
from interview.cli.output import workspace_of
from interview.errors import printable
from interview.gap import compare_sessions
from interview.plan import PlannedStep, PlanStatus, planned_roadmap, progress_counts
from interview.render.json_output import document_text, plan_output
from interview.render.plain import table
from interview.services.comparison import plan_of, set_plan_item
from interview.session.model import SessionKind


def run_plan_show(arguments: argparse.Namespace) -> int:
    """The roadmap, most urgent first, each item with its plan; then the items' progress."""
    workspace = workspace_of(arguments)
    target = workspace.session_of_kind(arguments.target, SessionKind.TARGET)
    current = workspace.session_of_kind(arguments.current, SessionKind.ASSESSMENT)
    analysis = compare_sessions(workspace.questionnaire, target, current)
    plan = plan_of(workspace, current.system)
    steps = planned_roadmap(plan, analysis.roadmap, workspace.clock().date())
    counts = progress_counts(steps)
    if arguments.format == "json":
        print(document_text(plan_output(plan.system, steps, counts)))
        return ExitCode.OK
    rows = [_step_row(step) for step in steps]
    print(
        "\n".join(
            table(["PRACTICE", "PROGRESS", "OWNER", "DUE", "NOTE"], rows, [8, 12, 20, 10, 40])
        )
    )
    summary = ", ".join(f"{n} {state.value}" for state, n in counts.items() if n)
    print(f"\n{printable(plan.system)}: {summary or 'nothing planned yet'}.")
    return ExitCode.OK


def _step_row(step: PlannedStep) -> list[str]:
    item = step.item
    if item is None:
        return [step.practice_id, step.progress.value, "", "", ""]
    due = item.due.isoformat() if item.due else ""
    return [step.practice_id, step.progress.value, item.owner, due, item.note]


def run_plan_set(arguments: argparse.Namespace) -> int:
    """Change one item of the system's plan and save it."""
    workspace = workspace_of(arguments)
    session = workspace.session(arguments.session)
    status = PlanStatus(arguments.status) if arguments.status else None
    saved = set_plan_item(workspace, session.system, arguments.practice, owner=arguments.owner,
                          due=arguments.due, status=status, note=arguments.note)  # fmt: skip
    item = saved.item
    due = item.due.isoformat() if item.due else "no due date"
    print(printable(f"{arguments.practice}: {item.status.value}, {item.owner or 'no owner'}, "
                    f"{due} (saved in {saved.path})"))  # fmt: skip
    return ExitCode.OK
