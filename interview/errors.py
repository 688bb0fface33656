"""Errors that reach a user as one line per problem, never as a traceback; and the one rule
for showing user text safely (:func:`printable`)."""

from __future__ import annotations

import re
from collections.abc import Sequence


class InputError(Exception):
    """Bad input from a user: a file, an id or an option. The CLI prints it and exits 2."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The Arabic letter mark, the left-to-right and right-to-left marks, embeddings, overrides
and isolates: they reorder the text around them on screen."""

HARMFUL = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0 and C1 control characters and DEL (category Cc)
    "\ud800-\udfff"  # lone surrogates (Cs): undecodable bytes, which no encoder writes
    "\u2028\u2029"  # the line and paragraph separators (Zl, Zp)
    f"{BIDI_CONTROLS}"
    "\ufff9-\ufffb"  # the interlinear annotation characters, which hide text
    "\ufffe\uffff]"  # the two noncharacters that no XML document (Word, Excel) can hold
)
"""The characters that could act on a terminal, or move or hide text: :func:`printable`
escapes these and keeps every other character as typed, among them the non-breaking and
other spaces, the zero-width joiner and non-joiner and space, the soft hyphen, emoji with
their variation selectors and tag sequences, and code points not assigned yet."""


def escaped(char: str) -> str:
    """One character as Python writes it in a string: ``\\x1b``, ``\\n``, ``\\u202e``."""
    return repr(char)[1:-1]


def printable(text: str, *, keep: str = "") -> str:
    """The text with every :data:`HARMFUL` character but those in ``keep`` shown as an escape
    (``\\x1b[2J``), never run; every other character as typed. Data written to a file, which
    must read back exactly, keeps the tab and the newline (``keep="\\t\\n"``)."""
    if text.isprintable():  # the common case: nothing to look at (no HARMFUL is printable)
        return text
    return HARMFUL.sub(lambda found: _escaped_unless_kept(found.group(), keep), text)


def _escaped_unless_kept(char: str, keep: str) -> str:
    return char if char in keep else escaped(char)
