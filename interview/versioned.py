"""One reader and one writer for every versioned TOML file smm keeps: sessions, plans and
profiles, and the questionnaire's version check.

Reading a file of a :class:`FileKind` is always the same steps: a bounded read of a regular
file, TOML parsed strictly, the file is of the expected kind, a newer ``schema_version`` is
refused with "upgrade smm", an older one is migrated through the kind's chain, then pydantic
validates it and the caller's cross-checks run. Every problem is one line naming the file,
line and key. Writing runs the same checks on the text about to be written and refuses to
write what smm could not read back; what passes is written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import tomli_w
from pydantic import BaseModel, TypeAdapter, ValidationError

from interview.errors import InputError, printable
from interview.files import MAX_FILE_BYTES, write_text_atomically
from interview.tomlfile import Problem, TomlDocument, problems_from_validation, read_toml

ModelT = TypeVar("ModelT", bound=BaseModel)

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns a file's data of schema version N into version N + 1; raises ValueError, with a
message for the user, for a file it cannot upgrade."""
CrossCheck = Callable[[ModelT], Iterable[Problem]]
"""What a valid model must also satisfy (references, file name, questionnaire)."""


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="python", exclude_none=True)


@dataclass(frozen=True)
class FileKind(Generic[ModelT]):
    """One kind of versioned file: its model, its current version and how older ones upgrade."""

    name: str
    """What the file is, in messages: "session", "plan"."""
    model: type[ModelT] | TypeAdapter[ModelT]
    """Its pydantic model; for a file with several shapes told apart by a key (sessions, by
    ``kind``), a TypeAdapter of their discriminated union."""
    version: int
    """The schema_version this smm writes and reads without migrating."""
    markers: frozenset[str]
    """Keys of which a file of this kind has at least one."""
    foreign: Mapping[str, str] = field(default_factory=dict)
    """Top-level keys that only another kind of file has, and which kind: a session given
    where a profile is expected is named as such, not as a profile with a hundred mistakes."""
    advice: str = ""
    """Added to "not a ... file" (where the format is described)."""
    migrations: Mapping[int, Migration] = field(default_factory=dict)
    """Upgrades from version N (the key) to N + 1; version 1 is every kind's first format."""
    unreadable: Mapping[int, str] = field(default_factory=dict)
    """Why an old version without a migration cannot be read, and what to do, by version."""
    dump: Callable[[ModelT], dict[str, Any]] = _dump
    """The model as the data of its TOML file."""
    tag: str | None = None
    """The key that tells a union's shapes apart: pydantic starts its error locations with
    the tag's value, which is no key of the file, so it is dropped from them."""
    precheck: Callable[[dict[str, Any]], list[Problem]] | None = None
    """Problems found in the upgraded data before validation, worded better than pydantic's."""

    def validate(self, data: dict[str, Any]) -> ModelT:
        """The model in the file's data; pydantic's ValidationError if it is not one."""
        if isinstance(self.model, TypeAdapter):
            return self.model.validate_python(data)
        return self.model.model_validate(data)

    def problems(self, data: dict[str, Any], error: ValidationError) -> list[Problem]:
        """The validation error's problems, located by the file's own keys."""
        problems = problems_from_validation(error)
        tag = data.get(self.tag) if self.tag else None
        return [
            Problem(problem.location[1:], problem.message)
            if tag is not None and problem.location[:1] == (str(tag),)
            else problem
            for problem in problems
        ]


def read_versioned(
    path: Path, kind: FileKind[ModelT], checks: CrossCheck[ModelT] | None = None
) -> ModelT:
    """Read, upgrade, validate and cross-check a file of ``kind``; InputError naming each
    problem."""
    return parse_versioned(read_toml(path, kind.name), kind, checks)


def parse_versioned(
    document: TomlDocument, kind: FileKind[ModelT], checks: CrossCheck[ModelT] | None = None
) -> ModelT:
    """The model in a parsed file of ``kind`` (see :func:`read_versioned`)."""
    data = upgraded(document, kind)
    early = kind.precheck(data) if kind.precheck else []
    if early:
        raise document.error(early)
    try:
        model = kind.validate(data)
    except ValidationError as error:
        raise document.error(kind.problems(data, error)) from None
    problems = list(checks(model)) if checks else []
    if problems:
        raise document.error(problems)
    return model


