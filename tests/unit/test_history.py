"""``smm history``: one system's sessions over time, its levels and its gaps (docs/HISTORY.md).

The questionnaire is tests/data/questionnaires/small.toml: D1.1 and D1.2 under D, F1.1 under F.
Three improvement cycles of "Acme Gateway" and one target, every number worked out by hand:

    session      started      levels D1.1 / D1.2 / F1.1     baseline      from
    A1 acme-a1   2026-01-15   1/1    0/-    1/1             2026-01-25    -
    T1 acme-t    2026-01-20   3/2    2/1    2/1   (the target, imported, finished)
    A2 acme-a2   2026-04-15   2/1↑   2/2↑   1/1             2026-04-20    A1
    A3 acme-a3   2026-07-15   2/2↑   1/3↕   0/-↓            -             A2 (interviewed,
                                                                         not finished)

Gaps (comprehensiveness/scope; large when either is 2 or more):
    A1: D1.1 2/1 large, D1.2 2/1 large, F1.1 1/0 small -> 2 large, 1 small, 0 none;
        5 levels short; mean (1+0+1)/3 = 0.7
    A2: D1.1 1/1 small, D1.2 0/0 none, F1.1 1/0 small -> 0 large, 2 small, 1 none;
        2 levels short; mean (2+2+1)/3 = 1.7
    A3: D1.1 1/0 small, D1.2 1/0 small, F1.1 2/1 large -> 1 large, 2 small, 0 none;
        4 levels short; mean (2+1+0)/3 = 1.0
Movement: A2 against A1: 2 fewer large, 1 more small, 1 more with no gap, 3 levels closer,
mean up 1.0. A3 against A2: 1 more large, 1 fewer with no gap, 2 levels further, mean down 0.7.
"""

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.filemodel import system_key
from interview.history import (
    Change,
    GapCounts,
    build_history,
    gap_movement,
    level_change,
)
from interview.questionnaire import load_questionnaire
from interview.render.words import movement_words
from interview.report.history_chart import HistoryChartData, history_chart_svg
from interview.scoring import CurrentLevel
from interview.session.model import NO, YES, Phase, SessionKind, as_assessment, new_session
from interview.session.store import SessionStore

QUESTIONNAIRE = Path(__file__).parents[1] / "data" / "questionnaires" / "small.toml"
SYSTEM = "Acme Gateway"


