"""Levels from answers: the one place where the SMM's scoring rules live. Pure functions.

Assessment (current state): comprehensiveness by the staircase rule, scope by two ordered
questions. Target: the domain goal, refined by the sub-domain needs, refined by the practice
purpose; each value says where it came from. See docs/QUESTIONNAIRE.md for the rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from interview.questionnaire.engine_ids import (
    goal_question_id,
    goal_scope_question_id,
    purpose_question_id,
    purpose_reason_question_id,
)
from interview.questionnaire.engine_ids import (  # re-exported for the gap analysis
    industry_scope_question_id as industry_scope_question_id,
)
from interview.questionnaire.engine_ids import (
    system_scope_question_id as system_scope_question_id,
)
from interview.questionnaire.levels import TARGET_LEVELS, parse_scoped_level
from interview.questionnaire.model import (
    IndicatorQuestion,
    NeedsOption,
    Practice,
    QuestionKind,
    Questionnaire,
    needs_adjustment,
    needs_level,
)
from interview.questionnaire.variants import roles_of
from interview.session.model import (
    DONT_KNOW,
    NOT_APPLICABLE,
    YES,
    AnswerValue,
    AssessmentSession,
    Origin,
    TargetSession,
    TargetSetting,
)

Answers = Mapping[str, AnswerValue]


# --- Assessment: the staircase ---------------------------------------------------------------


def answer_level(question: IndicatorQuestion, level_number: int, value: AnswerValue) -> int:
    """The highest comprehensiveness that one answer supports (L-1 when it misses level L)."""
    if value == DONT_KNOW or not isinstance(value, str):
        return level_number - 1
    if value == NOT_APPLICABLE:  # "not applicable here": met, for an assessor to confirm
        return 4 if question.allow_not_applicable else level_number - 1
    if question.kind is QuestionKind.YES_NO:
        return 4 if value == YES else level_number - 1
    chosen = next((option for option in question.options if option.id == value), None)
    return level_number - 1 if chosen is None else chosen.level


def level_answer(value: AnswerValue | None) -> int | None:
    """The level a goal, goal scope or purpose answer names ("1"-"4"), else None.

    These answers are level numbers, which the SMM fixes, not positions in a list; an
    earlier assessment's answers, offered again, are not checked, so anything else is None.
    """
    return _LEVEL_ANSWERS.get(value) if isinstance(value, str) else None


_LEVEL_ANSWERS = {str(level): level for level in TARGET_LEVELS}


def _level_questions(practice: Practice) -> Iterator[tuple[int, IndicatorQuestion]]:
    for level_number in sorted(practice.levels):
        for question in practice.levels[level_number].questions:
            yield level_number, question


def _supported_levels(practice: Practice, answers: Answers) -> list[tuple[int, int | None]]:
    """(question level, level its answer supports or None if unanswered), in asking order."""
    return [
        (
            level,
            None
            if question.id not in answers
            else answer_level(question, level, answers[question.id]),
        )
        for level, question in _level_questions(practice)
    ]


def assessed_comprehensiveness(practice: Practice, answers: Answers) -> int:
    """The highest L such that every question of levels 1..L is answered at L or above."""
    supported = _supported_levels(practice, answers)
    reached = 0
    for candidate in TARGET_LEVELS:
        relevant = [value for level, value in supported if level <= candidate]
        if all(value is not None and value >= candidate for value in relevant):
            reached = candidate
        else:
            break
    return reached


def staircase_questions(practice: Practice, answers: Answers) -> list[str]:
    """The ids of the level questions that apply given the answers so far, in order.

    Level L is asked when every level below it is met and no answer so far rules L out; the
    first answer that misses its level ends the staircase (the rest of that level is moot).
    """
    supported = _supported_levels(practice, answers)
    asked: list[str] = []
    for level_number in sorted(practice.levels):
        below = [value for level, value in supported if level < level_number]
        if any(value is None or value < level_number for value in below):
            break
        for question in practice.levels[level_number].questions:
            asked.append(question.id)
            value = answers.get(question.id)
            if value is not None and answer_level(question, level_number, value) < level_number:
                return asked
    return asked


def scope_questions(practice_id: str, comprehensiveness: int, answers: Answers) -> list[str]:
    """The scope questions that apply: none at level 0; "system" only after "industry" yes."""
    if comprehensiveness == 0:
        return []
    industry = industry_scope_question_id(practice_id)
    if answers.get(industry) == YES:
        return [industry, system_scope_question_id(practice_id)]
    return [industry]


def assessed_scope(practice_id: str, comprehensiveness: int, answers: Answers) -> int | None:
    """1 General, 2 Industry specific, 3 System specific; None at comprehensiveness 0 (n/a)
    and while a scope question that applies is still unanswered. "Don't know" counts as no."""
    industry = answers.get(industry_scope_question_id(practice_id))
    system = answers.get(system_scope_question_id(practice_id))
    if comprehensiveness == 0 or industry is None:
        return None
    if industry != YES:
        return 1
    if system is None:
        return None
    return 3 if system == YES else 2


@dataclass(frozen=True)
class CurrentLevel:
    """A practice's assessed level; ``complete`` is False while questions remain unanswered."""

    comprehensiveness: int
    scope: int | None
    complete: bool


