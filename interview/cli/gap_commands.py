"""``smm gap``, ``smm report``, ``smm export`` and ``smm import``: comparing and moving levels."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

SessionOptions = Callable[[argparse.ArgumentParser], None]


def add_gap_commands(commands: Any, add_session_options: SessionOptions) -> None:
    """Register the gap-analysis commands (none yet: issue 5 adds them here)."""
