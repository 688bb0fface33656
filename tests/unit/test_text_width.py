"""Every line of smm's text output fits the width (issue 15): 80 columns when piped, the
terminal's otherwise (60 here as well), with a long system name in Japanese and long practice
names. Widths are display cells, as rich.cells.cell_len measures them: a CJK character takes
two. Names wrap onto continuation lines; ids, levels and numbers stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from interview.cli import main

SMALL = Path(__file__).parents[1] / "data" / "questionnaires" / "small.toml"

SYSTEM = "東京スマートビル統合ゲートウェイ管理システム（第二世代・全館共通プラットフォーム）"
"""A long system name without a space to break at: 80 cells."""

INTERVIEWEE = "Jo\u00a0Smith-Watanabe 渡辺"
"""A non-breaking space binds the first name to the last."""

NAMES = {
    "Domain": "Security Governance, Enablement and Hardening of Connected Building Systems",
    "Sub-domain": "Supply Chain and External Dependencies Management for Field Devices",
    "Practice": "Remediation, Recovery and Continuity of Operations after Security Incidents",
    "Other domain": "セキュリティ運用と継続的な監視および情報共有",
    "Other sub-domain": "Situational Awareness and Information Sharing with Sector Peers",
}
PRACTICE_NAMES = (
    NAMES["Practice"],
    "Implementation of Data Protection Controls in Gateways, Controllers and the Cloud",
    "製品サプライチェーンのリスク管理と外部依存関係の継続的な評価",
)
IDS = ("D1.1", "D1.2", "F1.1")


def long_named_questionnaire(folder: Path) -> Path:
    """small.toml with long names, one of them Japanese, for every domain and practice."""
    text = SMALL.read_text(encoding="utf-8")
    for short, long in NAMES.items():
        if short != "Practice":
            text = text.replace(f'name = "{short}"', f'name = "{long}"')
    for long in PRACTICE_NAMES:
        text = text.replace('name = "Practice"', f'name = "{long}"', 1)
    path = folder / "long-names.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """A target and two assessments of the system; the options that find them."""
    options = [
        "--sessions-dir",
        str(tmp_path / "sessions"),
        "--questionnaire",
        str(long_named_questionnaire(tmp_path)),
    ]
    sessions = {"target": "3/3 2/2 na", "assessment": "1/1 0/- 2/3", "assessment-2": "2/1 1/1 0/-"}
    for session_id, levels in sessions.items():
        rows = ["practice,comprehensiveness,scope,note"]
        for practice_id, level in zip(IDS, levels.split(), strict=True):
            comprehensiveness, _, scope = level.partition("/")
            rows.append(f"{practice_id},{comprehensiveness},{scope.strip('-')},")
        csv_file = tmp_path / f"{session_id}.csv"
        csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
        kind = session_id.partition("-")[0]
        arguments = [
            "import",
            str(csv_file),
            "--kind",
            kind,
            "--system",
            SYSTEM,
            "--id",
            session_id,
        ]
        people = ["--interviewee", INTERVIEWEE, "--role", "Head of operations and facilities"]
        assert main([*arguments, *people, *options]) == 0
    capsys.readouterr()
    return options


COMMANDS = {
    "gap": ["gap", "target", "assessment"],
    "gap of several": ["gap", "target", "assessment", "assessment-2"],
    "report of a target": ["report", "target"],
    "report of an assessment": ["report", "assessment"],
    "history": ["history", "assessment"],
    "list": ["list"],
}


def printed(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    assert main(list(arguments)) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_line_fits_the_width(
    workspace: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    width: int,
) -> None:
    monkeypatch.setattr("interview.cli.output.PIPE_WIDTH", width)
    lines = printed(capsys, *COMMANDS[command], *workspace)
    too_wide = [line for line in lines if cell_len(line) > width]
    assert too_wide == []
    text = "\n".join(lines)
    if command != "list":
        assert all(practice_id in text.split() for practice_id in IDS)  # ids whole
        assert all(word in text for word in " ".join(PRACTICE_NAMES[:2]).split())  # never cut


@pytest.mark.parametrize("width", [80, 60])
def test_profiles_fit_the_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setattr("interview.cli.output.PIPE_WIDTH", width)
    lines = printed(capsys, "profiles")
    assert [line for line in lines if cell_len(line) > width] == []
    assert "…" not in "\n".join(lines)  # nothing cut off (issue 15 saw "smart fact…")
    assert "connected-vehicle" in "\n".join(lines).split()


def test_a_wide_terminal_keeps_a_row_on_one_line(
    workspace: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("interview.cli.output.PIPE_WIDTH", 200)
    lines = printed(capsys, "gap", "target", "assessment", *workspace)
    row = next(line for line in lines if line.strip().startswith("D1.1 "))
    assert NAMES["Practice"] in row and row.rstrip().endswith("large gap")


def test_the_heat_map_wraps_names_under_their_column_and_keeps_levels_aligned(
    workspace: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = printed(capsys, "gap", "target", "assessment", *workspace)
    header = next(line for line in lines if line.startswith("ID "))
    row = lines.index(next(line for line in lines if line.strip().startswith("D1.1 ")))
    name_at, target_at = header.index("NAME"), header.index("TARGET")
    assert lines[row][name_at:].startswith("Remediation,")
    assert lines[row][target_at:].startswith("3/3")
    assert lines[row + 1][:name_at].strip() == ""  # the name goes on under itself
    assert lines[row + 1][name_at:].split()[0] in NAMES["Practice"].split()


def test_the_non_breaking_space_and_the_interviewee_are_kept(
    workspace: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n".join(printed(capsys, "report", "assessment", *workspace))
    assert "Jo\u00a0Smith-Watanabe" in text
    assert "\\xa0" not in text