def when(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def smm(folder: Path, *args: str) -> int:
    """Run smm on the small questionnaire and the test's sessions folder."""
    return main([*args, "--sessions-dir", str(folder), "--questionnaire", str(QUESTIONNAIRE)])


def import_levels(
    folder: Path, tmp_path: Path, kind: str, session_id: str, cells: str, system: str = SYSTEM
) -> None:
    """Import one session whose levels are ``"1/1 0/- 1/1"`` for D1.1, D1.2 and F1.1."""
    rows = ["practice,comprehensiveness,scope,note"]
    for practice_id, cell in zip(("D1.1", "D1.2", "F1.1"), cells.split(), strict=True):
        comprehensiveness, scope = cell.split("/")
        rows.append(f"{practice_id},{comprehensiveness},{'' if scope == '-' else scope},")
    csv_file = tmp_path / f"{session_id}.csv"
    csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert smm(folder, "import", str(csv_file), "--kind", kind, "--system", system,
               "--interviewee", "Dana", "--id", session_id) == 0  # fmt: skip


def dated(
    folder: Path,
    session_id: str,
    created: datetime,
    *,
    accepted: datetime | None = None,
    previous: str | None = None,
) -> None:
    """Set a session's start, its acceptance as the baseline and the session it came from."""
    store = SessionStore(folder)
    session = store.load(session_id, load_questionnaire(QUESTIONNAIRE)).session
    session.created = session.updated = created
    if accepted is not None or previous is not None:
        assessment = as_assessment(session)
        assessment.accepted_as_baseline = accepted
        assessment.previous_session = previous
    store.save(session)


def interviewed_third_cycle(folder: Path) -> None:
    """A3: an interview that is not finished, whose answers give D1.1 2/2, D1.2 1/3, F1.1 0/-."""
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    session = new_session(
        questionnaire, SessionKind.ASSESSMENT, "acme-gateway", interviewee="Lee", now=when(7, 15)
    )
    answers = {
        # D1.1: yes at 1; level 2 answered "Yes, and more" (3), no at 3 -> 2; industry yes,
        # system no -> scope 2.
        "D1.1.c1.1": YES,
        "D1.1.c2.1": "yes-more",
        "D1.1.c3.1": NO,
        "@D1.1.scope.industry": YES,
        "@D1.1.scope.system": NO,
        # D1.2: yes at 1, "Not yet" (1) at level 2 -> 1; industry and system yes -> scope 3.
        "D1.2.c1.1": YES,
        "D1.2.c2.1": "not-yet",
        "@D1.2.scope.industry": YES,
        "@D1.2.scope.system": YES,
        # F1.1: no at 1 -> 0, no scope.
        "F1.1.c1.1": NO,
    }
    for question_id, value in answers.items():
        session.answers[question_id] = session.answers["system_name"].model_copy(
            update={"value": value}
        )
    session.phase = Phase.INTERVIEW
    session.previous_session = "acme-a2"
    SessionStore(folder).create(session, "acme-a3")


@pytest.fixture
def three_cycles(folder: Path, tmp_path: Path) -> Path:
    """The sessions of the table in the module's docstring."""
    import_levels(folder, tmp_path, "assessment", "acme-a1", "1/1 0/- 1/1")
    import_levels(folder, tmp_path, "target", "acme-t", "3/2 2/1 2/1")
    import_levels(folder, tmp_path, "assessment", "acme-a2", "2/1 2/2 1/1")
    dated(folder, "acme-a1", when(1, 15), accepted=when(1, 25))
    dated(folder, "acme-t", when(1, 20))
    dated(folder, "acme-a2", when(4, 15), accepted=when(4, 20), previous="acme-a1")
    interviewed_third_cycle(folder)
    return folder


def history_of(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert smm(folder, "history", *args) == 0
    return capsys.readouterr().out


# --- The rules -------------------------------------------------------------------------------


def test_system_names_match_by_their_slug() -> None:
    assert system_key("Acme Gateway") == system_key("acme-gateway") == "acme-gateway"
    assert system_key("ACME  gateway!") == "acme-gateway"
    assert system_key("Acme Gateway 2") != system_key("Acme Gateway")
    # A name without ASCII letters or digits keeps its own words instead of the slug "system".
    assert system_key("Ωμέγα") != system_key("Σύστημα")


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        ((1, 1), (2, 1), Change.UP),
        ((2, 1), (2, 2), Change.UP),  # a narrower scope is higher
        ((0, None), (1, 1), Change.UP),
        ((1, 1), (0, None), Change.DOWN),
        ((2, 2), (2, 1), Change.DOWN),
        ((2, 2), (1, 3), Change.MIXED),
        ((2, 1), (2, 1), Change.SAME),
        ((2, None), (2, 1), Change.SAME),  # a scope not yet known counts as 1 General
    ],
)
def test_level_change(
    before: tuple[int, int | None], after: tuple[int, int | None], change: Change
) -> None:
    assert level_change(CurrentLevel(*before, True), CurrentLevel(*after, True)) is change


def test_movement_in_words() -> None:
    before = GapCounts(2, 1, 0, 5, 0.7, 2.3)
    after = GapCounts(0, 2, 1, 2, 1.7, 2.3)
    assert movement_words(gap_movement(before, after)) == [
        "2 fewer large gaps",
        "1 more small gap",
        "1 more practice with no gap",
        "3 levels closer to the target",
        "mean comprehensiveness up 1.0",
    ]
    assert movement_words(gap_movement(after, after)) == ["no change"]
    assert movement_words(gap_movement(after, before))[-2:] == [
        "3 levels further from the target",
        "mean comprehensiveness down 1.0",
    ]


# --- Three cycles ----------------------------------------------------------------------------


