"""Which note a changed answer keeps: evidence about the question stays with it; a reason is
about the value it was given for, and is asked again for another."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.details import kept_note
from interview.engine.interview import Interview
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import Answer, SessionKind, new_session

WHEN = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


def test_evidence_stays_with_a_changed_answer_and_a_reason_does_not(small: Questionnaire) -> None:
    session = new_session(small, SessionKind.ASSESSMENT, "Pump", now=WHEN)
    prompt = Interview(small, session).current()
    assert prompt is not None
    session.answers[prompt.question_id] = Answer(value="a", note="ticket SEC-1", answered_at=WHEN)
    assert kept_note(session, prompt, "b", "") == "ticket SEC-1"  # the evidence is kept
    assert kept_note(session, prompt, "b", "new") == "new"  # a note given wins
    reasons = replace(prompt, needs_reason_for=frozenset({"a"}))
    assert kept_note(session, reasons, "b", "") is None  # "a"'s reason is not "b"'s
    assert kept_note(session, reasons, "a", "") == "ticket SEC-1"  # the same value keeps it
