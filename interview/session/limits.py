"""How much user text a session holds: one bound on every answer, note and name, checked by
the reader and so by the writer's check too (what smm writes, smm reads back)."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from interview.filemodel import FILE_RULE

CURSOR_RULE: Final = FILE_RULE
"""The error type of a broken file rule; its message is shown as written."""

MAX_TEXT_LENGTH: Final = 100_000
"""The most characters one answer, note or name may hold (about 30 pages): far more than any
note needs, small enough that a stray 10 MB paste cannot freeze the interview or make a
session larger than smm reads (docs/SESSIONS.md)."""


def text_too_long(text: str) -> str | None:
    """What is wrong with a text over the bound, in one line; None when it fits."""
    if len(text) <= MAX_TEXT_LENGTH:
        return None
    return (
        f"too long: {len(text):,} characters, over the {MAX_TEXT_LENGTH:,} one answer or note "
        "may hold; shorten it, or put the long text in a document and give its name or link"
    )


def value_too_long(value: str | list[str]) -> str | None:
    """The first text of an answer (one text, or a list of them) that is over the bound."""
    texts = [value] if isinstance(value, str) else value
    return next(filter(None, map(text_too_long, texts)), None)


def _within_bound(text: str) -> str:
    if (problem := text_too_long(text)) is not None:
        raise PydanticCustomError(CURSOR_RULE, problem)
    return text


BoundedText = Annotated[str, AfterValidator(_within_bound)]
"""User text in a file: refused by the reader, and so by the writer's check, over the bound."""
