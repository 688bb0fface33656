"""The rig the hostile-input modules share: a sessions folder holding a target ``t`` and an
assessment ``c`` of the system "Rig", both imported, with a questionnaire cache per module."""

from pathlib import Path

import pytest

from interview.session.model import SessionKind
from interview.session.store import SessionStore
from tests.helpers.hostile import CURRENT_CSV, TARGET_CSV, Rig, import_csv


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def rig(tmp_path: Path, cache_dir: Path) -> Rig:
    """A target ``t`` and an assessment ``c`` of the system "Rig", both imported."""
    made = Rig(tmp_path, cache_dir)
    store = SessionStore(made.sessions)
    import_csv(store, SessionKind.TARGET, "Rig", TARGET_CSV, "t")
    import_csv(store, SessionKind.ASSESSMENT, "Rig", CURRENT_CSV, "c")
    return made
