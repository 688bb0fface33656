"""A served workshop's seats: which sessions each browser started, and the codes that open them.

In ``smm serve`` every participant works in their own browser, and a tab shows them only the
sessions started in that browser, or opened there with the session's short code (which smm
shows them). The consultant's view shows every session. What a browser may see is kept in
``<sessions folder>/workshop/seats.toml``, beside the sessions and outside their list, so that
a participant who comes back tomorrow in the same browser finds their work again.

The code is the key to a session: 8 letters and digits from 31 that cannot be misread (no 0,
O, 1, I or L), about 40 bits, drawn by ``secrets``.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Final, Literal

from pydantic import Field, StringConstraints

from interview.errors import InputError, printable
from interview.filemodel import FileModel
from interview.files import make_folder, read_change_write
from interview.versioned import FileKind, read_versioned, write_versioned

if TYPE_CHECKING:
    from interview.engine.summary import SessionSummary

CODE_ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH: Final = 8
BROWSER_ID: Final = r"[A-Za-z0-9_-]{16,64}"
"""What a browser's id looks like (the server draws it; anything else is refused)."""
SEATS_SCHEMA_VERSION: Final = 1
LOCK_SECONDS: Final = 10

Code = Annotated[str, StringConstraints(pattern=rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")]
BrowserId = Annotated[str, StringConstraints(pattern=rf"^{BROWSER_ID}$")]


class Seats(FileModel):
    """The file: each session's code, and the sessions each browser may open."""

    schema_version: Literal[1] = SEATS_SCHEMA_VERSION
    codes: dict[Code, str] = Field(default_factory=dict)
    """Session id by code."""
    browsers: dict[BrowserId, list[str]] = Field(default_factory=dict)
    """Session ids by browser, in the order they were started or opened there."""


SEATS_FILE: Final = FileKind(
    name="workshop seats",
    model=Seats,
    version=SEATS_SCHEMA_VERSION,
    markers=frozenset({"schema_version", "codes", "browsers"}),
    advice="it is written by `smm serve`; move it away to start the workshop's seats afresh",
)
SEATS_HEADER: Final = (
    "# smm serve: each session's short code, and the sessions each browser started or opened.\n\n"
)


@dataclass(frozen=True)
class Seat:
    """Who a served tab is for: one browser, and whether it is the consultant's view."""

    browser: str
    consultant: bool = False

    @classmethod
    def parse(cls, given: str) -> Seat:
        """``browser:ID`` or ``consultant:ID``, as ``smm serve`` passes it to a tab."""
        role, _, browser = given.partition(":")
        if role not in ("browser", "consultant") or not re.fullmatch(BROWSER_ID, browser):
            raise InputError([f"--seat {printable(given)}: not a seat smm serve gives"])
        return cls(browser, consultant=role == "consultant")

    def argument(self) -> str:
        return f"{'consultant' if self.consultant else 'browser'}:{self.browser}"


def shown_code(code: str) -> str:
    """``K7P4QX2M`` → ``K7P4-QX2M``: easier to read out and to copy by hand."""
    return f"{code[:4]}-{code[4:]}"


def typed_code(typed: str) -> str | None:
    """The code in what someone typed (any case, spaces and dashes ignored); None if it
    cannot be one."""
    code = re.sub(r"[\s-]", "", typed).upper()
    if len(code) == CODE_LENGTH and all(char in CODE_ALPHABET for char in code):
        return code
    return None


@dataclass(frozen=True)
class Workshop:
    """The sessions folder as one served tab may see it."""

    folder: Path
    """The sessions folder."""
    seat: Seat

    @property
    def path(self) -> Path:
        return self.folder / "workshop" / "seats.toml"

    def visible(self, summaries: Sequence[SessionSummary]) -> list[SessionSummary]:
        """The sessions this tab lists: all for the consultant, else the browser's own."""
        if self.seat.consultant:
            return list(summaries)
        own = set(self._read().browsers.get(self.seat.browser, []))
        return [summary for summary in summaries if summary.id in own]

    def may_open(self, session_id: str) -> bool:
        seats = self._read()
        return self.seat.consultant or session_id in seats.browsers.get(self.seat.browser, [])

    def code_of(self, session_id: str) -> str | None:
        """The session's code, if it has one (sessions started outside a workshop have none
        until a served tab opens them)."""
        return _code_in(self._read(), session_id)

    def claim(self, session_id: str) -> str:
        """Let this browser open the session from now on; its code (drawn if new)."""
        with self._locked():
            seats = self._read()
            code = _code_in(seats, session_id)
            if code is None:
                code = _new_code(seats.codes.keys())
                seats.codes[code] = session_id
            own = seats.browsers.setdefault(self.seat.browser, [])
            if session_id not in own:
                own.append(session_id)
            write_versioned(seats, self.path, SEATS_FILE, header=SEATS_HEADER)
        return code

    def open_with_code(self, typed: str) -> str:
        """The session whose code was typed, claimed for this browser; InputError if none."""
        code = typed_code(typed)
        session_id = self._read().codes.get(code) if code else None
        if session_id is None:
            raise InputError(
                [f"no session has the code {printable(typed.strip())}: check it with the "
                 "person who was shown it (8 letters and digits, e.g. K7P4-QX2M)"]
            )  # fmt: skip
        self.claim(session_id)
        return session_id

    def _read(self) -> Seats:
        if not self.path.exists():
            return Seats()
        return read_versioned(self.path, SEATS_FILE)

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        """Two tabs claiming at once must not lose one of the claims."""
        make_folder(self.path.parent)
        where = printable(str(self.path))
        busy = f"{where}: another tab has held the workshop's seats for {LOCK_SECONDS} s; try again"
        unlockable = f"{where}: cannot lock the workshop's seats"
        return read_change_write(self.path.with_name(".seats.lock"), LOCK_SECONDS, busy, unlockable)


def new_browser_id() -> str:
    """A browser's id, drawn at random (what BROWSER_ID accepts)."""
    return secrets.token_urlsafe(18)


def _code_in(seats: Seats, session_id: str) -> str | None:
    return next((code for code, owner in seats.codes.items() if owner == session_id), None)


def _new_code(taken: Iterable[str]) -> str:
    used = set(taken)
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in used:
            return code