def test_three_cycles_levels_and_gaps(three_cycles: Path) -> None:
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    store = SessionStore(three_cycles)
    sessions = [store.load(str(path), questionnaire).session for path in store.session_files()]
    history = build_history(questionnaire, sessions)

    assert [s.id for s in history.sessions] == ["acme-a1", "acme-t", "acme-a2", "acme-a3"]
    assert [history.label_of(s) for s in history.sessions] == ["A1", "T1", "A2", "A3"]
    assert history.current_target is not None
    assert history.current_target.session.id == "acme-t" and history.current_target.finished
    assert history.baseline is not None and history.baseline.id == "acme-a2"

    cells = {
        practice.practice_id: [
            (level.level.comprehensiveness, level.level.scope, level.change)
            for level in practice.levels
        ]
        for practice in history.practices
    }
    assert cells == {
        "D1.1": [(1, 1, None), (2, 1, Change.UP), (2, 2, Change.UP)],
        "D1.2": [(0, None, None), (2, 2, Change.UP), (1, 3, Change.MIXED)],
        "F1.1": [(1, 1, None), (1, 1, Change.SAME), (0, None, Change.DOWN)],
    }

    counts = [
        (c.large, c.small, c.none, c.comprehensiveness_gap, c.current_mean, c.target_mean)
        for c in (point.counts for point in history.gaps)
    ]
    assert counts == [
        (2, 1, 0, 5, 0.7, 2.3),
        (0, 2, 1, 2, 1.7, 2.3),
        (1, 2, 0, 4, 1.0, 2.3),
    ]
    moves = [point.movement for point in history.gaps]
    assert moves[0] is None
    assert moves[1] is not None and moves[2] is not None
    assert (moves[1].large, moves[1].small, moves[1].none) == (-2, 1, 1)
    assert (moves[1].comprehensiveness_gap, moves[1].current_mean) == (-3, 1.0)
    assert (moves[2].large, moves[2].small, moves[2].none) == (1, 0, -1)
    assert (moves[2].comprehensiveness_gap, moves[2].current_mean) == (2, -0.7)


