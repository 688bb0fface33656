"""``smm profiles`` and ``smm profile save``."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.engine.interview import Interview
from interview.profiles import find_profile, load_profile, start_from_profile
from interview.questionnaire import load_questionnaire
from interview.session.model import KEEP, Phase, SessionKind, new_session
from interview.session.store import SessionStore

DATA = Path(__file__).parent.parent / "data"
SMALL = DATA / "questionnaires" / "small.toml"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def own_profiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "small-lab.toml").write_text((DATA / "profiles" / "small-lab.toml").read_text())
    monkeypatch.setenv("SMM_PROFILES_DIR", str(folder))
    return folder


def test_profiles_lists_ones_own_first_with_the_disclaimer(
    own_profiles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the shipped ones, for iic-smm, are left out without failing the listing
    assert main(["profiles", "--json", "--questionnaire", str(SMALL)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["format_version"] == 2
    listed = printed["profiles"]
    assert [profile["id"] for profile in listed] == ["small-lab"]
    assert "not a profile published by the IIC" in listed[0]["disclaimer"]


@pytest.mark.usefixtures("wide_output")
def test_shipped_profiles_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "consumer-smart-home" in out
    assert "not a profile published by the IIC" in out


def test_a_finished_target_is_saved_as_a_profile(
    own_profiles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questionnaire = load_questionnaire(SMALL)
    profile = load_profile(own_profiles / "small-lab.toml", questionnaire)
    store = SessionStore(tmp_path / "sessions")
    session = new_session(questionnaire, SessionKind.TARGET, "Lab", interviewee="Ana", now=NOW)
    start_from_profile(session, profile)
    store.create(session)
    interview = Interview(questionnaire, session, profile=profile, on_change=store.save)
    answers = ["bench", "Owner", "3", "2", ("2", "Lower for now"), KEEP, "2", "1", KEEP]
    for given in answers:
        value, note = given if isinstance(given, tuple) else (given, "")
        assert interview.answer(value, note=note).accepted
        assert interview.phase is not Phase.PRACTICE_SUMMARY  # a target goes straight on
    interview.finish_interview()

    arguments = ["profile", "save", session.id, "--id", "lab-v2", "--questionnaire", str(SMALL),
                 "--sessions-dir", str(store.folder)]  # fmt: skip
    assert main(arguments) == 0
    saved = load_profile(own_profiles / "lab-v2.toml", questionnaire)
    assert (saved.practices["D1.1"].comprehensiveness, saved.practices["D1.1"].reason) == (
        2, "Lower for now",
    )  # fmt: skip
    assert saved.practices["D1.1"].considerations == profile.practices["D1.1"].considerations
    assert saved.practices["F1.1"].applicable is False
    assert saved.domains["F"].comprehensiveness == 2
    assert main(arguments) == 2  # never over an existing profile
    assert "already exists" in capsys.readouterr().err


def test_an_unfinished_target_is_not_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questionnaire = load_questionnaire(SMALL)
    store = SessionStore(tmp_path / "sessions")
    session = store.create(new_session(questionnaire, SessionKind.TARGET, "Lab", now=NOW))
    arguments = ["profile", "save", session.id, "--id", "x", "--questionnaire", str(SMALL),
                 "--sessions-dir", str(store.folder)]  # fmt: skip
    assert main(arguments) == 2
    assert "is not finished" in capsys.readouterr().err


def test_new_with_an_unknown_profile_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "target", "--system", "X", "--profile", "nope"]) == 2
    assert "nope: no such profile" in capsys.readouterr().err


def test_a_profile_needs_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "assessment", "--profile", "consumer-smart-home"]) == 2
    assert "needs `smm new target`" in capsys.readouterr().err


def test_an_imported_target_is_saved_as_a_profile_every_reader_accepts(
    own_profiles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An imported target sets practices only; its domains get the highest of their practices'
    targets, so that `smm profiles` and `smm new target --profile` accept the file."""
    sessions = ["--questionnaire", str(SMALL), "--sessions-dir", str(tmp_path / "sessions")]
    imported = ["import", str(DATA / "csv" / "target.csv"), "--kind", "target", "--system", "Rig"]
    assert main([*imported, "--id", "rig-target", *sessions]) == 0
    assert main(["profile", "save", "rig-target", "--id", "rig", *sessions]) == 0
    saved = load_profile(own_profiles / "rig.toml", load_questionnaire(SMALL))
    assert (saved.domains["D"].comprehensiveness, saved.domains["D"].scope) == (3, 2)
    assert (saved.domains["F"].comprehensiveness, saved.domains["F"].scope) == (2, 1)
    assert saved.practices["D1.2"].applicable is False
    capsys.readouterr()
    assert main(["profiles", "--json", "--questionnaire", str(SMALL)]) == 0  # iic-smm's: left out
    assert capsys.readouterr().err == ""
    found = find_profile("rig", load_questionnaire(SMALL))  # what `smm new --profile rig` does
    assert found == saved


def test_profile_save_refuses_to_write_a_file_it_could_not_read_back(
    own_profiles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o under another name than the id: the profile would not be found by its id."""
    sessions = ["--questionnaire", str(SMALL), "--sessions-dir", str(tmp_path / "sessions")]
    imported = ["import", str(DATA / "csv" / "target.csv"), "--kind", "target", "--system", "Rig"]
    assert main([*imported, "--id", "rig-target", *sessions]) == 0
    output = tmp_path / "other-name.toml"
    save = ["profile", "save", "rig-target", "--id", "rig", "-o", str(output), *sessions]
    assert main(save) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (
        f"smm: {output}: not written, as smm could not read it back: id: 'rig' must "
        "match the file name 'other-name'; rename one; nothing was changed"
    )
    assert not output.exists()


def test_profiles_fit_80_columns_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80, [line for line in lines if len(line) > 80]
