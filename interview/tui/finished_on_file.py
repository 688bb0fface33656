"""Whether the session just quit is finished, as its file says: what ``smm`` prints after a
quit depends on it ("resume it", or the commands that use a finished session)."""

from __future__ import annotations

import contextlib

from interview.errors import InputError
from interview.services import Workspace
from interview.session.model import Session, is_finished


def finished_on_file(workspace: Workspace, session: Session, unsaved: str | None) -> Session | None:
    """The session as its file holds it when that says done; None otherwise, or when the last
    changes are not written. Looking back at a finished session moves the interview, not its
    file (engine/finished.py), so the file is read when the interview is not done."""
    if unsaved is not None:
        return None
    if is_finished(session):
        return session  # every change that finishes a session is saved
    with contextlib.suppress(InputError, OSError):
        on_file = workspace.session(session.reference)
        return on_file if is_finished(on_file) else None
    return None
