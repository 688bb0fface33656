"""What the app opens on: the start screen, a new interview, or a saved session."""

from __future__ import annotations

from dataclasses import dataclass

from interview.session.model import SessionKind


@dataclass(frozen=True)
class ShowStart:
    """Open on the start screen."""


@dataclass(frozen=True)
class StartNew:
    """Open straight on a new interview."""

    kind: SessionKind
    system: str
    target_id: str | None = None
    profile_id: str | None = None
    previous_id: str | None = None
    sector: str | None = None
    """The sector answered ahead (``--industry``): not asked again."""


@dataclass(frozen=True)
class Resume:
    """Open straight on a saved session (an id from the sessions folder, or a path)."""

    reference: str


Launch = ShowStart | StartNew | Resume


__all__ = ["Launch", "Resume", "ShowStart", "StartNew"]
