"""The session file format: one TOML file per interview, as pydantic models.

A session is a target (:class:`TargetSession`) or an assessment (:class:`AssessmentSession`),
told apart by its ``kind`` key. Both hold every answer (the source of truth), where the
interview stands (phase and cursor) and, for people who read the file, the levels derived from
the answers, recomputed on every save and never read back as a record. A target also holds the
explicit target settings made during its interview; an assessment the cycle it belongs to and,
when imported, the levels as given (``imported_levels``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Final, Literal, overload

from pydantic import (
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from interview.filemodel import FileModel, Lax, Moment, utc_now
from interview.questionnaire.levels import Comprehensiveness, Scope, TargetComprehensiveness
from interview.questionnaire.model import Questionnaire
from interview.session.limits import CURSOR_RULE, BoundedText, value_too_long

SESSION_SCHEMA_VERSION: Final = 3
"""3: a target and an assessment are different models, told apart by ``kind``, and an
imported assessment's levels are in ``imported_levels`` (2 kept them in ``levels``, which is
now always derived). 2: choice answers are option ids and the engine's own questions are
``@``-prefixed (1 stored option positions and unprefixed ids). :mod:`.migrations` upgrades."""

# Answer values with a fixed meaning.
YES = "yes"
NO = "no"
DONT_KNOW = "dont_know"
KEEP = "keep"
NOT_APPLICABLE = "na"

SessionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
AnswerValue = str | list[str]


class SessionKind(StrEnum):
    TARGET = "target"
    ASSESSMENT = "assessment"


class Phase(StrEnum):
    """The conversation phases; where in the model the interview is lives in the cursor."""

    CONTEXT = "context"
    INTERVIEW = "interview"
    PRACTICE_SUMMARY = "practice_summary"
    REVIEW = "review"
    DONE = "done"


class QuestionnaireRef(FileModel):
    """Which questionnaire the answers belong to; the hash detects a changed questionnaire."""

    id: str
    version: str
    content_hash: str


class Answer(FileModel):
    value: AnswerValue
    """yes / no / dont_know; an option's id for choice and needs questions; a level ("1"-"4")
    for a domain goal (scope "1"-"3"); a level, keep or na for a practice's target purpose;
    free text; or a list of values."""
    note: BoundedText | None = None
    """Evidence, a link or a comment attached to the answer."""
    ask: BoundedText | None = None
    """Who can answer the question, for a "don't know" answer only (a follow-up for the
    report); None when nobody was named. Files written before it simply lack it."""
    answered_at: Moment

    @field_validator("value")
    @classmethod
    def _value_within_bound(cls, value: AnswerValue) -> AnswerValue:
        if (problem := value_too_long(value)) is not None:
            raise PydanticCustomError(CURSOR_RULE, problem)
        return value


class Cursor(FileModel):
    """Where the interview stands within its phase; which field applies depends on the phase
    (checked by :meth:`Session.cursor_fits_phase`)."""

    question: str | None = None
    """The question being asked, in the context and interview phases (none yet: the next
    open question is found on resume)."""
    practice: str | None = None
    """The practice just finished, in the practice-summary phase (required there)."""


def cursor_problem(phase: Phase, cursor: Cursor) -> str | None:
    """What is wrong with a cursor in a phase, if anything: each phase has its own field."""
    if phase is Phase.PRACTICE_SUMMARY:
        if cursor.question is not None or not cursor.practice:
            return (
                "the practice_summary phase needs cursor.practice (the practice just finished) "
                'and no cursor.question; set it, or set phase to "interview"'
            )
        return None
    if cursor.practice is not None:
        return f'cursor.practice is only for the practice_summary phase, not "{phase}"; remove it'
    if phase in (Phase.REVIEW, Phase.DONE) and cursor.question is not None:
        return f'the "{phase}" phase has no current question; remove cursor.question'
    return None


class Origin(StrEnum):
    GOAL = "goal"
    """Set by the domain goal (target step 1)."""
    NEEDS = "needs"
    """Moved by the sub-domain needs (target step 2)."""
    PURPOSE = "purpose"
    """Set by the practice purpose (target step 3)."""
    INHERITED = "inherited"
    """Taken from the level above, unchanged."""
    ASSESSED = "assessed"
    """Found by the self-assessment questions."""
    IMPORTED = "imported"
    """Taken as given from an imported file (``smm import``), not from answers."""
    PROFILE = "profile"
    """Taken from the target profile the interview started from, and kept."""


class TargetSetting(FileModel):
    """A target value set explicitly for a domain, sub-domain or practice."""

    comprehensiveness: TargetComprehensiveness | None = None
    """None means not applicable (practices only)."""
    scope: Scope | None = None
    origin: Annotated[Origin, Lax]
    reason: BoundedText = ""


class LevelRecord(FileModel):
    """A practice's level: derived from the answers and written for people who read the file,
    or, in an imported session, the level as given (origin ``imported``)."""

    comprehensiveness: Comprehensiveness | None = None
    scope: Scope | None = None
    applicable: bool = True
    origin: Annotated[Origin, Lax]
    reason: BoundedText | None = None
    complete: bool = True


class SessionBase(FileModel):
    """What every session holds, whatever its kind."""

    schema_version: Literal[3] = SESSION_SCHEMA_VERSION
    kind: Annotated[SessionKind, Lax]
    """Which of the two the session is; each subclass narrows it to its own (the tag)."""
    questionnaire: QuestionnaireRef
    system: BoundedText
    """The system of interest's name, also in the context answers; repeated here for lists."""
    interviewee: BoundedText = ""
    role: BoundedText = ""
    created: Moment
    updated: Moment
    phase: Annotated[Phase, Lax] = Phase.CONTEXT
    cursor: Cursor = Field(default_factory=Cursor, validate_default=True)
    skipped: list[str] = Field(default_factory=list)
    """Question ids skipped for now; they come back in the review."""
    answers: dict[str, Answer] = Field(default_factory=dict)
    """Every answer, keyed by question id."""
    imported_from: str | None = None
    """The name of the file an imported session came from (``smm import``): its levels are
    taken as given (a target's in ``targets``, an assessment's in ``imported_levels``)."""
    levels: dict[str, LevelRecord] = Field(default_factory=dict)
    """Derived from the answers (or the imported levels) on every save, for people who read
    the file; never read back as a record."""

    id: SessionId = Field(default="", exclude=True)
    """The file's stem; not stored in the file, so that a renamed file stays consistent."""
    _outside_file: Path | None = PrivateAttr(default=None)

    @property
    def outside_file(self) -> Path | None:
        """The file outside the sessions folder it was read from and is saved to (set by the
        store): its stem may be the id of another session, in the folder."""
        return self._outside_file

    @outside_file.setter
    def outside_file(self, file: Path) -> None:
        self._outside_file = file

    @property
    def reference(self) -> str:
        """How commands name the session: its id, or its file outside the sessions folder."""
        return self.id if self._outside_file is None else str(self._outside_file)

    @field_validator("cursor")
    @classmethod
    def cursor_fits_phase(cls, cursor: Cursor, info: ValidationInfo) -> Cursor:
        """A cursor that does not fit the phase would leave the interview nowhere to resume."""
        phase = info.data.get("phase")
        problem = None if phase is None else cursor_problem(phase, cursor)
        if problem is not None:
            raise PydanticCustomError(CURSOR_RULE, problem)
        return cursor

    def answer_value(self, question_id: str) -> AnswerValue | None:
        """The value answered to a question, or None when it has no answer."""
        answer = self.answers.get(question_id)
        return None if answer is None else answer.value


