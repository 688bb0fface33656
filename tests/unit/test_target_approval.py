"""Approving a finished target: the two optional fields of the session file (both or neither,
read back as written), the engine's approve, and what every target report says of it."""

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tomli_w

from interview.engine.approval import approval_refusal, approve
from interview.engine.interview import Interview
from interview.errors import InputError
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.render.formats import write_document
from interview.render.json_output import report_json
from interview.render.session_document import session_document
from interview.session.model import (
    Origin,
    Phase,
    Session,
    SessionKind,
    TargetSession,
    TargetSetting,
    new_session,
)
from interview.session.store import SessionStore
from interview.target_review import NOT_APPROVED, review_target
from interview.tui.target_report import open_in_browser, write_report_file

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
NAME = "Dana\u00a0Whit\u200dfield [b]CEO[/b]"
"""A name with a non-breaking space, a zero-width joiner and what looks like markup."""


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


def finished_target(questionnaire: Questionnaire, goal: int = 3) -> TargetSession:
    """A done target: every domain's goal set, so that every practice has a target."""
    session = new_session(questionnaire, SessionKind.TARGET, "Rig", interviewee="Dana", now=NOW)
    session.id = "rig-target"
    session.targets = {
        domain_id: TargetSetting(comprehensiveness=goal, scope=1, origin=Origin.GOAL)
        for domain_id in questionnaire.domains
    }
    session.phase = Phase.DONE
    return session


def engine_for(questionnaire: Questionnaire, session: Session) -> tuple[Interview, list[Session]]:
    saves: list[Session] = []
    engine = Interview(
        questionnaire,
        session,
        on_change=lambda s: saves.append(s.model_copy(deep=True)),
        clock=lambda: NOW,
    )
    return engine, saves


# --- The file ----------------------------------------------------------------------------------


def test_an_approval_is_written_and_read_back_as_given(
    tmp_path: Path, small: Questionnaire
) -> None:
    store = SessionStore(tmp_path)
    session = finished_target(small)
    session.approved_by, session.approved_at = NAME, NOW
    store.create(session, "rig-target")
    read = store.load("rig-target", small).session
    assert isinstance(read, TargetSession)
    assert (read.approved_by, read.approved_at) == (NAME, NOW)
    text = (tmp_path / "rig-target.toml").read_text("utf-8")
    assert "approved_at = 2026-11-25 09:30:00+00:00" in text


def test_a_target_without_the_fields_reads_as_not_approved(
    tmp_path: Path, small: Questionnaire
) -> None:
    store = SessionStore(tmp_path)
    store.create(finished_target(small), "rig-target")
    assert "approved" not in (tmp_path / "rig-target.toml").read_text("utf-8")
    read = store.load("rig-target", small).session
    assert isinstance(read, TargetSession)
    assert (read.approved_by, read.approved_at) == (None, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"approved_by": "Dana"}, "approved_by and approved_at go together"),
        ({"approved_at": NOW}, "approved_by and approved_at go together"),
        ({"approved_by": "  ", "approved_at": NOW}, "approved_by is empty"),
    ],
)
def test_half_an_approval_is_refused_in_one_line(
    tmp_path: Path, small: Questionnaire, changes: dict[str, object], message: str
) -> None:
    store = SessionStore(tmp_path)
    store.create(finished_target(small), "rig-target")
    path = tmp_path / "rig-target.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    path.write_text(tomli_w.dumps({**data, **changes}), "utf-8")
    with pytest.raises(InputError) as raised:
        store.load("rig-target", small)
    [line] = raised.value.lines
    assert line.startswith(f"{path}:") and message in line


def test_half_an_approval_is_never_written(tmp_path: Path, small: Questionnaire) -> None:
    store = SessionStore(tmp_path)
    session = store.create(finished_target(small), "rig-target")
    before = (tmp_path / "rig-target.toml").read_text("utf-8")
    assert isinstance(session, TargetSession)
    session.approved_by = "Dana"
    with pytest.raises(InputError, match="go together"):
        store.save(session)
    assert (tmp_path / "rig-target.toml").read_text("utf-8") == before


def test_an_assessment_has_no_approval(tmp_path: Path, small: Questionnaire) -> None:
    store = SessionStore(tmp_path)
    store.create(new_session(small, SessionKind.ASSESSMENT, "Rig", now=NOW), "rig")
    path = tmp_path / "rig.toml"
    data = tomllib.loads(path.read_text("utf-8"))
    path.write_text(tomli_w.dumps({**data, "approved_by": "Dana"}), "utf-8")
    with pytest.raises(InputError, match="approved_by: a target's key, not an assessment"):
        store.read("rig")


# --- The engine ----------------------------------------------------------------------------


