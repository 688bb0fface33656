"""A real ``smm serve`` process for the tests: started on a free loopback port, its output read
as it comes (the URL it prints, the lines it logs), stopped with Ctrl+C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # selenium is imported only where a test needs it (it skips without)
    from selenium.webdriver import Chrome

STARTUP_SECONDS = 30
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = Path("/usr/bin/chromium")

needs_chromium = pytest.mark.skipif(
    not (CHROMEDRIVER.exists() and CHROMIUM.exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium-driver)",
)


def headless_chromium(profile: Path) -> Chrome:
    """Headless Chromium driven by selenium, with its own profile: one browser of its own,
    with its own cookies."""
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    chrome: Chrome = webdriver.Chrome(options=options, service=service)
    return chrome


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


PARTICIPANTS = "Participants open: "
CONSULTANT = "Consultant's view (every session, who has finished): "


class ServeProcess:
    """``smm serve ARGS``, with everything it prints kept, line by line, as it arrives."""

    def __init__(self, *args: str) -> None:
        environment = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
        if "--sessions-dir" in args:
            # What smm writes to the temporary folder (a tab's crash log) stays in the test's.
            temp = Path(args[args.index("--sessions-dir") + 1]).parent / "serve-tmp"
            temp.mkdir(parents=True, exist_ok=True)
            environment["TMPDIR"] = str(temp)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "interview", "serve", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        self.output: list[str] = []
        self.errors: list[str] = []
        self._arrived = threading.Condition()
        self._readers = [
            threading.Thread(target=self._keep, args=(stream, lines), daemon=True)
            for stream, lines in (
                (self.process.stdout, self.output),
                (self.process.stderr, self.errors),
            )
        ]
        for reader in self._readers:
            reader.start()

    def _keep(self, stream: IO[str] | None, lines: list[str]) -> None:
        for line in stream or ():
            with self._arrived:
                lines.append(line)
                self._arrived.notify_all()

    def wait_for_line(self, wanted: Callable[[str], bool], *, errors: bool = False) -> str:
        """The first line of standard output (or error) that is wanted, once it is printed."""
        lines = self.errors if errors else self.output
        deadline = time.monotonic() + STARTUP_SECONDS
        with self._arrived:
            while True:
                found = next((line for line in lines if wanted(line)), None)
                if found is not None:
                    return found.rstrip()
                if self.process.poll() is not None and not any(r.is_alive() for r in self._readers):
                    pytest.fail(
                        f"smm serve stopped (exit {self.process.returncode}): {self.errors}"
                    )
                if time.monotonic() > deadline:
                    pytest.fail(f"smm serve did not print the line wanted: {self.output}")
                self._arrived.wait(0.2)

    def printed_url(self) -> str:
        """The URL smm prints for the participants' browsers, token included."""
        line = self.wait_for_line(lambda line: line.startswith(PARTICIPANTS))
        return line.removeprefix(PARTICIPANTS)

    def consultant_url(self) -> str:
        """The URL smm prints for the consultant's view."""
        line = self.wait_for_line(lambda line: line.startswith(CONSULTANT))
        return line.removeprefix(CONSULTANT)

    def logged(self, text: str) -> list[str]:
        """The lines printed so far that contain text."""
        with self._arrived:
            return [line for line in self.output + self.errors if text in line]

    def stop(self) -> tuple[int, str, str]:
        """Ctrl+C, as a person would; the exit code and what was printed."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"smm serve did not stop on Ctrl+C: {self.errors}")
        for reader in self._readers:
            reader.join(timeout=10)
        return self.process.returncode, "".join(self.output), "".join(self.errors)


def wait_for_page(served: ServeProcess, url: str) -> str:
    """The page at url, once the server answers."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            pytest.fail(f"smm serve stopped early (exit {served.process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"smm serve did not answer on {url} within {STARTUP_SECONDS}s")


SCREEN_RECORDER = """
window.smmScreen = "";
window.WebSocket = class extends window.WebSocket {
  constructor(...given) {
    super(...given);
    const decoder = new TextDecoder();
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.smmScreen += decoder.decode(event.data);
    });
  }
};
"""


def record_screens(driver: Chrome) -> None:
    """Keep, in the pages this browser opens next, the bytes their terminal is sent as text:
    xterm.js draws on a canvas, so what it shows is read from what it was given to draw."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SCREEN_RECORDER})


def screen_text(driver: Chrome) -> str:
    """What the page's terminal was sent so far (with record_screens), escapes and all."""
    return str(driver.execute_script("return window.smmScreen || ''"))


def open_interview_page(driver: Chrome, url: str) -> None:
    """Open the page and wait for the app's first frame; give the keys to its terminal."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    body = driver.find_element(By.TAG_NAME, "body")
    WebDriverWait(driver, 30).until(lambda _: "-first-byte" in (body.get_attribute("class") or ""))
    # xterm.js takes keys in a hidden textarea, which newer Chromiums report as not
    # interactable: focus it, then type to whatever has the focus, as a person does.
    textarea = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    driver.execute_script("arguments[0].focus()", textarea)


def type_into(driver: Chrome, *keys: str, settle: float = 1.5) -> None:
    """Type into the page, then give the next screen a moment to mount and take focus."""
    from selenium.webdriver.common.action_chains import ActionChains

    for key in keys:
        ActionChains(driver).send_keys(key).perform()
    time.sleep(settle)
