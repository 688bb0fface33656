"""textual-serve's server with smm's guards and seats.

Guards: the Host on every request, the Origin and token on the socket (the rules are in
:mod:`interview.cli.serve_guard`). Seats: each browser gets a random id in a cookie, and the
consultant's URL a second cookie; each tab's process is told its seat, which decides the
sessions it lists (:mod:`interview.services.workshop`). The page is smm's own template: a title,
and nothing fetched from outside the server. Imported only by ``smm serve`` (it imports
textual-serve and aiohttp).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import re
import shlex
import signal
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from interview.cli.serve_guard import (
    ServedHosts,
    looks_like_a_browser,
    origin_refusal,
    token_matches,
)
from interview.cli.serve_tabs import TabService, end_tab
from interview.errors import printable
from interview.services.workshop import BROWSER_ID, Seat, new_browser_id

log = logging.getLogger("smm.serve")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# A tab drawn at 3000x3000 blocked for ever writing its screen (security review, S2).
MAX_WIDTH, MAX_HEIGHT = 500, 200
WRONG_TOKEN = "wrong or missing token"
WRONG_TOKEN_PAGE = (
    "smm serve: this address needs its token. Open the URL that smm serve printed when it "
    "started, the one that ends in ?token=...\n"
)
WRONG_CONSULTANT_KEY = "wrong consultant key"
PAGE_FOLDER = Path(__file__).parent / "serve_page"
BROWSER_DAYS = 90
"""How long a browser keeps its id, and so its list of sessions, between visits."""


@dataclass(frozen=True)
class Guard:
    """What the server checks: the Host rule, and the token (None with ``--no-token``)."""

    hosts: ServedHosts
    token: str | None
    consultant_key: str
    """What the consultant's URL carries: their tab lists every session."""

    @property
    def cookie(self) -> str:
        """The cookie that carries the token to /ws; named by port, as cookies ignore ports."""
        return f"smm-token-{self.hosts.port}"

    @property
    def browser_cookie(self) -> str:
        return f"smm-browser-{self.hosts.port}"

    @property
    def consultant_cookie(self) -> str:
        return f"smm-consultant-{self.hosts.port}"


