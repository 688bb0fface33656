"""``smm gap``, ``smm report``, ``smm export`` and ``smm import`` over a sessions folder.

The questionnaire is tests/data/questionnaires/small.toml (D1.1, D1.2 in D; F1.1 in F). The CSV
files are under tests/data/csv/: target.csv and assessment.csv are good; every other file there
shows one way a CSV can be wrong. Expected numbers are worked out by hand in the comments.
"""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.questionnaire import load_questionnaire
from interview.session.model import Phase, SessionKind, new_session
from interview.session.store import SessionStore
from tests.helpers.cli_gap import (
    CONTEXT_ANSWERS,
    CSV_DIR,
    NOW,
    QUESTIONNAIRE,
    TARGET_ANSWERS,
    TARGET_NOTES,
    imported,
    interviewed,
    smm,
)

TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


# --- smm import, then smm gap ----------------------------------------------------------------

# target.csv:     D1.1 3/2 "Sector rules apply"; D1.2 na "Not used here"; F1.1 2/1.
# assessment.csv: D1.1 2/1; D1.2 1/2; F1.1 0 (scope n/a).
# D1.1: gaps 1/1, small. D1.2: not applicable. F1.1: 2 levels short, scope 1 against 0: large.
EXPECTED_PRACTICES = [
    {
        "id": "D1.1",
        "name": "Practice",
        "target": {"comprehensiveness": 3, "scope": 2},
        "current": {"comprehensiveness": 2, "scope": 1},
        "gap": {"comprehensiveness": 1, "scope": 1},
        "severity": "small",
        "exceeds_target": False,
        "rests_on_dont_know": [],
    },
    {
        "id": "D1.2",
        "name": "Practice",
        "target": None,
        "current": {"comprehensiveness": 1, "scope": 2},
        "gap": None,
        "severity": "none",
        "exceeds_target": False,
        "rests_on_dont_know": [],
    },
    {
        "id": "F1.1",
        "name": "Practice",
        "target": {"comprehensiveness": 2, "scope": 1},
        "current": {"comprehensiveness": 0, "scope": None},
        "gap": {"comprehensiveness": 2, "scope": 1},
        "severity": "large",
        "exceeds_target": False,
        "rests_on_dont_know": [],
    },
]
# D1 and D count D1.1 alone (D1.2 does not apply); F1 and F count F1.1.
EXPECTED_GROUPS = {
    "D": ("small", 3.0, 2.0),
    "F": ("large", 2.0, 0.0),
}
INDUSTRY_STEP = {
    "measure": "scope",
    "level": 2,
    "label": "2 Industry specific",
    "to_do": [
        "Tailor the practice to the industry, until the answer to this is yes: Industry?",
        "For example: An industry example.",
    ],
}
# F1.1 (large) before D1.1 (small). F1.1 needs levels 1 and 2; scope 1 comes with level 1.
EXPECTED_ROADMAP = [
    {
        "practice": "F1.1",
        "phase": "first",
        "from": {"comprehensiveness": 0, "scope": None},
        "to": {"comprehensiveness": 2, "scope": 1},
        "steps": [
            {"measure": "comprehensiveness", "level": 1, "label": "1 Minimum",
             "to_do": ["Do one."], "phase": "first"},
            {"measure": "comprehensiveness", "level": 2, "label": "2 Ad hoc", "to_do": ["Do two."],
             "phase": "next"},
        ],
        "reason": "",
        "held_by": "",
    },
    {
        "practice": "D1.1",
        "phase": "next",
        "from": {"comprehensiveness": 2, "scope": 1},
        "to": {"comprehensiveness": 3, "scope": 2},
        "steps": [
            {"measure": "comprehensiveness", "level": 3, "label": "3 Consistent",
             "to_do": ["Do three."], "phase": "next"},
            {**INDUSTRY_STEP, "phase": "later"},
        ],
        "reason": "Sector rules apply",
        "held_by": "",
    },
]  # fmt: skip


