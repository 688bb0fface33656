"""What ``smm`` prints when an interview is quit: for a finished session, the commands that
use it, which depend on its kind, its target and whether it is the baseline already."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.cli.exit_lines import closing_lines
from interview.questionnaire import load_questionnaire
from interview.session.model import Phase, SessionKind, new_session
from interview.tui.app import ExitReport
from tests.helpers.fake_app import fake_app

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
PATH = Path("sessions/x.toml")


def test_a_finished_target_leads_to_its_report_and_an_assessment() -> None:
    target = new_session(load_questionnaire(), SessionKind.TARGET, "Pumps", now=NOW)
    target.id, target.phase = "pumps-target", Phase.DONE
    assert closing_lines(ExitReport(target.id, PATH, finished=target)) == [
        f"Saved: {PATH}",
        "Finished. Next:",
        "  its answers, notes and levels:",
        "    smm show pumps-target",
        "  the target as a document:",
        "    smm report pumps-target",
        "  assess the current state against it:",
        "    smm new assessment --target pumps-target",
    ]


def test_a_finished_baseline_assessment_leads_to_the_gap_against_its_target() -> None:
    current = new_session(load_questionnaire(), SessionKind.ASSESSMENT, "Pumps", now=NOW)
    current.id, current.phase = "pumps-assessment", Phase.DONE
    current.target_session, current.accepted_as_baseline = "pumps-target", NOW
    assert closing_lines(ExitReport(current.id, PATH, finished=current))[2:] == [
        "  its answers, notes and levels:",
        "    smm show pumps-assessment",
        "  the current state as a document:",
        "    smm report pumps-assessment",
        "  the gap against its target:",
        "    smm gap pumps-target pumps-assessment",
    ]


@pytest.mark.parametrize("finished", [False, True])
def test_the_lines_printed_on_quitting(
    finished: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = new_session(load_questionnaire(), SessionKind.TARGET, "Rig", now=NOW)
    target.id = "rig-target"
    target.phase = Phase.DONE if finished else Phase.INTERVIEW
    path = tmp_path / "rig-target.toml"
    report = ExitReport(target.id, path, finished=target if finished else None)
    fake_app(monkeypatch, report, returns=report)
    assert main(["new", "target", "--system", "Rig", "--sessions-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Saved: {path}"
    if finished:
        assert lines[1:4] == [
            "Finished. Next:",
            "  its answers, notes and levels:",
            "    smm show rig-target",
        ]
        assert not any("resume" in line for line in lines)
    else:
        assert lines[1:] == ["Resume with: smm resume rig-target"]
