"""``smm serve`` answers only its own page: Host, Origin and token checks, against a real server.

One server on a free loopback port serves the whole module; each refused request must get its
status and exactly one log line, never a traceback. The rules themselves are unit-tested in
``tests/unit/test_serve_guard.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from tests.helpers import QUESTIONNAIRE_FIXTURES, wait_until
from tests.helpers.serving import ServeProcess, free_port, wait_for_page

FIRST_BYTES_SECONDS = 30
WS_HEADERS = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0"}  # as a browser


@dataclass
class Served:
    process: ServeProcess
    url: str  # as printed, with the token
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.url).query)["token"][0]

    @property
    def cookie(self) -> dict[str, str]:
        return {f"smm-token-{self.port}": self.token}


def start(tmp_path: Path, *options: str) -> Served:
    port = free_port()
    process = ServeProcess(
        "--port",
        str(port),
        "--sessions-dir",
        str(tmp_path / "sessions"),
        "--questionnaire",
        str(QUESTIONNAIRE_FIXTURES / "small.toml"),
        *options,
    )
    served = Served(process, process.printed_url(), port)
    wait_for_page(process, served.url)
    return served


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    served = start(tmp_path_factory.mktemp("serve-guard"))
    try:
        yield served
    finally:
        _, output, errors = served.process.stop()
        assert "Traceback" not in output + errors


def refused_lines(served: Served) -> int:
    return len(served.process.logged("refused "))


def assert_logged_once(served: Served, before: int, reason: str) -> None:
    """The refusal was logged in one line that gives the reason, and nothing else was."""
    wait_until(lambda: refused_lines(served) > before, timeout=10)
    time.sleep(0.2)  # no event says "no traceback": give one the moment it would take
    (line,) = served.process.logged("refused ")[before:]
    assert reason in line
    assert not served.process.logged("Traceback")


async def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """The status, body and Set-Cookie header of a GET."""
    return await get_with(url, headers or {}, None)


async def get_with(
    url: str, headers: dict[str, str], cookies: dict[str, str] | None
) -> tuple[int, str, str]:
    async with (
        aiohttp.ClientSession(cookies=cookies) as client,
        client.get(url, headers=headers) as response,
    ):
        return response.status, await response.text(), response.headers.get("Set-Cookie", "")


async def handshake(
    url: str, headers: dict[str, str], cookies: dict[str, str] | None = None
) -> int:
    """The status of a WebSocket handshake (101 when accepted), the socket closed at once."""
    async with aiohttp.ClientSession(cookies=cookies) as client:
        try:
            async with client.ws_connect(url, headers=headers, autoclose=True):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


async def test_the_page_needs_the_printed_token(served: Served) -> None:
    before = refused_lines(served)
    status, body, cookie = await get(served.base + "/")
    assert status == 403
    assert body.startswith("smm serve: this address needs its token. Open the URL that smm")
    assert cookie == ""
    assert_logged_once(served, before, "refused GET / from 127.0.0.1: wrong or missing token")

    before = refused_lines(served)
    status, _, _ = await get(served.base + "/?token=" + served.token[:-1] + "x")
    assert status == 403
    assert_logged_once(served, before, "wrong or missing token")

    status, body, cookie = await get(served.url)
    assert status == 200
    assert 'class="textual-terminal"' in body
    assert f"smm-token-{served.port}={served.token}" in cookie
    assert all(part in cookie for part in ("HttpOnly", "Path=/ws", "SameSite=Strict"))


async def set_cookies(url: str, cookies: dict[str, str] | None = None) -> tuple[int, list[str]]:
    """The status and every Set-Cookie header of a GET."""
    async with aiohttp.ClientSession(cookies=cookies) as client, client.get(url) as response:
        return response.status, response.headers.getall("Set-Cookie", [])


async def test_the_page_gives_each_browser_a_lasting_seat(served: Served) -> None:
    status, cookies = await set_cookies(served.url)
    assert status == 200
    (seat,) = [c for c in cookies if c.startswith(f"smm-browser-{served.port}=")]
    assert all(part in seat for part in ("HttpOnly", "Path=/;", "Max-Age=", "SameSite=Strict"))
    browser_id = seat.split(";")[0].split("=", 1)[1]
    _, again = await set_cookies(served.url, {f"smm-browser-{served.port}": browser_id})
    assert not [c for c in again if c.startswith(f"smm-browser-{served.port}=")]  # kept
    # The participants' URL never leaves a consultant's view behind.
    assert any(c.startswith(f'smm-consultant-{served.port}=""') for c in cookies)


async def test_the_consultant_s_view_needs_its_own_key(served: Served) -> None:
    before = refused_lines(served)
    status, _ = await set_cookies(served.url + "&consultant=guess")
    assert status == 403
    assert_logged_once(served, before, "wrong consultant key")
    consultant_url = served.process.consultant_url()
    assert consultant_url.startswith(served.url + "&consultant=")
    key = consultant_url.rsplit("=", 1)[1]
    status, cookies = await set_cookies(consultant_url)
    assert status == 200
    (view,) = [c for c in cookies if c.startswith(f"smm-consultant-{served.port}={key}")]
    assert all(part in view for part in ("HttpOnly", "Path=/ws", "SameSite=Strict"))


async def test_the_static_folder_is_not_listed(served: Served) -> None:
    status, body, _ = await get(served.base + "/static/")
    assert status in (403, 404)
    assert "textual.js" not in body
    status, _, _ = await get(served.base + "/static/js/textual.js")
    assert status == 200


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:{port}"]
)
async def test_a_socket_from_another_origin_is_refused(served: Served, origin: str) -> None:
    origin = origin.format(port=served.port)
    before = refused_lines(served)
    headers = {**WS_HEADERS, "Origin": origin}
    assert await handshake(served.base + "/ws", headers, served.cookie) == 403
    assert_logged_once(served, before, f"refused GET /ws from 127.0.0.1: Origin {origin!r}")


async def test_a_browser_s_socket_without_an_origin_is_refused(served: Served) -> None:
    before = refused_lines(served)
    assert await handshake(served.base + "/ws", WS_HEADERS, served.cookie) == 403
    assert_logged_once(served, before, "a browser sent no Origin")


@pytest.mark.parametrize("path", ["/ws", "/", "/static/js/textual.js"])
async def test_a_name_this_server_does_not_answer_to_is_refused(served: Served, path: str) -> None:
    """DNS rebinding: the attacker's name resolves to 127.0.0.1, and arrives as the Host."""
    host = f"evil.example:{served.port}"
    headers = {**WS_HEADERS, "Host": host, "Origin": f"http://{host}"}
    before = refused_lines(served)
    if path == "/ws":
        assert await handshake(served.base + path, headers, served.cookie) == 403
    else:
        status, _, _ = await get(f"{served.base}{path}?token={served.token}", headers)
        assert status == 403
    assert_logged_once(served, before, f"Host {host!r} is not a name this server answers to")


