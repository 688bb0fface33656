"""Shared test helpers: where the test data is."""

from pathlib import Path

import pytest

DATA_DIR = Path(__file__).parent / "data"
QUESTIONNAIRE_FIXTURES = DATA_DIR / "questionnaires"


@pytest.fixture
def minimal_questionnaire_path() -> Path:
    """The smallest valid questionnaire: one domain, one sub-domain, one practice."""
    return QUESTIONNAIRE_FIXTURES / "minimal.toml"
