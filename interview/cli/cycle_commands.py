"""``smm accept``: close an improvement cycle by accepting an assessment as the new baseline."""

from __future__ import annotations

import argparse

from interview.cli.output import workspace_of
from interview.formatting import short_time
from interview.services.records import accept

EXIT_OK = 0


def run_accept(arguments: argparse.Namespace) -> int:
    """Record the acceptance in the session (locked while it is read and written)."""
    session = accept(workspace_of(arguments), arguments.session)
    if session.accepted_as_baseline is not None:
        moment = short_time(session.accepted_as_baseline)
        print(f"{session.id}: accepted as the new baseline on {moment}")
    return EXIT_OK
