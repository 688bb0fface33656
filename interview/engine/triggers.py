"""The interview machine's triggers, as typed methods.

transitions binds each trigger (and its ``may_`` check) to the model when the machine is made;
with ``model_override=True`` it binds only names the model already defines, so these stubs give
mypy the names and types, and a misspelt trigger is an error, not a silent no-op.
"""

from __future__ import annotations

from interview.engine.plan import Step


class Triggers:
    """The moves of the transition table in engine/interview.py."""

    def go_to_step(self, step: Step) -> bool:
        """Put the question on show, in the phase it belongs to."""
        raise NotImplementedError  # bound by the machine

    def summarise_practice(self, practice_id: str) -> bool:
        """Show what the practice just finished reached."""
        raise NotImplementedError  # bound by the machine

    def enter_review(self) -> bool:
        """Open the review of skipped, unanswered and don't-know questions."""
        raise NotImplementedError  # bound by the machine

    def may_enter_review(self) -> bool:
        raise NotImplementedError  # bound by the machine

    def close(self) -> bool:
        """Mark the session done."""
        raise NotImplementedError  # bound by the machine

    def may_close(self) -> bool:
        raise NotImplementedError  # bound by the machine
