"""The target report from the overview: written as HTML into a folder of its own, then opened
in a web browser when there is one that will not take over the terminal."""

from __future__ import annotations

import tempfile
import webbrowser
from pathlib import Path

from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.session.model import TargetSession
from interview.target_review import TargetReview

TERMINAL_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m"})
"""Browsers that run in the terminal: started from the interview, they would draw over it."""


def write_report_file(
    questionnaire: Questionnaire,
    session: TargetSession,
    profile: Profile | None,
    review: TargetReview,
    folder: Path | None = None,
) -> Path:
    """The target's HTML report, as ``smm report --format html`` writes it, in ``folder`` (by
    default a new temporary folder: the sessions folder holds sessions only)."""
    # Imported here: the report writers are only needed when a report is asked for, and
    # loading them with the interview screens slowed every start-up (docs/PERFORMANCE.md).
    from interview.render.formats import write_document
    from interview.render.session_document import session_document

    html = write_document(session_document(questionnaire, session, profile, review), "html")
    where = folder or Path(tempfile.mkdtemp(prefix="smm-report-"))
    path = where / f"{session.id}.html"
    path.write_text(html, encoding="utf-8")
    return path


def open_in_browser(path: Path) -> bool:
    """Open the file in a graphical web browser; False when there is none to use."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if Path(getattr(browser, "name", "") or "").name in TERMINAL_BROWSERS:
        return False
    return browser.open(path.resolve().as_uri())
