"""What an interview shows depends on its context: the respondent's role selects the questions,
the sector orders the examples, and a to-do step is shown until its questions are met.

Pure functions over the questionnaire model and a session's answers; no engine, no screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from interview.questionnaire.model import (
    EVERY_ROLE,
    SECTOR_QUESTION_ID,
    Example,
    ExampleEntry,
    Role,
    ToDo,
    ToDoEntry,
)

ROLE_QUESTION_ID = "organisation_role"
"""The context question that says whom the assessment is for: its answer is a key of
:data:`ROLES_OF_ANSWER` (other answers, or none, ask every question)."""

ROLES_OF_ANSWER: Mapping[str, frozenset[Role]] = {
    "maker": frozenset({Role.MAKER}),
    "operator": frozenset({Role.OPERATOR}),
    "both": frozenset(EVERY_ROLE),
}

EVERY = frozenset(EVERY_ROLE)


def roles_of(answers: Mapping[str, object]) -> frozenset[Role]:
    """The roles whose questions apply, from the role answer; every role when unanswered
    (a session from before roles existed is assessed on every question, as it was)."""
    value = answers.get(ROLE_QUESTION_ID)
    return ROLES_OF_ANSWER.get(value, EVERY) if isinstance(value, str) else EVERY


def sector_of(answers: Mapping[str, object]) -> str | None:
    """The sector answered in the context, if any."""
    value = answers.get(SECTOR_QUESTION_ID)
    return value if isinstance(value, str) and value else None


def example_text(entry: ExampleEntry) -> str:
    return entry.text if isinstance(entry, Example) else entry


def examples_for(entries: Sequence[ExampleEntry], sector: str | None) -> list[str]:
    """The examples to show: the sector's own first, then those for any sector. With a known
    sector, other sectors' examples are left out (a hospital is not told about PLCs) unless
    nothing else is left; with none, every example is shown, general ones first."""
    general = [entry for entry in entries if not isinstance(entry, Example)]
    tagged = [entry for entry in entries if isinstance(entry, Example)]
    chosen: list[ExampleEntry]
    if sector is None:
        chosen = [*general, *tagged]
    else:
        own = [entry for entry in tagged if sector in entry.sectors]
        chosen = [*own, *general] or list(tagged)
    return [example_text(entry) for entry in chosen]


def to_do_text(entry: ToDoEntry) -> str:
    return entry.text if isinstance(entry, ToDo) else entry


def to_do_questions(entry: ToDoEntry) -> tuple[str, ...]:
    """The questions that test a step; none for a plain-string step."""
    return entry.questions if isinstance(entry, ToDo) else ()
