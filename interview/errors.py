"""Errors that reach a user as one line per problem, never as a traceback."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


class InputError(Exception):
    """Bad input from a user: a file, an id or an option. The CLI prints it and exits 2."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def printable(text: str) -> str:
    """Text with control characters (escape sequences among them) shown as escapes, not run."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


JOINERS = frozenset({"\u200c", "\u200d"})
"""The zero-width non-joiner and joiner, which Persian, Arabic and Indic scripts need."""


def as_typed(text: str) -> str:
    """:func:`printable`, but keeping what people type in their writing: the non-breaking and
    other spaces, and the joiners; bidi and other format characters stay escaped. For the
    screen and HTML, which show these characters as they are meant."""
    return "".join(
        char if char in JOINERS or unicodedata.category(char) == "Zs" else printable(char)
        for char in text
    )