def assess_practice(practice_id: str, practice: Practice, answers: Answers) -> CurrentLevel:
    """The current level of one practice from its answers."""
    comprehensiveness = assessed_comprehensiveness(practice, answers)
    asked = staircase_questions(practice, answers)
    asked += scope_questions(practice_id, comprehensiveness, answers)
    return CurrentLevel(
        comprehensiveness=comprehensiveness,
        scope=assessed_scope(practice_id, comprehensiveness, answers),
        complete=all(question_id in answers for question_id in asked),
    )


# --- Target: goal, needs, purpose -------------------------------------------------------------


@dataclass(frozen=True)
class TargetLevel:
    """A target value and where it came from. ``comprehensiveness`` None: not applicable."""

    comprehensiveness: int | None
    scope: int | None
    origin: Origin
    reason: str = ""

    @property
    def not_applicable(self) -> bool:
        """Marked not applicable (as opposed to not set yet, while a target is in progress)."""
        return self.comprehensiveness is None and self.origin is not Origin.INHERITED

    @property
    def applicable(self) -> bool:
        return not self.not_applicable


def domain_setting(
    questionnaire: Questionnaire, domain_id: str, answers: Answers
) -> TargetSetting | None:
    """Step 1: the goal statement chosen for a domain (None until goal and scope are answered)."""
    goal = level_answer(answers.get(goal_question_id(domain_id)))
    scope = level_answer(answers.get(goal_scope_question_id(domain_id)))
    if goal is None or scope is None:
        return None
    statement = questionnaire.domains[domain_id].goal.statements.get(goal, "")
    return TargetSetting(comprehensiveness=goal, scope=scope, origin=Origin.GOAL, reason=statement)


def chosen_needs(
    questionnaire: Questionnaire, subdomain_id: str, answers: Answers
) -> list[NeedsOption]:
    """The needs options chosen so far for a sub-domain."""
    return [
        option
        for question in questionnaire.subdomains[subdomain_id].needs
        for option in question.options
        if option.id == answers.get(question.id)
    ]


def subdomain_setting(
    questionnaire: Questionnaire, subdomain_id: str, inherited: TargetLevel, answers: Answers
) -> TargetSetting | None:
    """Step 2: the sub-domain's explicit setting from its needs, or None when they keep it."""
    if inherited.comprehensiveness is None or inherited.scope is None:
        return None
    chosen = chosen_needs(questionnaire, subdomain_id, answers)
    change, scope_at_least = needs_adjustment(chosen)
    comprehensiveness = needs_level(inherited.comprehensiveness, chosen)
    scope = max(inherited.scope, scope_at_least or 1)
    if (comprehensiveness, scope) == (inherited.comprehensiveness, inherited.scope):
        return None
    movers = [
        option.label
        for option in chosen
        if (comprehensiveness != inherited.comprehensiveness and option.change * change > 0)
        or (option.scope_at_least or 0) > inherited.scope
    ]
    return TargetSetting(
        comprehensiveness=comprehensiveness,
        scope=scope,
        origin=Origin.NEEDS,
        reason=" ".join(movers),
    )


