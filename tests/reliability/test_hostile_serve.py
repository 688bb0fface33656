"""Hostile clients of ``smm serve``, each with the outcome it must have (security review, S2).

Each case runs a real ``smm serve`` on a free loopback port and drives it with raw WebSocket
clients that carry the page's cookie and Origin, as the page does. A tab's processes are found
in /proc by their command line (``--tab`` and the test's own sessions folder), so that a process
the server has lost (an orphan, adopted by init) is found as well as its children.

* A tab that neither quits nor answers SIGTERM (stopped with SIGSTOP, as a tab blocked writing
  its screen behaves): its socket closed, every process of the tab, the python and not only
  the shell that started it, is gone within the quit and SIGTERM grace periods and a margin.
  (Before: the server waited for it for ever, and killing the shell left the python.)
* The 3000x3000 leak: a client that never reads its socket sends 40 resizes (3000x3000 and
  10^20 x 10^20), then closes it: no tab process left. (Before: the tab, blocked writing its
  screen to a pipe the server had stopped reading, stayed for ever, 60 to 130 MB each, even
  with sizes bounded to 500x200.)
* The tab limit: with ``--max-tabs 2``, a third socket gets no process: it is closed with 1013
  ("try again later") and a reason that names ``--max-tabs``, in one log line; once a tab is
  closed and its process gone, a new tab opens. ``--max-tabs 0`` and ``-1``: one line, exit 2.
* The terminal closed (SIGHUP to the server) while a tab is open: the server stops, and so does
  the tab (which, in a session of its own, does not hear the terminal).
* The server killed with SIGKILL while a tab is open: the tab, now an orphan, notices within
  seconds and quits (before: it ran for ever, as its web driver does not quit when its input
  ends).
* 40 tabs opened and closed, eight at a time, with hostile sizes in the socket's address (huge,
  negative, not numbers, empty) and in resize messages (3000x3000, 10^20, negative, zero),
  some closed before the first screen: no tab process left, no traceback, and the server
  still serves the page and a working tab.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from interview.cli.serve_tabs import QUIT_SECONDS, TERM_SECONDS
from tests.helpers import wait_until
from tests.helpers.serving import ServeProcess, free_port, wait_for_page

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
FIRST_SCREEN_SECONDS = 30
ENDED_SECONDS = QUIT_SECONDS + TERM_SECONDS + 10  # the grace periods, and a margin
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0"}
HUGE = 10**20


@dataclass
class Served:
    process: ServeProcess
    url: str  # as printed, with the token
    sessions: Path

    @property
    def base(self) -> str:
        return f"{urlsplit(self.url).scheme}://{urlsplit(self.url).netloc}"

    def tab_processes(self) -> set[int]:
        """Every live process running one of this server's tabs (zombies are not)."""
        found = set()
        for entry in Path("/proc").iterdir():
            with contextlib.suppress(OSError):
                if not entry.name.isdigit() or _state(entry) == "Z":
                    continue
                words = (entry / "cmdline").read_bytes().split(b"\0")
                if b"--tab" in words and str(self.sessions).encode() in words:
                    found.add(int(entry.name))
        return found

    def wait_until_no_tab(self, seconds: float = ENDED_SECONDS) -> set[int]:
        """The tab processes still there after at most seconds (none, once they are gone)."""
        deadline = time.monotonic() + seconds
        while (left := self.tab_processes()) and time.monotonic() < deadline:
            time.sleep(0.2)
        return left


def _state(entry: Path) -> str:
    return (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]


@contextlib.contextmanager
def serving(tmp_path: Path, *options: str) -> Iterator[Served]:
    """A running ``smm serve``; stopped after, with any tab it left killed (so that a failing
    test leaves nothing behind)."""
    sessions = tmp_path / "sessions"
    process = ServeProcess("--port", str(free_port()), "--sessions-dir", str(sessions),
                           "--questionnaire", str(SMALL), *options)  # fmt: skip
    served = Served(process, "", sessions)
    try:
        served.url = process.printed_url()
        wait_for_page(process, served.url)
        yield served
    finally:
        _, output, errors = process.stop()
        for pid in served.tab_processes():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert "Traceback" not in output + errors


async def open_tab(
    browser: aiohttp.ClientSession, served: Served, query: str = "width=80&height=24"
) -> aiohttp.ClientWebSocketResponse:
    """A tab as the page opens it: the page first (its cookie), then the socket."""
    async with browser.get(served.url) as page:
        assert page.status == 200
    headers = {**BROWSER, "Origin": served.base}
    return await browser.ws_connect(f"{served.base}/ws?{query}", headers=headers)


