"""What a workshop participant is told in the browser, where ``smm resume`` cannot be typed."""

from __future__ import annotations

from typing import Any

from textual.app import App

from interview.services.workshop import Workshop, shown_code

OPEN_WITH_CODE = "Open a session with its code"
"""The start page's choice, named the same wherever it is mentioned."""


def session_code_notice(code: str) -> str:
    """Shown as a session opens in ``smm serve``."""
    return (
        f"Your session code is {code}. Every answer is saved as you give it. To come back, "
        "open this page again in this browser and choose Resume; from another browser, choose "
        f'"{OPEN_WITH_CODE}" and type the code.'
    )


def come_back_line(app: App[Any], session_id: str) -> str:
    """The last line of a finished interview: how to come back to it, where it runs."""
    workshop = getattr(app, "workshop", None)  # SmmApp's, in ``smm serve``
    code = workshop.code_of(session_id) if isinstance(workshop, Workshop) else None
    if code is None:
        return f"Saved as session {session_id}. To come back to it: smm resume {session_id}"
    return (
        f"Saved as session {session_id}. To come back to it, open this page again in this "
        f'browser and choose Resume, or from any browser choose "{OPEN_WITH_CODE}" and type '
        f"{shown_code(code)}."
    )
