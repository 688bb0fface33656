"""textual-serve's server with smm's guards: Host on every request, Origin and token on the socket.

Imported only by ``smm serve`` (it imports textual-serve and aiohttp). The rules themselves are
in :mod:`interview.cli.serve_guard`.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import LOGO, Server

from interview.cli.serve_guard import (
    ServedHosts,
    looks_like_a_browser,
    origin_refusal,
    token_matches,
)
from interview.errors import printable

log = logging.getLogger("smm.serve")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# A tab drawn at 3000x3000 blocked for ever writing its screen (security review, S2).
MAX_WIDTH, MAX_HEIGHT = 500, 200
WRONG_TOKEN = "wrong or missing token"
WRONG_TOKEN_PAGE = (
    "smm serve: this address needs its token. Open the URL that smm serve printed when it "
    "started, the one that ends in ?token=...\n"
)


@dataclass(frozen=True)
class Guard:
    """What the server checks: the Host rule, and the token (None with ``--no-token``)."""

    hosts: ServedHosts
    token: str | None

    @property
    def cookie(self) -> str:
        """The cookie that carries the token to /ws; named by port, as cookies ignore ports."""
        return f"smm-token-{self.hosts.port}"


class GuardedServer(Server):
    """A textual-serve server that answers only its own pages, with the token."""

    def __init__(self, command: str, host: str, port: int, guard: Guard) -> None:
        super().__init__(command, host=host, port=port, title="smm")
        self.guard = guard
        self._sockets: set[web.WebSocketResponse] = set()
        """The tabs' open sockets: closed on Ctrl+C, so that each tab quits at once rather
        than when its browser gets round to closing (a page kept in the back-forward cache
        may hold its socket open for many seconds)."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._check_host)
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
        token = self.guard.token
        if token is not None and not token_matches(request.query.get("token"), token):
            raise refusal(request, WRONG_TOKEN, WRONG_TOKEN_PAGE)
        self.public_url = f"{request.scheme}://{request.host}"
        page: web.StreamResponse = await super().handle_index(request)
        page.headers["Referrer-Policy"] = "no-referrer"  # the URL holds the token
        if token is not None:
            page.set_cookie(self.guard.cookie, token, path="/ws", httponly=True, samesite="Strict")
        return page

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """The socket, for the page smm served: same origin, the token's cookie, an upgrade."""
        reason = self._socket_refusal(request)
        if reason is not None:
            raise refusal(request, reason, WRONG_TOKEN_PAGE if reason == WRONG_TOKEN else None)
        if not web.WebSocketResponse().can_prepare(request).ok:  # a bare GET: no traceback
            raise refusal(request, "not a WebSocket upgrade", status=400)
        width = _query_number(request.query.get("width"), 80)
        height = _query_number(request.query.get("height"), 24)
        size = dict(zip(("width", "height"), map(str, bounded_size(width, height)), strict=True))
        return await super().handle_websocket(request.clone(rel_url=request.rel_url % size))

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

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every tab's socket, which quits its interview (answers are saved)."""
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"smm serve stopped")

    async def on_startup(self, app: web.Application) -> None:
        """Where to point a browser, printed as plain text (a folder name is not markup)."""
        self.console.print(LOGO, highlight=False)
        print(f"Each browser tab runs: {printable(self.command)}")
        print(f"Open: {self.start_url()}")
        if self.guard.hosts.any_address:
            print("(or this machine's address in place of its name)")
        print("Press Ctrl+C to quit", flush=True)

    def start_url(self) -> str:
        """The URL to open, with the token; by name when listening on every address."""
        host = socket.gethostname() if self.guard.hosts.any_address else self.host
        if ":" in host:
            host = f"[{host}]"
        query = "" if self.guard.token is None else f"?token={self.guard.token}"
        return f"http://{host}:{self.port}/{query}"


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
    client = request.remote or "?"
    log.warning(printable(f"refused {request.method} {request.path} from {client}: {reason}"))
    text = page or printable(f"smm serve refused this request: {reason}.\n")
    error = web.HTTPBadRequest if status == 400 else web.HTTPForbidden
    return error(text=text, content_type="text/plain")
