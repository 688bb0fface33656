"""A finished session stays finished while it is only looked at.

Going back from the finished state (Esc, "Back to the review", a jump) moves the interview
to a question or the review, a phase that is not done. Written as it is, one Esc would
turn a finished session back into an unfinished one, and ``smm gap`` would refuse it. So the
engine's saves pass through :class:`KeepFinished`: while nothing recorded has changed since
the session was finished, nothing is written and the file keeps saying done; the first
change (an answer, a note, a skip) is written with the phase it is in, which reopens the
session. The user is told both: that looking does not reopen it, and when a change does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from interview.session.model import Phase, Session

NOT_RECORDED = {"phase", "cursor", "updated", "levels"}
"""Where the interview stands, when, and the levels derived at every save: moving around
changes these, never what the session records."""


def recorded(session: Session) -> dict[str, Any]:
    """What the session records, apart from where the interview stands."""
    return session.model_dump(exclude=NOT_RECORDED)


class KeepFinished:
    """The engine's ``on_change``: saves, except a finished session that is only browsed."""

    def __init__(
        self,
        save: Callable[[Session], None],
        session: Session,
        on_reopen: Callable[[Session], None] = lambda _session: None,
        on_browse: Callable[[Session], None] = lambda _session: None,
    ) -> None:
        """``on_reopen``: told at the first change; ``on_browse``: told once, at the first
        move away from the finished state that changes nothing."""
        self._save = save
        self._on_reopen = on_reopen
        self._on_browse: Callable[[Session], None] | None = on_browse
        self._finished = recorded(session) if session.phase is Phase.DONE else None
        """What the session recorded when it was last saved as finished; None when it is not."""

    @property
    def browsing(self) -> bool:
        """Whether the file says done while the interview shows an earlier phase."""
        return self._finished is not None

    def __call__(self, session: Session) -> None:
        if session.phase is Phase.DONE:
            self._save(session)
            self._finished = recorded(session)
            return
        if self._finished is None:
            self._save(session)
            return
        if recorded(session) == self._finished:
            if self._on_browse is not None:
                self._on_browse(session)
                self._on_browse = None
            return  # only looked at: the file stays finished
        self._save(session)
        self._finished = None
        self._on_reopen(session)
