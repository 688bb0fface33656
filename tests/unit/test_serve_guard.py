"""The rules of who ``smm serve`` answers: Host (DNS rebinding), Origin, and the token."""

from __future__ import annotations

import socket

import pytest

from interview.cli.serve_guard import (
    looks_like_a_browser,
    new_token,
    origin_refusal,
    served_hosts,
    split_host,
    token_matches,
)

LOOPBACK = served_hosts("127.0.0.1", 8000, ["127.0.0.1"])
EVERY_ADDRESS = served_hosts("0.0.0.0", 8000, ["0.0.0.0"])
ONE_ADDRESS = served_hosts("192.0.2.7", 8000, ["192.0.2.7"])


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "LocalHost:8000", "[::1]:8000", "localhost.:8000"]
)
def test_a_loopback_server_answers_its_loopback_names(host: str) -> None:
    assert LOOPBACK.refusal(host) is None


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:8000",  # DNS rebinding: the attacker's name, pointed at 127.0.0.1
        "127.0.0.1:8001",
        "127.0.0.1",  # port 80
        "192.0.2.7:8000",
        "localhost.evil.example:8000",
        "user@127.0.0.1:8000",
        "127.0.0.1:8000/path",
        "127.0.0.1:80x0",
        "",
        None,
    ],
)
def test_a_loopback_server_refuses_any_other_host(host: str | None) -> None:
    assert LOOPBACK.refusal(host) is not None


def test_a_server_on_every_address_answers_any_address_literal_and_its_own_names() -> None:
    for host in ("192.0.2.7:8000", "[2001:db8::1]:8000", "localhost:8000", "127.0.0.1:8000"):
        assert EVERY_ADDRESS.refusal(host) is None, host
    assert EVERY_ADDRESS.refusal(f"{socket.gethostname()}:8000") is None


@pytest.mark.parametrize("host", ["evil.example:8000", "attacker.test:8000", "192.0.2.7:9000"])
def test_a_server_on_every_address_refuses_other_names(host: str) -> None:
    """A name an attacker owns could point anywhere (rebinding); an address literal cannot."""
    assert EVERY_ADDRESS.refusal(host) is not None


def test_a_server_on_one_address_answers_that_address_and_the_name_it_was_given() -> None:
    assert ONE_ADDRESS.refusal("192.0.2.7:8000") is None
    assert ONE_ADDRESS.refusal("192.0.2.8:8000") is not None
    assert ONE_ADDRESS.refusal("localhost:8000") is not None  # not listening on loopback
    by_name = served_hosts("Laptop.lan", 8000, ["192.0.2.7"])
    assert by_name.refusal("laptop.lan:8000") is None
    assert by_name.refusal("192.0.2.7:8000") is None
    assert by_name.refusal("other.lan:8000") is not None


def test_the_refusal_says_what_was_wrong() -> None:
    assert LOOPBACK.refusal("evil.example:8000") == (
        "Host 'evil.example:8000' is not a name this server answers to"
    )
    assert LOOPBACK.refusal("127.0.0.1:9") == "Host '127.0.0.1:9' is not port 8000"
    assert LOOPBACK.refusal(None) == "no Host header"


def test_a_host_is_split_into_name_and_port() -> None:
    assert split_host("127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert split_host("[::1]:8000") == ("::1", 8000)
    assert split_host("Example.ORG") == ("example.org", 80)
    assert split_host("example.org", "https") == ("example.org", 443)
    assert split_host("[::1") is None


@pytest.mark.parametrize(
    ("origin", "host"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000"),
        ("http://localhost:8000", "localhost:8000"),
        ("http://LOCALHOST:8000", "localhost:8000"),
        ("http://[::1]:8000", "[::1]:8000"),
        ("http://laptop", "laptop:80"),  # the default port, written or not
    ],
)
def test_the_page_s_own_origin_may_open_the_socket(origin: str, host: str) -> None:
    assert origin_refusal(origin, host, "http", from_browser=True) is None


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "http://evil.example:8000",
        "null",
        "https://127.0.0.1:8000",
        "http://127.0.0.1:8001",
        "http://localhost:8000",  # the same machine, but not the origin of the page
        "http://127.0.0.1:8000/x",
        "file://",
        "",
        "http://[::1",
    ],
)
def test_any_other_origin_may_not(origin: str) -> None:
    assert origin_refusal(origin, "127.0.0.1:8000", "http", from_browser=True) is not None


def test_no_origin_is_refused_from_a_browser_only() -> None:
    assert origin_refusal(None, "127.0.0.1:8000", "http", from_browser=True) is not None
    assert origin_refusal(None, "127.0.0.1:8000", "http", from_browser=False) is None


def test_browsers_are_told_apart_from_other_programs() -> None:
    assert looks_like_a_browser({"user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131"})
    assert looks_like_a_browser({"sec-fetch-mode": "websocket"})
    assert not looks_like_a_browser({"user-agent": "Python/3.11 aiohttp/3.14"})
    assert not looks_like_a_browser({})


def test_tokens_are_random_and_compared_exactly() -> None:
    token = new_token()
    assert len(token) >= 32
    assert token != new_token()
    assert token_matches(token, token)
    assert not token_matches(token[:-1], token)
    assert not token_matches("", token)
    assert not token_matches(None, token)
    assert not token_matches("é" * 32, token)  # not ASCII: no TypeError from compare_digest


def test_a_tab_s_size_is_bounded() -> None:
    from interview.cli.serve_server import MAX_HEIGHT, MAX_WIDTH, bounded_size

    assert (MAX_WIDTH, MAX_HEIGHT) == (500, 200)
    assert bounded_size(80, 24) == (80, 24)
    assert bounded_size(500, 200) == (500, 200)
    assert bounded_size(501, 201) == (500, 200)
    assert bounded_size(3000, 10**20) == (500, 200)
    assert bounded_size(0, -5) == (1, 1)
