"""The JSON of ``smm list --json`` and ``smm show --json``, as typed output models."""

from __future__ import annotations

from typing import Literal

from interview.render.json_models import FORMAT_VERSION, FormatVersion, Output


class ListedSession(Output):
    """One session as ``smm list`` shows it."""

    id: str
    kind: Literal["target", "assessment"]
    system: str
    interviewee: str
    role: str
    phase: str
    finished: bool
    practices_done: int
    practices_total: int
    answered: int
    created: str
    """ISO 8601, with the offset the session was saved with."""
    updated: str


class SessionListJson(Output):
    """``smm list --json``: the readable sessions, most recent first."""

    format_version: FormatVersion = FORMAT_VERSION
    sessions: list[ListedSession]


class QuestionnaireUsed(Output):
    id: str
    version: str
    content_hash: str


class RecordedLevel(Output):
    """A level as the session records it, and where it came from."""

    comprehensiveness: int | None
    scope: int | None
    applicable: bool
    origin: str
    reason: str | None
    complete: bool


class ShownAnswer(Output):
    question: str
    text: str
    value: str | list[str]
    """The answer as stored: an option id, yes, no, dont_know, or the text typed."""
    label: str
    """The answer as a person reads it."""
    note: str | None
    ask: str | None
    """Who can answer a question answered "don't know"; null otherwise or when nobody was named."""
    answered_at: str


class SessionShowJson(Output):
    """``smm show --json``: one session's answers, notes and levels."""

    format_version: FormatVersion = FORMAT_VERSION
    id: str
    kind: Literal["target", "assessment"]
    system: str
    interviewee: str
    role: str
    phase: str
    created: str
    updated: str
    questionnaire: QuestionnaireUsed
    target_session: str | None
    imported_from: str | None
    notices: list[str]
    levels: dict[str, RecordedLevel]
    answers: list[ShownAnswer]