def test_the_current_target_is_the_latest_finished_one(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    later = new_session(questionnaire, SessionKind.TARGET, SYSTEM, now=when(8, 1))
    SessionStore(three_cycles).create(later, "acme-t2")  # started, never finished
    data = json.loads(history_of(three_cycles, capsys, SYSTEM, "--format", "json"))
    assert data["targets"] == ["acme-t", "acme-t2"]
    assert data["current_target"] == {
        "id": "acme-t",
        "finished": True,
        "reason": "the most recent finished target",
    }


def test_an_unfinished_target_is_used_when_none_is_finished(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    store = SessionStore(folder)
    store.create(new_session(questionnaire, SessionKind.TARGET, SYSTEM, now=when(1, 1)), "t1")
    store.create(new_session(questionnaire, SessionKind.TARGET, SYSTEM, now=when(2, 1)), "t2")
    out = history_of(folder, capsys, SYSTEM)
    assert "Current target: T2 (t2), the most recent target (no target of this system is" in out
    assert "Gaps to the current target (T2) over time\nNone yet, as this system has no self-" in out


# --- smm history: text -----------------------------------------------------------------------


def test_text_shows_sessions_levels_and_movement(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = history_of(three_cycles, capsys, "acme-gateway")
    lines = out.splitlines()
    assert lines[0] == "History of acme-gateway"  # as the latest session writes it
    sessions_part = out[out.index("INTERVIEWEE\n") + 12 : out.index("Current target:")]
    assert " ".join(sessions_part.split()) == (
        "A1 2026-01-15 self-assessment acme-a1 Dana "
        "imported from acme-a1.csv; accepted as the baseline 2026-01-25 09:00 UTC "
        "T1 2026-01-20 target acme-t Dana imported from acme-t.csv; the current target "
        "A2 2026-04-15 self-assessment acme-a2 Dana "
        "imported from acme-a2.csv; started from A1; accepted as the baseline 2026-04-20 09:00 UTC "
        "A3 2026-07-15 self-assessment acme-a3 Lee not finished; started from A2"
    )
    assert "Current target: T1 (acme-t), the most recent finished target." in out
    assert "Baseline: A2 (acme-a2), accepted 2026-04-20 09:00 UTC." in out

    header = next(line for line in lines if line.startswith("ID "))
    assert header.split() == ["ID", "A1", "2026-01-15", "A2", "2026-04-15", "A3", "2026-07-15",
                              "NAME"]  # fmt: skip
    level_rows = {
        line.split()[0]: line.split()[1:4] for line in lines if line.startswith(("D1", "F1"))
    }
    assert level_rows == {
        "D1.1": ["1/1", "2/1↑", "2/2↑"],
        "D1.2": ["0/-", "2/2↑", "1/3↕"],
        "F1.1": ["1/1", "1/1", "0/-↓"],
    }

    gaps_part = out[out.index("Gaps to the current target (T1) over time") :].splitlines()
    gap_rows = [line.split() for line in gaps_part if re.match(r"A\d  ", line)]
    assert gap_rows == [
        ["A1", "2026-01-15", "2", "1", "0", "5", "0.7"],
        ["A2", "2026-04-15", "0", "2", "1", "2", "1.7"],
        ["A3", "2026-07-15", "1", "2", "0", "4", "1.0"],
    ]
    flat = " ".join(out.split())
    assert (
        "A2 2026-04-15 0 2 1 2 1.7 2 fewer large gaps, 1 more small gap, 1 more practice with no "
        "gap, 3 levels closer to the target, mean comprehensiveness up 1.0 (0.7 → 1.7) "
        "A3 2026-07-15 1 2 0 4 1.0 1 more large gap, 1 fewer practice with no gap, 2 levels "
        "further from the target, mean comprehensiveness down 0.7 (1.7 → 1.0)"
    ) in flat


def test_a_session_id_names_its_system(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_name = history_of(three_cycles, capsys, "ACME gateway")
    assert history_of(three_cycles, capsys, "acme-t") == by_name


def test_other_systems_are_left_out(
    three_cycles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_levels(three_cycles, tmp_path, "assessment", "other", "4/3 4/3 4/3", "Acme Gateway 2")
    data = json.loads(history_of(three_cycles, capsys, SYSTEM, "--format", "json"))
    assert data["assessments"] == ["acme-a1", "acme-a2", "acme-a3"]
    other = json.loads(history_of(three_cycles, capsys, "acme gateway 2", "--format", "json"))
    assert other["assessments"] == ["other"] and other["current_target"] is None
    assert other["gaps"] == []
    text = history_of(three_cycles, capsys, "acme gateway 2")
    assert "No target for this system yet" in text
    assert "Gaps over time\nNone, as this system has no target yet." in text
    page = history_of(three_cycles, capsys, "acme gateway 2", "--format", "html")
    assert "<svg" not in page and "<p>None, as this system has no target yet.</p>" in page
    assert "<td>4/3</td>" in page


def test_wide_histories_are_split_into_blocks(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nine assessments: "ID" (4 wide), columns of 13 ("A1 2026-01-01") and "Practice" (8): four
    # columns to a block fit 80, the width of piped output (4 + 4 * 15 + 2 + 8 = 74).
    for number in range(1, 10):
        import_levels(folder, tmp_path, "assessment", f"a{number}", "1/1 1/1 1/1")
        dated(folder, f"a{number}", when(number, 1))
    out = history_of(folder, capsys, SYSTEM)
    headers = [line for line in out.splitlines() if line.startswith("ID ")]
    assert [header.split()[1:-1:2] for header in headers] == [
        ["A1", "A2", "A3", "A4"],
        ["A5", "A6", "A7", "A8"],
        ["A9"],
    ]
    assert all(header.endswith("NAME") for header in headers)
    assert all(len(line) <= 80 for line in out.splitlines())


# --- smm history: JSON -----------------------------------------------------------------------


def test_json_shape(three_cycles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(history_of(three_cycles, capsys, SYSTEM, "--format", "json"))
    assert list(data) == [
        "format_version",
        "system",
        "sessions",
        "assessments",
        "targets",
        "current_target",
        "baseline",
        "practices",
        "gaps",
    ]
    first, _, second, third = data["sessions"]
    assert first["label"] == "A1" and first["imported_from"] == "acme-a1.csv"
    assert first["accepted_as_baseline"] == "2026-01-25T09:00:00+00:00"
    assert second["previous_session"] == "acme-a1"
    assert third["finished"] is False and third["accepted_as_baseline"] is None
    assert data["assessments"] == ["acme-a1", "acme-a2", "acme-a3"]
    assert data["baseline"] == "acme-a2"
    d12 = data["practices"][1]
    assert d12["id"] == "D1.2"
    assert d12["levels"] == [
        {"comprehensiveness": 0, "scope": None, "complete": True, "change": None},
        {"comprehensiveness": 2, "scope": 2, "complete": True, "change": "up"},
        {"comprehensiveness": 1, "scope": 3, "complete": True, "change": "mixed"},
    ]
    assert data["gaps"][2] == {
        "session": "acme-a3",
        "created": "2026-07-15T09:00:00+00:00",
        "large": 1,
        "small": 2,
        "none": 0,
        "comprehensiveness_gap": 4,
        "current_mean": 1.0,
        "target_mean": 2.3,
        "change": {
            "large": 1,
            "small": 0,
            "none": -1,
            "comprehensiveness_gap": 2,
            "current_mean": -0.7,
            "words": [
                "1 more large gap",
                "1 fewer practice with no gap",
                "2 levels further from the target",
                "mean comprehensiveness down 0.7",
            ],
        },
    }
    assert data["gaps"][0]["change"] is None


# --- smm history: HTML -----------------------------------------------------------------------

HOSTILE_SYSTEM = '<script>alert(1)</script> & "$5" Gateway'


def test_html_is_self_contained_with_the_chart_and_tables(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = history_of(three_cycles, capsys, SYSTEM, "--format", "html")
    assert page.startswith("<!DOCTYPE html>\n") and page.rstrip().endswith("</html>")
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "<script" not in page and "@import" not in page
    references = re.findall(r'\b(?:src|href)\s*=\s*"([^"]*)"', page)
    assert all(reference.startswith("#") for reference in references), references
    assert all(url.startswith("#") for url in re.findall(r"url\(([^)]*)\)", page))
    assert page.count("<svg ") == 1
    chart_texts = re.findall(r"<text[^>]*>([^<]*)</text>", page)
    assert {"large gap", "small gap", "no gap", "target, mean 2.3"} <= set(chart_texts)
    assert {"2026-01-15", "2026-04-15", "2026-07-15"} <= set(chart_texts)
    # The levels table: each change as a marker, whatever the colour.
    assert '<td class="level mixed">1/3↕</td>' in page
    assert '<td class="level down">0/-↓</td>' in page
    assert '<td class="level same">1/1</td>' in page and "<td>1/1</td>" in page
    assert (
        "2 fewer large gaps, 1 more small gap, 1 more practice with no gap, "
        "3 levels closer to the target, mean comprehensiveness up 1.0"
    ) in page


def test_html_escapes_the_system_name(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_levels(folder, tmp_path, "target", "t", "3/2 2/1 2/1", HOSTILE_SYSTEM)
    import_levels(folder, tmp_path, "assessment", "a", "1/1 0/- 1/1", HOSTILE_SYSTEM)
    page = history_of(folder, capsys, HOSTILE_SYSTEM, "--format", "html")
    assert "<script" not in page
    assert (
        "<title>History of &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;$5&quot; Gateway"
        in (page)
    )
    out = tmp_path / "history.html"
    capsys.readouterr()
    assert smm(folder, "history", "t", "--format", "html", "-o", str(out)) == 0
    assert out.read_text(encoding="utf-8") == page
    assert capsys.readouterr().out == f"Wrote {out}\n"


def test_html_is_the_same_bytes_each_time(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = history_of(three_cycles, capsys, SYSTEM, "--format", "html")
    assert history_of(three_cycles, capsys, SYSTEM, "--format", "html") == first


# --- Bad input -------------------------------------------------------------------------------


def test_unknown_system_is_one_line_and_exit_2(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert smm(three_cycles, "history", "Other thing") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "Other thing: no system of this name" in captured.err and "`smm list`" in captured.err


def test_an_unreadable_session_file_is_named_and_exits_2(
    three_cycles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (three_cycles / "broken.toml").write_text("kind = [", encoding="utf-8")
    capsys.readouterr()
    assert smm(three_cycles, "history", SYSTEM, "--format", "json") == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["assessments"] == ["acme-a1", "acme-a2", "acme-a3"]
    assert "broken.toml" in captured.err


# --- The chart's time axis -------------------------------------------------------------------


def test_the_chart_places_assessments_by_date_unless_labels_would_collide() -> None:
    spread = HistoryChartData(
        labels=("A1", "A2", "A3"),
        moments=(when(1, 1), when(6, 1), when(12, 1)),
        large=(2, 1, 0),
        small=(1, 1, 1),
        none=(0, 1, 2),
        current_means=(0.7, 1.3, 2.0),
        target_mean=2.3,
        practice_count=3,
    )
    assert spread.by_date() and spread.positions() == [0.0, 151.0, 334.0]
    # A re-assessment a day later (under 8% of the span): one step apart, in order.
    close = replace(spread, moments=(when(1, 1), when(1, 2), when(12, 1)))
    assert not close.by_date() and close.positions() == [0.0, 1.0, 2.0]
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", history_chart_svg(close, "chart"))
    assert "Self-assessments, in the order they were started" in texts
