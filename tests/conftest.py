"""Shared test helpers: where the test data is; a cache of checked questionnaires of the
tests' own, so that the user's cache is left alone."""

import os
import tempfile
from pathlib import Path

import pytest

# Set at import, before any test runs, so that smm in a subprocess uses it too.
os.environ["SMM_CACHE_DIR"] = tempfile.mkdtemp(prefix="smm-test-cache-")

DATA_DIR = Path(__file__).parent / "data"
QUESTIONNAIRE_FIXTURES = DATA_DIR / "questionnaires"


@pytest.fixture
def minimal_questionnaire_path() -> Path:
    """The smallest valid questionnaire: one domain, one sub-domain, one practice."""
    return QUESTIONNAIRE_FIXTURES / "minimal.toml"


@pytest.fixture
def small_questionnaire_path() -> Path:
    """Two domains, three practices: D1.1 and D1.2 under D1, F1.1 under F1."""
    return QUESTIONNAIRE_FIXTURES / "small.toml"


@pytest.fixture
def wide_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text output 100 columns wide, as the text writers wrote it before they fit the terminal,
    for tests that read content, not layout (the 80-column fit has tests of its own)."""
    monkeypatch.setattr("interview.cli.output.PIPE_WIDTH", 100)
