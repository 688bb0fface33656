"""Keeping a session consistent with its questionnaire, from the file format alone.

Which answers a session may hold is a property of the file format (question ids, option ids,
levels), not of the prompts the engine shows, so it is decided here, without the engine.

Two cases. When the questionnaire is the one the session was saved with (same content hash),
every answer must belong to a question of it and be a valid answer to it, and the cursor must
name a question or practice of it: anything else means the file was damaged or edited by hand,
and it is refused. When the questionnaire has changed since, answers whose question and option
ids still exist are kept (a reordered or reworded option is no change), the others are
dropped, and the user is told what changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview.questionnaire.engine_ids import (
    goal_question_id,
    goal_scope_question_id,
    industry_scope_question_id,
    purpose_question_id,
    purpose_reason_question_id,
    system_scope_question_id,
)
from interview.questionnaire.levels import SCOPED_LEVELS
from interview.questionnaire.model import ContextKind, ContextQuestion, QuestionKind, Questionnaire
from interview.session.limits import text_too_long
from interview.session.model import (
    DONT_KNOW,
    KEEP,
    NO,
    NOT_APPLICABLE,
    YES,
    AnswerValue,
    Phase,
    QuestionnaireRef,
    Session,
    SessionKind,
    TargetSession,
)
from interview.tomlfile import Problem

YES_NO = frozenset({YES, NO})
PURPOSE_ANSWERS = frozenset({KEEP, NOT_APPLICABLE, "1", "2", "3", "4"}) | SCOPED_LEVELS
"""Every answer a purpose question can hold, whatever the inherited level offered when asked."""


@dataclass(frozen=True)
class AnswerRule:
    """What a question's answer may be; ``values`` None means free text."""

    values: frozenset[str] | None = None
    multiple: bool = False
    allow_other: bool = False
    allow_dont_know: bool = False
    required: bool = True

    def problem(self, value: AnswerValue) -> str | None:
        """None when the value is a valid answer; otherwise what is wrong with it."""
        if self.allow_dont_know and value == DONT_KNOW:
            return None
        if self.multiple:
            if not isinstance(value, list):
                return "choose a list of options"
            unknown = [item for item in value if self.values and item not in self.values]
            if unknown and not self.allow_other:
                return f"unknown option {unknown[0]!r}"
            return "choose at least one option" if self.required and not value else None
        if not isinstance(value, str):
            return "give one value"
        if self.values is not None and value not in self.values and not self.allow_other:
            return f"choose one of {', '.join(sorted(self.values))}"
        if self.required and not value.strip():
            return "an answer is needed here"
        return None


def answer_rules(questionnaire: Questionnaire, kind: SessionKind) -> dict[str, AnswerRule]:
    """Every question a session of this kind may answer, by id, with what it accepts (built
    once per questionnaire: a 1,000-practice one has 18,000 questions)."""
    return questionnaire.derived(f"answer_rules.{kind}", lambda: _answer_rules(questionnaire, kind))


def _answer_rules(questionnaire: Questionnaire, kind: SessionKind) -> dict[str, AnswerRule]:
    rules = {question.id: _context_rule(question) for question in questionnaire.context}
    if kind is SessionKind.TARGET:
        rules.update(_target_rules(questionnaire))
    else:
        rules.update(_assessment_rules(questionnaire))
    return rules


def _context_rule(question: ContextQuestion) -> AnswerRule:
    if question.kind is ContextKind.TEXT:
        return AnswerRule(required=question.required)
    return AnswerRule(
        values=frozenset(option.value for option in question.options),
        multiple=question.kind is ContextKind.MULTI_CHOICE,
        allow_other=question.allow_other,
        required=question.required,
    )


