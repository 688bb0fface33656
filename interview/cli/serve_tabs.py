"""The browser tabs' processes of ``smm serve``: each one a process group of its own, ended
whole when its socket closes (security review, S2).

textual-serve runs a tab's command through ``sh -c``, and on its own only asks the app to quit,
then stops reading it: a tab blocked writing its screen to that pipe never quits, and its
asyncio SIGTERM handler cannot run either; killing the shell left the python under it. So the
shell ``exec``s the tab (the process smm waits for is the tab's own), each tab starts in a
session of its own, what a closing tab still writes is read and dropped, and a tab that has
not quit in time gets SIGTERM, then SIGKILL, sent to its whole process group. The limit on
tabs at once (``--max-tabs``) is the server's. Imported only by ``smm serve``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from asyncio.subprocess import PIPE, Process

from textual_serve.app_service import AppService

from interview.errors import printable

log = logging.getLogger("smm.serve")

QUIT_SECONDS = 10.0
"""How long a tab told to quit has to save and exit (its answers are saved already)."""
TERM_SECONDS = 5.0
"""How long a tab has after SIGTERM before SIGKILL."""


class TabService(AppService):
    """textual-serve's service for one tab, its process started in a session of its own."""

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        """As textual-serve opens it, but the shell replaced by the tab (``exec``), in a new
        session: a process group of its own, that can be signalled whole."""
        self._process = process = await asyncio.create_subprocess_shell(
            f"exec {self.command}",
            stdin=PIPE,
            stdout=PIPE,
            stderr=PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        self._stdin = process.stdin
        return process


async def end_tab(service: TabService) -> None:
    """End a tab whose socket has closed: ask its app to quit, and if it has not within
    QUIT_SECONDS, SIGTERM its process group, then SIGKILL it TERM_SECONDS later.

    textual-serve's stop waits for its reader of the process, which a stuck process never
    ends, and swallows a cancellation; so it runs on its own. Once it is done, what the tab
    still writes is read and dropped: a tab blocked writing to a full pipe can then quit, and
    the pipes reach their end, which closes the process's transport (left open, it was
    collected after the event loop had closed, with a traceback)."""
    process: Process | None = service._process
    stopping = asyncio.ensure_future(_stopped(service))
    draining = asyncio.ensure_future(_drained(process, stopping))
    try:
        if process is not None:
            await _ended(process)
    except asyncio.CancelledError:  # the server is stopping: no time to wait
        if process is not None:
            signal_group(process, signal.SIGKILL)
        raise
    finally:
        _, left = await asyncio.wait({stopping, draining}, timeout=TERM_SECONDS)
        for task in left:
            task.cancel()


async def _ended(process: Process) -> None:
    if await _exited(process, QUIT_SECONDS):
        return
    signal_group(process, signal.SIGTERM)
    if await _exited(process, TERM_SECONDS):
        return
    signal_group(process, signal.SIGKILL)
    await _exited(process, TERM_SECONDS)


async def _exited(process: Process, seconds: float) -> bool:
    """Whether the process exits within seconds. Its return code, not ``wait()``, which in
    Python 3.11 also waits for the end of its pipes."""
    deadline = asyncio.get_running_loop().time() + seconds
    while process.returncode is None:
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def _drained(process: Process | None, stopping: asyncio.Future[None]) -> None:
    """Once textual-serve has stopped reading the tab, read its output to the end, unused."""
    await asyncio.wait({stopping})
    if process is not None:
        await asyncio.gather(_read_to_end(process.stdout), _read_to_end(process.stderr))


async def _read_to_end(stream: asyncio.StreamReader | None) -> None:
    while stream is not None and await stream.read(2**16):
        pass


async def _stopped(service: TabService) -> None:
    """textual-serve's stop: the quit message, then its reading of the process ends."""
    try:
        await service.stop()
    except (OSError, RuntimeError) as error:  # a pipe or socket already gone: one line
        log.warning(printable(f"a tab stopped on an error: {error!r}"))


def signal_group(process: Process, number: signal.Signals) -> None:
    """Send a signal to the tab's process group, whose id is the tab's own (its leader)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)