class GuardedServer(Server):
    """A textual-serve server that answers only its own pages, with the token."""

    def __init__(self, command: str, host: str, port: int, guard: Guard, max_tabs: int) -> None:
        title = "smm: IoT Security Maturity Model interview"
        super().__init__(command, host=host, port=port, title=title, templates_path=PAGE_FOLDER)
        self.guard = guard
        self.max_tabs = max_tabs
        self._live_tabs = 0
        """Tabs whose process runs or is being ended: a closed tab counts until it is gone."""
        self._sockets: set[web.WebSocketResponse] = set()
        """The tabs' open sockets: closed on Ctrl+C, so that each tab quits at once rather
        than when its browser gets round to closing (a page kept in the back-forward cache
        may hold its socket open for many seconds)."""

    async def _make_app(self) -> web.Application:
        """textual-serve's routes, with the Host check, and no listing of the static folder."""
        app = web.Application(middlewares=[self._check_host])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _check_host(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """The Host check, for the page, the socket, the static files and downloads alike."""
        reason = self.guard.hosts.refusal(request.headers.get("Host"), request.scheme)
        if reason is not None:
            raise refusal(request, reason)
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, for the right token; it hands the token on to /ws in a cookie.

        textual-serve writes its own host into the page's URLs; with ``--host 0.0.0.0`` that
        would send the browsers to 0.0.0.0. The Host header the browser sent is where it
        reached us (and passed the Host check), so the page's files and socket are fetched
        from there.
        """
        guard = self.guard
        token = guard.token
        if token is not None and not token_matches(request.query.get("token"), token):
            raise refusal(request, WRONG_TOKEN, WRONG_TOKEN_PAGE)
        consultant = request.query.get("consultant")
        if consultant is not None and not token_matches(consultant, guard.consultant_key):
            raise refusal(request, WRONG_CONSULTANT_KEY)
        self.public_url = f"{request.scheme}://{request.host}"
        page: web.StreamResponse = await super().handle_index(request)
        page.headers["Referrer-Policy"] = "no-referrer"  # the URL holds the token
        if token is not None:
            page.set_cookie(guard.cookie, token, path="/ws", httponly=True, samesite="Strict")
        if _browser_id(request.cookies.get(guard.browser_cookie)) is None:
            # Path /: the page must see it too, or each visit would draw a new browser id.
            keep = BROWSER_DAYS * 24 * 3600
            page.set_cookie(guard.browser_cookie, new_browser_id(), path="/", max_age=keep,
                            httponly=True, samesite="Strict")  # fmt: skip
        if consultant is not None:
            page.set_cookie(guard.consultant_cookie, consultant, path="/ws", httponly=True,
                            samesite="Strict")  # fmt: skip
        else:  # the participants' URL in the consultant's browser: a participant's view
            page.del_cookie(guard.consultant_cookie, path="/ws")
        return page

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """The socket, for the page smm served: same origin, the token's cookie, an upgrade."""
        reason = self._socket_refusal(request)
        if reason is not None:
            raise refusal(request, reason, WRONG_TOKEN_PAGE if reason == WRONG_TOKEN else None)
        if not web.WebSocketResponse().can_prepare(request).ok:  # a bare GET: no traceback
            raise refusal(request, "not a WebSocket upgrade", status=400)
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self._live_tabs >= self.max_tabs:
            return await self._refuse_tab(request, websocket)
        self._live_tabs += 1
        try:
            await self._run_tab(request, websocket)
        finally:
            self._live_tabs -= 1
        return websocket

    async def _refuse_tab(
        self, request: web.Request, websocket: web.WebSocketResponse
    ) -> web.WebSocketResponse:
        """A tab over ``--max-tabs``: no process, one log line, and the socket closed with
        "try again later" (1013) and a reason the page shows."""
        reason = full_reason(self.max_tabs)
        log_refusal(request, reason)
        await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=reason.encode("utf-8"))
        return websocket

    async def _run_tab(self, request: web.Request, websocket: web.WebSocketResponse) -> None:
        """The tab's process, for as long as its socket is open; then ended, whole."""
        width = _query_number(request.query.get("width"), 80)
        height = _query_number(request.query.get("height"), 24)
        command = f"{self.command} --seat {shlex.quote(self._seat_of(request).argument())}"
        service = TabService(
            command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=lambda: _close(websocket),
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await service.start(*bounded_size(width, height))
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one tab's failure: one line, the server goes on
            log.warning(printable(f"a tab ended on an error: {error!r}"))
        finally:
            await end_tab(service)

    def _seat_of(self, request: web.Request) -> Seat:
        """The browser's seat; a client without the page's cookie is a browser of its own."""
        browser = _browser_id(request.cookies.get(self.guard.browser_cookie))
        given = request.cookies.get(self.guard.consultant_cookie)
        consultant = token_matches(given, self.guard.consultant_key)
        return Seat(browser or new_browser_id(), consultant=consultant)

    def _socket_refusal(self, request: web.Request) -> str | None:
        headers = {name.lower(): value for name, value in request.headers.items()}
        origin = headers.get("origin")
        from_browser = looks_like_a_browser(headers)
        reason = origin_refusal(origin, headers.get("host", ""), request.scheme, from_browser)
        if reason is not None or self.guard.token is None:
            return reason
        if not token_matches(request.cookies.get(self.guard.cookie), self.guard.token):
            return WRONG_TOKEN
        return None

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """textual-serve's loop over the browser's messages, with sizes kept within bounds and
        a malformed message ending the tab in one log line."""
        self._sockets.add(websocket)
        try:
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    kind, *data = json.loads(message.data)
                    await _dispatch(kind, data, websocket, app_service)
                except (ValueError, TypeError, KeyError, IndexError) as error:
                    log.warning(printable(f"closed a tab after a malformed message: {error!r}"))
                    return
        finally:
            self._sockets.discard(websocket)

    def serve(self, debug: bool = False) -> None:
        """textual-serve's serve, which stops gracefully on SIGINT and SIGTERM, on SIGHUP too
        (the terminal closed): each tab runs in a session of its own, so only the server
        hears the terminal, and it must end the tabs, not leave them running."""
        with contextlib.suppress(NotImplementedError):
            asyncio.get_event_loop().add_signal_handler(signal.SIGHUP, self.request_exit)
        super().serve(debug)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every tab's socket, which quits its interview (answers are saved)."""
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"smm serve stopped")

    async def on_startup(self, app: web.Application) -> None:
        """The addresses to hand out, printed as plain text (a folder name is not markup)."""
        urls = [self.url_at(host) for host in hosts_to_hand_out(self.host, self.guard.hosts)]
        print("smm serve: the interview in a web browser, one interview per browser tab.")
        print(f"Participants open: {urls[0]}")
        for url in urls[1:]:
            print(f"               or: {url}")
        print("Each participant sees only the sessions started in their browser, or opened")
        print("there with the session's code (shown to them).")
        joiner = "&" if self.guard.token is not None else "?"
        consultant = f"{urls[0]}{joiner}consultant={self.guard.consultant_key}"
        print(f"Consultant's view (every session, who has finished): {consultant}")
        print("Press Ctrl+C to stop; every answer is saved as it is given.", flush=True)

    def url_at(self, host: str) -> str:
        """The page's URL at one host, with the token."""
        if ":" in host:
            host = f"[{host}]"
        query = "" if self.guard.token is None else f"?token={self.guard.token}"
        return f"http://{host}:{self.port}/{query}"


