"""``smm gap --format html`` and ``smm report --format html``: one self-contained page.

The sessions are made as in test_cli_gap.py, on tests/data/questionnaires/small.toml (D1.1,
D1.2 in D; F1.1 in F). Expected severities are worked out by hand in the comments.
"""

import csv
import re
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.gap import LevelPair
from interview.questionnaire import load_questionnaire
from interview.report.charts import ChartData, Series, bar_chart_svg, literal, radar_chart_svg
from interview.series_style import CURRENT, TARGET
from interview.session.model import SessionKind, new_session
from interview.session.store import SessionStore
from tests.helpers.cli_gap import (
    CONTEXT_ANSWERS,
    NOW,
    QUESTIONNAIRE,
    TARGET_ANSWERS,
    TARGET_NOTES,
    import_session,
    imported,
    interviewed,
    smm,
    three_interviewees,
    write_levels,
)

Rows = list[tuple[str, str, str, str]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run smm and return what it printed."""
    assert smm(folder, *args) == 0
    return capsys.readouterr().out


def import_pair(
    folder: Path, tmp_path: Path, target_rows: Rows, current_rows: Rows, system: str = "Acme"
) -> None:
    """Import a target ``t`` and an assessment ``c`` from the rows of two CSV files."""
    for name, kind, rows in (("t", "target", target_rows), ("c", "assessment", current_rows)):
        path = tmp_path / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows(
                [("practice", "comprehensiveness", "scope", "note"), *rows]
            )
        assert smm(folder, "import", str(path), "--kind", kind, "--system", system,
                   "--id", name) == 0  # fmt: skip


def levels(*cells: str) -> Rows:
    """CSV rows for D1.1, D1.2 and F1.1 from cells like ``3/2``, ``0/`` or ``na/``, no notes."""
    rows = []
    for practice_id, cell in zip(("D1.1", "D1.2", "F1.1"), cells, strict=True):
        comprehensiveness, scope = cell.split("/")
        rows.append((practice_id, comprehensiveness, scope, ""))
    return rows


def heat_map_rows(page: str) -> list[tuple[str, str, str]]:
    """(id, colour class, words) of each heat-map row, in table order."""
    table = page[page.index('<table class="heat-map">') :]
    table = table[: table.index("</table>")]
    return re.findall(
        r'<tr class="\w+"><td>([^<]+)</td>.*?<td class="heat (\w+)">([^<]+)</td>', table
    )


# --- What the page holds ---------------------------------------------------------------------


def test_gap_page_is_self_contained_with_three_charts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    page = run(folder, capsys, "gap", target_id, current_id, "--format", "html")
    assert page.startswith("<!DOCTYPE html>\n")
    assert page.rstrip().endswith("</html>")
    assert_self_contained(page)
    assert page.count("<svg ") == 2  # the bar chart and the radar chart
    assert 'id="bar-chart"' in page and 'id="radar-chart"' in page
    assert page.count('<table class="heat-map">') == 1
    assert '<section id="roadmap">' in page
    assert "smm&#x27;s own rules" in page and "How smm works out the levels and gaps" in page
    assert "docs/" not in page  # a reader of the report cannot open the repository


def test_report_page_is_self_contained_with_two_charts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, _ = imported(folder, capsys)
    page = run(folder, capsys, "report", target_id, "--format", "html")
    assert_self_contained(page)
    assert page.count("<svg ") == 2
    assert page.count('<table class="levels">') == 1
    assert "<title>Target: Acme gateway</title>" in page
    # D1.2 does not apply: written so in the table, and left out of both charts.
    assert "<td>D1.2</td><td>Practice</td><td>not applicable</td>" in page
    assert all(">D1.2</text>" not in svg for svg in re.findall(r"<svg .*?</svg>", page, re.S))
    assert "<strong>Why:</strong> Sector rules apply" in page


def assert_self_contained(page: str) -> None:
    """Nothing in the page reaches outside it: no URL, no external script, style or image."""
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "<script" not in page and "@import" not in page
    references = re.findall(r'\b(?:src|href)\s*=\s*"([^"]*)"', page)
    assert all(reference.startswith("#") for reference in references), references
    assert all(url.startswith("#") for url in re.findall(r"url\(([^)]*)\)", page))


def test_sessions_follow_the_executive_summary(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interviewed(folder)
    page = run(folder, capsys, "gap", "acme-target", "acme-current", "--format", "html")
    summary = page.index('<section id="executive-summary">')
    assert summary < page.index('<section id="sessions" class="new-page">')
    top = page[page.index('<section id="sessions"') : page.index('<section id="heat-map"')]
    assert "<h3>Target</h3>" in top and "<h3>Current state</h3>" in top
    assert top.count("<dt>Interviewee</dt><dd>Dana (Lead)</dd>") == 2
    assert top.count("<dt>In scope</dt><dd>Gateway</dd>") == 2
    assert top.count("<dt>Questionnaire</dt><dd>small, version 1</dd>") == 2
    assert "<dt>Started</dt><dd>2026-11-25 09:30 UTC</dd>" in top
    assert "<dt>Session</dt><dd>acme-target</dd>" in top
    assert "How smm works out the levels and gaps" in top


# --- The heat map ----------------------------------------------------------------------------

# target.csv:     D1.1 3/2; D1.2 na; F1.1 2/1.
# assessment.csv: D1.1 2/1; D1.2 1/2; F1.1 0.
# D1.1 gaps 1/1: small. D1.2 not applicable. F1.1 gaps 2/1: large. D1 and D take D1.1's.
SHIPPED_CASE = [
    ("D", "small", "small gap"),
    ("D1", "small", "small gap"),
    ("D1.1", "small", "small gap"),
    ("D1.2", "na", "not applicable"),
    ("F", "large", "large gap"),
    ("F1", "large", "large gap"),
    ("F1.1", "large", "large gap"),
]

# Target:  D1.1 2/1; D1.2 2/2; F1.1 na.    Current: D1.1 3/1; D1.2 2/2; F1.1 4/3.
# D1.1 is above its target (no gap, flagged); D1.2 meets it; F1.1 does not apply, so F and
# F1 have no applicable practice and are written "not applicable" too.
NO_GAP_CASE = [
    ("D", "none", "no gap"),
    ("D1", "none", "no gap"),
    ("D1.1", "none", "no gap, exceeds target"),
    ("D1.2", "none", "no gap"),
    ("F", "na", "not applicable"),
    ("F1", "na", "not applicable"),
    ("F1.1", "na", "not applicable"),
]


def test_heat_map_labels_of_the_shipped_csvs(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    page = run(folder, capsys, "gap", target_id, current_id, "--format", "html")
    assert heat_map_rows(page) == SHIPPED_CASE
    assert '<td>3 Consistent<br><span class="scope">scope 2 Industry specific</span></td>' in page
    assert '<td>0 None<br><span class="scope">scope n/a</span></td>' in page
    assert "<td>2 / 1</td>" in page  # F1.1's gaps


def test_heat_map_labels_without_gaps(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_pair(folder, tmp_path, levels("2/1", "2/2", "na/"), levels("3/1", "2/2", "4/3"))
    page = run(folder, capsys, "gap", "t", "c", "--format", "html")
    assert heat_map_rows(page) == NO_GAP_CASE
    assert "No gaps: the current state meets the target wherever it applies." in page


def test_heat_map_of_a_target_not_finished(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A target interview stopped before F's goal: F1.1's target is not set, so F1.1, F1 and F
    # have nothing to compare; D is as in test_cli_gap.py's interviewed target.
    interviewed(folder)
    store = SessionStore(folder)
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    session = store.create(new_session(questionnaire, SessionKind.TARGET, "Acme", now=NOW), "half")
    interview = Interview(questionnaire, session, on_change=store.save, clock=lambda: NOW)
    answers = {**CONTEXT_ANSWERS, **TARGET_ANSWERS}
    while (prompt := interview.current()) is None or prompt.question_id != "@F.goal":
        if prompt is None:
            interview.continue_interview()
        else:
            note = TARGET_NOTES.get(prompt.question_id, "")
            assert interview.answer(answers[prompt.question_id], note=note).accepted
    page = run(folder, capsys, "gap", "half", "acme-current", "--format", "html")
    assert heat_map_rows(page)[-3:] == [
        ("F", "na", "target not set"),
        ("F1", "na", "target not set"),
        ("F1.1", "na", "target not set"),
    ]
    assert "<dt>Target not set</dt><dd>F1.1</dd>" in page


def test_roadmap_lists_the_items_in_order_with_their_steps(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    page = run(folder, capsys, "gap", target_id, current_id, "--format", "html")
    roadmap = page[page.index('<section id="roadmap">') :]
    headings = re.findall(r"<h3>(\S+) Practice <span class=\"heat (\w+)\">", roadmap)
    assert headings == [("F1.1", "large"), ("D1.1", "small")]
    assert '<p class="move"><strong>From:</strong> 0 None, scope n/a</p>' in page
    assert '<p class="move"><strong>To:</strong> 2 Ad hoc, scope 1 General</p>' in page
    f_item = roadmap[: roadmap.index("D1.1")]
    assert re.findall(r"<h4>([^<]+)</h4>", f_item) == ["To reach 1 Minimum", "To reach 2 Ad hoc"]
    assert "<li>Do one.</li>" in f_item
    assert "<h4>To reach scope 2 Industry specific</h4>" in roadmap
    assert "<strong>Why:</strong> Sector rules apply" in roadmap


# --- Hostile text ----------------------------------------------------------------------------

HOSTILE_SYSTEM = "<script>alert(1)</script>"
HOSTILE_NOTE = '<img src=x onerror="alert(2)"> & $5 budget'


def test_user_text_is_escaped(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = [("D1.1", "3", "2", HOSTILE_NOTE), *levels("2/1", "2/1", "2/1")[1:]]
    import_pair(folder, tmp_path, target, levels("1/1", "1/1", "1/1"), HOSTILE_SYSTEM)
    for args in (("gap", "t", "c"), ("report", "t")):
        page = run(folder, capsys, *args, "--format", "html")
        assert "<script" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; $5 budget" in page


def test_mathtext_is_escaped_in_charts() -> None:
    assert literal("$5 and $6") == r"\$5 and \$6"
    data = ChartData(
        ("A$1", "A.2"),
        ("A $5 $6", "A $5 $6"),
        (Series("Plan $x$", TARGET, (LevelPair(1, 1), LevelPair(2, 3))),),
    )
    for svg in (bar_chart_svg(data, "bar"), radar_chart_svg(data, "radar")):
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert "A$1" in texts and "Plan $x$" in texts  # as written, not set as mathematics
    assert "A $5 $6" in re.findall(r"<text[^>]*>([^<]*)</text>", bar_chart_svg(data, "bar"))


# --- The charts ------------------------------------------------------------------------------


def test_bar_fill_shows_the_scope() -> None:
    # Three bars of level 2 with scopes 1, 2 and 3: outline only, hatched, solid, in that order.
    levels = (LevelPair(2, 1), LevelPair(2, 2), LevelPair(2, 3), LevelPair(0, None))
    data = ChartData(("A.1", "A.2", "A.3", "A.4"), ("A",) * 4, (Series("T", TARGET, levels),))
    svg = bar_chart_svg(data, "bar")
    bar_fills = re.findall(
        rf'clip-path="url\(#bar-p\w+\)" style="fill: ([^;]+); stroke: {TARGET.colour}', svg
    )
    assert bar_fills[0] == "#ffffff"
    assert re.fullmatch(r"url\(#bar-h\w+\)", bar_fills[1])
    assert bar_fills[2] == TARGET.colour
    assert len(bar_fills) == 3  # level 0 has no bar...
    assert ">0</text>" in svg  # ...but is marked 0
    legend = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "1 General: outline only" in legend and "2 Industry specific: hatched" in legend
    assert "3 System specific: solid" in legend


def test_radar_has_a_spoke_per_practice_and_a_marker_per_scope() -> None:
    levels = (LevelPair(1, 1), LevelPair(2, 2), LevelPair(3, 3))
    data = ChartData(("A.1", "A.2", "B.1"), ("A", "A", "B"), (Series("C", CURRENT, levels),))
    svg = radar_chart_svg(data, "radar")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert {"A.1", "A.2", "B.1"} <= set(texts)
    assert {"1 General", "2 Industry specific", "3 System specific"} <= set(texts)
    # One marker shape per scope on the polygon, and the series' circle in the legend.
    markers = re.findall(rf'<use xlink:href="#(radar-m\w+)"[^>]*style="fill: {CURRENT.colour}', svg)
    assert len(markers) == 4 and len(set(markers)) == 3


# --- Output ----------------------------------------------------------------------------------


def test_same_input_gives_the_same_bytes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target_id, current_id = imported(folder, capsys)
    first = run(folder, capsys, "gap", target_id, current_id, "--format", "html")
    run(folder, capsys, "report", current_id, "--format", "html")  # other charts in between
    again = run(folder, capsys, "gap", target_id, current_id, "--format", "html")
    assert first == again


def test_output_file_is_the_page(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    printed = run(folder, capsys, "gap", target_id, current_id, "--format", "html")
    output = tmp_path / "gap.html"
    assert smm(folder, "gap", target_id, current_id, "--format", "html", "-o", str(output)) == 0
    assert capsys.readouterr().out == f"Wrote {output}\n"
    assert output.read_text(encoding="utf-8") == printed
    report = tmp_path / "target.html"
    assert smm(folder, "report", target_id, "--format", "html", "-o", str(report)) == 0
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "gap.html",
        "sessions",
        "target.html",
    ]


# --- Several interviewees --------------------------------------------------------------------


def test_where_the_interviewees_disagree_is_a_list(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Levels and spreads as worked out in test_cli_consolidation.py: D1.1 (2, 2) merged 1/3,
    # F1.1 (2, 0) merged 0, D1.2 (0, 1) merged 1/1; a fourth interviewee agrees with Ann.
    three_interviewees(folder, tmp_path, capsys)
    path = write_levels(tmp_path / "c4.csv", ["3/2", "1/2", "2/1"])
    import_session(folder, path, "assessment", "c4", "<b>Zed</b>", "R&D", "Acme")
    page = run(folder, capsys, "gap", "t", "c1", "c2", "c3", "c4", "--format", "html")
    assert_self_contained(page)
    assert "<h3>Current state (2 of 4)</h3>" in page and "<h3>Target</h3>" in page
    order = [page.index(f'<section id="{name}"') for name in ("heat-map", "disagreements")]
    assert order == sorted(order) and order[1] < page.index('<section id="bar-chart">')
    section = page[page.index('<section id="disagreements">') :]
    section = section[: section.index("</section>")]
    assert "<h2>Where the interviewees disagree</h2>" in section
    assert (
        "<h3>Current state: 4 assessments, merged by the lowest level per practice</h3>" in section
    )
    headings = re.findall(r"<h3>(\S+) Practice: ([^<]+)</h3>", section)
    assert headings == [
        ("D1.1", "they disagree by 2 levels, and on scope by 2; merged 1/3"),
        ("F1.1", "they disagree by 2 levels; merged 0/-"),
        ("D1.2", "they disagree on scope by 1 level; merged 1/1"),
    ]
    accounts = re.findall(r"<li><strong>([^<]+)</strong>: ([^<]+)</li>", section)
    assert accounts[:4] == [
        ("Ann Lee (Ops lead), session c1", "3 Consistent, scope 2 Industry specific"),
        ("Bo Chen (Firmware lead), session c2", "1 Minimum, scope 3 System specific"),
        ("Cy Diaz, session c3", "2 Ad hoc, scope 1 General"),
        ("&lt;b&gt;Zed&lt;/b&gt; (R&amp;D), session c4", "3 Consistent, scope 2 Industry specific"),
    ]
    assert "<b>Zed</b>" not in page


def test_one_assessment_has_no_disagreement_section(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    page = run(folder, capsys, "gap", "t", "c2", "--format", "html")
    assert 'id="disagreements"' not in page and "<h3>Current state</h3>" in page