@pytest.mark.parametrize("cookie", ["none", "wrong"])
async def test_a_socket_without_the_token_is_refused(served: Served, cookie: str) -> None:
    cookies = {f"smm-token-{served.port}": "wrong"} if cookie == "wrong" else None
    headers = {**WS_HEADERS, "Origin": served.base}
    before = refused_lines(served)
    assert await handshake(served.base + "/ws", headers, cookies) == 403
    assert_logged_once(served, before, "refused GET /ws from 127.0.0.1: wrong or missing token")


async def test_the_page_s_own_socket_opens_the_app(served: Served) -> None:
    """As the browser does: the page by the printed URL sets the cookie the socket sends."""
    jar = aiohttp.CookieJar(unsafe=True)  # cookies of an address, not only of a name
    async with aiohttp.ClientSession(cookie_jar=jar) as browser:
        async with browser.get(served.url) as page:
            assert page.status == 200
        headers = {**WS_HEADERS, "Origin": served.base}
        async with browser.ws_connect(
            served.base + "/ws?width=80&height=24", headers=headers
        ) as ws:
            screen = await ws.receive(timeout=FIRST_BYTES_SECONDS)
            while screen.type == aiohttp.WSMsgType.TEXT:  # textual-serve's own messages
                screen = await ws.receive(timeout=FIRST_BYTES_SECONDS)
            assert screen.type == aiohttp.WSMsgType.BINARY
            assert b"\x1b[" in screen.data  # the app's first bytes: drawing the screen


async def test_a_plain_get_of_the_socket_is_one_line_not_a_traceback(served: Served) -> None:
    before = refused_lines(served)
    status, _, _ = await get_with(served.base + "/ws", {"Origin": served.base}, served.cookie)
    assert status == 400
    assert_logged_once(served, before, "refused GET /ws from 127.0.0.1: not a WebSocket upgrade")


def test_no_token_warns_and_serves_without_one(tmp_path: Path) -> None:
    served = start(tmp_path, "--no-token")
    try:
        warning = served.process.wait_for_line(lambda line: "--no-token" in line, errors=True)
        assert served.url == f"http://127.0.0.1:{served.port}/"
        status, _, cookie = asyncio.run(get(served.base + "/"))
        own = {**WS_HEADERS, "Origin": served.base}
        evil = {**WS_HEADERS, "Origin": "http://evil.example"}
        accepted = asyncio.run(handshake(served.base + "/ws", own))
        refused = asyncio.run(handshake(served.base + "/ws", evil))
    finally:
        _, output, errors = served.process.stop()
    assert warning.startswith("smm: warning: --no-token: ")
    assert status == 200
    assert "smm-token" not in cookie
    assert accepted == 101
    assert refused == 403  # the Origin and Host checks still apply
    assert "Traceback" not in output + errors


