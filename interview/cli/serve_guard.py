"""Who ``smm serve`` answers: the Host, Origin and token rules, free of any web framework.

A page on another origin must not drive the interviews: browsers let any page open a
WebSocket to any address, so the server itself checks where a request comes from.

- **Host.** DNS rebinding points a name the attacker owns at this machine; the browser then
  sends that name as Host. So a request is answered only when its Host is the served port and a
  name smm trusts: an address literal this server listens on (any address for a ``0.0.0.0`` or
  ``::`` bind), ``localhost`` (loopback and all-address binds), this machine's hostname
  (all-address binds) or the ``--host`` value itself. An address literal cannot be rebound: the
  browser's origin then *is* that address.
- **Origin.** A WebSocket upgrade must come from the page smm served: its Origin is the same
  scheme://host:port as the Host it came to. ``null`` is refused, and so is a missing Origin
  from a browser (which always sends one); other programs may omit it and still need the token.
- **Token.** A random token per run, printed in the URL smm shows, is required on the page
  and (through a cookie the page sets) on the WebSocket, as Jupyter does.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LOOPBACK_NAMES = frozenset({"localhost"})
TOKEN_BYTES = 24
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class ServedHosts:
    """The Host values this server answers to."""

    port: int
    names: frozenset[str]
    addresses: frozenset[IPAddress]
    any_address: bool  # bound to 0.0.0.0 or ::

    def refusal(self, host_header: str | None, scheme: str = "http") -> str | None:
        """Why a request with this Host header is refused, or None to answer it."""
        if not host_header:
            return "no Host header"
        parsed = split_host(host_header, scheme)
        if parsed is None:
            return f"Host {host_header!r} is not a host and port"
        name, port = parsed
        if port != self.port:
            return f"Host {host_header!r} is not port {self.port}"
        if not self._trusts(name):
            return f"Host {host_header!r} is not a name this server answers to"
        return None

    def _trusts(self, name: str) -> bool:
        address = _as_address(name)
        if address is None:
            return name in self.names
        return self.any_address or address in self.addresses


def served_hosts(host: str, port: int, bound: list[str]) -> ServedHosts:
    """The Host rule for a server given ``--host host`` that listens on the bound addresses."""
    addresses = frozenset(found for found in map(_as_address, bound) if found is not None)
    any_address = any(address.is_unspecified for address in addresses)
    names = {host.lower().rstrip(".")}
    if any_address or all(address.is_loopback for address in addresses):
        names |= LOOPBACK_NAMES
        addresses |= {ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")}
    if any_address:
        names.add(socket.gethostname().lower())
    return ServedHosts(port, frozenset(names), addresses, any_address)


def split_host(value: str, scheme: str = "http") -> tuple[str, int] | None:
    """A Host header's name (lower case, IPv6 without brackets) and port, or None if malformed."""
    try:
        parts = urlsplit(f"{scheme}://{value}")
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or parts.netloc != value or "@" in value:
        return None
    return parts.hostname.rstrip("."), port if port is not None else DEFAULT_PORTS[scheme]


def origin_refusal(
    origin: str | None, host_header: str, scheme: str, from_browser: bool
) -> str | None:
    """Why a WebSocket upgrade with this Origin is refused, or None to accept it."""
    if origin is None:
        return "a browser sent no Origin" if from_browser else None
    expected = split_host(host_header, scheme)
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return f"Origin {origin!r} is not an origin"
    if parts.scheme != scheme or parts.hostname is None or expected is None:
        return f"Origin {origin!r} is not {scheme}://{host_header}"
    actual = (parts.hostname.rstrip("."), port if port is not None else DEFAULT_PORTS[scheme])
    if actual != expected or parts.path not in ("", "/") or parts.query:
        return f"Origin {origin!r} is not {scheme}://{host_header}"
    return None


def looks_like_a_browser(headers: dict[str, str]) -> bool:
    """Whether a request came from a web browser (they all name themselves Mozilla/...)."""
    user_agent = headers.get("user-agent", "")
    return user_agent.startswith("Mozilla/") or any(
        name.startswith("sec-fetch-") for name in headers
    )


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_matches(given: str | None, token: str) -> bool:
    """Whether the token given is the server's, compared in constant time."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _as_address(name: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(name.split("%", 1)[0])  # an IPv6 zone is not part of it
    except ValueError:
        return None