def _target_rules(questionnaire: Questionnaire) -> dict[str, AnswerRule]:
    rules: dict[str, AnswerRule] = {}
    for domain_id, domain in questionnaire.domains.items():
        statements = frozenset(str(level) for level in domain.goal.statements)
        scopes = frozenset(str(option.scope) for option in domain.goal.scope_options)
        rules[goal_question_id(domain_id)] = AnswerRule(values=statements, allow_dont_know=True)
        rules[goal_scope_question_id(domain_id)] = AnswerRule(values=scopes, allow_dont_know=True)
    for subdomain in questionnaire.subdomains.values():
        for need in subdomain.needs:
            options = frozenset(option.id for option in need.options)
            rules[need.id] = AnswerRule(values=options, allow_dont_know=True)
    for practice_id in questionnaire.practices:
        purpose = AnswerRule(values=PURPOSE_ANSWERS, allow_dont_know=True)
        rules[purpose_question_id(practice_id)] = purpose
        rules[purpose_reason_question_id(practice_id)] = AnswerRule(required=False)
    return rules


def _assessment_rules(questionnaire: Questionnaire) -> dict[str, AnswerRule]:
    rules: dict[str, AnswerRule] = {}
    yes_no = AnswerRule(values=YES_NO, allow_dont_know=True)
    for practice_id, practice in questionnaire.practices.items():
        for level in practice.levels.values():
            for question in level.questions:
                values = (
                    YES_NO
                    if question.kind is QuestionKind.YES_NO
                    else frozenset(option.id for option in question.options)
                )
                if question.allow_not_applicable:
                    values |= {NOT_APPLICABLE}
                rules[question.id] = AnswerRule(values=values, allow_dont_know=True)
        rules[industry_scope_question_id(practice_id)] = yes_no
        rules[system_scope_question_id(practice_id)] = yes_no
    return rules


def invalid_answers(session: Session, questionnaire: Questionnaire) -> dict[str, str]:
    """Answers that do not fit the questionnaire: question id → what is wrong."""
    rules = answer_rules(questionnaire, session.kind)
    level_ids = questionnaire.level_question_ids()
    invalid = {}
    for question_id, answer in session.answers.items():
        rule = rules.get(question_id)
        if rule is None:
            invalid[question_id] = (
                f"no question {question_id!r} in questionnaire {questionnaire.id}"
            )
        elif problem := rule.problem(answer.value):
            invalid[question_id] = f"{answer.value!r} is not an answer to this question ({problem})"
        elif question_id in level_ids and unjustified(answer.value, answer.note):
            invalid[question_id] = NOT_APPLICABLE_NEEDS_REASON
        elif problem := misplaced_ask(answer.value, answer.ask):
            invalid[question_id] = problem
    return invalid


def misplaced_ask(value: AnswerValue, ask: str | None) -> str | None:
    """Whom to ask goes with a "don't know" only: another answer needs no follow-up."""
    if ask is not None and (too_long := text_too_long(ask)) is not None:
        return f'"ask" (who can answer) is {too_long}'
    if ask is None or value == DONT_KNOW:
        return None
    return (
        f'"ask" (who can answer) goes only with the answer "{DONT_KNOW}", not {value!r}; '
        f'remove it, or answer "{DONT_KNOW}"'
    )


NOT_APPLICABLE_NEEDS_REASON = (
    '"not applicable" needs a one-line justification in the answer\'s note; write why '
    "this does not exist here"
)


def unjustified(value: AnswerValue, note: str | None) -> bool:
    """An N/A answer to a level question with no justification (a target's "na" purpose is
    not one: its reason is a question of its own)."""
    return value == NOT_APPLICABLE and not (note or "").strip()


def cursor_problems(session: Session, questionnaire: Questionnaire) -> list[Problem]:
    """A cursor that names a question or practice the questionnaire does not have."""
    cursor = session.cursor
    if cursor.practice is not None and cursor.practice not in questionnaire.practices:
        return [
            Problem(
                ("cursor", "practice"),
                f"no practice {cursor.practice!r} in questionnaire {questionnaire.id}; "
                'remove it and set phase to "interview"',
            )
        ]
    if cursor.question is not None and cursor.question not in answer_rules(
        questionnaire, session.kind
    ):
        return [
            Problem(
                ("cursor", "question"),
                f"no question {cursor.question!r} in questionnaire {questionnaire.id}; "
                "remove it (the interview resumes at the next open question)",
            )
        ]
    return []


