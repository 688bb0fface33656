"""The ids of the questions that the engine asks beyond the questionnaire's own.

They live in a namespace of their own, marked by a prefix that questionnaire ids may not
start with (checked in :mod:`interview.questionnaire.checks`), so that a questionnaire can
never reuse one: ``@G.goal`` is the engine's goal question for domain ``G``, whatever the
questionnaire calls its own questions.
"""

from __future__ import annotations

from typing import Final

ENGINE_ID_PREFIX: Final = "@"


def is_engine_question_id(question_id: str) -> bool:
    """Whether an id names one of the engine's own questions (not the questionnaire's)."""
    return question_id.startswith(ENGINE_ID_PREFIX)


def goal_question_id(domain_id: str) -> str:
    return f"{ENGINE_ID_PREFIX}{domain_id}.goal"


def goal_scope_question_id(domain_id: str) -> str:
    return f"{ENGINE_ID_PREFIX}{domain_id}.scope"


def purpose_question_id(practice_id: str) -> str:
    return f"{ENGINE_ID_PREFIX}{practice_id}.purpose"


def purpose_reason_question_id(practice_id: str) -> str:
    return f"{ENGINE_ID_PREFIX}{practice_id}.purpose.reason"


def industry_scope_question_id(practice_id: str) -> str:
    return f"{ENGINE_ID_PREFIX}{practice_id}.scope.industry"


def system_scope_question_id(practice_id: str) -> str:
    return f"{ENGINE_ID_PREFIX}{practice_id}.scope.system"
