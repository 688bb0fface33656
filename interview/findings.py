"""What the assessments' answers say about each question, for the roadmap: which to-do steps
are still open, which "not applicable" answers an assessor must confirm, and which choice held
a practice down. Pure functions.

Several interviewees are merged question by question, pessimistically, as their levels are:
a step is done only when every assessment that was asked its questions met them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interview.questionnaire.levels import HIGHEST_COMPREHENSIVENESS, comprehensiveness_label
from interview.questionnaire.model import (
    IndicatorQuestion,
    Level,
    QuestionKind,
    Questionnaire,
    Role,
)
from interview.questionnaire.variants import roles_of, sector_of, to_do_questions, to_do_text
from interview.session.model import DONT_KNOW, NOT_APPLICABLE, YES, AssessmentSession

CONFIRM_PREFIX = "Confirm that this does not apply (answered not applicable): "


@dataclass(frozen=True)
class Finding:
    """One question over the assessments that were asked it."""

    supported: int | None
    """The lowest level the answers support; None while any of them is unanswered."""
    dont_know: bool = False
    not_applicable: bool = False


@dataclass(frozen=True)
class Cap:
    """A choice whose answer holds a practice below level 4."""

    question: str
    option: str
    level: int

    def sentence(self) -> str:
        return (
            f"Held at {comprehensiveness_label(self.level)} by the answer "
            f"\u201c{self.option}\u201d to \u201c{self.question}\u201d"
        )


@dataclass(frozen=True)
class Findings:
    by_question: Mapping[str, Finding]
    """Questions asked of at least one assessment's role; the others are not the system's."""
    caps: Mapping[str, Cap]
    """Practice id → the choice that holds it down, if one does."""
    sector: str | None = None
    """The sector the assessments were made in: its examples are shown first."""

    def open_steps(self, level: Level, number: int) -> tuple[str, ...]:
        """The level's to-do steps still to take: a step linked to questions is left out when
        every one that applies was met at this level; one resting on "not applicable" is kept,
        worded as a confirmation; a step for another role only is left out."""
        steps: list[str] = []
        for entry in level.to_do:
            linked = [q for q in to_do_questions(entry) if q in self.by_question]
            if to_do_questions(entry) and not linked:
                continue  # only other roles' questions test it
            findings = [self.by_question[q] for q in linked]
            if linked and all(_done(finding, number) for finding in findings):
                if any(finding.not_applicable for finding in findings):
                    steps.append(CONFIRM_PREFIX + to_do_text(entry))
                continue
            steps.append(to_do_text(entry))
        return tuple(steps)


def _done(finding: Finding, number: int) -> bool:
    return finding.supported is not None and finding.supported >= number and not finding.dont_know


def findings_of(
    questionnaire: Questionnaire, sessions: Sequence[AssessmentSession]
) -> Findings | None:
    """The findings of interviewed assessments; None when there are none, or when any was
    imported as levels only (its answers are unknown, so every step stays in the roadmap).

    This runs over every question of every merged assessment (1,000 interviewees in the
    benchmarks), so each answer costs one dictionary lookup: see :func:`asked_questions`."""
    if not sessions or any(session.imported_from is not None for session in sessions):
        return None
    supported: dict[str, int | None] = {}
    dont_know: set[str] = set()
    not_applicable: set[str] = set()
    caps: dict[str, Cap] = {}
    asked: dict[frozenset[Role], list[Asked]] = {}
    sector: str | None = None
    for session in sessions:
        answers = {key: answer.value for key, answer in session.answers.items()}
        sector = sector or sector_of(answers)
        roles = roles_of(answers)
        if roles not in asked:
            asked[roles] = asked_questions(questionnaire, roles)
        for item in asked[roles]:
            value = answers.get(item.question.id)
            question_id = item.question.id
            if not isinstance(value, str):
                supported[question_id] = None
                continue
            level = item.levels.get(value, item.number - 1)
            earlier = supported.get(question_id, HIGHEST_COMPREHENSIVENESS)
            supported[question_id] = None if earlier is None else min(earlier, level)
            if value == DONT_KNOW:
                dont_know.add(question_id)
            elif value == NOT_APPLICABLE:
                not_applicable.add(question_id)
            if item.caps and item.number <= level < HIGHEST_COMPREHENSIVENESS:
                cap = _cap(item, value, level)
                if item.practice_id not in caps or level < caps[item.practice_id].level:
                    caps[item.practice_id] = cap
    merged = {
        question_id: Finding(level, question_id in dont_know, question_id in not_applicable)
        for question_id, level in supported.items()
    }
    return Findings(merged, caps, sector)


@dataclass(frozen=True)
class Asked:
    """A question asked of some roles, with the level each answer supports."""

    practice_id: str
    number: int
    question: IndicatorQuestion
    levels: Mapping[str, int]
    """Answer → the level it supports; any other answer (no, don't know) supports L-1.
    The same values as :func:`interview.scoring.answer_level` (a test compares them)."""
    caps: bool
    """A choice question, whose answer may hold the practice below 4."""


def asked_questions(questionnaire: Questionnaire, roles: frozenset[Role]) -> list[Asked]:
    """Every question these roles are asked, in order, with its answers' levels."""
    asked = []
    for practice_id in questionnaire.practice_ids():
        practice = questionnaire.practice_for(practice_id, roles)
        for number, level in practice.levels.items():
            for question in level.questions:
                levels = {option.id: option.level for option in question.options}
                if question.kind is QuestionKind.YES_NO:
                    levels = {YES: HIGHEST_COMPREHENSIVENESS}
                if question.allow_not_applicable:
                    levels[NOT_APPLICABLE] = HIGHEST_COMPREHENSIVENESS
                choice = question.kind is QuestionKind.CHOICE
                asked.append(Asked(practice_id, number, question, levels, choice))
    return asked


def _cap(item: Asked, value: str, level: int) -> Cap:
    """The choice that holds the practice at ``level`` (below 4, yet meeting its own level)."""
    option = next(option for option in item.question.options if option.id == value)
    return Cap(item.question.text, option.label, level)
