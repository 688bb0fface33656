"""The roadmap plan in ``smm gap`` reports: owner, due date and progress per item, a summary
line, and the planned practices whose gap has closed (text, Markdown, JSON, HTML).

Sessions on tests/data/questionnaires/small.toml (D1.1, D1.2 in D; F1.1 in F), imported:
target ``t`` D1.1 3/2, D1.2 2/1, F1.1 2/1; assessment ``c`` D1.1 1/1, D1.2 2/1, F1.1 0.
Worked out by hand: D1.1 is 2 levels and 1 scope short, F1.1 2 levels and 1 scope short (scope
n/a at 0 counts 0): both large, equal gaps, so D before F; D1.2 meets its target. The roadmap
is D1.1, F1.1.

The plan of "Rig": D1.1 Ana, due 2026-11-24, in progress, with a note; D1.2 Bo, due
2026-12-01, open (no longer in the roadmap: gap closed); F1.1 not planned (open).
With today 2026-11-25, D1.1 is late (due the day before); with today 2026-11-24 it is not
(due today is not late yet).
"""

import json
from datetime import date
from pathlib import Path

import pytest

from interview.plan import Plan, PlanStatus, load_plan, save_plan, update_item
from interview.render.json_output import gap_json
from tests.helpers.cli_gap import smm
from tests.helpers.report_plan import (
    DUE_DAY,
    NOTE,
    NOW,
    OWNER,
    compared,
    gap_html,
    gap_markdown,
    gap_text,
    rig_plan,
    write_pair,
)

LATE_DAY = date(2026, 11, 25)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A sessions folder holding ``t`` and ``c`` of the system "Rig"."""
    folder = tmp_path / "sessions"
    write_pair(
        folder, tmp_path, "D1.1,3,2,\nD1.2,2,1,\nF1.1,2,1,\n", "D1.1,1,1,\nD1.2,2,1,\nF1.1,0,,\n"
    )
    return folder


def section_after(text: str, start: str, end: str) -> list[str]:
    """The lines from the one equal to ``start`` up to (not including) the one equal to ``end``."""
    lines = text.splitlines()
    first = lines.index(start)
    return lines[first : lines.index(end, first)]


# --- Text ------------------------------------------------------------------------------------


def test_text_shows_each_items_plan_the_summary_and_the_closed_items(folder: Path) -> None:
    plan = rig_plan(folder)
    page = gap_text(compared(folder, plan=plan, today=LATE_DAY))
    roadmap = section_after(page, "Roadmap, most urgent first", " 2. F1.1 Practice: large gap")
    assert roadmap == [
        "Roadmap, most urgent first",
        "Plan for Rig: 0 done, 1 late, 1 open, 1 gap closed.",
        "",
        " 1. D1.1 Practice: large gap",
        "    from: 1 Minimum, scope 1 General",
        "    to: 3 Consistent, scope 2 Industry specific",
        "    plan: late · Ana <b>&amp; · due 2026-11-24",
        "    note: budget <i>agreed</i> \\x1b[2J",  # the escape sequence is shown, not run
        "    to reach 2 Ad hoc:",
        "      - Do two.",
        "    to reach 3 Consistent:",
        "      - Do three.",
        "    to reach scope 2 Industry specific:",
        "      - Tailor the practice to the industry, until the answer to this is yes: Industry?",
        "      - For example: An industry example.",
        "",
    ]
    assert "    plan: open · not planned yet" in page.splitlines()  # F1.1
    closed = page.splitlines()[page.splitlines().index("Planned, but no longer in the roadmap") :]
    assert closed[3:5] == ["- D1.2: gap closed · Bo · due 2026-12-01", ""]
    assert closed[5] == "The target and its reasons"  # the roadmap's last part
    assert "\x1b" not in page


def test_due_today_is_not_late_yet(folder: Path) -> None:
    plan = rig_plan(folder)
    page = gap_text(compared(folder, plan=plan, today=DUE_DAY))
    assert "Plan for Rig: 0 done, 0 late, 1 open, 1 in progress, 1 gap closed." in page
    assert "    plan: in progress · Ana <b>&amp; · due 2026-11-24" in page


def test_done_and_dropped_items_count_as_such_in_or_out_of_the_roadmap(folder: Path) -> None:
    plan = rig_plan(folder)
    update_item(plan, "F1.1", status=PlanStatus.DONE, now=NOW)  # done, not yet reassessed
    update_item(plan, "D1.2", status=PlanStatus.DROPPED, now=NOW)
    page = gap_text(compared(folder, plan=plan, today=LATE_DAY))
    assert "Plan for Rig: 1 done, 1 late, 0 open, 1 dropped." in page
    assert "    plan: done · no owner" in page
    assert "- D1.2: dropped · Bo · due 2026-12-01" in page.splitlines()


def test_without_a_plan_the_text_is_as_before(folder: Path) -> None:
    before = gap_text(compared(folder))
    assert gap_text(compared(folder, plan=Plan(system="Rig"), today=LATE_DAY)) == before
    assert "plan:" not in before and "Plan for" not in before


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_shows_the_plan(folder: Path) -> None:
    plan = rig_plan(folder)
    lines = gap_markdown(compared(folder, plan=plan, today=LATE_DAY)).splitlines()
    first = lines.index("## Roadmap, most urgent first")
    assert lines[first + 2] == "Plan for Rig: 0 done, 1 late, 1 open, 1 gap closed."
    assert "   - Plan: late · Ana \\<b\\>\\&amp; · due 2026-11-24" in lines  # text, not HTML
    assert "   - Note: budget \\<i\\>agreed\\</i\\> \\\\x1b\\[2J" in lines
    assert "   - Plan: open · not planned yet" in lines
    closed = lines.index("### Planned, but no longer in the roadmap")
    assert lines[closed + 4] == "- **D1.2**: gap closed · Bo · due 2026-12-01"


# --- JSON ------------------------------------------------------------------------------------


def without_plan(data: dict[str, object]) -> dict[str, object]:
    """The JSON with the plan's values set back to null."""
    roadmap = data["roadmap"]
    assert isinstance(roadmap, list)
    stripped = [{**item, "plan": None} for item in roadmap]
    return {**data, "plan": None, "roadmap": stripped}