def check_session(session: Session, questionnaire: Questionnaire) -> list[Problem]:
    """Problems with a session saved against this very questionnaire."""
    problems = [
        Problem(("answers", question_id), message)
        for question_id, message in invalid_answers(session, questionnaire).items()
    ]
    known_items = {*questionnaire.domains, *questionnaire.subdomains, *questionnaire.practices}
    if isinstance(session, TargetSession):
        problems += [
            Problem(("targets", item_id), f"no domain, sub-domain or practice {item_id!r}")
            for item_id in session.targets
            if item_id not in known_items
        ]
    else:
        problems += [
            Problem(("imported_levels", item_id), f"no practice {item_id!r}")
            for item_id in session.imported_levels
            if item_id not in questionnaire.practices
        ]
    return problems + cursor_problems(session, questionnaire)


def reconcile(session: Session, questionnaire: Questionnaire) -> list[str]:
    """Bring a session onto a changed questionnaire; return what the user should be told."""
    reference = session.questionnaire
    if reference.content_hash == questionnaire.content_hash:
        return []
    dropped = sorted(invalid_answers(session, questionnaire))
    for question_id in dropped:
        del session.answers[question_id]
    session.skipped = [question_id for question_id in session.skipped if question_id not in dropped]
    known_items = {*questionnaire.domains, *questionnaire.subdomains, *questionnaire.practices}
    if isinstance(session, TargetSession):
        session.targets = {k: v for k, v in session.targets.items() if k in known_items}
    else:  # levels of practices that are gone would make the saved file unreadable
        levels = session.imported_levels
        session.imported_levels = {k: v for k, v in levels.items() if k in questionnaire.practices}
    _forget_lost_cursor(session, questionnaire)
    session.questionnaire = QuestionnaireRef(
        id=questionnaire.id, version=questionnaire.version, content_hash=questionnaire.content_hash
    )
    change = (
        f"version {reference.version} → {questionnaire.version}"
        if reference.version != questionnaire.version
        else f"still version {questionnaire.version}, but its content differs"
    )
    notices = [f"The questionnaire has changed since this session was saved ({change})."]
    kept = len(session.answers)
    if dropped:
        notices.append(
            f"Kept {kept} answers that mean what they meant; {len(dropped)} belonged to questions "
            "that were reworded, split or retired, so they are asked again as the interview "
            f"reaches them: {_by_practice(dropped, questionnaire)}."
        )
    else:
        notices.append(f"All {kept} answers still fit; new or changed questions will be asked.")
    return notices


def _by_practice(question_ids: list[str], questionnaire: Questionnaire) -> str:
    """``G1.1 (3), E1.2 (1), other (2)``: the dropped answers counted by practice, with their
    ids when there are few."""
    by_practice: dict[str, list[str]] = {}
    for question_id in question_ids:
        practice = next(
            (pid for pid in questionnaire.practices if question_id.startswith(pid + ".")), "other"
        )
        by_practice.setdefault(practice, []).append(question_id)
    few = len(question_ids) <= FEW_DROPPED
    return ", ".join(
        f"{practice} ({len(ids)}: {', '.join(ids)})" if few else f"{practice} ({len(ids)})"
        for practice, ids in by_practice.items()
    )


FEW_DROPPED = 8


def _forget_lost_cursor(session: Session, questionnaire: Questionnaire) -> None:
    """A cursor on a question or practice that is gone: resume at the next open question."""
    if not cursor_problems(session, questionnaire):
        return
    if session.phase is Phase.PRACTICE_SUMMARY:
        session.phase = Phase.INTERVIEW
    session.cursor.question = None
    session.cursor.practice = None
