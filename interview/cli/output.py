"""What the commands share: the workspace they work in, and warnings on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interview.errors import printable

if TYPE_CHECKING:
    from interview.services import Workspace


def workspace_of(arguments: argparse.Namespace) -> Workspace:
    """The workspace a command works in: its questionnaire and its sessions folder."""
    from interview.questionnaire import load_questionnaire
    from interview.services import Workspace

    return Workspace.at(load_questionnaire(arguments.questionnaire), arguments.sessions_dir)


def warn(lines: Sequence[str]) -> None:
    """Warnings on stderr, one line each; the command goes on."""
    for line in lines:
        print(printable(f"smm: warning: {line}"), file=sys.stderr)