class TargetSession(SessionBase):
    """A target interview: the levels the system should reach."""

    kind: Literal[SessionKind.TARGET] = SessionKind.TARGET
    targets: dict[str, TargetSetting] = Field(default_factory=dict)
    """Explicit settings by domain, sub-domain or practice id."""
    profile: str | None = None
    """The id of the target profile this target started from, if any."""
    profile_targets: dict[str, TargetSetting] = Field(default_factory=dict)
    """The profile's own values, kept so that "keep" can return to them."""
    approved_by: str | None = None
    """Who approved the target ("Finish and approve"), as typed; set with ``approved_at``."""
    approved_at: Moment | None = Field(default=None, validate_default=True)
    """When the target was approved. An answer given later makes the approval stale, which
    the reports say (:func:`interview.target_review.approval_of`); it is kept, not cleared."""

    @field_validator("approved_at")
    @classmethod
    def approval_is_whole(
        cls, approved_at: datetime | None, info: ValidationInfo
    ) -> datetime | None:
        """An approval names who and when: one without the other says nothing."""
        if "approved_by" not in info.data:  # refused already, with its own message
            return approved_at
        approved_by = info.data["approved_by"]
        if (approved_at is None) != (approved_by is None):
            raise PydanticCustomError(
                CURSOR_RULE,
                "approved_by and approved_at go together; give both (who approved the target, "
                "and when) or remove both",
            )
        if approved_by is not None and not approved_by.strip():
            raise PydanticCustomError(
                CURSOR_RULE, "approved_by is empty; give the approver's name or remove the approval"
            )
        return approved_at


