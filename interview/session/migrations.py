"""Upgrades of session files from older formats, one version at a time.

Each migration takes the file's data as read (a plain dict, before validation) and returns the
data in the next format. It needs no questionnaire: what it must know about the questionnaire
of an older format is carried in the package (:mod:`interview.session.v1_option_ids`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from interview.questionnaire.engine_ids import ENGINE_ID_PREFIX
from interview.session.model import ASSESSMENT_ONLY_KEYS, TARGET_ONLY_KEYS, SessionKind
from interview.session.v1_option_ids import SHIPPED_V1_HASH, SHIPPED_V1_OPTION_IDS


class MigrationError(ValueError):
    """An older file that cannot be brought to the current format; the message says why."""


Migration = Callable[[dict[str, Any]], dict[str, Any]]

_V1_ENGINE_SUFFIXES = (
    ".goal",
    ".scope",
    ".purpose",
    ".purpose.reason",
    ".scope.industry",
    ".scope.system",
)
"""How format 1 named the engine's own questions (``G.goal``, ``G1.1.scope.industry``, ...)."""

_ANSWER_TABLES = ("answers", "previous_answers")


def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 → 2: the engine's question ids move to ``@``; option positions become ids."""
    reference = data.get("questionnaire")
    content_hash = reference.get("content_hash") if isinstance(reference, dict) else None
    option_ids = SHIPPED_V1_OPTION_IDS if content_hash == SHIPPED_V1_HASH else None
    for table in _ANSWER_TABLES:
        answers = data.get(table)
        if isinstance(answers, dict):
            data[table] = {
                _v2_question_id(question_id): _v2_answer(table, question_id, answer, option_ids)
                for question_id, answer in answers.items()
            }
    skipped = data.get("skipped")
    if isinstance(skipped, list):
        data["skipped"] = [
            _v2_question_id(item) if isinstance(item, str) else item for item in skipped
        ]
    cursor = data.get("cursor")
    if isinstance(cursor, dict) and isinstance(cursor.get("question"), str):
        data["cursor"] = {**cursor, "question": _v2_question_id(cursor["question"])}
    return data


def _v2_question_id(question_id: str) -> str:
    if question_id.endswith(_V1_ENGINE_SUFFIXES):
        return ENGINE_ID_PREFIX + question_id
    return question_id


def _v2_answer(
    table: str,
    question_id: str,
    answer: object,
    option_ids: dict[str, tuple[str, ...]] | None,
) -> object:
    """An answer whose value is an option position, with the option's id instead."""
    if not isinstance(answer, dict) or question_id.endswith(_V1_ENGINE_SUFFIXES):
        return answer
    value = answer.get("value")
    if not (isinstance(value, str) and value.isascii() and value.isdigit()):
        return answer
    where = f"{table}.{question_id}"
    if option_ids is None:
        raise MigrationError(
            f"{where}: {value!r} is an option's position in a questionnaire that this smm "
            "cannot map to option ids (only the questionnaire shipped with smm 0.1 is "
            "known); answer this question again in a new session"
        )
    choices = option_ids.get(question_id)
    if choices is None:
        return answer  # not a choice question: digits are the answer itself (a context text)
    position = int(value) if len(value) <= 3 else 0
    if not 1 <= position <= len(choices):
        raise MigrationError(
            f"{where}: option {value!r} does not exist (the question had {len(choices)}); "
            f"correct it to 1-{len(choices)} or remove the answer"
        )
    return {**answer, "value": choices[position - 1]}


def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 → 3: an imported assessment's ``levels`` move to ``imported_levels``; the
    other kind's keys, which 0.1 and format 2 wrote empty into every file, are dropped."""
    kind = data.get("kind")
    if kind == SessionKind.TARGET:
        _drop_empty(data, ASSESSMENT_ONLY_KEYS, "an assessment's", "target")
    elif kind == SessionKind.ASSESSMENT:
        _drop_empty(data, TARGET_ONLY_KEYS, "a target's", "assessment")
        if data.get("imported_from") is not None and "levels" in data:
            data["imported_levels"] = data["levels"]
    return data  # any other kind is refused, with the kinds allowed, when validated


def _drop_empty(data: dict[str, Any], keys: frozenset[str], whose: str, kind: str) -> None:
    """Remove the other kind's keys; one that holds something is refused, as its meaning
    cannot be kept in a session of this kind."""
    for key in sorted(keys & data.keys()):
        if data[key] not in ({}, [], None, ""):
            raise MigrationError(
                f"{key}: {whose} key holds a value in a {kind} session; remove it (or change "
                "kind) to read this file"
            )
        del data[key]


MIGRATIONS: dict[int, Migration] = {1: v1_to_v2, 2: v2_to_v3}
"""Upgrades from schema version N (the key) to N + 1. Version 1 is the first format."""