def test_json_adds_the_plan_and_keeps_every_other_key(folder: Path) -> None:
    plan = rig_plan(folder)
    before = json.loads(gap_json(compared(folder)))
    data = json.loads(gap_json(compared(folder, plan=plan, today=LATE_DAY)))
    assert without_plan(data) == before
    assert [item["plan"] for item in data["roadmap"]] == [
        {
            "practice": "D1.1",
            "progress": "late",
            "in_roadmap": True,
            "owner": OWNER,
            "due": "2026-11-24",
            "status": "in-progress",
            "note": NOTE,
        },
        {  # F1.1 is not planned: the same shape, with nothing planned
            "practice": "F1.1",
            "progress": "open",
            "in_roadmap": True,
            "owner": None,
            "due": None,
            "status": None,
            "note": None,
        },
    ]
    assert data["plan"] == {
        "system": "Rig",
        "progress": {
            "open": 1,
            "in-progress": 0,
            "late": 1,
            "done": 0,
            "dropped": 0,
            "gap-closed": 1,
        },
        "closed": ["D1.2"],
    }


def test_json_without_a_plan_has_null_plans(folder: Path) -> None:
    data = json.loads(gap_json(compared(folder, plan=Plan(system="Rig"), today=LATE_DAY)))
    assert data["plan"] is None
    assert all(item["plan"] is None for item in data["roadmap"])


# --- HTML ------------------------------------------------------------------------------------


def test_html_shows_the_plan_escaped(folder: Path) -> None:
    plan = rig_plan(folder)
    page = gap_html(compared(folder, plan=plan, today=LATE_DAY))
    roadmap = page[page.index('<section id="roadmap">') :]
    assert '<p class="plan-summary">Plan for Rig: 0 done, 1 late, 1 open, 1 gap closed.</p>' in (
        roadmap
    )
    assert (
        '<p class="plan"><strong>Plan:</strong> <span class="progress late">late · '
        "Ana &lt;b&gt;&amp;amp; · due 2026-11-24</span></p>"
    ) in roadmap
    assert (
        '<p class="plan"><strong>Note:</strong> budget &lt;i&gt;agreed&lt;/i&gt; \\x1b[2J</p>'
    ) in roadmap
    assert "<b>" not in page and "<i>agreed" not in page and "\x1b" not in page
    assert '<span class="progress open">open · not planned yet</span>' in roadmap
    closed = roadmap[roadmap.index('<h3 id="closed">') :]
    assert (
        '<li><strong>D1.2</strong>: <span class="progress gap-closed">gap closed · Bo · '
        "due 2026-12-01</span></li>"
    ) in closed


def test_html_without_a_plan_is_as_before(folder: Path) -> None:
    before = gap_html(compared(folder))
    assert gap_html(compared(folder, plan=Plan(system="Rig"), today=LATE_DAY)) == before
    assert 'class="plan' not in before


