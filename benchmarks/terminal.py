"""A program in a real pseudo-terminal, with its screen read by a terminal emulator (pyte).

What a person sees is what is measured: a program counts as having shown something once the
text is on the emulated screen, after its escape sequences have been interpreted.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyte

Screen = list[str]
"""The emulated screen, one string per row."""


class TerminalTimeoutError(RuntimeError):
    """The awaited text did not appear in time; the message holds the screen."""


@dataclass(frozen=True)
class Exit:
    status: int
    peak_rss_kib: int
    """The child's peak resident memory before it was asked to quit, in KiB."""


class Terminal:
    """One child process on a pseudo-terminal of a fixed size."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        size: tuple[int, int] = (80, 24),
        env: Mapping[str, str] | None = None,
    ) -> None:
        columns, rows = size
        self.started = time.perf_counter()
        self.pid, self._fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal before the program can ask
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execve(argv[0], list(argv), {**os.environ, "TERM": "xterm-256color", **(env or {})})
        self._screen = pyte.Screen(columns, rows)
        self._stream = pyte.ByteStream(self._screen)
        self._arrived = self.started

    def screen(self) -> Screen:
        return list(self._screen.display)

    def send(self, keys: str | bytes) -> None:
        os.write(self._fd, keys.encode() if isinstance(keys, str) else keys)

    def wait_for(self, seen: Callable[[Screen], bool], timeout: float = 30.0) -> float:
        """Read output until ``seen(screen)`` holds; when the output that made it hold arrived.

        The time is taken as the bytes are read, before the emulator interprets them, so
        that the emulator's own (pure Python) cost is not counted against the program.
        """
        deadline = time.perf_counter() + timeout
        arrived = time.perf_counter()
        while not seen(self.screen()):
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or not self._read(remaining):
                shown = "\n".join(self.screen())
                raise TerminalTimeoutError(f"not seen within {timeout} s; the screen:\n{shown}")
            arrived = self._arrived
        return arrived

    def wait_for_text(self, text: str, timeout: float = 30.0) -> float:
        return self.wait_for(lambda screen: any(text in row for row in screen), timeout)

    def peak_rss_kib(self) -> int:
        """The child's peak resident memory so far (VmHWM): unlike ``ru_maxrss``, it does not
        include what the child inherited from this process when it was forked."""
        status = Path(f"/proc/{self.pid}/status").read_text(encoding="utf-8")
        peaks = [line for line in status.splitlines() if line.startswith("VmHWM:")]
        return int(peaks[0].split()[1]) if peaks else 0  # none once the child has died

    def finish(self, keys: str | bytes = "\x11", timeout: float = 30.0) -> Exit:
        """Send the quit keys (Ctrl+Q), drain the output and reap the child (killed if need be).

        The peak memory is read just before quitting.
        """
        peak = self.peak_rss_kib()
        with contextlib.suppress(OSError):  # the child may have gone already
            self.send(keys)
        deadline = time.perf_counter() + timeout
        while self._read(max(deadline - time.perf_counter(), 0.0)):
            pass
        if time.perf_counter() >= deadline:
            os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        os.close(self._fd)
        return Exit(os.waitstatus_to_exitcode(status), peak)

    def _read(self, timeout: float) -> bool:
        """Feed what the child wrote to the emulator; False at end of output or timeout."""
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self._fd, 1 << 16)
        except OSError:  # EIO: the child closed the terminal
            return False
        self._arrived = time.perf_counter()
        self._stream.feed(data)
        return bool(data)
