"""Improvement cycles: an assessment started from the previous one, and baseline acceptance.

On the small questionnaire, the first assessment reaches D1.1 3/2 (yes, "Yes, and more.", yes;
industry yes, system no), D1.2 0, F1.1 1/1 (yes, "Not yet."; industry no).
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.engine import views
from interview.engine.interview import Interview
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import (
    NO,
    YES,
    AssessmentSession,
    Phase,
    SessionKind,
    as_assessment,
    new_session,
    start_from_previous,
)
from interview.session.store import SessionStore

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
FIRST = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
FIRST_ANSWERS = ["scope", YES, "yes-more", YES, YES, NO, NO, YES, "not-yet", NO]


@pytest.fixture
def small() -> Questionnaire:
    return load_questionnaire(SMALL)


def finish(interview: Interview, answers: list[str]) -> None:
    for value in answers:
        interview.answer(value)
        if interview.phase is Phase.PRACTICE_SUMMARY:
            interview.continue_interview()
    interview.finish_interview()


def first_assessment(small: Questionnaire, store: SessionStore) -> AssessmentSession:
    session = as_assessment(
        store.create(
            new_session(
                small, SessionKind.ASSESSMENT, "Rig", interviewee="Ana", role="Eng", now=FIRST
            )
        )
    )
    finish(Interview(small, session, on_change=store.save, clock=lambda: FIRST), FIRST_ANSWERS)
    return session


def test_a_new_assessment_offers_every_earlier_answer(small: Questionnaire, tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    first = first_assessment(small, store)
    second = new_session(
        small, SessionKind.ASSESSMENT, "Rig", interviewee="Bo", role="Eng", now=LATER
    )
    start_from_previous(second, first)
    interview = Interview(small, second, clock=lambda: LATER)

    assert interview.suggested_value("system_scope") == "scope"
    interview.answer("scope")
    prompt = interview.current()
    assert prompt is not None and prompt.question_id == "D1.1.c1.1"
    assert "Last time (2026-05-01): Yes" in prompt.detail
    assert interview.suggested_value("D1.1.c1.1") == YES
    assert (
        views.progress(interview.questionnaire, interview.session).answered == 4
    )  # earlier answers count only once confirmed

    # D1.1 as before; D1.2 now 1/1; F1.1 now 1/2 (industry-tailored this time)
    finish(interview, [YES, "yes-more", YES, YES, NO, YES, "not-yet", NO, YES, "not-yet", YES, NO])
    summary = views.summary_of(
        interview.questionnaire, interview.session, "D1.2", interview.linked_targets
    )
    assert summary.previous is not None and summary.previous.comprehensiveness == 0
    changes = {
        change.practice_id: (change.before.comprehensiveness, change.now.comprehensiveness)
        for change in views.changes_since_previous(interview.questionnaire, interview.session)
    }
    assert changes == {"D1.2": (0, 1), "F1.1": (1, 1)}  # F1.1 scope 1 → 2


def test_accepting_a_baseline_needs_a_finished_assessment(
    small: Questionnaire, tmp_path: Path
) -> None:
    store = SessionStore(tmp_path)
    first = first_assessment(small, store)
    interview = Interview(small, store.load(first.id, small).session, clock=lambda: LATER)
    interview.accept_as_baseline()
    assert as_assessment(interview.session).accepted_as_baseline == LATER

    unfinished = Interview(small, new_session(small, SessionKind.ASSESSMENT, "Rig"))
    refused = unfinished.accept_as_baseline().refused
    assert refused is not None and "only a finished self-assessment" in refused


def test_smm_accept(
    small: Questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(tmp_path)
    first = first_assessment(small, store)
    arguments = ["accept", first.id, "--sessions-dir", str(tmp_path), "--questionnaire", str(SMALL)]
    assert main(arguments) == 0
    assert "accepted as the new baseline" in capsys.readouterr().out
    assert as_assessment(store.read(first.id)).accepted_as_baseline is not None


def test_smm_accept_refuses_a_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = load_questionnaire(SMALL)
    target = SessionStore(tmp_path).create(new_session(small, SessionKind.TARGET, "Rig"))
    arguments = [
        "accept",
        target.id,
        "--sessions-dir",
        str(tmp_path),
        "--questionnaire",
        str(SMALL),
    ]
    assert main(arguments) == 2
    assert "only a finished self-assessment" in capsys.readouterr().err
