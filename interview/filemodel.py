"""What every file format smm keeps shares: the strict base model, the times and dates a file
may hold, the clock's resolution and the readable name a file gets from a system's name.
Imports only pydantic."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime, time
from typing import Annotated, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict, Strict
from pydantic_core import PydanticCustomError

FILE_RULE: Final = "smm_rule"
"""The error type of a rule of smm's own: the reader shows its message as written."""


class FileModel(BaseModel):
    """Base for every part of a session or plan file: unknown keys are refused, and values are
    strict: ``true``, ``"2"`` or ``2.0`` is no integer, ``"yes"`` or ``1`` no boolean, a date
    no date and time. An enum field says ``Lax`` (TOML gives its value as a string)."""

    model_config = ConfigDict(
        extra="forbid", strict=True, validate_assignment=False, defer_build=True
    )


Lax: Final = Strict(False)
"""On an enum field of a :class:`FileModel`: the file's string is read as the enum's value
(strict mode takes only the enum itself, which no file holds)."""

EARLIEST_YEAR: Final = 1970
LATEST_YEAR: Final = 9000
"""The years a file's times and dates may be in (docs/SESSIONS.md): wide enough for any real
record, far enough from Python's years 1-9999 that a time moved to UTC or a chart's margin
stays a date."""


def _outside_years(moment: date) -> PydanticCustomError | None:
    if EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None
    return PydanticCustomError(
        FILE_RULE,
        f"{moment.isoformat(sep=' ') if isinstance(moment, datetime) else moment.isoformat()} "
        f"is outside the years {EARLIEST_YEAR} to {LATEST_YEAR} that smm reads; correct it",
    )


EXAMPLE_TIME: Final = "2026-11-25 09:30:00+00:00"


def _checked_moment(value: object) -> object:
    """A time in a file is a date, a time and a UTC offset, in the years smm reads: a local
    time could not be ordered against the others (sessions are listed by time)."""
    if isinstance(value, str | time):
        what = "text (in quotes)" if isinstance(value, str) else "a time without a date"
        raise PydanticCustomError(
            FILE_RULE, f"{what}; write a date, time and UTC offset, unquoted, e.g. {EXAMPLE_TIME}"
        )
    if not isinstance(value, date):
        return value  # no date at all: the type check says so
    example = f"{value.isoformat()[:10]} 09:30:00+00:00"
    if not isinstance(value, datetime):
        raise PydanticCustomError(
            FILE_RULE,
            f"{value.isoformat()} is a date without a time; write a date, time and UTC offset, "
            f"e.g. {example}",
        )
    if value.utcoffset() is None:
        raise PydanticCustomError(
            FILE_RULE,
            f"{value.isoformat(sep=' ')} has no UTC offset; add one, e.g. {example} "
            "(+00:00 or Z is UTC)",
        )
    if problem := _outside_years(value):
        raise problem
    return value


def _checked_day(value: object) -> object:
    """A date in a file (a due date) is a plain date, in the years smm reads."""
    if isinstance(value, datetime):
        raise PydanticCustomError(
            FILE_RULE, f"{value.isoformat(sep=' ')} is a date and time; give the date alone, "
            f"e.g. {value.date().isoformat()}"
        )  # fmt: skip
    if isinstance(value, date) and (problem := _outside_years(value)):
        raise problem
    return value


Moment = Annotated[datetime, BeforeValidator(_checked_moment)]
"""When something happened, as files store it: with its UTC offset, years 1970 to 9000."""
Day = Annotated[date, BeforeValidator(_checked_day)]
"""A calendar date (no time), years 1970 to 9000."""


def in_file_years(day: date) -> bool:
    """Whether a date is in the years a file may hold (a date typed by the user is checked
    before it is stored)."""
    return _outside_years(day) is None


def utc_now() -> datetime:
    """The current time in UTC, to the second (what files store)."""
    return datetime.now(UTC).replace(microsecond=0)


SLUG_LENGTH: Final = 40


def slug(text: str) -> str:
    """``Acme Gateway (v2)`` → ``acme-gateway-v2``: safe in a file name, readable in a list
    (ASCII letters and digits only, at most 40 characters: it can stand for several names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:SLUG_LENGTH].rstrip("-") or "system"


def system_key(name: str) -> str:
    """How system names are matched (docs/HISTORY.md): ``Acme Gateway``, ``acme-gateway``,
    ``ACME  gateway!`` and ``Acme Gatéway`` are one system; ``Шлюз А`` and ``Шлюз Б`` are two,
    and so are two names that differ anywhere, however long.

    Compatibility-normalised and case-folded; accents on Latin letters dropped; every run of
    spaces, punctuation and control or format characters is one ``-``. Other letters, their
    marks, digits and symbols all count (a name of punctuation alone is its own key).
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
    kept: list[str] = []
    for char in folded:
        if unicodedata.category(char) == "Mn" and kept and kept[-1].isascii():
            continue  # the accent of a Latin letter: "é" is matched as "e"
        kept.append(char if _counts_in_a_name(char) else " ")
    words = unicodedata.normalize("NFC", "".join(kept)).split()
    return "-".join(words) or " ".join(name.split()).casefold()


def _counts_in_a_name(char: str) -> bool:
    if char.isascii():
        return char.isalnum()
    return unicodedata.category(char)[0] in "LMNS"


def system_stem(name: str) -> str:
    """The system's part of a file name or session id: safe (ASCII), readable, and one per
    system. ``acme-gateway`` for ``Acme Gateway``; when the slug cannot say the whole name
    (other letters than Latin ones, or more than 40 characters), a short hash of the name as
    matched follows it: ``system-5f1c0e2a9b`` for ``智能网关``, ``fleet-0c8d7e6f5a`` for
    ``泵站 fleet``."""
    key = system_key(name)
    readable = slug(key)
    if readable == key:
        return readable
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{readable}-{digest[:10]}"
