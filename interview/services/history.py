"""A system's history: its sessions over time, for ``smm history`` and the history screen."""

from __future__ import annotations

from dataclasses import dataclass

from interview.history import History, build_history, find_system_sessions
from interview.services.workspace import Workspace


@dataclass(frozen=True)
class HistoryResult:
    """A system's history and the files that could not be read."""

    history: History | None
    problems: list[str]


def history(workspace: Workspace, reference: str) -> HistoryResult:
    """One system's history (a system's name, or a session whose system is meant)."""
    found = find_system_sessions(workspace.store, workspace.questionnaire, reference)
    if not found.sessions:
        return HistoryResult(None, found.problems)
    return HistoryResult(build_history(workspace.questionnaire, found.sessions), found.problems)