class AssessmentSession(SessionBase):
    """A self-assessment: the levels the system has now."""

    kind: Literal[SessionKind.ASSESSMENT] = SessionKind.ASSESSMENT
    target_session: SessionId | None = None
    """The id of the target session it is compared with, if any."""
    previous_session: SessionId | None = None
    """The earlier assessment it started from, if any (an improvement cycle)."""
    previous_answers: dict[str, Answer] = Field(default_factory=dict)
    """The earlier assessment's answers, offered for confirmation; not counted until confirmed."""
    accepted_as_baseline: Moment | None = None
    """When this assessment was accepted as the new baseline (the "act" of plan-do-check-act)."""
    imported_levels: dict[str, LevelRecord] = Field(default_factory=dict)
    """An imported assessment's practice levels as given: the record, not derived."""

    @field_validator("imported_levels")
    @classmethod
    def imported_levels_need_a_source(
        cls, levels: dict[str, LevelRecord], info: ValidationInfo
    ) -> dict[str, LevelRecord]:
        """Levels taken as given must say where they were taken from."""
        if levels and info.data.get("imported_from") is None:
            raise PydanticCustomError(
                CURSOR_RULE,
                "imported_levels are only for an imported assessment; add imported_from "
                "(the file they came from) or remove them",
            )
        return levels


Session = Annotated[TargetSession | AssessmentSession, Field(discriminator="kind")]
"""A session file: the ``kind`` key says which of the two it is."""

TARGET_ONLY_KEYS: Final = frozenset(
    TargetSession.model_fields.keys() - AssessmentSession.model_fields.keys()
)
"""Keys of a target session file that an assessment's does not have."""
ASSESSMENT_ONLY_KEYS: Final = frozenset(
    AssessmentSession.model_fields.keys() - TargetSession.model_fields.keys()
)
"""Keys of an assessment session file that a target's does not have."""


@overload
def new_session(
    questionnaire: Questionnaire,
    kind: Literal[SessionKind.TARGET],
    system: str,
    *,
    interviewee: str = "",
    role: str = "",
    now: datetime | None = None,
) -> TargetSession: ...
@overload
def new_session(
    questionnaire: Questionnaire,
    kind: Literal[SessionKind.ASSESSMENT],
    system: str,
    *,
    interviewee: str = "",
    role: str = "",
    now: datetime | None = None,
) -> AssessmentSession: ...
@overload
def new_session(
    questionnaire: Questionnaire,
    kind: SessionKind,
    system: str,
    *,
    interviewee: str = "",
    role: str = "",
    now: datetime | None = None,
) -> Session: ...
def new_session(
    questionnaire: Questionnaire,
    kind: SessionKind,
    system: str,
    *,
    interviewee: str = "",
    role: str = "",
    now: datetime | None = None,
) -> Session:
    """A session that has not been asked anything yet but the system's name."""
    started = now or utc_now()
    model = TargetSession if kind is SessionKind.TARGET else AssessmentSession
    session = model(
        questionnaire=QuestionnaireRef(
            id=questionnaire.id,
            version=questionnaire.version,
            content_hash=questionnaire.content_hash,
        ),
        system=system,
        interviewee=interviewee,
        role=role,
        created=started,
        updated=started,
    )
    for question_id, value in (
        ("system_name", system),
        ("interviewee_name", interviewee),
        ("interviewee_role", role),
    ):
        if value:
            session.answers[question_id] = Answer(value=value, answered_at=started)
    return session


def start_from_previous(session: AssessmentSession, previous: AssessmentSession) -> None:
    """Offer an earlier assessment's answers in a new one, to confirm or change one by one."""
    session.previous_session = previous.id
    session.previous_answers = {
        question_id: answer.model_copy()
        for question_id, answer in previous.answers.items()
        if question_id != "system_name"
    }
    if session.target_session is None:
        session.target_session = previous.target_session


def as_target(session: Session) -> TargetSession:
    """The session, which the caller chose as a target; TypeError (a bug) if it is not one."""
    if not isinstance(session, TargetSession):
        raise TypeError(f"{session.id}: expected a target session, got an assessment")
    return session


def as_assessment(session: Session) -> AssessmentSession:
    """The session, which the caller chose as an assessment; TypeError (a bug) if it is not."""
    if not isinstance(session, AssessmentSession):
        raise TypeError(f"{session.id}: expected an assessment session, got a target")
    return session


def compared_target(session: Session) -> str | None:
    """The id of the target session an assessment is compared with; None for a target."""
    return session.target_session if isinstance(session, AssessmentSession) else None


def is_finished(session: Session) -> bool:
    """Closed by its interview, or imported (imported sessions are always finished)."""
    return session.phase is Phase.DONE
