"""``smm gap TARGET CURRENT [CURRENT ...] [--also-target SESSION ...]``: several interviewees.

Sessions are imported from CSV files into a temporary folder, on the small questionnaire
(tests/data/questionnaires/small.toml: D1.1, D1.2 in D; F1.1 in F). Expected numbers are
worked out by hand in the comments.
"""

import json
from pathlib import Path

import pytest

from tests.helpers.cli_gap import ASSESSMENTS, import_session, smm, three_interviewees, write_levels


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def gap(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run ``smm gap`` and return what it printed; nothing on stderr."""
    assert smm(folder, "gap", *args) == 0
    printed = capsys.readouterr()
    assert printed.err == ""
    return printed.out


# --- JSON ------------------------------------------------------------------------------------


def pair(level: dict[str, int | None] | None) -> tuple[int | None, int | None] | None:
    """``{"comprehensiveness": 1, "scope": 3}`` as ``(1, 3)``."""
    return None if level is None else (level["comprehensiveness"], level["scope"])


def account(session: str, name: str, role: str, level: int, scope: int | None) -> dict[str, object]:
    return {"session": session, "interviewee": name, "role": role, "comprehensiveness": level,
            "scope": scope, "applicable": True}  # fmt: skip


def test_three_assessments_as_json(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    data = json.loads(gap(folder, capsys, "t", "c1", "c2", "c3", "--format", "json"))
    assert list(data) == [
        "format_version", "target", "current", "practices", "subdomains", "domains", "roadmap",
        "plan", "consolidation", "follow_ups",
    ]  # fmt: skip
    assert data["format_version"] == 2 and data["plan"] is None
    levels = {
        row["id"]: (pair(row["current"]), pair(row["gap"]), row["severity"])
        for row in data["practices"]
    }
    assert levels == {
        "D1.1": ((1, 3), (2, 0), "large"),
        "D1.2": ((1, 1), None, "none"),
        "F1.1": ((0, None), (2, 1), "large"),
    }
    # D counts D1.1 alone (D1.2 does not apply): current mean 1.0.
    assert [(d["id"], d["current_mean"]) for d in data["domains"]] == [("D", 1.0), ("F", 0.0)]
    assert [item["practice"] for item in data["roadmap"]] == ["F1.1", "D1.1"]

    assert data["target"]["id"] == "t"  # one target: its session info, as before
    current = data["current"]
    assert (current["kind"], current["system"], current["rule"]) == ("assessment", "Acme", "lowest")
    assert [s["id"] for s in current["sessions"]] == ["c1", "c2", "c3"]
    assert current["sessions"][1]["interviewee"] == "Bo Chen"

    merged = data["consolidation"]["current"]
    assert (merged["rule"], merged["sessions"]) == ("lowest", ["c1", "c2", "c3"])
    assert merged["rule_text"].startswith("Several assessments are merged by the lowest level")
    assert merged["disagreements"] == ["D1.1", "F1.1", "D1.2"]
    assert merged["practices"][0] == {
        "id": "D1.1",
        "level": {"comprehensiveness": 1, "scope": 3, "applicable": True},
        "accounts": [
            account("c1", "Ann Lee", "Ops lead", 3, 2),
            account("c2", "Bo Chen", "Firmware lead", 1, 3),
            account("c3", "Cy Diaz", "", 2, 1),
        ],
        "spread": {"comprehensiveness": 2, "scope": 2},
        "disagree": True,
    }
    spreads = {p["id"]: tuple(p["spread"].values()) for p in merged["practices"]}
    assert spreads == {"D1.1": (2, 2), "D1.2": (0, 1), "F1.1": (2, 0)}
    merged_target = data["consolidation"]["target"]
    assert (merged_target["rule"], merged_target["sessions"]) == ("highest", ["t"])
    assert merged_target["disagreements"] == []


def test_a_second_target_from_another_owner(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    path = write_levels(tmp_path / "t2.csv", ["2/3", "na/", "na/"], ["Contract", "", ""])
    import_session(folder, path, "target", "t2", "Eve Ng", "Sales", "Acme")
    assert capsys.readouterr().out == "t2\n"
    data = json.loads(
        gap(folder, capsys, "t", "c1", "c2", "--also-target", "t2", "--format", "json")
    )
    # D1.1: Dana 3/2, Eve 2/3 -> 3/3. D1.2: both n/a -> n/a. F1.1: Dana 2/1, Eve n/a -> 2/1.
    # Current (c1, c2): D1.1 1/3, D1.2 1/1, F1.1 0.  Gaps: D1.1 2/0, F1.1 2/1.
    targets = {row["id"]: row["target"] for row in data["practices"]}
    assert targets == {
        "D1.1": {"comprehensiveness": 3, "scope": 3},
        "D1.2": None,
        "F1.1": {"comprehensiveness": 2, "scope": 1},
    }
    reasons = {item["practice"]: item["reason"] for item in data["roadmap"]}
    assert reasons == {"F1.1": "", "D1.1": "Dana Whitfield: Sector rules apply; Eve Ng: Contract"}
    assert [s["id"] for s in data["target"]["sessions"]] == ["t", "t2"]
    merged = data["consolidation"]["target"]
    # n/a against 2 is a spread of 2 (no need against level 2); D1.1 is 1 apart in each.
    assert merged["disagreements"] == ["F1.1", "D1.1"]
    assert merged["practices"][2]["accounts"][1] == {
        "session": "t2", "interviewee": "Eve Ng", "role": "Sales", "comprehensiveness": None,
        "scope": None, "applicable": False,
    }  # fmt: skip
    assert data["consolidation"]["current"]["sessions"] == ["c1", "c2"]


# --- Text and Markdown -----------------------------------------------------------------------


@pytest.mark.usefixtures("wide_output")
def test_text_lists_where_the_interviewees_disagree(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    lines = gap(folder, capsys, "t", "c1", "c2", "c3").splitlines()
    sessions = lines[lines.index("Sessions compared") :]
    first = "Current state (1 of 3): c1: Acme, Ann Lee (Ops lead), last change "
    assert [line for line in sessions if line.startswith(first)]
    merged = "Current state: 3 assessments, merged by the lowest level per practice: the rule, and"
    assert [line for line in sessions if line.startswith(merged)]
    assert "    D1.1  Practice          3/2      1/3      2/0    large gap" in lines
    start = lines.index("Where the interviewees disagree")
    section = lines[start : lines.index("Roadmap in phases")]
    assert section[4] == "Current state: 3 assessments, merged by the lowest level per practice"
    practices = section[section.index(" 1. D1.1 Practice: they disagree by 2 levels, and on "
                                      "scope by 2; merged 1/3") :]  # fmt: skip
    assert practices == [
        " 1. D1.1 Practice: they disagree by 2 levels, and on scope by 2; merged 1/3",
        "    - Ann Lee (Ops lead), session c1: 3/2",
        "    - Bo Chen (Firmware lead), session c2: 1/3",
        "    - Cy Diaz, session c3: 2/1",
        "",
        " 2. F1.1 Practice: they disagree by 2 levels; merged 0/-",
        "    - Ann Lee (Ops lead), session c1: 2/1",
        "    - Bo Chen (Firmware lead), session c2: 0/-",
        "    - Cy Diaz, session c3: 1/1",
        "",
        " 3. D1.2 Practice: they disagree on scope by 1 level; merged 1/1",
        "    - Ann Lee (Ops lead), session c1: 1/2",
        "    - Bo Chen (Firmware lead), session c2: 1/1",
        "    - Cy Diaz, session c3: 1/2",
        "",
    ]


def test_markdown_lists_where_the_interviewees_disagree(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    markdown = gap(folder, capsys, "t", "c1", "c3", "--format", "md")
    # c1 and c3 only: D1.1 3/2 and 2/1 -> 2/1, 1 apart in each; D1.2 agree (1/2); F1.1 2/1 and
    # 1/1 -> 1/1, 1 apart. D1.1 first (it also differs in scope).
    assert "- **Current state (2 of 2):** c3: Acme, Cy Diaz, last change" in markdown
    assert "Current state: 2 assessments, merged by the lowest level per practice: the" in markdown
    section = markdown[markdown.index("## Where the interviewees disagree") :]
    section = section[: section.index("## Roadmap")]
    assert "### Current state: 2 assessments, merged by the lowest level per practice" in section
    assert (
        "1. **D1.1 Practice**: they disagree by 1 level, and on scope by 1; merged 2/1\n"
        "   - **Ann Lee (Ops lead), session c1**: 3/2\n"
        "   - **Cy Diaz, session c3**: 2/1\n"
        "2. **F1.1 Practice**: they disagree by 1 level; merged 1/1\n"
    ) in section
    assert "D1.2" not in section


def test_one_session_per_side_has_no_disagreement_section(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    assert "Where the interviewees disagree" not in gap(folder, capsys, "t", "c1")
    data = json.loads(gap(folder, capsys, "t", "c1", "--format", "json"))
    assert data["consolidation"] is None and data["current"]["id"] == "c1"


def test_interviewees_who_agree_are_said_to(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    path = write_levels(tmp_path / "again.csv", ASSESSMENTS["c1"][2])
    import_session(folder, path, "assessment", "c1-again", "Ann's deputy", "", "Acme")
    capsys.readouterr()
    text = gap(folder, capsys, "t", "c1", "c1-again")
    assert "The 2 interviewees give the same level for every practice." in text


# --- The command line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("t", "c1", "--also-target", "c2"),
            "smm: c2: is an assessment session, but --also-target must be a target; ",
        ),
        (
            ("t", "c1", "t"),
            "smm: t: is a target session, but CURRENT must be a self-assessment (current state)",
        ),
        (("t", "c1", "c2", "c1"), "smm: c1: given twice; name each interviewee's session once"),
    ],
)
def test_sessions_of_the_wrong_kind_or_given_twice_are_refused(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    three_interviewees(folder, tmp_path, capsys)
    assert smm(folder, "gap", *args) == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert len(printed.err.splitlines()) == 1 and printed.err.startswith(message)


def test_other_systems_are_named_in_one_warning_and_compared_anyway(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_interviewees(folder, tmp_path, capsys, system="Acme  router")
    assert smm(folder, "gap", "t", "c1", "c2", "--format", "csv") == 0
    printed = capsys.readouterr()
    assert printed.err == (
        'smm: warning: the sessions are of different systems: "Acme" (t); '
        '"Acme  router" (c1, c2); comparing them anyway\n'
    )
    assert printed.out.splitlines()[1] == "D1.1,Practice,3,2,1,3,2,0,large,no,"


@pytest.mark.parametrize("system", [" ACME ", "acme!", "Ácme"])
def test_the_same_system_in_other_letters_is_no_warning(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], system: str
) -> None:
    """The warning matches systems as plans and histories do (filemodel.system_key)."""
    three_interviewees(folder, tmp_path, capsys, system=system)
    gap(folder, capsys, "t", "c1", "c2")  # asserts an empty stderr


def test_help_shows_the_form(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        smm(Path("unused"), "gap", "--help")
    usage = " ".join(capsys.readouterr().out.split())
    assert "TARGET CURRENT [CURRENT ...]" in usage
    assert "--also-target SESSION" in usage
    assert "assessments: the lowest level; targets: the highest" in usage
