"""``smm new target|assessment --industry SECTOR``: checked against the questionnaire, answered
ahead, and for a target one line naming the profiles made for the sector."""

from pathlib import Path

import pytest

from interview.cli import interview_commands, main
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import Launch, StartNew

CALIBRATION = Path("questionnaires/profiles/calibration")
MEDICAL_ANSWERS = Path(__file__).parent.parent.parent / CALIBRATION / "medical-device.toml"
SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"


@pytest.fixture(autouse=True)
def shipped_profiles_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No profiles of one's own: only the shipped ones are suggested."""
    monkeypatch.setenv("SMM_PROFILES_DIR", str(tmp_path / "no-profiles"))


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[Launch]:
    """What the interactive commands would open, instead of opening it."""
    launches: list[Launch] = []

    def record(launch: Launch, _workspace: object) -> int:
        launches.append(launch)
        return 0

    monkeypatch.setattr(interview_commands, "_run_app", record)
    return launches


def sessions(tmp_path: Path) -> list[str]:
    return ["--sessions-dir", str(tmp_path / "sessions")]


def test_a_sector_not_in_the_questionnaire_is_one_line_and_exit_2(
    tmp_path: Path, launched: list[Launch], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "target", "--industry", "hospital", *sessions(tmp_path)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        "smm: --industry 'hospital': not a sector of the questionnaire; use one of: consumer, "
        "industrial, energy, building, medical, retail, automotive, enterprise"
    )
    assert launched == []


def test_a_questionnaire_without_a_sector_question_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "target", "--industry", "medical", "--questionnaire", str(SMALL)]
    assert main([*arguments, *sessions(tmp_path)]) == 2
    assert "has no industry question" in capsys.readouterr().err


def test_the_sector_suggests_its_profile_and_is_answered_ahead(
    tmp_path: Path, launched: list[Launch], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "target", "--industry", "energy", *sessions(tmp_path)]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        "smm: note: suggested for Energy and utilities (power, water, gas): the profile "
        "small-utility-site (Small utility site); to start from it: "
        "smm new target --industry energy --profile small-utility-site"
    )
    assert launched == [StartNew(SessionKind.TARGET, "", sector="energy")]


def test_a_sector_without_a_profile_says_so(
    tmp_path: Path, launched: list[Launch], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "target", "--industry", "enterprise", *sessions(tmp_path)]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("smm: note: no profile is made for Enterprise IT and office IoT")


def test_a_profile_for_another_sector_is_a_warning_not_an_error(
    tmp_path: Path, launched: list[Launch], capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "target", "--system", "Pump 4", "--industry", "energy"]
    assert main([*arguments, "--profile", "medical-device", *sessions(tmp_path)]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        "smm: warning: --industry energy, but the profile medical-device is made for medical "
        "(Medical devices and healthcare); starting from it all the same"
    )
    (launch,) = launched
    assert isinstance(launch, StartNew)
    assert (launch.profile_id, launch.sector) == ("medical-device", "energy")


def test_the_matching_profile_is_started_without_a_word(
    tmp_path: Path, launched: list[Launch], capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "target", "--system", "Pumps", "--industry", "medical"]
    assert main([*arguments, "--profile", "medical-device", *sessions(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    assert len(launched) == 1


def test_an_assessment_takes_the_sector_and_suggests_no_profile(
    tmp_path: Path, launched: list[Launch], capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "assessment", "--system", "Pumps", "--industry", "medical"]
    assert main([*arguments, *sessions(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    (launch,) = launched
    assert isinstance(launch, StartNew) and launch.sector == "medical"


def test_a_batch_target_saves_the_sector_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "target", "--answers", str(MEDICAL_ANSWERS), "--batch"]
    assert main([*arguments, "--industry", "medical", *sessions(tmp_path)]) == 0
    captured = capsys.readouterr()
    session = SessionStore(tmp_path / "sessions").read(captured.out.strip())
    assert session.answers["industry"].value == "medical"
    assert "not used" not in captured.err  # the file's own, equal answer is no surprise
    assert "--profile medical-device" in captured.err


def test_a_file_answering_another_sector_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "target", "--answers", str(MEDICAL_ANSWERS), "--batch"]
    assert main([*arguments, "--industry", "energy", *sessions(tmp_path)]) == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.endswith(
        "answers.industry: industry is 'medical', but --industry is 'energy'; give the sector once"
    )
    assert not (tmp_path / "sessions").exists() or not list((tmp_path / "sessions").iterdir())


def test_help_text_says_what_the_sector_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--industry SECTOR the sector the system serves" in shown
    assert "for a target smm names the profiles made for it" in shown