def test_import_then_gap_json_end_to_end(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target_id, current_id = imported(folder, capsys)
    assert (target_id, current_id) == (f"acme-gateway-target-{TODAY}", "acme-now")
    assert smm(folder, "gap", target_id, current_id, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "format_version",
        "target",
        "current",
        "practices",
        "subdomains",
        "domains",
        "roadmap",
        "plan",
        "consolidation",
        "follow_ups",
    }
    assert (data["format_version"], data["plan"], data["consolidation"]) == (2, None, None)
    assert data["follow_ups"] == []  # imported levels: no question was asked
    assert data["practices"] == EXPECTED_PRACTICES
    groups = {
        row["id"]: (row["severity"], row["target_mean"], row["current_mean"])
        for row in data["domains"]
    }
    assert groups == EXPECTED_GROUPS
    subgroups = {row["id"]: tuple(row.values())[1:] for row in data["subdomains"]}
    assert subgroups == {"D1": EXPECTED_GROUPS["D"], "F1": EXPECTED_GROUPS["F"]}
    assert data["roadmap"] == [{**item, "plan": None} for item in EXPECTED_ROADMAP]
    current = data["current"]
    assert (current["id"], current["kind"], current["imported_from"]) == (
        "acme-now",
        "assessment",
        "assessment.csv",
    )
    assert (current["finished"], current["incomplete_practices"]) == (True, [])
    assert data["target"]["kind"] == "target"


def test_gap_text_writes_severity_in_words(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    assert smm(folder, "gap", target_id, current_id) == 0
    lines = capsys.readouterr().out.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("ID "))) :]
    assert table[:8] == [
        "ID        NAME              TARGET   CURRENT  GAP    SEVERITY",
        "D         Domain            3.0      2.0             small gap",
        "  D1      Sub-domain        3.0      2.0             small gap",
        "    D1.1  Practice          3/2      2/1      1/1    small gap",
        "    D1.2  Practice          n/a      1/2             not applicable",
        "F         Other domain      2.0      0.0             large gap",
        "  F1      Other sub-domain  2.0      0.0             large gap",
        "    F1.1  Practice          2/1      0/-      2/1    large gap",
    ]
    roadmap = lines[lines.index("Roadmap, most urgent first") :]
    assert roadmap[1:7] == [
        " 1. F1.1 Practice: large gap",
        "    from: 0 None, scope n/a",
        "    to: 2 Ad hoc, scope 1 General",
        "    to reach 1 Minimum:",
        "      - Do one.",
        "    to reach 2 Ad hoc:",
    ]
    assert "    why: Sector rules apply" in roadmap
    assert any("smm's own rules" in line for line in lines)


def test_gap_csv_and_markdown(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target_id, current_id = imported(folder, capsys)
    assert smm(folder, "gap", target_id, current_id, "--format", "csv") == 0
    assert capsys.readouterr().out.splitlines() == [
        "practice,name,target_comprehensiveness,target_scope,current_comprehensiveness,"
        "current_scope,comprehensiveness_gap,scope_gap,severity,exceeds_target,rests_on_dont_know",
        "D1.1,Practice,3,2,2,1,1,1,small,no,",
        "D1.2,Practice,na,,1,2,,,none,no,",
        "F1.1,Practice,2,1,0,,2,1,large,no,",
    ]
    assert smm(folder, "gap", target_id, current_id, "--format", "md") == 0
    markdown = capsys.readouterr().out
    assert "| D1.1 | Practice | 3/2 | 2/1 | 1/1 | small gap |" in markdown
    assert "| **F** | **Other domain** | **2.0** | **0.0** |  | **large gap** |" in markdown
    assert (
        "1. **F1.1 Practice**: large gap\n   - From: 0 None, scope n/a\n   - To: 2 Ad hoc"
        in markdown
    )


def test_gap_between_interviewed_sessions(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    interviewed(folder)
    assert smm(folder, "gap", "acme-target", "acme-current", "--format", "csv") == 0
    # D1.1: target 3/2 (inherited from D1's needs: one raise stops at 3), current 3/2.
    # D1.2: target 2/2, current 0.
    assert capsys.readouterr().out.splitlines()[1:] == [
        "D1.1,Practice,3,2,3,2,0,0,none,no,",
        "D1.2,Practice,2,2,0,,2,2,large,no,",
        "F1.1,Practice,na,,1,1,,,none,no,",
    ]


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (
            ("acme-now", "acme-now"),
            "acme-now: is an assessment session, but TARGET must be a target",
        ),
        (
            ("target", "target"),
            "is a target session, but CURRENT must be a self-assessment (current state)",
        ),
    ],
)
def test_gap_refuses_sessions_of_the_wrong_kind(
    folder: Path, capsys: pytest.CaptureFixture[str], order: tuple[str, str], message: str
) -> None:
    target_id, current_id = imported(folder, capsys)
    references = [target_id if ref == "target" else current_id for ref in order]
    assert smm(folder, "gap", *references) == 2
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1
    assert message in error


