"""The model's two measures, fixed by the IIC SMM (not by a questionnaire file): their ranges,
their names, and the types every file format uses for them.

Levels are strict integers in every file smm reads: ``true``, ``"2"`` and ``2.0`` are refused
with the file and the key, never read as numbers.
"""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import Field, Strict

NO_COMPREHENSIVENESS: Final = 0
"""Level 0: none of the practice is in place (an assessment only; no target is 0)."""
LOWEST_TARGET: Final = 1
HIGHEST_COMPREHENSIVENESS: Final = 4
LOWEST_SCOPE: Final = 1
HIGHEST_SCOPE: Final = 3

COMPREHENSIVENESS_LEVELS: Final = tuple(range(NO_COMPREHENSIVENESS, HIGHEST_COMPREHENSIVENESS + 1))
"""0-4: what an assessment can find."""
TARGET_LEVELS: Final = tuple(range(LOWEST_TARGET, HIGHEST_COMPREHENSIVENESS + 1))
"""1-4: what a target can be, and the levels a practice describes."""
SCOPE_LEVELS: Final = tuple(range(LOWEST_SCOPE, HIGHEST_SCOPE + 1))

Comprehensiveness = Annotated[
    int, Strict(), Field(ge=NO_COMPREHENSIVENESS, le=HIGHEST_COMPREHENSIVENESS)
]
TargetComprehensiveness = Annotated[
    int, Strict(), Field(ge=LOWEST_TARGET, le=HIGHEST_COMPREHENSIVENESS)
]
Scope = Annotated[int, Strict(), Field(ge=LOWEST_SCOPE, le=HIGHEST_SCOPE)]

COMPREHENSIVENESS_NAMES: dict[int, str] = {
    0: "None",
    1: "Minimum",
    2: "Ad hoc",
    3: "Consistent",
    4: "Formalized",
}

SCOPE_NAMES: dict[int, str] = {
    1: "General",
    2: "Industry specific",
    3: "System specific",
}


def is_target_level(number: int) -> bool:
    """Whether ``number`` is a level a target can be (1-4)."""
    return LOWEST_TARGET <= number <= HIGHEST_COMPREHENSIVENESS


def is_scope(number: int) -> bool:
    """Whether ``number`` is a scope (1-3)."""
    return LOWEST_SCOPE <= number <= HIGHEST_SCOPE


def comprehensiveness_label(level: int) -> str:
    """``"3 Consistent"``: the number and the name, so that neither colour nor memory is needed."""
    return f"{level} {COMPREHENSIVENESS_NAMES[level]}"


def scope_label(scope: int | None) -> str:
    """``"2 Industry specific"``, or ``"n/a"`` when there is no scope (comprehensiveness 0)."""
    return "n/a" if scope is None else f"{scope} {SCOPE_NAMES[scope]}"


SCOPED_SEPARATOR: Final = "/"


def scoped_level(comprehensiveness: int, scope: int) -> str:
    """A purpose answer that sets both measures: ``"3/3"`` is 3 Consistent, System specific."""
    return f"{comprehensiveness}{SCOPED_SEPARATOR}{scope}"


SCOPED_LEVELS: Final = frozenset(
    scoped_level(level, scope) for level in TARGET_LEVELS for scope in SCOPE_LEVELS
)
"""Every purpose answer that refines scope as well as comprehensiveness."""


def parse_scoped_level(value: str) -> tuple[int, int | None] | None:
    """``"3"`` → (3, None): the level, scope kept; ``"3/2"`` → (3, 2); anything else None."""
    if value in SCOPED_LEVELS:
        level, scope = value.split(SCOPED_SEPARATOR)
        return int(level), int(scope)
    if value in {str(level) for level in TARGET_LEVELS}:
        return int(value), None
    return None
