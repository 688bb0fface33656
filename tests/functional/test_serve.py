"""``smm serve``: the interview served to a web browser by textual-serve.

The server runs as a real ``smm serve`` process on a free port of 127.0.0.1. Only loopback
addresses are ever sent traffic; the one test that listens on 0.0.0.0 stops the server as soon
as it has read the warning.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # selenium is imported only where a test needs it (it skips without)
    from selenium.webdriver import Chrome

from interview.cli import main
from tests.helpers.serving import (
    ServeProcess,
    free_port,
    headless_chromium,
    needs_chromium,
    record_screens,
    screen_text,
    wait_for_page,
)

SETTLE_SECONDS = 1.5  # for a screen to mount and take focus in the browser's app


@pytest.fixture
def served(tmp_path: Path, small_questionnaire_path: Path) -> Iterator[tuple[str, Path]]:
    """A running ``smm serve`` on a free loopback port: the URL it printed, its sessions folder."""
    sessions = tmp_path / "sessions"
    server = ServeProcess(
        "--port",
        str(free_port()),
        "--sessions-dir",
        str(sessions),
        "--questionnaire",
        str(small_questionnaire_path),
    )
    try:
        url = server.printed_url()
        wait_for_page(server, url)
        yield url, sessions
    finally:
        if server.process.poll() is None:
            server.stop()


def test_serve_serves_the_page_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    server = ServeProcess("--port", str(port), "--sessions-dir", str(tmp_path / "sessions"))
    try:
        url = server.printed_url()
        page = wait_for_page(server, url)
    finally:
        code, output, errors = server.stop()
    assert url.startswith(f"http://127.0.0.1:{port}/?token=")
    assert 'class="textual-terminal"' in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
    assert f"http://127.0.0.1:{port}/static/js/textual.js" in page
    assert code in (0, 130)
    assert "Traceback" not in output + errors
    assert "warning" not in errors  # loopback: nothing to warn about
    # The page is smm's own: a title, and nothing fetched from another server.
    assert "<title>smm: IoT Security Maturity Model interview</title>" in page
    assert "googleapis" not in page
    assert "//" not in page.replace(f"http://127.0.0.1:{port}/", "").replace("ws://", "")
    # The banner gives the addresses to hand out, not the tab's command line.
    assert f"Participants open: {url}" in output
    assert f"Consultant's view (every session, who has finished): {url}&consultant=" in output
    assert "--tab" not in output


def test_a_taken_port_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--port", str(port), "--sessions-dir", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (
        f"smm: 127.0.0.1:{port} is already in use; choose another port with --port\n"
    )
    assert captured.out == ""


def test_a_bad_port_number_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000", "--sessions-dir", str(tmp_path)]) == 2
    assert "--port 70000" in capsys.readouterr().err


def test_another_host_warns_that_anyone_can_reach_the_sessions(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    server = ServeProcess(
        "--host", "0.0.0.0", "--port", str(free_port()), "--sessions-dir", str(sessions)
    )
    try:
        warning = server.wait_for_line(lambda line: "warning" in line, errors=True)
    finally:
        server.process.terminate()  # at once: nothing is sent to a non-loopback address
        server.process.wait(timeout=20)
    assert warning.startswith("smm: warning: serving on 0.0.0.0:")
    assert "anyone who can reach" in warning
    assert "can read and write the sessions" in warning
    assert str(sessions.resolve()) in warning


def test_the_interview_needs_a_terminal_unless_textual_serve_runs_it(tmp_path: Path) -> None:
    """A plain pipe is still refused, even with the hidden per-tab option."""
    result = subprocess.run(
        [sys.executable, "-m", "interview", "serve", "--tab", "--sessions-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"},
    )
    assert result.returncode == 2
    assert "the interview needs a terminal" in result.stderr


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Chrome]:
    """Headless Chromium, driven by selenium."""
    driver = headless_chromium(tmp_path / "chromium")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.browser
@needs_chromium
def test_a_real_browser_answers_the_first_questions(
    served: tuple[str, Path], browser: Chrome
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    url, sessions = served
    record_screens(browser)
    browser.get(url)  # the URL as smm printed it, with its token
    wait = WebDriverWait(browser, 30)
    # The app has drawn its first frame once the page marks the first byte. xterm.js draws
    # on a canvas, so the screen cannot be read as text: each step waits a moment for the
    # next screen to take the keys, and the session file on disk is the proof.
    wait.until(
        lambda b: (
            "-first-byte" in (b.find_element(By.TAG_NAME, "body").get_attribute("class") or "")
        )
    )
    # xterm.js takes keys in a hidden textarea, which newer Chromiums report as not
    # interactable: focus it, then type to whatever has the focus, as a person does.
    # The app's first screen: the start page's choices.
    wait.until(lambda b: "Open a session with its code" in screen_text(b))
    assert "Set a security maturity target" in screen_text(browser)
    textarea = browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    browser.execute_script("arguments[0].focus()", textarea)

    def type_keys(text: str) -> None:
        ActionChains(browser).send_keys(text).perform()

    time.sleep(SETTLE_SECONDS)
    type_keys("1")  # set a target
    time.sleep(SETTLE_SECONDS)
    type_keys("Browser gateway")
    type_keys(Keys.ENTER)
    wait.until(lambda _: list(sessions.glob("*.toml")))  # created on the system's name
    (saved,) = sessions.glob("*.toml")
    time.sleep(SETTLE_SECONDS)
    type_keys("The gateway and its cloud service")  # the first question: scope
    type_keys(Keys.ENTER)
    wait.until(lambda _: "gateway and its cloud" in saved.read_text(encoding="utf-8"))
    time.sleep(0.5)  # let the next question draw, for the picture
    browser.save_screenshot(str(sessions.parent / "serve.png"))  # the test's own folder
    assert "Browser gateway" in saved.read_text(encoding="utf-8")


ATTACKER_PAGE = """<!DOCTYPE html><title>waiting</title><script>
// What a page of another origin gets from the interview's server: each attempt ends as
// "refused" (the socket), "blocked" (a read the browser forbids) or what was read.
const server = "127.0.0.1:PORT";
const outcome = {};
function done(name, value) {
  outcome[name] = value;
  if (Object.keys(outcome).length === 4) document.title = JSON.stringify(outcome);
}
const socket = new WebSocket(`ws://${server}/ws?width=80&height=24`);
let read = 0;
socket.onopen = () => { outcome.opened = true; socket.send(JSON.stringify(["stdin", "3"])); };
socket.onmessage = () => { read += 1; };
socket.onclose = () => done("socket", outcome.opened ? `read ${read}` : "refused");
for (const [name, path] of [["page", "/"], ["script", "/static/js/textual.js"],
                            ["plain ws", "/ws"]]) {
  fetch(`http://${server}${path}`, {credentials: "include"})
    .then((response) => response.text())
    .then((text) => done(name, `read ${text.length}`), () => done(name, "blocked"));
}
</script>"""
NOTHING_READ = {"socket": "refused", "page": "blocked", "script": "blocked", "plain ws": "blocked"}


@pytest.mark.browser
@needs_chromium
def test_a_page_on_another_origin_cannot_open_the_socket(tmp_path: Path, browser: Chrome) -> None:
    """The S1 attack, in the browser: the user has the interview open, with its cookie, and a
    page from another origin (another port of 127.0.0.1: the same site to the cookie) tries
    the socket (refused, so nothing read from it), and reads of the page, a static file and
    the socket's address (the browser lets the page read none of them)."""
    from selenium.webdriver.support.ui import WebDriverWait

    port, attacker_port = free_port(), free_port()
    (tmp_path / "index.html").write_text(ATTACKER_PAGE.replace("PORT", str(port)))
    attacker = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(attacker_port), "--bind", "127.0.0.1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = ServeProcess("--port", str(port), "--sessions-dir", str(tmp_path / "sessions"))
    try:
        url = server.printed_url()
        wait_for_page(server, url)
        browser.get(url)  # the interview's page: its cookie is now in the browser
        wait_for_page_of(f"http://127.0.0.1:{attacker_port}/")
        browser.get(f"http://127.0.0.1:{attacker_port}/")
        WebDriverWait(browser, 30).until(lambda b: b.title != "waiting")
        outcome = json.loads(browser.title)
        browser.get("about:blank")  # closes the socket, had it opened
    finally:
        _, output, _ = server.stop()
        attacker.terminate()
        attacker.wait(timeout=20)
    assert outcome == NOTHING_READ
    reason = f"Origin 'http://127.0.0.1:{attacker_port}' is not http://127.0.0.1:{port}"
    assert f"refused GET /ws from 127.0.0.1: {reason}" in output


