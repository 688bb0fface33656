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
from interview.questionnaire.model import IndicatorQuestion, Level, QuestionKind, Questionnaire
from interview.questionnaire.variants import roles_of, sector_of, to_do_questions, to_do_text
from interview.scoring import answer_level
from interview.session.model import DONT_KNOW, NOT_APPLICABLE, AssessmentSession

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
    imported as levels only (its answers are unknown, so every step stays in the roadmap)."""
    if not sessions or any(session.imported_from is not None for session in sessions):
        return None
    merged: dict[str, Finding] = {}
    caps: dict[str, Cap] = {}
    for session in sessions:
        answers = {key: answer.value for key, answer in session.answers.items()}
        roles = roles_of(answers)
        for practice_id in questionnaire.practice_ids():
            practice = questionnaire.practice_for(practice_id, roles)
            for number, level in practice.levels.items():
                for question in level.questions:
                    finding = _finding(question, number, answers.get(question.id))
                    merged[question.id] = _worse(merged.get(question.id), finding)
                    cap = _cap(question, number, answers.get(question.id))
                    if cap and (practice_id not in caps or cap.level < caps[practice_id].level):
                        caps[practice_id] = cap
    sectors = [sector_of({k: a.value for k, a in s.answers.items()}) for s in sessions]
    return Findings(merged, caps, next((sector for sector in sectors if sector), None))


def _finding(question: IndicatorQuestion, number: int, value: object) -> Finding:
    if not isinstance(value, str):
        return Finding(None)
    if value == DONT_KNOW:
        return Finding(number - 1, dont_know=True)
    return Finding(answer_level(question, number, value), not_applicable=value == NOT_APPLICABLE)


def _worse(first: Finding | None, second: Finding) -> Finding:
    if first is None:
        return second
    levels = [first.supported, second.supported]
    return Finding(
        None if None in levels else min(level for level in levels if level is not None),
        first.dont_know or second.dont_know,
        first.not_applicable or second.not_applicable,
    )


def _cap(question: IndicatorQuestion, number: int, value: object) -> Cap | None:
    """A met choice whose option supports less than level 4 caps the practice there."""
    if question.kind is not QuestionKind.CHOICE or not isinstance(value, str):
        return None
    option = next((option for option in question.options if option.id == value), None)
    if option is None or not number <= option.level < HIGHEST_COMPREHENSIVENESS:
        return None
    return Cap(question.text, option.label, option.level)