def a_browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def first_screen(ws: aiohttp.ClientWebSocketResponse) -> None:
    """Once the tab's app has drawn (its first bytes of screen)."""
    deadline = time.monotonic() + FIRST_SCREEN_SECONDS
    while time.monotonic() < deadline:
        message = await ws.receive(timeout=FIRST_SCREEN_SECONDS)
        if message.type == aiohttp.WSMsgType.BINARY:
            return
        assert message.type == aiohttp.WSMsgType.TEXT, message
    pytest.fail("the tab drew nothing")


async def read_for(ws: aiohttp.ClientWebSocketResponse, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            async for _ in ws:
                pass


def test_a_tab_that_ignores_quit_and_sigterm_is_killed_whole(tmp_path: Path) -> None:
    async def stop_a_tab_and_close_it(served: Served) -> set[int]:
        async with a_browser() as browser:
            ws = await open_tab(browser, served)
            await first_screen(ws)
            stuck = served.tab_processes()
            for pid in stuck:  # the shell, if any, and the python: neither reads nor quits
                os.kill(pid, signal.SIGSTOP)
            await ws.close()
        return stuck

    with serving(tmp_path) as served:
        stuck = asyncio.run(stop_a_tab_and_close_it(served))
        assert stuck
        assert served.wait_until_no_tab() == set()
        # reaped, too: the server collects the killed process a moment after it dies
        assert wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in stuck), 10)


def test_a_3000_by_3000_tab_never_read_leaves_no_tab_behind(tmp_path: Path) -> None:
    """The review's leak: the server stops reading a tab whose client reads nothing, and the
    tab blocks for ever writing its screen to the pipe."""
    with serving(tmp_path) as served:
        with never_reading_socket(served) as client:
            assert wait_until(served.tab_processes, timeout=30)  # the tab is started
            for number in range(40):
                size = 3000 if number % 2 else HUGE
                client.sendall(text_frame(f'["resize", {{"width": {size}, "height": {size}}}]'))
                time.sleep(0.05)
            time.sleep(3)
        assert served.wait_until_no_tab() == set()


@contextlib.contextmanager
def never_reading_socket(served: Served) -> Iterator[socket.socket]:
    """A WebSocket to the server, opened by hand, that never reads what the tab draws."""
    address = urlsplit(served.base)
    token = parse_qs(urlsplit(served.url).query)["token"][0]
    client = socket.create_connection((address.hostname, address.port))
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    with client:
        client.sendall(
            f"GET /ws?width=80&height=24 HTTP/1.1\r\nHost: {address.netloc}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n"
            f"Origin: {served.base}\r\nCookie: smm-token-{address.port}={token}\r\n\r\n".encode()
        )
        assert client.recv(12) == b"HTTP/1.1 101"
        yield client


def text_frame(text: str) -> bytes:
    """A client's WebSocket text frame (masked, as a client's must be) of under 64 KiB."""
    data, mask = text.encode(), os.urandom(4)
    length = bytes([0x80 | len(data)]) if len(data) < 126 else b"\xfe" + len(data).to_bytes(2)
    return b"\x81" + length + mask + bytes(byte ^ mask[i % 4] for i, byte in enumerate(data))


def test_a_tab_over_max_tabs_is_refused_without_a_process(tmp_path: Path) -> None:
    async def one_too_many(served: Served) -> None:
        async with a_browser() as browser:
            first, second = await open_tab(browser, served), await open_tab(browser, served)
            await first_screen(first)
            await first_screen(second)
            before = len(served.process.logged("refused GET /ws"))
            third = await open_tab(browser, served)
            closed = await third.receive(timeout=10)
            assert closed.type == aiohttp.WSMsgType.CLOSE
            assert third.close_code == 1013
            reason = "the workshop is full (2 tabs open, the most --max-tabs allows)"
            assert closed.extra == reason
            assert len(served.tab_processes()) == 2  # the third started nothing
            (line,) = served.process.logged("refused GET /ws")[before:]
            assert line.rstrip().endswith(f"refused GET /ws from 127.0.0.1: {reason}")
            await first.close()
            assert await asyncio.to_thread(wait_for_tabs, served, 1) == 1
            fourth = await a_free_place(browser, served)
            await asyncio.gather(second.close(), fourth.close())

    with serving(tmp_path, "--max-tabs", "2") as served:
        asyncio.run(one_too_many(served))
        assert served.wait_until_no_tab() == set()


async def a_free_place(
    browser: aiohttp.ClientSession, served: Served
) -> aiohttp.ClientWebSocketResponse:
    """A tab that has drawn its first screen, opened again while it is refused as one too
    many (for a few seconds at most: the server sees a tab's end a moment after /proc)."""
    deadline = time.monotonic() + 5
    while True:
        ws = await open_tab(browser, served)
        message = await ws.receive(timeout=FIRST_SCREEN_SECONDS)
        while message.type == aiohttp.WSMsgType.TEXT:
            message = await ws.receive(timeout=FIRST_SCREEN_SECONDS)
        if message.type == aiohttp.WSMsgType.BINARY:
            return ws
        assert time.monotonic() < deadline, f"no place was freed: {message}"
        await asyncio.sleep(0.2)


