"""Whole commands, as a user runs them: ``smm gap`` against the interpreter's own start-up.

Peak memory needs care on Linux: a child inherits its parent's peak resident set at fork and
keeps it through exec, so every command started from this (large) process would report at
least this process's size. Commands are therefore started by a small helper process
(:data:`SPAWNER`, Python without site packages), and their figures are read by it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SPAWNER = """
import json, os, sys, time
for line in sys.stdin:
    argv = json.loads(line)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    print(json.dumps([seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss]), flush=True)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_kib: int


class Spawner:
    """A small process that runs commands one at a time and reports time and peak memory."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-S", "-c", SPAWNER],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip

    def run(self, argv: list[str]) -> Run:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps(argv) + "\n")
        self._process.stdin.flush()
        seconds, status, peak = json.loads(self._process.stdout.readline())
        if status != 0:
            raise RuntimeError(f"{' '.join(argv[:3])} … ended with exit code {status}")
        return Run(seconds, peak)

    def repeated(self, argv: list[str], runs: int) -> list[Run]:
        """The first run fills the caches (questionnaire, .pyc) and is not counted."""
        self.run(argv)
        return [self.run(argv) for _ in range(runs)]

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait()


def interpreter() -> list[str]:
    return [sys.executable, "-c", "pass"]


def smm(*arguments: str, folder: Path) -> list[str]:
    return [str(Path(sys.executable).with_name("smm")), *arguments, "--sessions-dir", str(folder)]


def python_module(module: str, *arguments: str) -> list[str]:
    return [sys.executable, "-m", module, *arguments]
