"""What the tests share that is not a fixture: where the test data is, and waiting for an
event that gives no signal of its own. Test modules import from here, never from each other."""

import time
from collections.abc import Callable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
QUESTIONNAIRE_FIXTURES = DATA_DIR / "questionnaires"


def wait_until(predicate: Callable[[], object], timeout: float, *, every: float = 0.05) -> bool:
    """Ask ``predicate`` until it is true or ``timeout`` seconds have passed; whether it came
    true. For events nothing announces (a process gone, a file written by another process)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True
