"""A target and a current state compared, with a plan, written as text, Markdown and HTML."""

from datetime import UTC, date, datetime
from pathlib import Path

from interview.consolidation import compare_consolidated, consolidate_gap
from interview.plan import Plan, PlanStatus, save_plan, update_item
from interview.questionnaire import load_questionnaire
from interview.render.gap_document import gap_document
from interview.render.gap_report import GapReport, gap_report
from interview.render.html import write_html
from interview.render.markdown import write_markdown
from interview.render.text import write_text
from interview.session.store import SessionStore
from tests.helpers.cli_gap import QUESTIONNAIRE, smm

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


DUE_DAY = date(2026, 11, 24)


OWNER = "Ana <b>&amp;"


NOTE = "budget <i>agreed</i> \x1b[2J"


def write_pair(folder: Path, tmp_path: Path, target_rows: str, current_rows: str) -> None:
    """Import the target ``t`` and the assessment ``c`` from CSV rows."""
    for name, kind, rows in (("t", "target", target_rows), ("c", "assessment", current_rows)):
        path = tmp_path / f"{name}.csv"
        path.write_text("practice,comprehensiveness,scope,note\n" + rows, encoding="utf-8")
        assert smm(folder, "import", str(path), "--kind", kind, "--system", "Rig",
                   "--id", name) == 0  # fmt: skip


def rig_plan(folder: Path) -> Plan:
    """Save and return the plan described in the module's docstring."""
    plan = Plan(system="Rig")
    update_item(plan, "D1.1", owner=OWNER, due=DUE_DAY, status=PlanStatus.IN_PROGRESS,
                note=NOTE, now=NOW)  # fmt: skip
    update_item(plan, "D1.2", owner="Bo", due=date(2026, 12, 1), now=NOW)
    save_plan(folder, plan)
    return plan


def compared(
    folder: Path, current: str = "c", *, plan: Plan | None = None, today: date | None = None
) -> GapReport:
    """The gap report of ``t`` against ``current``, with the plan given."""
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    store = SessionStore(folder)
    target = store.load("t", questionnaire).session
    assessment = store.load(current, questionnaire).session
    sides = consolidate_gap(questionnaire, [target], [assessment])
    analysis = compare_consolidated(questionnaire, sides)
    return gap_report(questionnaire, sides, analysis, plan=plan, today=today)


def gap_text(report: GapReport) -> str:
    return write_text(gap_document(report))


def gap_markdown(report: GapReport) -> str:
    return write_markdown(gap_document(report))


def gap_html(report: GapReport) -> str:
    return write_html(gap_document(report))
