"""Errors that reach a user as one line per problem, never as a traceback."""

from __future__ import annotations

from collections.abc import Sequence


class InputError(Exception):
    """Bad input from a user: a file, an id or an option. The CLI prints it and exits 2."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def printable(text: str) -> str:
    """Text with control characters (escape sequences among them) shown as escapes, not run."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
