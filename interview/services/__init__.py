"""The application layer: the use cases both front ends need, each written once.

A :class:`Workspace` is built from a questionnaire, a sessions folder, a profiles folder and a
clock. The CLI commands parse their arguments, call one service and choose a writer; the TUI's
screens call the same services. Neither reaches past this layer into the store.
"""

from interview.filemodel import system_key
from interview.services.workspace import Listing, Workspace
from interview.session.store import LoadedSession

__all__ = ["Listing", "LoadedSession", "Workspace", "system_key"]
