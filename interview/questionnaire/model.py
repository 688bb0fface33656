"""The questionnaire file format, as pydantic models.

A questionnaire file is TOML. Its top-level tables are keyed by id (``domains.G``,
``subdomains.G1``, ``practices."G1.1"``), so that every problem can be reported by a dotted
key such as ``practices.G1.1.levels.3.questions``. Order in the file is the order of the
interview. The field docstrings below are the reference for people who write questionnaires.

Cross-references (parents that exist, levels 1-4 present, unique question ids, ...) are checked
by :mod:`interview.questionnaire.checks`, which reports each problem by its dotted key.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from interview.questionnaire.levels import Comprehensiveness, Scope

T = TypeVar("T")

SCHEMA_VERSION = 2
"""2: every answer option of a choice or needs question has an ``id`` (1 had positions)."""

SECTOR_QUESTION_ID = "industry"
"""The context question whose answer selects the examples shown first (a sector's value)."""

Identifier = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
]
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
"""A domain's, sub-domain's or practice's id: the key of its table, so not stripped (two keys
that differ in spaces only would otherwise become one)."""
QuestionId = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^@?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
]
"""An identifier, or one in the engine's reserved namespace (``@...``), which the schema lets
through so that :mod:`interview.questionnaire.checks` can say why it is refused."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class StrictModel(BaseModel):
    """Base for every part of the file: unknown keys are refused, values are immutable. Lax, as
    lists become tuples and keys levels; each number and boolean is strict (``strict=True``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)


# --- Context: asked first in every interview -----------------------------------------------


class ContextKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"


class ContextOption(StrictModel):
    value: Identifier
    """What is stored in the session file."""
    label: Text
    """What the interviewee reads."""


class ContextQuestion(StrictModel):
    id: QuestionId
    """Stored with the answer; ``system_name``, ``interviewee_name`` and ``interviewee_role``
    are required because sessions are named and listed by them."""
    kind: ContextKind
    prompt: Text
    help: Text
    """Shown on "why is this asked?"."""
    required: bool = Field(default=True, strict=True)
    placeholder: str = ""
    """An example answer shown in an empty text field."""
    options: tuple[ContextOption, ...] = ()
    """For ``choice`` and ``multi_choice`` only."""
    allow_other: bool = Field(default=False, strict=True)
    """Whether a choice question also accepts free text ("Other: ...")."""


# --- Self-assessment: indicator questions per level ----------------------------------------


class Role(StrEnum):
    """Who can meet a question: the organisation that makes the devices or software, or the
    one that runs the system. An organisation that does both answers both sets."""

    MAKER = "maker"
    OPERATOR = "operator"


EVERY_ROLE: tuple[Role, ...] = (Role.MAKER, Role.OPERATOR)


class Example(StrictModel):
    """An example that fits some sectors only; a plain string is an example for any sector."""

    text: Text
    sectors: tuple[Identifier, ...] = Field(min_length=1)
    """Values of the ``industry`` context question's options."""


ExampleEntry = Text | Example


class ToDo(StrictModel):
    """One step towards a level, and the questions whose "yes" shows it was taken."""

    text: Text
    questions: tuple[QuestionId, ...] = Field(min_length=1)
    """Ids of this practice's questions; the roadmap shows the step until they are met."""


ToDoEntry = Text | ToDo
"""A plain string is a step linked to no question: the roadmap always shows it."""


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"


class AnswerOption(StrictModel):
    id: Identifier
    """Stored in the session as the answer; unique within its question. Keep it when the
    label is reworded or the options reordered, so that saved answers keep their meaning."""
    label: Text
    level: Comprehensiveness
    """The highest comprehensiveness level this answer supports. For a question of level L,
    a value below L means "level L is not met"; L or above means met, up to that level."""


class IndicatorQuestion(StrictModel):
    id: QuestionId
    """Unique in the questionnaire; by convention ``<practice>.c<level>.<n>`` (``G1.1.c2.1``)."""
    text: Text
    """A question an engineer answers from facts, not opinion."""
    kind: QuestionKind = QuestionKind.YES_NO
    """``yes_no``: yes meets the level, no does not. ``choice``: each option names a level."""
    options: tuple[AnswerOption, ...] = ()
    """For ``choice`` only."""
    evidence: str = ""
    """What an assessor would ask to see before accepting "yes"."""
    roles: tuple[Role, ...] = Field(default=EVERY_ROLE, min_length=1)
    """Who is asked: ``maker``, ``operator`` or both (the default). Each level needs at least
    one question for each role."""
    allow_not_applicable: bool = Field(default=False, strict=True)
    """Offer "not applicable here": it counts as met, needs a one-line justification from the
    user, and is listed in the reports for an assessor to confirm."""
    not_applicable_when: str = ""
    """When N/A is an honest answer, in one line; required with ``allow_not_applicable``."""
    examples: tuple[ExampleEntry, ...] = ()
    """Shown with the question; those of the interview's sector first."""