def upgraded(document: TomlDocument, kind: FileKind[Any]) -> dict[str, Any]:
    """The file's data at the kind's current version: a file of another kind, a newer version
    or one that is no integer is refused in one line; a missing one is left to validation."""
    data = document.data
    advice = f"; {kind.advice}" if kind.advice else ""
    if not kind.markers & data.keys():
        keys = ", ".join(sorted(kind.markers))
        raise InputError(
            [f"{document.where}: not a {kind.name} file (it has none of {keys}){advice}"]
        )
    for key, other in kind.foreign.items():
        if key in data:
            raise InputError(
                [f"{document.where}: not a {kind.name} file (its {key} table is {other}){advice}"]
            )
    version = data.get("schema_version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        shown = printable(repr(version))[:60]  # pydantic's Literal[N] takes true and N.0 for N
        problem = f"should be an integer ({kind.version} for this smm), got {shown}; correct it"
        raise document.error([Problem(("schema_version",), problem)])
    if version is None or version == kind.version:
        return data
    line = document.line_of(("schema_version",))  # indexes the text: only for a message
    where = f"{document.where}:{line}" if line else document.where
    if version > kind.version:
        raise InputError(
            [
                f"{where}: schema_version: {version} is newer than this smm reads "
                f"({kind.version}); upgrade smm"
            ]
        )
    while version < kind.version:
        upgrade = kind.migrations.get(version)
        if upgrade is None:
            why = kind.unreadable.get(version, "is too old to read")
            raise InputError([f"{where}: schema_version: {version} {why}"])
        try:
            data = upgrade(dict(data))
        except ValueError as error:  # the migration says why this file cannot be upgraded
            raise InputError([f"{document.where}: {error}"]) from None
        version += 1
        data["schema_version"] = version
    return data


def versioned_text(model: ModelT, kind: FileKind[ModelT], header: str = "") -> str:
    """The model as the text of its file: ``header`` (comment lines), then TOML."""
    return header + tomli_w.dumps(kind.dump(model))


def checked_text(
    model: ModelT,
    path: Path,
    kind: FileKind[ModelT],
    checks: CrossCheck[ModelT] | None = None,
    header: str = "",
) -> str:
    """The text of the file, once the reader's checks have passed on what it holds: what smm
    writes, smm reads back. Otherwise one InputError line that says nothing was written.

    The checks run on the data the text is written from (the kind, the version, validation,
    cross-checks, the size limit), not on a parse of the text: tomli_w writes only TOML that
    tomllib reads, and parsing the text again cost more than the save itself (PERFORMANCE.md).
    The header is the one part written by hand, so it is checked to be comment lines only: a
    name in it can then neither add a key nor break the file.
    """
    data = kind.dump(model)
    text = header + tomli_w.dumps(data)
    where = printable(str(path))
    try:
        if (wrong := _not_comments(header)) is not None:
            raise InputError([f"{where}: the header {wrong}"])
        size = len(text.encode("utf-8"))  # fails on a lone surrogate (undecodable bytes)
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 2**20
            raise InputError(
                [f"{where}: it would be {size:,} bytes, over the {limit} MiB that smm reads; "
                 "shorten the longest answers or notes"]
            )  # fmt: skip
        parse_versioned(TomlDocument(path=path, text=text, data=data), kind, checks)
    except UnicodeEncodeError:
        problem = "it holds text that is not valid Unicode (undecodable bytes); retype it"
    except InputError as error:
        problem = re.sub(rf"^{re.escape(where)}(:\d+)?: ", "", error.lines[0])
    else:
        return text
    raise InputError(
        [f"{where}: not written, as smm could not read it back: {problem}; nothing was changed"]
    )


_NOT_IN_A_COMMENT = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
"""What TOML forbids in a comment (a tab is allowed; a newline ends it)."""


def _not_comments(header: str) -> str | None:
    """What makes ``header`` more than whole comment lines (and blank ones), or None."""
    if header and not header.endswith("\n"):
        return "does not end its last line"
    for line in header.split("\n")[:-1]:
        if line and not line.startswith("#"):  # a blank line between comments is fine
            return f"has a line that is not a comment: {printable(line)!r}"
        if _NOT_IN_A_COMMENT.search(line):
            return f"has a control character in a comment: {printable(line)!r}"
    return None


def write_versioned(
    model: ModelT,
    path: Path,
    kind: FileKind[ModelT],
    checks: CrossCheck[ModelT] | None = None,
    header: str = "",
) -> None:
    """Write a file that smm's reader accepts, whole or not at all (see :func:`checked_text`)."""
    write_text_atomically(path, checked_text(model, path, kind, checks, header))
