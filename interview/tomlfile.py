"""Reading TOML files strictly, and reporting each problem as ``file:line: key: what to do``.

Every file smm reads as TOML (questionnaires, sessions, plans, profiles, workshop seats, answers
files) goes through here, then through pydantic (``interview.versioned``): each failure becomes
one readable line per problem.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from interview.errors import InputError, printable
from interview.files import read_text_file

Location = tuple[str | int, ...]

MAX_PROBLEMS = 20
"""More problems than this in one file are counted, not listed: a file of a million wrong
lines must not print a million lines."""


def more_problems_line(where: str, count: int) -> str:
    """The line that stands for the problems not listed."""
    noun = "problem" if count == 1 else "problems"
    return f"{where}: and {count} more {noun} not listed; fix the ones above first"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, at a dotted location inside it."""

    location: Location
    message: str


@dataclass
class TomlDocument:
    """A parsed TOML file, keeping its text so that problems can be given a line number."""

    path: Path
    text: str
    data: dict[str, Any]
    _lines: dict[tuple[str, ...], int] = field(default_factory=dict, repr=False)

    def line_of(self, location: Location) -> int | None:
        """The line where the value at ``location`` (or its closest enclosing table) is."""
        if not self._lines:
            self._lines = _index_lines(self.text)
        parts = tuple(str(part) for part in location)
        for end in range(len(parts), 0, -1):
            line = self._lines.get(parts[:end])
            if line is not None:
                return line
        return None

    def error(self, problems: Sequence[Problem]) -> InputError:
        """An :class:`InputError` with one line per problem, naming file, line and key (the
        first MAX_PROBLEMS of them, then one line that counts the rest)."""
        lines = [self.describe(problem) for problem in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            lines.append(more_problems_line(self.where, len(problems) - MAX_PROBLEMS))
        return InputError(lines)

    @property
    def where(self) -> str:
        """The file's name as shown in messages: control characters escaped."""
        return printable(str(self.path))

    def describe(self, problem: Problem) -> str:
        """``path:line: dotted.key: message``."""
        line = self.line_of(problem.location)
        where = f"{self.where}:{line}" if line else self.where
        key = dotted(problem.location)
        return f"{where}: {key}: {problem.message}" if key else f"{where}: {problem.message}"


def read_toml(path: Path, what: str, text: str | None = None) -> TomlDocument:
    """Read and parse a TOML file; any failure is an :class:`InputError` naming the file.

    ``what`` says what the file should be ("questionnaire", "session") in the messages;
    ``text`` is the file's content when the caller has already read it.
    """
    text = read_text_file(path, what) if text is None else text
    text = text.removeprefix("\ufeff")  # the byte-order mark some Windows editors write
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError([_describe_toml_error(path, what, error)]) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise InputError(
            [
                f"{printable(str(path))}: not valid TOML: arrays or inline tables nested too "
                f"deeply (hundreds of levels); fix the {what} file"
            ]
        ) from None
    except ValueError:  # Python's limit on converting a number of over 4,300 digits
        found = _LONG_NUMBER.search(text)
        line = text[: found.start()].count("\n") + 1 if found else 1
        raise InputError(
            [f"{printable(str(path))}:{line}: {_TOO_LARGE}; fix the {what} file there"]
        ) from None
    document = TomlDocument(path=path, text=text, data=data)
    huge = [Problem(where, f"{_TOO_LARGE}; correct the value") for where in _huge_integers(data)]
    if huge:
        raise document.error(huge)
    return document


_TOO_LARGE = "a number too large for TOML (integers are 64-bit, -2^63 to 2^63-1)"
_LONG_NUMBER = re.compile(r"[0-9_]{4300,}")


def _huge_integers(node: object, location: Location = ()) -> Iterable[Location]:
    """Where the integers outside TOML's 64-bit range are (tomllib reads any size)."""
    if isinstance(node, dict | list):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            yield from _huge_integers(value, (*location, key))
    elif isinstance(node, int) and not -(2**63) <= node < 2**63:
        yield location


def _describe_toml_error(path: Path, what: str, error: tomllib.TOMLDecodeError) -> str:
    message = str(error)
    found = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", message)
    reason = message[: found.start()].strip() if found else message
    if found and found.group(1):
        where = f"{printable(str(path))}:{found.group(1)}"
    elif found:
        where = f"{printable(str(path))}:{text_line_count(path)}"
    else:
        where = printable(str(path))
    return f"{where}: not valid TOML: {printable(reason)}; fix the {what} file there"


def text_line_count(path: Path) -> int:
    """The number of the last line of a file (for errors "at end of document")."""
    return max(1, path.read_bytes().count(b"\n"))


def problems_from_validation(error: ValidationError) -> list[Problem]:
    """One :class:`Problem` per pydantic error, with a message a person can act on."""
    details = error.errors(include_url=False)
    problems = []
    for detail in details:
        if detail["type"] == "too_short" and _encloses_another(detail, details):
            continue  # pydantic's echo of an invalid item: "too short" once it is dropped
        location = tuple(part for part in detail["loc"] if part != "[key]")
        problems.append(Problem(location, _friendly_message(detail)))
    return problems


def _encloses_another(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    location = detail["loc"]
    return any(
        len(other["loc"]) > len(location) and other["loc"][: len(location)] == location
        for other in details
    )


def _friendly_message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "required key is missing; add it"
    if kind == "extra_forbidden":
        return "unknown key; remove it or check its spelling"
    if kind == "smm_rule":  # a rule of smm's own, whose message already says what to do
        return detail["msg"]
    shown = _shown_input(detail.get("input"))
    if kind == "string_pattern_mismatch" and "[key]" in detail["loc"]:
        return (
            f"{shown} is not a valid id: use letters, digits, '.', '_' or '-' (at most 64), "
            "starting with a letter or digit; rename it"
        )
    if "[key]" in detail["loc"]:
        return f"{_lower_first(detail['msg'])} (for this key); rename it"
    if kind in {"too_short", "string_too_short"} and detail.get("ctx", {}).get("min_length") == 1:
        return "must not be empty; fill it in"
    if kind == "string_pattern_mismatch":
        return (
            f"{shown} is not a valid id: use letters, digits, '.', '_' or '-' (at most 64), "
            "starting with a letter or digit"
        )
    return f"{_lower_first(detail['msg'])}, got {shown}; correct the value"


def _shown_input(value: object) -> str:
    """A short, escaped rendering of a bad value, safe to print on a terminal."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    text = printable(repr(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def dotted(location: Iterable[str | int]) -> str:
    """``practices.G1.1.levels.3``: the location as a person writes it."""
    return ".".join(printable(str(part)) for part in location)


# --- Finding the line of a dotted key ------------------------------------------------------

_KEY_PART = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*""")
_ARRAY_HEADER = re.compile(r"^\s*\[\[(.+?)\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[([^\[].*?)\]")
_KEY_TOKEN = r"""(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)"""
# Each part of a line can be matched one way only, so that a long line fails in linear time
# (a pattern in which spaces could go to either of two parts took minutes on 3,000 spaces).
_KEY_VALUE = re.compile(rf"""^[ \t]*({_KEY_TOKEN}(?:[ \t]*\.[ \t]*{_KEY_TOKEN})*)[ \t]*=""")


def _split_key(text: str) -> tuple[str, ...] | None:
    """``a."b.c".d`` → ``("a", "b.c", "d")``; None when it is not a dotted key."""
    parts: list[str] = []
    position = 0
    while True:
        match = _KEY_PART.match(text, position)
        if not match:
            return None
        token = match.group(1)
        if token.startswith('"'):
            key = _basic_string(token)
            if key is None:
                return None
            parts.append(key)
        elif token.startswith("'"):
            parts.append(token[1:-1])
        else:
            parts.append(token)
        position = match.end()
        if position == len(text):
            return tuple(parts)
        if text[position] != ".":
            return None
        position += 1


def _basic_string(token: str) -> str | None:
    """A quoted key with TOML's escapes (``\\U0001F600``, a raw tab) decoded; None if invalid."""
    try:
        return next(iter(tomllib.loads(f"{token} = 0")))
    except tomllib.TOMLDecodeError:
        return None


def _index_lines(text: str) -> dict[tuple[str, ...], int]:
    """Map each table header and key in a TOML text to its first line (1-based)."""
    lines: dict[tuple[str, ...], int] = {}
    array_counts: dict[tuple[str, ...], int] = {}
    current: tuple[str, ...] = ()
    in_multiline: str | None = None

    def resolve(keys: tuple[str, ...]) -> tuple[str, ...]:
        resolved: list[str] = []
        for key in keys:
            resolved.append(key)
            count = array_counts.get(tuple(resolved))
            if count is not None:
                resolved.append(str(count))
        return tuple(resolved)

    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if (array := _ARRAY_HEADER.match(line)) and (keys := _split_key(array.group(1))):
            table = (*resolve(keys[:-1]), keys[-1])
            array_counts[table] = array_counts.get(table, -1) + 1
            current = (*table, str(array_counts[table]))
            lines.setdefault(table, number)
            lines.setdefault(current, number)
        elif (header := _TABLE_HEADER.match(line)) and (keys := _split_key(header.group(1))):
            current = resolve(keys)
            lines.setdefault(current, number)
        elif (assignment := _KEY_VALUE.match(line)) and (keys := _split_key(assignment.group(1))):
            lines.setdefault((*current, *keys), number)
            rest = line[assignment.end() :]
            for quotes in ('"""', "'''"):
                if rest.count(quotes) % 2 == 1:
                    in_multiline = quotes
    return lines