def test_approving_records_who_and_when_and_saves(small: Questionnaire) -> None:
    engine, saves = engine_for(small, finished_target(small))
    assert approve(engine, f"  {NAME} ", NOW).accepted
    session = engine.session
    assert isinstance(session, TargetSession)
    assert (session.approved_by, session.approved_at) == (NAME, NOW)
    assert isinstance(saves[-1], TargetSession) and saves[-1].approved_by == NAME


def test_only_a_finished_target_with_every_level_set_is_approved(small: Questionnaire) -> None:
    session = finished_target(small)
    session.phase = Phase.REVIEW
    engine, saves = engine_for(small, session)
    assert approve(engine, "Dana", NOW).refused == "only a finished target can be approved"
    unset = finished_target(small)
    del unset.targets["F"]
    engine, saves = engine_for(small, unset)
    assert approval_refusal(engine) == "set the target of F1.1 first: it is not set yet"
    engine, saves = engine_for(small, finished_target(small))
    assert approve(engine, " \u00a0", NOW).refused == "the approver's name is needed"
    assessment = new_session(small, SessionKind.ASSESSMENT, "Rig", now=NOW)
    assessment.phase = Phase.DONE
    engine, _ = engine_for(small, assessment)
    assert approve(engine, "Dana", NOW).refused == "only a finished target can be approved"
    assert saves == []


# --- The reports -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["text", "md", "html"])
def test_every_target_report_says_whether_it_is_approved(small: Questionnaire, form: str) -> None:
    session = finished_target(small)
    assert NOT_APPROVED in write_document(session_document(small, session), form)
    session.approved_by, session.approved_at = "Dana Whitfield", NOW
    shown = write_document(session_document(small, session), form)
    assert "Approved by Dana Whitfield on 2026-11-25 09:30 UTC" in shown
    assert NOT_APPROVED not in shown


def test_the_html_report_shows_the_name_as_text(small: Questionnaire) -> None:
    session = finished_target(small)
    session.approved_by, session.approved_at = "<b>Dana</b> & co", NOW
    page = write_document(session_document(small, session), "html")
    assert "Approved by &lt;b&gt;Dana&lt;/b&gt; &amp; co on 2026-11-25 09:30 UTC" in page


@pytest.mark.parametrize("form", ["text", "md", "html"])
def test_every_target_report_gives_the_warnings(small: Questionnaire, form: str) -> None:
    session = finished_target(small, goal=4)  # 3 practices at 4: more than 1 in 3
    shown = write_document(session_document(small, session), form)
    assert "Level 4 in 3 of 3 practices" in shown
    calm = write_document(session_document(small, finished_target(small, goal=3)), form)
    assert "Level 4 in" not in calm
    assert "No warnings: level 4 in 1 practice or fewer" in calm


def test_the_json_report_holds_the_approval_and_the_warnings(small: Questionnaire) -> None:
    session = finished_target(small, goal=4)
    data = json.loads(report_json(small, session))
    assert data["approval"] is None
    assert [(w["kind"], w["practices"]) for w in data["warnings"]] == [
        ("many-top-levels", ["D1.1", "D1.2", "F1.1"])
    ]
    session.approved_by, session.approved_at = "Dana", NOW
    data = json.loads(report_json(small, session))
    assert data["approval"] == {
        "approved_by": "Dana",
        "approved_at": "2026-11-25T09:30:00+00:00",
        "changed_since": False,
    }


def test_an_assessment_report_has_no_approval(small: Questionnaire) -> None:
    assessment = new_session(small, SessionKind.ASSESSMENT, "Rig", now=NOW)
    data = json.loads(report_json(small, assessment))
    assert (data["approval"], data["warnings"]) == (None, [])
    text = write_document(session_document(small, assessment), "text")
    assert "Approval" not in text and NOT_APPROVED not in text


# --- The report from the overview -------------------------------------------------------------


def test_the_overview_writes_the_html_report(tmp_path: Path, small: Questionnaire) -> None:
    session = finished_target(small)
    session.approved_by, session.approved_at = "Dana", NOW
    review = review_target(small, session, None)
    path = write_report_file(small, session, None, review, tmp_path)
    assert path == tmp_path / "rig-target.html"
    assert "Approved by Dana on 2026-11-25 09:30 UTC" in path.read_text("utf-8")


class FakeBrowser:
    def __init__(self, name: str) -> None:
        self.name = name
        self.opened: list[str] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return True


def test_a_report_opens_in_a_graphical_browser_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    path = tmp_path / "r.html"
    graphical, terminal = FakeBrowser("firefox"), FakeBrowser("/usr/bin/w3m")
    monkeypatch.setattr(webbrowser, "get", lambda: graphical)
    assert open_in_browser(path) and graphical.opened == [path.resolve().as_uri()]
    monkeypatch.setattr(webbrowser, "get", lambda: terminal)
    assert not open_in_browser(path) and terminal.opened == []

    def none() -> object:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    assert not open_in_browser(path)
