"""What becomes of a command given to the interview."""

from __future__ import annotations

from dataclasses import dataclass


class EngineError(ValueError):
    """A request the interview cannot carry out now (the interface should not have offered it)."""


@dataclass(frozen=True)
class Outcome:
    """What became of a command: accepted, or refused with the reason to show the user."""

    refused: str | None = None

    @property
    def accepted(self) -> bool:
        return self.refused is None


ACCEPTED = Outcome()