def descendants(pid: int) -> set[int]:
    """The processes started by pid, and by them, from /proc."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return set()
    found = {int(child) for child in children}
    for child in list(found):
        found |= descendants(child)
    return found


def tab_sizes(served: Served) -> set[tuple[str, str]]:
    """COLUMNS and ROWS of each tab process, as textual-serve set them."""
    sizes = set()
    for process in descendants(served.process.process.pid):
        with contextlib.suppress(OSError):  # a tab that has just ended
            environment = Path(f"/proc/{process}/environ").read_bytes().split(b"\0")
            variables = dict(entry.decode().partition("=")[::2] for entry in environment if entry)
            sizes.add((variables.get("COLUMNS", ""), variables.get("ROWS", "")))
    return sizes


async def open_tab(
    browser: aiohttp.ClientSession, served: Served, query: str
) -> aiohttp.ClientWebSocketResponse:
    async with browser.get(served.url) as page:
        assert page.status == 200
    headers = {**WS_HEADERS, "Origin": served.base}
    return await browser.ws_connect(f"{served.base}/ws?{query}", headers=headers)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
async def test_a_huge_size_in_the_socket_s_address_is_bounded(served: Served) -> None:
    """S2: a tab drawn at 3000x3000 blocked for ever writing its screen."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
        ws = await open_tab(browser, served, "width=3000&height=100000000000000000000")
        try:
            await ws.receive(timeout=FIRST_BYTES_SECONDS)
            sizes = tab_sizes(served)
        finally:
            await ws.close()
    assert ("500", "200") in sizes
    assert not any(size in ("3000", "100000000000000000000") for size in chain(*sizes))


async def test_a_huge_resize_is_bounded(served: Served) -> None:
    """The screen redrawn after a resize to 3000x3000 is at most 500x200 cells: it arrives, and
    it is small (unbounded, it took minutes, or arrived as megabytes)."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
        ws = await open_tab(browser, served, "width=80&height=24")
        try:
            await ws.receive(timeout=FIRST_BYTES_SECONDS)
            await drain(ws, quiet_seconds=1.0)
            await ws.send_str('["resize", {"width": 3000, "height": 3000}]')
            redrawn = await drain(ws, quiet_seconds=3.0)
        finally:
            await ws.close()
    assert 0 < redrawn < 1_500_000


async def drain(ws: aiohttp.ClientWebSocketResponse, quiet_seconds: float) -> int:
    """How many bytes of screen arrive before the socket is quiet for quiet_seconds."""
    received = 0
    deadline = time.monotonic() + FIRST_BYTES_SECONDS
    while time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=quiet_seconds)
        except TimeoutError:
            return received
        if message.type == aiohttp.WSMsgType.BINARY:
            received += len(message.data)
        elif message.type != aiohttp.WSMsgType.TEXT:
            return received
    return received


@pytest.mark.parametrize(
    "message", ["not json", "[]", '["stdin", 5]', '["resize", {"width": "wide", "height": 2}]']
)
async def test_a_malformed_message_ends_the_tab_in_one_line(served: Served, message: str) -> None:
    before = len(served.process.logged("closed a tab after a malformed message"))
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
        ws = await open_tab(browser, served, "width=80&height=24")
        try:
            await ws.receive(timeout=FIRST_BYTES_SECONDS)
            await ws.send_str(message)
            await drain(ws, quiet_seconds=FIRST_BYTES_SECONDS)  # until the server closes it
            assert ws.closed
        finally:
            await ws.close()
    closed = "closed a tab after a malformed message"
    wait_until(lambda: len(served.process.logged(closed)) > before, timeout=10)
    assert len(served.process.logged(closed)) == before + 1
    assert not served.process.logged("Traceback")


async def test_ctrl_c_closes_the_tabs_a_browser_keeps_open(tmp_path: Path) -> None:
    """A page kept in a browser's back-forward cache may hold its socket for many seconds;
    Ctrl+C must not wait for it: the server closes every tab's socket, and the tabs quit."""
    served = start(tmp_path)
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as browser:
        async with browser.get(served.url) as page:
            assert page.status == 200
        headers = {**WS_HEADERS, "Origin": served.base}
        async with browser.ws_connect(
            served.base + "/ws?width=80&height=24", headers=headers
        ) as ws:
            await ws.receive(timeout=FIRST_BYTES_SECONDS)  # the tab is running
            started = time.monotonic()
            code, output, errors = await asyncio.to_thread(served.process.stop)
            stopped_in = time.monotonic() - started
            closed = await ws.receive(timeout=5)
            while closed.type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                closed = await ws.receive(timeout=5)
    assert code == 0
    assert stopped_in < 10  # not the browser's pace (about 20 s with Chromium's cache)
    assert "Traceback" not in output + errors
