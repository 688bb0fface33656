"""Shared test helpers: where the test data is."""

from pathlib import Path

import pytest

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
