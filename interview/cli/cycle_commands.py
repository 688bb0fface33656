"""``smm accept``: close an improvement cycle by accepting an assessment as the new baseline."""

from __future__ import annotations

import argparse

from interview.engine.interview import EngineError, Interview
from interview.errors import InputError
from interview.formatting import short_time
from interview.questionnaire import load_questionnaire
from interview.session.store import SessionStore

EXIT_OK = 0


def run_accept(arguments: argparse.Namespace) -> int:
    """Record the acceptance in the session (locked while it is written)."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    store = SessionStore(arguments.sessions_dir)
    session = store.load(arguments.session, questionnaire).session
    with store.locked(session):
        interview = Interview(questionnaire, session, on_change=store.save)
        try:
            interview.accept_as_baseline()
        except EngineError as error:
            raise InputError([f"{session.id}: {error}"]) from None
    accepted = session.accepted_as_baseline
    print(
        f"{session.id}: accepted as the new baseline on {short_time(accepted)}" if accepted else ""
    )
    return EXIT_OK
