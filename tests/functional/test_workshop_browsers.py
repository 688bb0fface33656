"""Two participants in two browsers of one ``smm serve`` workshop: neither sees nor opens the
other's session, until one is given the other's code.

xterm.js draws on a canvas, so what a browser shows is proven by the files (the sessions and
the workshop's seats) and looked at in the screenshots kept in the test's folder.
"""

from __future__ import annotations

import contextlib
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # selenium is imported only where a test needs it (it skips without)
    from selenium.webdriver import Chrome

from interview.services.workshop import shown_code
from tests.helpers.serving import (
    ServeProcess,
    free_port,
    headless_chromium,
    needs_chromium,
    open_interview_page,
    type_into,
    wait_for_page,
)

WAIT_SECONDS = 30
SETTLE = 3.0  # for a screen to mount and take the focus, on a busy machine too


def seats(sessions: Path) -> dict[str, Any]:
    path = sessions / "workshop" / "seats.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def released(lock_file: Path) -> bool:
    """Whether no interview holds the session's lock."""
    from filelock import FileLock, Timeout

    try:
        with FileLock(lock_file, timeout=0):
            return True
    except Timeout:
        return False


def wait_until(condition: Callable[[], object]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the browser's tab did not get there in time")
        time.sleep(0.2)


@pytest.fixture
def two_browsers(tmp_path: Path) -> Iterator[tuple[Chrome, Chrome]]:
    ann = headless_chromium(tmp_path / "ann-profile")
    try:
        bob = headless_chromium(tmp_path / "bob-profile")
        try:
            yield ann, bob
        finally:
            bob.quit()
    finally:
        with contextlib.suppress(Exception):  # Ann may have closed her browser already
            ann.quit()


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_two_participants_see_only_their_own_sessions_until_given_the_code(
    tmp_path: Path, small_questionnaire_path: Path, two_browsers: tuple[Chrome, Chrome]
) -> None:
    from selenium.webdriver.common.keys import Keys

    ann, bob = two_browsers
    sessions = tmp_path / "sessions"
    server = ServeProcess("--port", str(free_port()), "--sessions-dir", str(sessions),
                          "--questionnaire", str(small_questionnaire_path))  # fmt: skip
    try:
        url = server.printed_url()
        wait_for_page(server, url)
        open_interview_page(ann, url)
        type_into(ann, "1", settle=SETTLE)
        type_into(ann, "Ann's pump", Keys.ENTER, settle=SETTLE)
        wait_until(lambda: list(sessions.glob("*.toml")))
        (ann_file,) = sessions.glob("*.toml")
        wait_until(lambda: seats(sessions).get("codes"))
        ann.save_screenshot(str(tmp_path / "1-ann-started.png"))
        (code,) = seats(sessions)["codes"]

        open_interview_page(bob, url)
        type_into(
            bob, "3", settle=SETTLE
        )  # Resume: Bob's browser has started nothing, so nothing opens
        bob.save_screenshot(str(tmp_path / "2-bob-start-page.png"))
        ann.quit()  # Ann closes her browser: her tab ends and lets go of the session
        wait_until(lambda: released(sessions / f".{ann_file.stem}.lock"))
        before = ann_file.read_bytes()
        type_into(bob, "5", settle=SETTLE)  # Open a session with its code
        type_into(bob, "WRNG-C0DE", Keys.ENTER, settle=SETTLE)
        bob.save_screenshot(str(tmp_path / "3-bob-wrong-code.png"))
        assert ann_file.read_bytes() == before
        assert len(seats(sessions)["browsers"]) == 1  # Bob's browser holds nothing yet
        type_into(bob, "5", settle=SETTLE)
        type_into(bob, shown_code(code), Keys.ENTER, settle=SETTLE)
        wait_until(lambda: len(seats(sessions)["browsers"]) == 2)
        bob.save_screenshot(str(tmp_path / "4-bob-opened-with-code.png"))
        type_into(
            bob, "Bob was here", Keys.ENTER, settle=SETTLE
        )  # the first question, now Bob's to answer
        wait_until(lambda: "Bob was here" in ann_file.read_text(encoding="utf-8"))
        bob.save_screenshot(str(tmp_path / "5-bob-answered.png"))
    finally:
        _, output, errors = server.stop()
    assert "Traceback" not in output + errors
    browsers = seats(sessions)["browsers"]
    assert all(ids == [ann_file.stem] for ids in browsers.values())
