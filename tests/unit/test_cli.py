"""The command line: help, version, exit codes, ``smm model`` and ``smm validate``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interview import __version__
from interview.cli import main
from interview.cli.parser import GAP_DESCRIPTION, PLAN_STATUSES
from interview.cli.parser_options import SESSION_KINDS
from interview.consolidation import HIGHEST_TARGET, LOWEST_ASSESSED
from interview.plan import PlanStatus
from interview.session.model import SessionKind
from tests.helpers.model import MODEL_HIERARCHY


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run smm as a user does, through ``python -m interview``."""
    return subprocess.run(
        [sys.executable, "-m", "interview", *args], capture_output=True, text=True, check=False
    )


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "model" in result.stdout
    assert "validate" in result.stdout


def test_the_parser_spells_out_the_same_choices_as_the_enums() -> None:
    assert tuple(kind.value for kind in SessionKind) == SESSION_KINDS
    assert tuple(status.value for status in PlanStatus) == PLAN_STATUSES
    assert f"assessments: the {LOWEST_ASSESSED.name} level" in GAP_DESCRIPTION
    assert f"targets: the {HIGHEST_TARGET.name})" in GAP_DESCRIPTION


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"smm {__version__}"


def test_usage_error_is_one_line_and_exit_2() -> None:
    result = run("no-such-command")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_model_json_lists_exactly_the_18_practices() -> None:
    result = run("model", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    practices = [
        (practice["id"], practice["name"])
        for domain in data["domains"]
        for subdomain in domain["subdomains"]
        for practice in subdomain["practices"]
    ]
    expected = [
        (pid, name)
        for _, subdomains in MODEL_HIERARCHY.values()
        for _, practice_names in subdomains.values()
        for pid, name in practice_names.items()
    ]
    assert practices == expected
    assert [domain["id"] for domain in data["domains"]] == ["G", "E", "H"]
    assert data["domains"][0]["subdomains"][0]["name"] == "Security Strategy and Governance"
    assert set(data["domains"][0]["subdomains"][0]["practices"][0]["levels"]) == {
        "1",
        "2",
        "3",
        "4",
    }


def test_model_tree_shows_every_practice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["model"]) == 0
    out = capsys.readouterr().out
    assert "3 domains, 9 sub-domains, 18 practices" in out
    assert "│  ├─ G1.1  Security Program Management" in out
    assert "   └─ H3.2  Remediation, Recovery and Continuity of Operations" in out


def test_model_with_a_questionnaire_of_ones_own(
    minimal_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["model", "--questionnaire", str(minimal_questionnaire_path)]) == 0
    assert "D1.1  Practice" in capsys.readouterr().out


def test_model_with_a_broken_questionnaire_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\npractices = 3\n")
    result = run("model", "--questionnaire", str(broken))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert all(line.startswith(f"smm: {broken}") for line in result.stderr.splitlines())


def test_validate_without_arguments_checks_the_shipped_files() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert "iic-smm.toml: valid (iic-smm" in result.stdout
    assert "18 practices" in result.stdout


def test_titles_with_escape_sequences_are_printed_escaped(
    minimal_questionnaire_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.toml"
    source = minimal_questionnaire_path.read_text()
    hostile.write_text(source.replace('name = "Practice"', 'name = "Pr\\u001b[2Jactice"'))
    assert main(["model", "--questionnaire", str(hostile)]) == 0
    assert main(["model", "--json", "--questionnaire", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "Pr\\x1b[2Jactice" in out
    assert "Pr\\u001b[2Jactice" in out
