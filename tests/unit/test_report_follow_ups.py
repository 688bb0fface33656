"""``smm report`` of a target lists its "don't know" answers as "Follow-ups: questions to ask",
each with where it belongs and who can answer it, in every format; ``smm show`` says whom to ask.

The target ``pump`` (small questionnaire): D goal 2, scope 1; the D1 needs question "don't
know", ask ``<b>Jo</b> [bold]Smith`` (markup-like, to be shown as typed); D1.1 purpose "don't
know", nobody named; everything else answered.
"""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.questionnaire import load_questionnaire
from interview.render.json_models import SessionReportJson
from interview.session.model import DONT_KNOW, KEEP, SessionKind, new_session
from interview.session.store import SessionStore
from tests.helpers.cli_gap import QUESTIONNAIRE, smm

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
JO = "<b>Jo</b> [bold]Smith"
HEADING = "Follow-ups: questions to ask"
NEEDS = "D1: Sub-domain: Threats?"
PURPOSE = "D1.1: Practice: does it need more, less or the same as its sub-domain, or not apply?"


def pump_target(folder: Path, *, dont_know: bool = True) -> str:
    """The target described above (or, without ``dont_know``, the same with real answers)."""
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    store = SessionStore(folder)
    session = store.create(new_session(questionnaire, SessionKind.TARGET, "Pump", now=NOW))
    interview = Interview(questionnaire, session, on_change=store.save, clock=lambda: NOW)
    for value in ("", "Dana", "Owner", "2", "1"):
        interview.answer(value)
    interview.answer(DONT_KNOW if dont_know else "same", ask=JO if dont_know else None)
    interview.answer(DONT_KNOW if dont_know else KEEP)
    for value in (KEEP, "2", "1", "same", KEEP):  # D1.2; F goal and scope; F1 needs; F1.1
        assert interview.answer(value).accepted
    interview.finish_interview()
    return session.id


def report(folder: Path, capsys: pytest.CaptureFixture[str], session_id: str, form: str) -> str:
    assert smm(folder, "report", session_id, "--format", form) == 0
    return capsys.readouterr().out


@pytest.mark.usefixtures("wide_output")
def test_the_text_report_lists_the_follow_ups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = report(tmp_path, capsys, pump_target(tmp_path), "text")
    after = text[text.index(HEADING) :]
    assert after.index(NEEDS) < after.index(JO) < after.index(PURPOSE)
    assert "nobody named" in after[after.index(PURPOSE) :]
    assert text.index("Levels") < text.index(HEADING)


def test_the_markdown_report_lists_the_follow_ups_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = report(tmp_path, capsys, pump_target(tmp_path), "md")
    assert f"## {HEADING}" in markdown.splitlines()
    assert r"\<b\>Jo\</b\> \[bold\]Smith" in markdown  # escaped: shown as typed
    assert "nobody named" in markdown


def test_the_html_report_lists_the_follow_ups_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = report(tmp_path, capsys, pump_target(tmp_path), "html")
    assert 'id="follow-ups"' in html
    assert HEADING in html
    assert "&lt;b&gt;Jo&lt;/b&gt; [bold]Smith" in html and JO not in html
    assert "nobody named" in html


def test_the_json_report_lists_the_follow_ups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(report(tmp_path, capsys, pump_target(tmp_path), "json"))
    SessionReportJson.model_validate(data)
    assert data["follow_ups"] == [
        {
            "question": "D1.needs.threats",
            "text": "Sub-domain: Threats?",
            "where": "D1",
            "ask": JO,
            "note": None,
        },
        {
            "question": "@D1.1.purpose",
            "text": PURPOSE.removeprefix("D1.1: "),
            "where": "D1.1",
            "ask": None,
            "note": None,
        },
    ]


def test_a_target_without_dont_know_has_no_follow_ups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = pump_target(tmp_path, dont_know=False)
    assert HEADING not in report(tmp_path, capsys, session_id, "text")
    assert json.loads(report(tmp_path, capsys, session_id, "json"))["follow_ups"] == []


def test_show_says_whom_to_ask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session_id = pump_target(tmp_path)
    assert smm(tmp_path, "show", session_id) == 0
    assert f"→ Don't know — ask {JO}" in capsys.readouterr().out
    assert smm(tmp_path, "show", session_id, "--json") == 0
    answers = {item["question"]: item for item in json.loads(capsys.readouterr().out)["answers"]}
    assert answers["D1.needs.threats"]["ask"] == JO
    assert answers["D1.needs.threats"]["label"] == f"Don't know — ask {JO}"
    assert answers["@D1.1.purpose"]["ask"] is None


def test_html_keeps_the_spaces_and_joiners_people_type() -> None:
    from interview.render.html_page import text

    assert text("Jo\u00a0Smith\u200d <b>") == "Jo\u00a0Smith\u200d &lt;b&gt;"
    assert text("a\u202eb\x1b") == "a\\u202eb\\x1b"  # bidi and control characters: escaped