def hosts_to_hand_out(host: str, hosts: ServedHosts) -> list[str]:
    """The names and addresses a browser can reach this server by: the one given, or for a
    server on every address this machine's name and its other addresses."""
    if not hosts.any_address:
        return [host]
    found = [socket.gethostname()]
    for address in sorted(str(a) for a in hosts.addresses if not a.is_loopback):
        found.append(address)
    for address in this_machine_addresses():
        if address not in found:
            found.append(address)
    return found


def this_machine_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback: those its name resolves to, and
    the one it would reach other machines from (a UDP socket sends nothing to connect)."""
    addresses: list[str] = []
    with contextlib.suppress(OSError):
        for *_, address in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            addresses.append(str(address[0]))
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, only looked up
        addresses.append(str(probe.getsockname()[0]))
    unique = dict.fromkeys(a for a in addresses if not ipaddress.ip_address(a).is_loopback)
    return list(unique)


def full_reason(max_tabs: int) -> str:
    """Why a tab over the limit is refused: short, as a socket's close reason must be."""
    tabs = "1 tab" if max_tabs == 1 else f"{max_tabs} tabs"
    return f"the workshop is full ({tabs} open, the most --max-tabs allows)"


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def _browser_id(given: str | None) -> str | None:
    """A browser id from its cookie, if it is one the server could have drawn."""
    return given if given is not None and re.fullmatch(BROWSER_ID, given) else None


async def _dispatch(
    kind: object, data: list[Any], websocket: web.WebSocketResponse, app_service: AppService
) -> None:
    """One message from the browser, given to the tab's process."""
    if kind == "stdin":
        if not isinstance(data[0], str):
            raise TypeError(f"keys that are not text: {data[0]!r}")
        await app_service.send_bytes(data[0].encode("utf-8"))
    elif kind == "resize":
        width, height = data[0]["width"], data[0]["height"]
        if not all(type(number) is int for number in (width, height)):
            raise TypeError(f"a resize to {width!r} x {height!r}")
        await app_service.set_terminal_size(*bounded_size(width, height))
    elif kind == "ping":
        await websocket.send_json(["pong", data[0]])
    elif kind == "blur":
        await app_service.blur()
    elif kind == "focus":
        await app_service.focus()


def bounded_size(width: int, height: int) -> tuple[int, int]:
    """A terminal size of at least one cell and at most MAX_WIDTH x MAX_HEIGHT."""
    return min(max(width, 1), MAX_WIDTH), min(max(height, 1), MAX_HEIGHT)


def _query_number(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def refusal(
    request: web.Request, reason: str, page: str | None = None, status: int = 403
) -> web.HTTPException:
    """One log line, and a plain-text answer to raise (nothing from the request is markup)."""
    log_refusal(request, reason)
    text = page or printable(f"smm serve refused this request: {reason}.\n")
    error = web.HTTPBadRequest if status == 400 else web.HTTPForbidden
    return error(text=text, content_type="text/plain")


def log_refusal(request: web.Request, reason: str) -> None:
    client = request.remote or "?"
    log.warning(printable(f"refused {request.method} {request.path} from {client}: {reason}"))
