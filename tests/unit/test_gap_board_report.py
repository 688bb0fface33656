"""The gap report handed on (issue 16): an executive summary first, document control, and
nothing the interviewees said hidden: "don't know" answers listed and their levels marked, N/A
justifications listed for confirmation, the assessor's notes and the owner's reasons shown."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from interview.cli import main
from interview.questionnaire import load_questionnaire
from interview.render.control import approval_line
from interview.session.store import SessionStore
from tests.helpers.report_sessions import (
    ASSESSMENT_DONT_KNOW,
    DONT_KNOW_NOTE,
    EVIDENCE_NOTE,
    GOAL_REASON,
    NA_JUSTIFICATION,
    TARGET_DONT_KNOW,
    TARGET_NA_REASON,
    WHO_TO_ASK,
    pump_sessions,
)

TEXT_FORMATS = ("text", "md", "html")


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    scratch = tmp_path_factory.mktemp("pump")
    folder = scratch / "sessions"
    folder.mkdir()
    return (folder, *pump_sessions(folder, scratch))


def gap(sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], *options: str) -> str:
    folder, target, current = sessions
    capsys.readouterr()
    assert main(["gap", target, current, "--sessions-dir", str(folder), *options]) == 0
    return " ".join(capsys.readouterr().out.split())  # prose is wrapped in text


@pytest.mark.parametrize("form", TEXT_FORMATS)
def test_nothing_the_interviewees_said_is_hidden(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], form: str
) -> None:
    shown = gap(sessions, capsys, "--format", form).replace("\\", "")  # Markdown escapes
    for said in (
        DONT_KNOW_NOTE,  # the assessment's "don't know", with its note
        WHO_TO_ASK,  # the target's "don't know", with whom to ask
        NA_JUSTIFICATION,  # an assessment's N/A
        TARGET_NA_REASON,  # a practice the target leaves out
        EVIDENCE_NOTE,  # the assessor's evidence
        GOAL_REASON,  # the owner's reason for a domain goal
    ):
        assert said in shown, said
    assert 'Follow-ups: questions answered "don' in shown.replace("&quot;", '"')
    assert "Not applicable, to confirm" in shown
    assert "0/- †" in shown or "0 None †" in shown  # G1.2 rests on its "don't know"


@pytest.mark.usefixtures("wide_output")
def test_the_executive_summary_comes_first_and_puts_the_dont_knows_first(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = gap(sessions, capsys)
    summary = text[text.index("Executive summary") : text.index("Sessions compared")]
    assert text.index("Executive summary") < text.index("Heat map")
    assert "falls short of the target in 2 of 17 applicable practices" in summary
    assert '1. Answer the 2 questions answered "don\'t know"' in summary
    assert f"the gap of {ASSESSMENT_DONT_KNOW[:4]} rests on them" in summary
    assert "2. G1.2 Compliance Management: reach 1 Minimum" in summary
    assert "nothing is in place yet" in summary
    assert "Levels to reach: first, next, later: 2, 2, 1" in summary


def test_document_control_takes_the_options(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    options = ("--classification", "Confidential: Acme", "--prepared-by", "Ed Moss")
    text = gap(sessions, capsys, *options)
    assert "Prepared by: Ed Moss" in text
    assert "Classification: Confidential: Acme" in text
    assert "Approved by: not approved" in text
    assert "Made with: smm " in text
    default = gap(sessions, capsys)
    assert "Prepared by: Ann Lee" in default and "Classification" not in default


def test_the_printed_page_has_its_paper_classification_and_page_numbers(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = 'Secret" } body { display: none } </style><script>'
    page = gap(
        sessions, capsys, "--format", "html", "--paper", "letter", "--classification", hostile
    )
    style = page[page.index("@media print { @page { size: letter;") :]
    style = style[: style.index("</style>")]
    assert 'counter(page) " of " counter(pages)' in style
    assert "@top-center" in style and "<script>" not in style and '}"' not in style
    assert "Secret\\22 " in style  # the quote is a CSS escape, not the end of the string
    assert "docs/" not in page


def test_no_repository_path_in_any_text_format(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    for form in TEXT_FORMATS:
        assert "docs/" not in gap(sessions, capsys, "--format", form)


def test_json_and_csv_carry_the_follow_ups_and_the_marks(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, target, current = sessions
    capsys.readouterr()
    assert main(["gap", target, current, "--sessions-dir", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    asked = {(item["side"], item["question"], item["ask"]) for item in data["follow_ups"]}
    assert asked == {
        ("target", TARGET_DONT_KNOW, WHO_TO_ASK),
        ("current", ASSESSMENT_DONT_KNOW, None),
    }
    marks = {p["id"]: p["rests_on_dont_know"] for p in data["practices"]}
    assert marks["G1.2"] == ["target", "current"] and marks["E1.1"] == []
    assert [(item["practice"], item["phase"]) for item in data["roadmap"]] == [
        ("G1.2", "first"),
        ("E1.1", "first"),
    ]
    assert main(["gap", target, current, "--sessions-dir", str(folder), "--format", "csv"]) == 0
    rows = {line.split(",")[0]: line for line in capsys.readouterr().out.splitlines()}
    assert rows["G1.2"].endswith(",large,no,target;current")
    assert rows["E1.1"].endswith(",large,no,")


def test_session_reports_have_document_control_and_mark_their_dont_knows(
    sessions: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, target, current = sessions
    for session, approval, marked in ((target, True, "2 Ad hoc †"), (current, False, "0 None †")):
        capsys.readouterr()
        assert main(["report", session, "--sessions-dir", str(folder), "--prepared-by", "Ed"]) == 0
        text = " ".join(capsys.readouterr().out.split())
        assert "Document control: Report date: " in text and "Prepared by: Ed" in text
        assert ("Approved by: not approved" in text) is approval
        assert 'Follow-ups: questions to ask These questions were answered "don' in text
        assert "†" in text and "docs/" not in text
        arguments = ["report", session, "--sessions-dir", str(folder), "--format", "html"]
        assert main(arguments) == 0
        assert marked in capsys.readouterr().out  # G1.2, in the levels table


def test_an_approval_is_named_with_its_day_and_said_to_be_stale_after_a_change(
    sessions: tuple[Path, str, str],
) -> None:
    folder, target, _ = sessions
    questionnaire = load_questionnaire(None)
    session = SessionStore(folder).load(target, questionnaire).session
    assert approval_line(session).startswith("not approved")
    last = max(answer.answered_at for answer in session.answers.values())
    approved = session.model_copy(update={"approved_by": "Dana Whitfield", "approved_at": last})
    assert approval_line(approved) == f"Dana Whitfield, {last.date().isoformat()} (the target)"
    earlier = last - timedelta(days=1)
    stale = session.model_copy(update={"approved_by": "Dana", "approved_at": earlier})
    assert approval_line(stale).endswith("; the target changed after this approval")
