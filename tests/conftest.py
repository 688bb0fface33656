"""Shared fixtures (the helpers are in tests/helpers/): the test questionnaires; a cache
of checked questionnaires of the tests' own, so that the user's cache is left alone; the
markers set by folder; and the proof, at the end of a run, that no test wrote outside its own
temporary folder."""

import os
import tempfile
from pathlib import Path

import hypothesis
import hypothesis.configuration
import pytest

from tests.helpers import QUESTIONNAIRE_FIXTURES
from tests.helpers.hygiene import Footprint, private_temp_folder

TESTS = Path(__file__).parent

# No example database in the repository (.hypothesis/): a failing example is printed instead.
hypothesis.settings.register_profile("smm", database=None)
hypothesis.settings.load_profile("smm")

_FOOTPRINT = pytest.StashKey[Footprint]()


@pytest.hookimpl(trylast=True)  # after pytest's own configure, which makes tmp_path_factory
def pytest_configure(config: pytest.Config) -> None:
    """Before collection (test modules load questionnaires at import), and before xdist
    starts its workers, which inherit the environment set here."""
    base: Path = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    # Each process (the run, or each xdist worker) checks questionnaires into a cache of its own.
    os.environ["SMM_CACHE_DIR"] = str(base / "smm-cache")
    hypothesis.configuration.set_hypothesis_home_dir(base / "hypothesis")
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the run that started it watches the folders
    temp = private_temp_folder(base)
    os.environ["TMPDIR"] = str(temp)
    tempfile.tempdir = None  # forget the temporary folder found before TMPDIR was set
    config.stash[_FOOTPRINT] = Footprint.take(TESTS.parent, temp)


@pytest.hookimpl(trylast=True)  # after the plugins (textual-snapshot) clean their own folders
def pytest_sessionfinish(session: pytest.Session) -> None:
    before = session.config.stash.get(_FOOTPRINT, None)
    if before is None:
        return
    left = before.left_behind()
    if left:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"tests wrote outside their temporary folders: {left}", red=True)


@pytest.hookimpl(tryfirst=True)  # before -m reads the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The markers that follow from where a test is: every test under tests/reliability is a
    reliability test, and tests/test_benchmarks.py runs the benchmarks. The tests that drive
    Chromium (a browser and a server each, a dozen processes) run one after the other, in one
    xdist worker (--dist loadgroup), so that they never compete with each other for the cores."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("chromium"))
        place = item.path.relative_to(TESTS)
        if place.parts[0] == "reliability":
            item.add_marker(pytest.mark.reliability)
        if place == Path("test_benchmarks.py"):
            item.add_marker(pytest.mark.benchmark)
            item.add_marker(pytest.mark.slow)


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
