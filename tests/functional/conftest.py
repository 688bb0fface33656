"""Fixtures for driving the real app with Textual's Pilot (its helpers: tests/helpers/pilot.py):
a temporary sessions folder, a frozen clock, UTC time, and the small questionnaire unless a test
asks for the shipped one."""

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.services import Workspace
from interview.session.store import SessionStore
from interview.tui.app import SmmApp
from interview.tui.launch import Launch, ShowStart
from tests.helpers.pilot import FROZEN, AppFactory

WITHOUT_SNAPSHOTS = "SMM_TEST_WITHOUT_SNAPSHOTS"
"""Set to 1 by .ci/run's run on the lowest versions the metadata allows: the pictures of the
screen (snap_compare) are the newest Textual's rendering, which an older one draws otherwise."""


@pytest.fixture(autouse=True)
def utc_everywhere() -> Iterator[None]:
    """Times on screen in UTC, whatever the machine's zone."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


@pytest.fixture
def make_app(store: SessionStore, small: Questionnaire) -> AppFactory:
    def make(launch: Launch | None = None, questionnaire: Questionnaire | None = None) -> SmmApp:
        workspace = Workspace(questionnaire or small, store, clock=lambda: FROZEN)
        return SmmApp(workspace, launch or ShowStart())

    return make


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leaves out the tests that compare the screen with a picture when WITHOUT_SNAPSHOTS is 1."""
    if os.environ.get(WITHOUT_SNAPSHOTS) != "1":
        return
    pictures = [item for item in items if "snap_compare" in getattr(item, "fixturenames", ())]
    if pictures:
        config.hook.pytest_deselected(items=pictures)
        items[:] = [item for item in items if item not in pictures]
