"""What a workshop participant is told in the browser, where ``smm resume`` cannot be typed."""

from __future__ import annotations

OPEN_WITH_CODE = "Open a session with its code"
"""The start page's choice, named the same wherever it is mentioned."""


def session_code_notice(code: str) -> str:
    """Shown as a session opens in ``smm serve``."""
    return (
        f"Your session code is {code}. Every answer is saved as you give it. To come back, "
        "open this page again in this browser and choose Resume; from another browser, choose "
        f'"{OPEN_WITH_CODE}" and type the code.'
    )


def come_back_line(session_id: str, code: str) -> str:
    """The last line of a finished interview in ``smm serve``."""
    return (
        f"Saved as session {session_id}. To come back to it, open this page again in this "
        f'browser and choose Resume, or from any browser choose "{OPEN_WITH_CODE}" and type '
        f"{code}."
    )