# --- Writing to a file -----------------------------------------------------------------------


def test_output_file_is_written_whole(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    assert smm(folder, "gap", target_id, current_id, "--format", "json") == 0
    printed = capsys.readouterr().out
    output = tmp_path / "gap.json"
    output.write_text("old")
    assert smm(folder, "gap", target_id, current_id, "--format", "json", "-o", str(output)) == 0
    assert capsys.readouterr().out == f"Wrote {output}\n"
    assert output.read_text() == printed
    assert sorted(path.name for path in tmp_path.iterdir()) == ["gap.json", "sessions"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target_id, current_id = imported(folder, capsys)
    output = tmp_path / "gap.md"
    output.write_text("the previous report\n")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert smm(folder, "gap", target_id, current_id, "--format", "md", "-o", str(output)) == 2
    assert capsys.readouterr().err == (
        f"smm: {output}: cannot write the file (No space left on device); nothing was changed\n"
    )
    assert output.read_text() == "the previous report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["gap.md", "sessions"]


def test_output_into_a_missing_folder_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, _ = imported(folder, capsys)
    output = tmp_path / "nowhere" / "report.md"
    assert smm(folder, "report", target_id, "--format", "md", "-o", str(output)) == 2
    assert capsys.readouterr().err == (
        f"smm: {output}: the folder {output.parent} does not exist\n"
    )
    assert not output.parent.exists()


# --- smm report ------------------------------------------------------------------------------


def test_report_of_a_target(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target_id, _ = imported(folder, capsys)
    assert smm(folder, "report", target_id) == 0
    text = capsys.readouterr().out
    assert text.startswith("Target: Acme gateway\n")
    assert "imported from target.csv, levels as given" in " ".join(text.split())
    assert "D         Domain            mean 3.0\n" in text
    assert "    D1.1  Practice          3 Consistent, scope 2 Industry specific\n" in text
    assert "          aim: Level three.\n          why: Sector rules apply\n" in text
    assert "    D1.2  Practice          not applicable\n" in text

    assert smm(folder, "report", target_id, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["practices"][1] == {
        "id": "D1.2",
        "name": "Practice",
        "level": None,
        "applicable": False,
        "complete": True,
        "origin": "imported",
        "note": "Not used here",
        "objective": None,
    }
    assert data["domains"] == [
        {"id": "D", "name": "Domain", "mean": 3.0},
        {"id": "F", "name": "Other domain", "mean": 2.0},
    ]


def test_report_of_a_current_state_in_markdown(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interviewed(folder)
    assert smm(folder, "report", "acme-current", "--format", "md") == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Current state: Acme gateway\n")
    assert "| **D** | **Domain** | **mean 1.5** |  |\n" in markdown  # (3 + 0) / 2
    assert (
        "| D1.1 | Practice | 3 Consistent, scope 2 Industry specific | *Reached:* Level three."
        "<br>*Notes:* Org chart, 2026-10 |\n"
    ) in markdown


# --- smm export and the round trip -----------------------------------------------------------


@pytest.mark.parametrize("name", ["target.csv", "assessment.csv"])
def test_an_imported_csv_exports_as_it_was(
    folder: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target_id, current_id = imported(folder, capsys)
    session_id = target_id if name == "target.csv" else current_id
    assert smm(folder, "export", session_id, "--format", "csv") == 0
    assert capsys.readouterr().out == (CSV_DIR / name).read_text()


@pytest.mark.parametrize(("session_id", "kind"), [("acme-target", "target"),
                                                  ("acme-current", "assessment")])  # fmt: skip
def test_export_import_export_gives_the_same_rows(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], session_id: str, kind: str
) -> None:
    interviewed(folder)
    exported = tmp_path / "levels.csv"
    assert smm(folder, "export", session_id, "--format", "csv", "-o", str(exported)) == 0
    assert smm(folder, "import", str(exported), "--kind", kind, "--system", "Copy",
               "--id", "copy") == 0  # fmt: skip
    capsys.readouterr()
    assert smm(folder, "export", "copy", "--format", "csv") == 0
    again = capsys.readouterr().out
    assert again == exported.read_text()
    assert again.splitlines() == EXPORTED_ROWS[session_id]


EXPORTED_ROWS = {
    "acme-target": [
        "practice,comprehensiveness,scope,note",
        "D1.1,3,2,More.",  # inherited from D1, its scope moved by the need "More."
        "D1.2,2,2,Only used in the lab",
        "F1.1,na,,No physical devices",
    ],
    "acme-current": [
        "practice,comprehensiveness,scope,note",
        'D1.1,3,2,"Org chart, 2026-10"',
        "D1.2,0,,",
        "F1.1,1,1,",
    ],
}


def test_export_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target_id, _ = imported(folder, capsys)
    assert smm(folder, "export", target_id, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["session"]["imported_from"] == "target.csv"
    assert data["practices"] == [
        {"practice": "D1.1", "comprehensiveness": 3, "scope": 2, "applicable": True,
         "note": "Sector rules apply"},
        {"practice": "D1.2", "comprehensiveness": None, "scope": None, "applicable": False,
         "note": "Not used here"},
        {"practice": "F1.1", "comprehensiveness": 2, "scope": 1, "applicable": True, "note": ""},
    ]  # fmt: skip


def test_export_writes_csv_when_no_format_is_given(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, _ = imported(folder, capsys)
    assert smm(folder, "export", target_id, "--format", "csv") == 0
    as_csv = capsys.readouterr().out
    assert smm(folder, "export", target_id) == 0
    assert capsys.readouterr().out == as_csv
    assert as_csv.startswith("practice,comprehensiveness,scope,note\n")


# --- smm import ------------------------------------------------------------------------------


def test_an_imported_session_says_so_and_is_done(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, current_id = imported(folder, capsys)
    store = SessionStore(folder)
    session = store.load(current_id, load_questionnaire(QUESTIONNAIRE)).session
    assert (session.imported_from, session.phase) == ("assessment.csv", Phase.DONE)
    assert (session.levels["D1.2"].comprehensiveness, session.levels["D1.2"].scope) == (1, 2)
    assert store.path_of(current_id).read_text().startswith("# An smm session imported")


def test_imported_sessions_can_be_listed_and_shown(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target_id, current_id = imported(folder, capsys)
    assert smm(folder, "list") == 0
    listing = capsys.readouterr().out
    assert target_id in listing and current_id in listing
    for session_id in (target_id, current_id):
        assert smm(folder, "show", session_id) == 0
        assert f"see them with `smm report {session_id}`" in capsys.readouterr().out
        assert smm(folder, "show", session_id, "--json") == 0
        assert json.loads(capsys.readouterr().out)["imported_from"].endswith(".csv")
    assert capsys.readouterr().err == ""


def test_show_gives_an_imported_assessments_levels(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, current_id = imported(folder, capsys)
    assert smm(folder, "show", current_id, "--json") == 0
    levels = json.loads(capsys.readouterr().out)["levels"]
    assert (levels["D1.1"]["comprehensiveness"], levels["D1.1"]["scope"]) == (2, 1)
    assert levels["D1.1"]["origin"] == "imported"


def test_list_counts_an_imported_sessions_practices_as_done(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(folder, capsys)
    assert smm(folder, "list", "--json") == 0
    sessions = json.loads(capsys.readouterr().out)["sessions"]
    assert [session["practices_done"] for session in sessions] == [3, 3]


def test_import_refuses_an_id_in_use(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(folder, capsys)
    before = sorted(folder.iterdir())
    assert smm(folder, "import", str(CSV_DIR / "assessment.csv"), "--kind", "assessment",
               "--system", "Acme gateway", "--id", "acme-now") == 2  # fmt: skip
    assert capsys.readouterr().err == (
        f"smm: acme-now: a session with this id already exists in {folder}; choose another id\n"
    )
    assert sorted(folder.iterdir()) == before


def test_import_refuses_an_id_that_is_not_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert smm(folder, "import", str(CSV_DIR / "assessment.csv"), "--kind", "assessment",
               "--system", "X", "--id", "../escape") == 2  # fmt: skip
    assert "../escape: not a session id" in capsys.readouterr().err
    assert not folder.exists()


BAD_CSV = {
    # fixture: (kind, the problems expected, one per line)
    "unknown_practice": (
        "assessment",
        ["5: unknown practice 'X9.9'; see `smm model` for the practice ids"],
    ),
    "duplicate_practice": (
        "assessment",
        ["4: practice D1.1 again (first on line 2); give each practice one row"],
    ),
    "missing_practice": (
        "assessment",
        ["3: practice F1.1 has no row; give every practice of the questionnaire one row"],
    ),
    "level_out_of_range": ("assessment", ["2: comprehensiveness '5' is out of range; give 0-4"]),
    "target_level_0": (
        "target",
        ["2: comprehensiveness '0' is out of range; give 1-4, or na; "
         "a target is at least 1 Minimum"],
    ),
    "scope_out_of_range": (
        "assessment",
        ["2: scope '4' is out of range; give 1-3 (1 General, 2 Industry specific, "
         "3 System specific)"],
    ),
    "scope_missing": (
        "assessment",
        ["2: scope is empty; give 1-3 (1 General, 2 Industry specific, 3 System specific)"],
    ),
    "scope_with_level_0": (
        "assessment",
        ["4: scope '1' given with comprehensiveness 0; leave scope empty when it is 0"],
    ),
    "na_in_assessment": (
        "assessment",
        ["3: comprehensiveness 'na' (not applicable) is for targets only; "
         "an assessment gives 0-4"],
    ),
    "wrong_header": (
        "assessment",
        ["1: header is 'practice,level,scope,note'; "
         "it must be practice,comprehensiveness,scope,note"],
    ),
    "semicolons": (
        "assessment",
        ["1: header is 'practice;comprehensiveness;scope;note'; it must be "
         "practice,comprehensiveness,scope,note; the cells seem to be separated by ';' "
         "but smm reads commas"],
    ),
    "wrong_cell_count": (
        "assessment",
        ["2: 3 cells; a row has 4: practice,comprehensiveness,scope,note"],
    ),
    "bad_quoting": (
        "assessment",
        ["2: not valid CSV (unexpected end of data); check the quoting"],
    ),
    "not_csv": (
        "assessment",
        ["1: not valid UTF-8 text; save the spreadsheet as CSV UTF-8"],
    ),
    "empty": (
        "target",
        ["1: the file is empty; it needs the header practice,comprehensiveness,scope,note"],
    ),
}  # fmt: skip


@pytest.mark.parametrize(("fixture", "kind", "problems"),
                         [(name, *case) for name, case in BAD_CSV.items()],
                         ids=BAD_CSV.keys())  # fmt: skip
def test_a_bad_csv_is_refused_line_by_line_and_nothing_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str], fixture: str, kind: str, problems: list[str]
) -> None:
    path = CSV_DIR / f"{fixture}.csv"
    assert smm(folder, "import", str(path), "--kind", kind, "--system", "Acme") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"smm: {path}:{problem}" for problem in problems]
    assert not folder.exists()


def test_every_bad_csv_fixture_is_tested() -> None:
    good = {"target", "assessment"}
    assert {path.stem for path in CSV_DIR.glob("*.csv")} - good == set(BAD_CSV)


def test_several_problems_are_all_reported(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.csv"
    path.write_text(
        "practice,comprehensiveness,scope,note\nD1.1,x,1,\nD1.1,1,1,\nZ,1,1,\n", encoding="utf-8"
    )
    assert smm(folder, "import", str(path), "--kind", "assessment", "--system", "Acme") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"smm: {path}:2: comprehensiveness 'x' is out of range; give 0-4",
        f"smm: {path}:3: practice D1.1 again (first on line 2); give each practice one row",
        f"smm: {path}:4: unknown practice 'Z'; see `smm model` for the practice ids",
        f"smm: {path}:4: practice D1.2 has no row; give every practice of the questionnaire "
        "one row",
        f"smm: {path}:4: practice F1.1 has no row; give every practice of the questionnaire "
        "one row",
    ]


# --- Sessions made by interview --------------------------------------------------------------


def test_a_target_not_finished_leaves_its_unset_practices_out(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interviewed(folder)
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    store = SessionStore(folder)
    session = store.create(new_session(questionnaire, SessionKind.TARGET, "Acme", now=NOW), "half")
    interview = Interview(questionnaire, session, on_change=store.save, clock=lambda: NOW)
    answers = {**CONTEXT_ANSWERS, **TARGET_ANSWERS}
    while (prompt := interview.current()) is None or prompt.question_id != "@F.goal":
        if prompt is None:
            interview.continue_interview()
        else:
            note = TARGET_NOTES.get(prompt.question_id, "")
            assert interview.answer(answers[prompt.question_id], note=note).accepted
    assert smm(folder, "gap", "half", "acme-current", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"]["incomplete_practices"] == ["F1.1"]
    assert data["practices"][2]["target"] is None
    assert data["domains"][1] == {
        "id": "F",
        "severity": "none",
        "target_mean": None,
        "current_mean": None,
    }
    assert smm(folder, "gap", "half", "acme-current") == 0
    assert "    F1.1  Practice          not set  1/1             target not set" in (
        capsys.readouterr().out
    )
    exported = tmp_path / "half.csv"
    assert smm(folder, "export", "half", "--format", "csv", "-o", str(exported)) == 0
    assert exported.read_text().splitlines()[3] == "F1.1,,,"
    assert smm(folder, "import", str(exported), "--kind", "target", "--system", "Acme") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"smm: {exported}:4: comprehensiveness is empty; give 1-4, or na"
    ]


def test_a_spreadsheets_csv_imports(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A byte-order mark, CRLF line ends, spaces round cells and empty rows are all fine."""
    path = tmp_path / "from-excel.csv"
    rows = ["practice,comprehensiveness,scope,note", " F1.1 , 2 , 1 ,done", "D1.2,NA,,",
            ",,,", "D1.1,4,3,\"two\r\nlines\"", ""]  # fmt: skip
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode())
    assert smm(folder, "import", str(path), "--kind", "target", "--system", "Acme") == 0
    session_id = capsys.readouterr().out.strip()
    assert smm(folder, "export", session_id, "--format", "csv") == 0
    assert capsys.readouterr().out == (
        'practice,comprehensiveness,scope,note\nD1.1,4,3,"two\nlines"\nD1.2,na,,\nF1.1,2,1,done\n'
    )