class Level(StrictModel):
    objective: Text
    """What this comprehensiveness level achieves for the practice, in one sentence."""
    to_do: tuple[ToDoEntry, ...] = Field(min_length=1)
    """What needs to be done to reach this level (beyond the levels below it), each step with
    the questions that test it."""
    indicators: tuple[Text, ...] = Field(min_length=1)
    """Indicators of achievement: what an assessor would see as evidence."""
    why: Text
    """Short help: why this level matters for this practice."""
    questions: tuple[IndicatorQuestion, ...] = Field(min_length=1)
    """Asked in order; the level is met when every question is met (the staircase rule)."""


class ScopeQuestion(StrictModel):
    text: Text
    """A yes/no question: is the practice tailored in this way?"""
    evidence: str = ""
    """What an assessor would ask to see before accepting "yes"."""
    examples: tuple[ExampleEntry, ...] = Field(min_length=1)
    """What "yes" looks like for this practice; those of the interview's sector first."""


class PracticeScope(StrictModel):
    industry: ScopeQuestion
    """Asked first: "yes" raises scope from General (1) to Industry specific (2)."""
    system: ScopeQuestion
    """Asked after a "yes" to ``industry``: "yes" raises scope to System specific (3)."""


class PurposeQuestion(StrictModel):
    text: Text
    """Target setting, step 3, in business language: does this practice need more, less or
    the same as its sub-domain, or does it not apply? A reason is always asked for."""
    help: Text


class Practice(StrictModel):
    subdomain: Identifier
    name: Text
    purpose: Text
    """What the practice is for, in a sentence or two."""
    why: Text
    """Short help: why the interview asks about this practice."""
    levels: dict[int, Level]
    """Comprehensiveness levels 1-4 (level 0, None, has no content)."""
    scope: PracticeScope
    target: PurposeQuestion


# --- Target setting: domain goals and sub-domain needs ---------------------------------------


class ScopeOption(StrictModel):
    scope: Scope
    label: Text


class DomainGoal(StrictModel):
    prompt: Text
    """Target setting, step 1: the question that introduces the four goal statements."""
    help: Text
    statements: dict[int, Text]
    """Goal statements keyed by the comprehensiveness level 1-4 they set for the domain."""
    scope_prompt: Text
    scope_options: tuple[ScopeOption, ...]
    """One option per scope level 1-3."""


class NeedsOption(StrictModel):
    id: Identifier
    """Stored in the session as the answer; unique within its question (see AnswerOption)."""
    label: Text
    change: int = Field(default=0, ge=-2, le=2, strict=True)
    """What this answer calls for: a lowering (any lowering lowers by one), 0 no change, +1
    raise, +2 raise by two (taken only when another answer raises too). In the shipped
    questionnaire compliance and regulator answers raise by 1 at most: they mainly decide
    scope. Combined by :func:`needs_adjustment`; clamped to 1-4."""
    scope_at_least: Scope | None = None
    """The narrowest scope this answer calls for, if any."""
    implied_by: tuple[Identifier, ...] = ()
    """Answers of the context question ``regulations`` that give this answer in advance
    (``none``: a regulations answer that names none of them; ``other``: a regulation typed
    in). The engine fills the question from the context; the user confirms or changes it."""


class NeedsTopic(StrEnum):
    THREATS = "threats"
    COMPLIANCE = "compliance"
    REGULATORS = "regulators"
    BUSINESS = "business"


class NeedsQuestion(StrictModel):
    id: QuestionId
    topic: NeedsTopic
    text: Text
    help: Text
    options: tuple[NeedsOption, ...] = Field(min_length=2)


class Domain(StrictModel):
    name: Text
    purpose: Text
    why: Text
    goal: DomainGoal


class SubDomain(StrictModel):
    domain: Identifier
    name: Text
    purpose: Text
    why: Text
    needs: tuple[NeedsQuestion, ...] = Field(min_length=1)
    """Target setting, step 2. Combined by the rule in :func:`needs_adjustment`."""


# --- The file -----------------------------------------------------------------------------


