"""``smm serve``: the interview in a web browser, through textual-serve.

textual-serve runs one shell command per browser tab, under Textual's web driver. That command
is smm itself (``python -m interview serve --tab`` with the same sessions folder and
questionnaire), so every tab is its own interview process with the guarantees of the terminal
one: saved after every answer, locked against a second writer, resumed from the start screen.
textual-serve (and with it aiohttp) is imported only when ``smm serve`` runs.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview.cli.exit_codes import ExitCode
from interview.cli.serve_guard import ServedHosts, new_token, served_hosts
from interview.errors import InputError, printable

if TYPE_CHECKING:
    from textual_serve.server import Server

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

SessionOptions = Callable[[argparse.ArgumentParser], None]


def run_serve(arguments: argparse.Namespace) -> int:
    """``smm serve [--host HOST] [--port PORT] [--no-token] [--max-tabs N] [--sessions-dir DIR]
    ...``."""
    if arguments.tab:
        from interview.cli.interview_commands import run_tab

        return run_tab(arguments)
    host: str = arguments.host
    port: int = arguments.port
    if not 0 < port < 65536:
        raise InputError([f"--port {port}: a port is a number from 1 to 65535"])
    if arguments.max_tabs < 1:
        tabs = arguments.max_tabs
        raise InputError([f"--max-tabs {tabs}: the most tabs open at once is at least 1"])
    if arguments.questionnaire is not None:
        from interview.questionnaire import load_questionnaire

        load_questionnaire(arguments.questionnaire)  # a bad file is refused here, not per tab
    sessions_dir = Path(arguments.sessions_dir).resolve()
    addresses = _resolve(host, port)
    if not _all_loopback(addresses):
        who = "anyone who can reach this address" + (
            "" if arguments.no_token else " and has the URL"
        )
        _warn(
            f"serving on {host}:{port}: {who} can read and write the sessions in {sessions_dir} "
            "(there is no login)"
        )
    if arguments.no_token:
        _warn(
            f"--no-token: any program that can reach {host}:{port} can read and write the "
            f"sessions in {sessions_dir} (web pages of other sites still cannot)"
        )
    if not _port_free(addresses):
        return _port_taken(host, port)
    command = _tab_command(sessions_dir, arguments.questionnaire)
    bound = [str(address[0]) for _, address in addresses]
    token = None if arguments.no_token else new_token()
    hosts = served_hosts(host, port, bound)
    server = _make_server(command, host, port, token, hosts, arguments.max_tabs)
    try:
        server.serve()
    except OSError as error:  # taken between the check and the start, or not ours to use
        if _is_address_in_use(error):
            return _port_taken(host, port)
        raise InputError([f"cannot listen on {host}:{port}: {error.strerror or error}"]) from None
    return ExitCode.OK


def _warn(message: str) -> None:
    print(printable(f"smm: warning: {message}"), file=sys.stderr, flush=True)


def _tab_command(sessions_dir: Path, questionnaire: Path | None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    parts = [sys.executable, "-m", "interview", "serve", "--tab"]
    parts += ["--sessions-dir", str(sessions_dir)]
    if questionnaire is not None:
        parts += ["--questionnaire", str(Path(questionnaire).resolve())]
    return shlex.join(parts)


def _resolve(host: str, port: int) -> list[tuple[int, tuple[Any, ...]]]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        problem = f"--host {host}: not an address of this machine ({error.strerror})"
        raise InputError([problem]) from None
    return [(family, address) for family, _, _, _, address in found]


def _all_loopback(addresses: list[tuple[int, tuple[Any, ...]]]) -> bool:
    return all(ipaddress.ip_address(str(address[0])).is_loopback for _, address in addresses)


def _port_free(addresses: list[tuple[int, tuple[Any, ...]]]) -> bool:
    """Whether every address can be bound, as the server will (it reuses TIME_WAIT ports)."""
    for family, address in addresses:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                if _is_address_in_use(error):
                    return False
                raise InputError(
                    [f"cannot listen on {address[0]}:{address[1]}: {error.strerror or error}"]
                ) from None
    return True


def _is_address_in_use(error: OSError) -> bool:
    return error.errno == errno.EADDRINUSE or "address already in use" in str(error).lower()


def _port_taken(host: str, port: int) -> int:
    print(
        f"smm: {host}:{port} is already in use; choose another port with --port",
        file=sys.stderr,
    )
    return ExitCode.BAD_INPUT


def _make_server(
    command: str, host: str, port: int, token: str | None, hosts: ServedHosts, max_tabs: int
) -> Server:
    from interview.cli.serve_server import Guard, GuardedServer

    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # no line per request
    guard = Guard(hosts, token, consultant_key=new_token())
    return GuardedServer(command, host, port, guard, max_tabs)
