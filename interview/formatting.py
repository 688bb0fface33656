"""Small formatting rules shared by every interface (CLI, TUI, reports)."""

from __future__ import annotations

from datetime import UTC, datetime

from interview.session.model import SessionKind

KIND_NAMES = {SessionKind.TARGET: "target", SessionKind.ASSESSMENT: "self-assessment"}


def plural(count: int, noun: str) -> str:
    """``1 practice``, ``2 practices``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def short_time(moment: datetime) -> str:
    """``2026-11-25 18:52 UTC``: to the minute, in UTC, the same on every machine (a file's
    time may have another offset)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def utc_time(moment: datetime) -> str:
    """``2026-11-25 18:52 UTC``, whatever offset the time was saved with."""
    return short_time(moment)