class Questionnaire(StrictModel):
    schema_version: Literal[2]
    """The version of this file format (not of the content)."""
    id: Identifier
    version: Text
    """The version of the content; sessions record it."""
    title: Text
    description: Text
    context: tuple[ContextQuestion, ...] = Field(min_length=1)
    domains: dict[ItemId, Domain] = Field(min_length=1)
    subdomains: dict[ItemId, SubDomain] = Field(min_length=1)
    practices: dict[ItemId, Practice] = Field(min_length=1)

    _content_hash: str = PrivateAttr(default="")
    _role_views: dict[tuple[str, frozenset[Role]], Practice] = PrivateAttr(default_factory=dict)
    _derived: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the content (not the formatting); set by the loader."""
        return self._content_hash

    def subdomain_ids(self, domain_id: str) -> list[str]:
        """The sub-domains of a domain, in file order."""
        return [sid for sid, sub in self.subdomains.items() if sub.domain == domain_id]

    def practice_ids(self, subdomain_id: str | None = None) -> list[str]:
        """The practices of a sub-domain (or all practices), in interview order."""
        ordered = [
            pid
            for did in self.domains
            for sid in self.subdomain_ids(did)
            for pid, practice in self.practices.items()
            if practice.subdomain == sid
        ]
        if subdomain_id is None:
            return ordered
        return [pid for pid in ordered if self.practices[pid].subdomain == subdomain_id]

    def domain_of(self, practice_id: str) -> str:
        """The domain id that a practice belongs to."""
        return self.subdomains[self.practices[practice_id].subdomain].domain

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """A value computed from the questionnaire once (it never changes): ``make()`` the
        first time, the same object after. Callers must not change what they get."""
        if key not in self._derived:
            self._derived[key] = make()
        return cast(T, self._derived[key])

    def level_question_ids(self) -> frozenset[str]:
        """The ids of every self-assessment question."""
        return self.derived(
            "level_question_ids",
            lambda: frozenset(
                question.id
                for practice in self.practices.values()
                for level in practice.levels.values()
                for question in level.questions
            ),
        )

    def practice_for(self, practice_id: str, roles: frozenset[Role]) -> Practice:
        """A practice with only the questions asked of these roles (computed once)."""
        key = (practice_id, roles)
        if key not in self._role_views:
            practice = self.practices[practice_id]
            levels = {
                number: level.model_copy(
                    update={"questions": tuple(q for q in level.questions if roles & set(q.roles))}
                )
                for number, level in practice.levels.items()
            }
            self._role_views[key] = practice.model_copy(update={"levels": levels})
        return self._role_views[key]

    def context_question(self, question_id: str) -> ContextQuestion | None:
        """The context question with that id, if any."""
        return next((q for q in self.context if q.id == question_id), None)


def needs_adjustment(chosen: list[NeedsOption]) -> tuple[int, int | None]:
    """Combine a sub-domain's needs answers into (comprehensiveness change, minimum scope).

    Raises do not pile up: any raise gives +1, and +2 only when an answer asks for +2 and
    another answer raises too (one pressing need confirmed by a second). When nothing raises,
    one answer that lowers is enough to lower by one: "no change" answers are neutral, they do
    not veto. The narrowest scope asked for wins. docs/QUESTIONNAIRE.md states the rule.
    """
    raises = [option.change for option in chosen if option.change > 0]
    lowers = [option.change for option in chosen if option.change < 0]
    if raises:
        change = MAX_RAISE if max(raises) >= MAX_RAISE and len(raises) >= 2 else 1
    elif lowers:
        change = -1
    else:
        change = 0
    scopes = [option.scope_at_least for option in chosen if option.scope_at_least is not None]
    return change, max(scopes) if scopes else None


MAX_RAISE = 2
"""The most a sub-domain's needs can raise the domain's level, and only when two answers raise."""

TOP_LEVEL = 4


def needs_level(inherited: int, chosen: list[NeedsOption]) -> int:
    """The sub-domain's comprehensiveness once its needs are applied to the inherited level.

    The top level (4 Formalized) is reached through the needs only when an answer calls for a
    two-level raise and another answer raises too (the same pair that gives +2): ordinary
    raises, however many, stop at 3, so that regulation, contracts and threats do not pile
    every practice up at the ceiling. A business owner can still choose 4 as the domain goal
    or for a practice.
    """
    change, _scope = needs_adjustment(chosen)
    level = min(TOP_LEVEL, max(1, inherited + change))
    if level == TOP_LEVEL and inherited < TOP_LEVEL and change < MAX_RAISE:
        return TOP_LEVEL - 1
    return level