# --- smm gap, end to end ---------------------------------------------------------------------


def test_smm_gap_reads_the_plan_of_the_current_system_and_the_next_cycle_closes_items(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = Plan(system="Rig")
    update_item(plan, "D1.1", owner="Ana", due=date(2000, 1, 1), now=NOW)  # long past: late
    update_item(plan, "F1.1", owner="Bo", due=date(2999, 1, 1), status=PlanStatus.IN_PROGRESS,
                now=NOW)  # fmt: skip
    save_plan(folder, plan)
    assert smm(folder, "gap", "t", "c", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["plan"]["progress"] for item in data["roadmap"]] == ["late", "in-progress"]
    assert data["plan"]["closed"] == []

    # The next cycle: D1.1 now meets its target; its item stays in the plan, gap closed.
    (tmp_path / "next.csv").write_text(
        "practice,comprehensiveness,scope,note\nD1.1,3,2,\nD1.2,2,1,\nF1.1,0,,\n", encoding="utf-8"
    )
    assert smm(folder, "import", str(tmp_path / "next.csv"), "--kind", "assessment",
               "--system", "Rig", "--id", "c2") == 0  # fmt: skip
    capsys.readouterr()
    assert smm(folder, "gap", "t", "c2") == 0
    out = capsys.readouterr().out
    assert "Plan for Rig: 0 done, 0 late, 0 open, 1 in progress, 1 gap closed." in out
    assert "- D1.1: gap closed · Ana · due 2000-01-01" in out.splitlines()
    assert load_plan(folder, "Rig") == plan  # the report changes nothing


def test_smm_gap_goes_on_without_a_damaged_plan(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save_plan(folder, rig_plan(folder))
    path.write_text(path.read_text(encoding="utf-8").replace('"open"', '"someday"'))
    assert smm(folder, "gap", "t", "c") == 0
    captured = capsys.readouterr()
    assert "Plan for" not in captured.out and "Roadmap, most urgent first" in captured.out
    (warning,) = captured.err.splitlines()
    assert warning.startswith("smm: warning: the plan is left out: ")
    assert "items.D1.2.status" in warning


def test_consolidated_gaps_use_the_plan_of_the_first_current_system(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rig_plan(folder)
    other = Plan(system="Other")
    update_item(other, "F1.1", owner="Cy", status=PlanStatus.DONE, now=NOW)
    save_plan(folder, other)
    (tmp_path / "o.csv").write_text(
        "practice,comprehensiveness,scope,note\nD1.1,1,1,\nD1.2,2,1,\nF1.1,0,,\n", encoding="utf-8"
    )
    assert smm(folder, "import", str(tmp_path / "o.csv"), "--kind", "assessment",
               "--system", "Other", "--id", "o") == 0  # fmt: skip
    capsys.readouterr()
    for currents, system in ((("c", "o"), "Rig"), (("o", "c"), "Other")):
        assert smm(folder, "gap", "t", *currents, "--format", "json") == 0
        assert json.loads(capsys.readouterr().out)["plan"]["system"] == system


def test_plan_show_and_the_gap_roadmap_give_a_plan_item_one_shape(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rig_plan(folder)
    assert smm(folder, "plan", "show", "t", "c", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert smm(folder, "gap", "t", "c", "--format", "json") == 0
    gap = json.loads(capsys.readouterr().out)
    in_roadmap = [item for item in shown["items"] if item["in_roadmap"]]
    assert in_roadmap == [item["plan"] for item in gap["roadmap"]]
    assert list(shown["progress"]) == list(gap["plan"]["progress"])  # one spelling of each state
    assert shown["format_version"] == gap["format_version"] == 2


def test_the_tui_roadmap_says_what_the_reports_say(folder: Path) -> None:
    import io

    from rich.console import Console

    from interview.tui.widgets.gap.roadmap import roadmap_view

    plan = rig_plan(folder)
    report = compared(folder, plan=plan, today=LATE_DAY)
    console = Console(width=100, record=True, file=io.StringIO(), color_system=None)
    console.print(roadmap_view(report.analysis.roadmap, plan=plan.items, today=LATE_DAY))
    screen = [line.rstrip() for line in console.export_text().splitlines()]
    page = gap_text(report).splitlines()
    for line in [
        "    plan: late · Ana <b>&amp; · due 2026-11-24",
        "    note: budget <i>agreed</i> \\x1b[2J",
        "    plan: open · not planned yet",
        "    from: 1 Minimum, scope 1 General",
    ]:
        assert line in screen and line in page
