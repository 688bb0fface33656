"""Which key picks each answer, so that a key keeps one meaning through a run of questions.

Answers are picked by their digit in order, except in a target's purpose question, where a
digit is always its level: "3" was "Raise to 3" in one practice and "Lower to 2" in the next
(issue 15). There the keep takes its level's digit, the scope choices take letters (g, i, s),
"not applicable" takes n and "don't know" d.
"""

from __future__ import annotations

from interview.engine.plan import StepKind
from interview.engine.prompts import Prompt
from interview.questionnaire.levels import SCOPE_LEVELS, TARGET_LEVELS, parse_scoped_level
from interview.session.model import DONT_KNOW, KEEP, NOT_APPLICABLE

LEVEL_KEYS = frozenset(str(level) for level in TARGET_LEVELS)
SCOPE_KEYS = dict(zip(SCOPE_LEVELS, ("g", "i", "s"), strict=True))
"""General, Industry specific, System specific."""
NOT_APPLICABLE_KEY = "n"
DONT_KNOW_KEY = "d"


def positional_keys(count: int) -> list[str]:
    """The digits 1-9 in order; options past the ninth have no key."""
    return [str(number) if number <= 9 else "" for number in range(1, count + 1)]


def choice_keys(prompt: Prompt | None, values: list[str]) -> list[str]:
    """The key of each value on show ("" for none); a menu (no prompt) goes by position."""
    if prompt is None or prompt.step.kind is not StepKind.PURPOSE:
        return positional_keys(len(values))
    levels_listed = {value for value in values if value in LEVEL_KEYS}
    return [_purpose_key(value, levels_listed) for value in values]


def _purpose_key(value: str, levels_listed: set[str]) -> str:
    if value in LEVEL_KEYS:
        return value
    if value == KEEP:  # keeping a level is choosing it; keeping "not applicable" is n
        missing = sorted(LEVEL_KEYS - levels_listed)
        return missing[0] if len(missing) == 1 else NOT_APPLICABLE_KEY
    if value == NOT_APPLICABLE:
        return NOT_APPLICABLE_KEY
    if value == DONT_KNOW:
        return DONT_KNOW_KEY
    scoped = parse_scoped_level(value)
    return SCOPE_KEYS[scoped[1]] if scoped is not None and scoped[1] is not None else ""


def keys_hint(prompt: Prompt | None, keys: list[str]) -> str:
    """What the keys do, for a purpose question (other questions number their answers)."""
    if prompt is None or prompt.step.kind is not StepKind.PURPOSE:
        return ""
    levels = ", ".join(sorted(key for key in keys if key in LEVEL_KEYS))
    scopes = "/".join(key for key in SCOPE_KEYS.values() if key in keys)
    words = [
        f"a digit is that level ({levels})",
        f"{scopes} the scope" if scopes else "",
        f"{NOT_APPLICABLE_KEY} not applicable" if NOT_APPLICABLE_KEY in keys else "",
        f"{DONT_KNOW_KEY} don't know" if DONT_KNOW_KEY in keys else "",
    ]
    return "Keys: " + ", ".join(word for word in words if word) + "; Enter the highlighted one."


NUMBER_PREFIX = "0"
"""In a checklist of more than nine items, 0 starts an item's number typed in full."""


class ItemNumberTyping:
    """The keys of a checklist's items past the ninth: 0, then the item's number with as many
    digits as the list's length has (0 1 2 ticks item 12 of 14). The digits 1-9 keep ticking
    their item at once, and letters start an "other" answer, so only 0 was free to start it."""

    def __init__(self) -> None:
        self.typed: str | None = None
        """The digits typed after the 0; None when no number is being typed."""

    def take(self, character: str, count: int) -> bool:
        """Whether the key is part of an item's number (then it does nothing else); any other
        key ends the number unfinished and does what it always does."""
        if self.typed is None:
            if character != NUMBER_PREFIX or count <= 9:
                return False
            self.typed = ""
            return True
        if not character.isdigit():
            self.typed = None
            return False
        self.typed += character
        return True

    def finished(self, count: int) -> int | None:
        """The number typed, once all its digits are in (it may be out of range); the next 0
        starts a new one."""
        if self.typed is None or len(self.typed) < len(str(count)):
            return None
        number, self.typed = int(self.typed), None
        return number


def checklist_hint(count: int, other: bool, typed: str | None = None) -> str:
    """What the keys of a checklist do; while an item's number is typed, what is still due."""
    width = len(str(count))
    if typed is not None:
        so_far = " ".join([NUMBER_PREFIX, *typed])
        return f"Typing an item's number: {so_far}… ({width} digits after the {NUMBER_PREFIX})."
    extra = "; others go in the field above" if other else ""
    if count <= 9:
        return f"Digits or Space tick, Enter confirms{extra}."
    first = "10".rjust(width, "0")  # with 100 items or more, 0 then 010 ticks item 10
    # one line at 80 columns; once the 0 is typed, the hint follows the digits
    return f"Tick: 1-9, or {NUMBER_PREFIX} then {first}-{count}; Enter confirms{extra}."
