"""``smm list`` and ``smm show`` over a sessions folder."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.engine.interview import Interview
from interview.questionnaire import load_questionnaire
from interview.session.model import YES, SessionKind, new_session
from interview.session.store import SessionStore
from tests.helpers.fake_app import fake_app


@pytest.fixture
def folder(tmp_path: Path, small_questionnaire_path: Path) -> Path:
    """Two sessions: a target started first, an assessment with a note changed later."""
    questionnaire = load_questionnaire(small_questionnaire_path)
    store = SessionStore(tmp_path / "sessions")
    for hour, kind in ((9, SessionKind.TARGET), (10, SessionKind.ASSESSMENT)):
        moment = datetime(2026, 11, 25, hour, tzinfo=UTC)
        session = store.create(
            new_session(questionnaire, kind, "Acme [red]Gate[/red]", interviewee="Dana",
                        role="Lead", now=moment)
        )  # fmt: skip

        def clock(at: datetime = moment) -> datetime:  # this turn's moment, bound now
            return at

        interview = Interview(questionnaire, session, on_change=store.save, clock=clock)
        interview.answer("Gateway and cloud")
        if kind is SessionKind.ASSESSMENT:
            interview.answer(YES, note="Seen the RACI\x1b[2J")
    return store.folder


def cli(folder: Path, questionnaire: Path, *args: str) -> list[str]:
    return [*args, "--sessions-dir", str(folder), "--questionnaire", str(questionnaire)]


def test_list_shows_most_recent_first(
    folder: Path,
    small_questionnaire_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("interview.cli.output.PIPE_WIDTH", 200)  # one row per session
    assert main(cli(folder, small_questionnaire_path, "list")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "ID",
        "KIND",
        "SYSTEM",
        "INTERVIEWEE",
        "PRACTICES",
        "LAST",
        "CHANGE",
    ]
    assert lines[1].startswith("acme-red-gate-red-assessment-2026-11-25  ")
    assert "Acme [red]Gate[/red]" in lines[1]
    assert "2026-11-25 10:00 UTC" in lines[1]
    assert lines[2].startswith("acme-red-gate-red-target-2026-11-25  ")


def test_list_json(
    folder: Path, small_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(cli(folder, small_questionnaire_path, "list", "--json")) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["format_version"] == 2
    sessions = listed["sessions"]
    assert [s["kind"] for s in sessions] == ["assessment", "target"]
    assert sessions[0]["practices_total"] == 3
    assert sessions[0]["finished"] is False


def test_list_names_a_broken_file_and_still_lists_the_rest(
    folder: Path, small_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "broken.toml").write_text("kind = 'target'\nanswers = 3\n")
    assert main(cli(folder, small_questionnaire_path, "list")) == 2
    captured = capsys.readouterr()
    assert "acme-red-gate-red-target-2026-11-25" in captured.out
    assert captured.err.startswith(f"smm: {folder / 'broken.toml'}")


def test_list_of_a_folder_of_unreadable_files_does_not_call_it_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "broken.toml").write_text("garbage =\n", encoding="utf-8")
    assert main(["list", "--sessions-dir", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"smm: {folder / 'broken.toml'}:1: not valid TOML")


def test_list_of_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--sessions-dir", str(tmp_path / "none")]) == 0
    assert "No sessions" in capsys.readouterr().out


def test_show_prints_answers_notes_and_levels_safely(
    folder: Path, small_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = cli(
        folder, small_questionnaire_path, "show", "acme-red-gate-red-assessment-2026-11-25"
    )
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Acme [red]Gate[/red] — self-assessment (acme-red-gate-red-assessment-2026-11-25)"
    )
    assert "D1.1  Practice — 1 Minimum, scope not yet known (not finished)" in out
    assert "    → Yes" in out
    assert "    note: Seen the RACI\\x1b[2J" in out
    assert "\x1b" not in out


def test_show_json(
    folder: Path, small_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = cli(
        folder,
        small_questionnaire_path,
        "show",
        "acme-red-gate-red-assessment-2026-11-25",
        "--json",
    )
    assert main(arguments) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["levels"]["D1.1"]["comprehensiveness"] == 1
    answer = next(a for a in data["answers"] if a["question"] == "D1.1.c1.1")
    assert (answer["label"], answer["note"]) == ("Yes", "Seen the RACI\x1b[2J")


def test_show_an_unknown_session_is_one_line_exit_2(
    folder: Path, small_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(cli(folder, small_questionnaire_path, "show", "nope")) == 2
    assert (
        capsys.readouterr().err
        == f"smm: nope: no such session in {folder}; see `smm list` (or pass --sessions-dir)\n"
    )


def test_a_crashed_interview_exits_1_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Textual returns nothing after a crash; smm must not then say all is well, and says
    where the session is and where the details went, in one line."""
    from interview.tui import app as tui_app

    path = tmp_path / "rig-assessment.toml"
    fake_app(monkeypatch, tui_app.ExitReport("rig-assessment", path), crash=KeyError("x"))
    assert main(["new", "assessment", "--system", "Rig", "--sessions-dir", str(tmp_path)]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.count("\n") == 1 and "unexpected error (KeyError)" in printed.err
    assert f"saved in {path}: `smm resume rig-assessment` carries on" in printed.err
    log = Path(printed.err.split("details in ")[1].strip())
    assert "KeyError" in log.read_text()
    log.unlink()


def test_changes_not_saved_exit_1_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from interview.tui import app as tui_app

    path = tmp_path / "rig-assessment.toml"
    unsaved = "cannot save the session (No space left on device)"
    report = tui_app.ExitReport("rig-assessment", path, unsaved=unsaved)
    fake_app(monkeypatch, report, returns=report)
    assert main(["new", "assessment", "--system", "Rig", "--sessions-dir", str(tmp_path)]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""  # not "Saved: ..."
    assert printed.err == (
        "smm: NOT SAVED: the last changes to rig-assessment could not be written "
        f"({unsaved}); {path} holds the last save that succeeded\n"
    )


def test_a_browser_tab_that_went_away_is_no_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """``smm serve``: the tab closed, the driver's pipe broke; as before, exit 0 in silence."""
    from interview.tui import app as tui_app

    class GoneApp:
        return_code = 0
        crash = None

        def __init__(self, *_: object, **__: object) -> None:
            pass

        def run(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(tui_app, "SmmApp", GoneApp)
    monkeypatch.setattr("os.dup2", lambda *_: None)  # main would silence pytest's own output
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["new", "assessment", "--system", "Rig", "--sessions-dir", str(tmp_path)]) == 0
    assert capfd.readouterr().err == ""


def test_list_fits_80_columns_when_piped(
    folder: Path, small_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(cli(folder, small_questionnaire_path, "list")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and max(len(line) for line in lines) <= 80, lines