def wait_for_page_of(url: str) -> None:
    """Once a plain HTTP server answers at url."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"nothing answered on {url}")


@pytest.mark.browser
@needs_chromium
def test_a_tab_over_max_tabs_says_so_in_the_browser(tmp_path: Path, browser: Chrome) -> None:
    """With ``--max-tabs 1``, a second browser tab starts no interview, and says why."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    server = ServeProcess("--port", str(free_port()), "--max-tabs", "1",
                          "--sessions-dir", str(tmp_path / "sessions"))  # fmt: skip
    try:
        url = server.printed_url()
        wait_for_page(server, url)
        record_screens(browser)
        browser.get(url)
        WebDriverWait(browser, 30).until(lambda b: "with its code" in screen_text(b))
        browser.switch_to.new_window("tab")
        browser.get(url)
        full = browser.find_element(By.CSS_SELECTOR, ".panel.full")
        WebDriverWait(browser, 30).until(lambda _: full.is_displayed())
        shown = full.text
        ended = browser.find_element(By.CSS_SELECTOR, ".panel.ended").is_displayed()
        browser.save_screenshot(str(tmp_path / "full.png"))
        drawn = screen_text(browser)
    finally:
        _, output, _ = server.stop()
    reason = "the workshop is full (1 tab open, the most --max-tabs allows)"
    assert f"No interview could start here: {reason}." in shown
    assert "Close a browser tab with an interview you no longer use" in shown
    assert not ended  # not "this interview window has closed"
    assert drawn == ""  # no interview in this tab
    assert output.count("refused GET /ws") == 1