def wait_for_tabs(served: Served, count: int) -> int:
    """How many tab processes there are, once no more than count (or after a while)."""
    deadline = time.monotonic() + ENDED_SECONDS
    while len(served.tab_processes()) > count and time.monotonic() < deadline:
        time.sleep(0.1)
    return len(served.tab_processes())


@pytest.mark.parametrize("value", ["0", "-1"])
def test_max_tabs_below_one_is_one_line_and_exit_2(tmp_path: Path, value: str) -> None:
    command = [sys.executable, "-m", "interview", "serve", "--port", str(free_port())]
    command += ["--sessions-dir", str(tmp_path), f"--max-tabs={value}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == f"smm: --max-tabs {value}: the most tabs open at once is at least 1\n"


def test_the_terminal_closed_ends_the_server_and_its_tabs(tmp_path: Path) -> None:
    async def hang_up_with_a_tab_open(served: Served) -> int:
        async with a_browser() as browser:
            ws = await open_tab(browser, served)
            await first_screen(ws)
            served.process.process.send_signal(signal.SIGHUP)
            code = await asyncio.to_thread(served.process.process.wait, FIRST_SCREEN_SECONDS)
            await ws.close()
        return code

    sessions = tmp_path / "sessions"
    process = ServeProcess("--port", str(free_port()), "--sessions-dir", str(sessions),
                           "--questionnaire", str(SMALL))  # fmt: skip
    served = Served(process, process.printed_url(), sessions)
    try:
        wait_for_page(process, served.url)
        assert asyncio.run(hang_up_with_a_tab_open(served)) == 0
        assert served.wait_until_no_tab() == set()
    finally:
        process.process.kill()
        for pid in served.tab_processes():
            os.kill(pid, signal.SIGKILL)


ORPHAN_SECONDS = 10  # the tab checks for its server every second; a margin for a loaded machine


def test_a_server_killed_with_sigkill_leaves_no_tab(tmp_path: Path) -> None:
    async def kill_the_server_with_a_tab_open(served: Served) -> None:
        async with a_browser() as browser:
            ws = await open_tab(browser, served)
            await first_screen(ws)
            assert served.tab_processes()
            served.process.process.kill()
            await asyncio.to_thread(served.process.process.wait, FIRST_SCREEN_SECONDS)
            await ws.close()

    sessions = tmp_path / "sessions"
    process = ServeProcess("--port", str(free_port()), "--sessions-dir", str(sessions),
                           "--questionnaire", str(SMALL))  # fmt: skip
    served = Served(process, process.printed_url(), sessions)
    try:
        wait_for_page(process, served.url)
        asyncio.run(kill_the_server_with_a_tab_open(served))
        assert served.wait_until_no_tab(ORPHAN_SECONDS) == set()
    finally:
        process.process.kill()
        for pid in served.tab_processes():
            os.kill(pid, signal.SIGKILL)


QUERIES = [
    f"width={HUGE}&height={HUGE}",
    "width=-5&height=-1",
    "width=wide&height=tall",
    "width=&height=",
    "width=3000&height=3000",
    "width=1e9&height=0x10",
    "",
]
RESIZES = [
    '["resize", {"width": 3000, "height": 3000}]',
    f'["resize", {{"width": {HUGE}, "height": {HUGE}}}]',
    '["resize", {"width": -3000, "height": -1}]',
    '["resize", {"width": 0, "height": 0}]',
]


@pytest.mark.slow
def test_forty_hostile_tabs_leave_no_process_and_the_server_answers(tmp_path: Path) -> None:
    async def hostile_tab(served: Served, number: int, query: str, resize: str) -> None:
        async with a_browser() as browser:
            ws = await open_tab(browser, served, query)
            if number % 5 != 0:  # every fifth closes before its first screen
                await first_screen(ws)
                await ws.send_str(resize)
                await read_for(ws, 0.5 if number % 2 else 0.0)
            await ws.close()

    async def forty(served: Served) -> None:
        cases = zip(range(40), itertools.cycle(QUERIES), itertools.cycle(RESIZES), strict=False)
        batch: list[asyncio.Task[None]] = []
        for number, query, resize in cases:
            batch.append(asyncio.create_task(hostile_tab(served, number, query, resize)))
            if len(batch) == 8:
                await asyncio.gather(*batch)
                batch = []
        await asyncio.gather(*batch)

    async def still_serves(served: Served) -> None:
        async with a_browser() as browser:
            ws = await open_tab(browser, served)
            await first_screen(ws)
            await ws.close()

    with serving(tmp_path, "--max-tabs", "40") as served:
        asyncio.run(forty(served))
        assert served.wait_until_no_tab() == set()
        asyncio.run(still_serves(served))
        assert served.wait_until_no_tab() == set()
        assert not served.process.logged("a tab ended on an error")
