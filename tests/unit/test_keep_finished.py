"""A finished session's file stays finished while the interview only moves around in it."""

from datetime import UTC, datetime
from pathlib import Path

from interview.engine.finished import KeepFinished
from interview.questionnaire import load_questionnaire
from interview.session.model import Phase, Session, SessionKind, new_session

NOW = datetime(2026, 11, 25, 9, tzinfo=UTC)


def finished(small_questionnaire_path: Path) -> Session:
    questionnaire = load_questionnaire(small_questionnaire_path)
    session = new_session(questionnaire, SessionKind.ASSESSMENT, "Rig", now=NOW)
    session.phase = Phase.DONE
    return session


def test_moving_writes_nothing_and_a_change_writes_and_reopens(
    small_questionnaire_path: Path,
) -> None:
    session = finished(small_questionnaire_path)
    saved: list[Phase] = []
    told: list[str] = []
    keep = KeepFinished(
        lambda s: saved.append(s.phase), session, lambda _: told.append("reopened"),
        lambda _: told.append("browsing"),
    )  # fmt: skip
    session.phase, session.cursor.question = Phase.INTERVIEW, "D1.1.c1"
    keep(session)
    keep(session)
    assert saved == [] and told == ["browsing"] and keep.browsing
    session.skipped.append("D1.1.c1")
    keep(session)
    assert saved == [Phase.INTERVIEW] and told == ["browsing", "reopened"]
    assert not keep.browsing
    keep(session)
    assert saved == [Phase.INTERVIEW, Phase.INTERVIEW]


def test_finishing_again_is_written_and_guards_again(small_questionnaire_path: Path) -> None:
    session = finished(small_questionnaire_path)
    session.phase = Phase.REVIEW
    saved: list[Phase] = []
    keep = KeepFinished(lambda s: saved.append(s.phase), session)
    keep(session)
    session.phase = Phase.DONE
    keep(session)
    session.phase = Phase.REVIEW
    keep(session)
    assert saved == [Phase.REVIEW, Phase.DONE]