def practice_setting(
    practice_id: str, inherited: TargetLevel, answers: Answers, note: str | None = None
) -> TargetSetting | None:
    """Step 3: the practice's explicit setting from its purpose answer and its reason (the
    answer's note; sessions from before 0.2 kept it as an answer of its own), or None when
    the answer keeps the inherited level without a word.

    A keep with a reason is a setting of origin ``inherited`` and no levels: the practice
    still follows its sub-domain, and the reason travels with it.
    """
    purpose = answers.get(purpose_question_id(practice_id))
    legacy = answers.get(purpose_reason_question_id(practice_id), "")
    reason = note or (legacy if isinstance(legacy, str) else "")
    if purpose == NOT_APPLICABLE:
        return TargetSetting(
            comprehensiveness=None, scope=None, origin=Origin.PURPOSE, reason=reason
        )
    chosen = parse_scoped_level(purpose) if isinstance(purpose, str) else None
    if chosen is not None:
        level, scope = chosen[0], chosen[1] or inherited.scope
        if (level, scope) != (inherited.comprehensiveness, inherited.scope):
            return TargetSetting(
                comprehensiveness=level, scope=scope, origin=Origin.PURPOSE, reason=reason
            )
    if reason and purpose is not None:
        return TargetSetting(origin=Origin.INHERITED, reason=reason)
    return None


def resolve_target(setting: TargetSetting | None, inherited: TargetLevel) -> TargetLevel:
    """An explicit setting wins over the inherited value; inherited values say so."""
    if setting is None or setting.origin is Origin.INHERITED:  # a keep, with its reason
        reason = setting.reason if setting else inherited.reason
        return TargetLevel(inherited.comprehensiveness, inherited.scope, Origin.INHERITED, reason)
    if setting.origin is Origin.PURPOSE and setting.comprehensiveness is None:
        return TargetLevel(None, None, Origin.PURPOSE, setting.reason)
    return TargetLevel(setting.comprehensiveness, setting.scope, setting.origin, setting.reason)


UNSET = TargetLevel(None, None, Origin.INHERITED, "")


def target_levels(
    questionnaire: Questionnaire, settings: Mapping[str, TargetSetting]
) -> dict[str, TargetLevel]:
    """Every domain's, sub-domain's and practice's target, from the explicit settings.

    Children without a setting of their own inherit from their parent; so changing a domain's
    goal moves only the children that inherit it.
    """
    levels: dict[str, TargetLevel] = {}
    for domain_id in questionnaire.domains:
        domain = resolve_target(settings.get(domain_id), UNSET)
        levels[domain_id] = domain
        for subdomain_id in questionnaire.subdomain_ids(domain_id):
            subdomain = resolve_target(settings.get(subdomain_id), domain)
            levels[subdomain_id] = subdomain
            for practice_id in questionnaire.practice_ids(subdomain_id):
                levels[practice_id] = resolve_target(settings.get(practice_id), subdomain)
    return levels


# --- A whole session -------------------------------------------------------------------------


def target_levels_of(
    questionnaire: Questionnaire, session: TargetSession
) -> dict[str, TargetLevel]:
    """A target session's levels by item id, interviewed or imported alike."""
    return target_levels(questionnaire, session.targets)


def current_levels_of(
    questionnaire: Questionnaire, session: AssessmentSession
) -> dict[str, CurrentLevel]:
    """An assessment's practice levels: as given when imported, else from the answers."""
    if session.imported_from is not None:
        return {
            practice_id: imported_level(session, practice_id)
            for practice_id in questionnaire.practice_ids()
        }
    answers = {question_id: answer.value for question_id, answer in session.answers.items()}
    roles = roles_of(answers)
    return {
        practice_id: assess_practice(
            practice_id, questionnaire.practice_for(practice_id, roles), answers
        )
        for practice_id in questionnaire.practice_ids()
    }


def imported_level(session: AssessmentSession, practice_id: str) -> CurrentLevel:
    """One practice's level in an imported assessment (0 and unfinished when it has none)."""
    record = session.imported_levels.get(practice_id)
    if record is None or record.comprehensiveness is None:
        return CurrentLevel(comprehensiveness=0, scope=None, complete=False)
    return CurrentLevel(record.comprehensiveness, record.scope, record.complete)
