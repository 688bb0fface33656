"""``smm accept``: close an improvement cycle by accepting an assessment as the new baseline."""

from __future__ import annotations

import argparse

from interview.cli.exit_codes import ExitCode
from interview.cli.output import workspace_of
from interview.errors import printable
from interview.formatting import short_time
from interview.services.records import accept


def run_accept(arguments: argparse.Namespace) -> int:
    """Record the acceptance in the session (locked while it is read and written)."""
    workspace = workspace_of(arguments)
    session = accept(workspace, arguments.session)
    if session.accepted_as_baseline is not None:
        moment = short_time(session.accepted_as_baseline)
        line = f"{session.reference}: accepted as the new baseline on {moment}"
        if session.outside_file is not None:  # not the folder's session of the same id
            line += f"; saved in {session.outside_file}, not in the sessions folder"
        print(printable(line))
    return ExitCode.OK
