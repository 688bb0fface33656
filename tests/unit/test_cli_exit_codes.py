"""Every exit code of smm comes from one enum, and Ctrl+C ends any command with 130."""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import interview.cli
from interview.cli import main
from interview.cli.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parents[2]
SLOW_COMMAND = """
import sys, time
import interview.cli

def slow(arguments):
    print("working", flush=True)
    time.sleep(60)
    return 0

interview.cli.handler_of = lambda arguments: slow
sys.exit(interview.cli.main(["list", "--sessions-dir", sys.argv[1]]))
"""
"""``smm list`` whose work takes a minute: long enough to be interrupted."""


def test_the_codes_are_the_documented_ones() -> None:
    assert {code.name: code.value for code in ExitCode} == {
        "OK": 0, "FAILURE": 1, "BAD_INPUT": 2, "INTERRUPTED": 130
    }  # fmt: skip
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert re.search(rf"^\| \*\*{code.value}\*\* \|", readme, re.M), f"README: {code}"


def test_no_module_defines_an_exit_code_of_its_own() -> None:
    defined = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in (ROOT / "interview").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*EXIT_[A-Z_]+\s*=", line)
    ]
    assert defined == []


def test_ctrl_c_during_a_command_is_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(arguments: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(interview.cli, "handler_of", lambda arguments: interrupted)
    code = main(["list", "--sessions-dir", str(tmp_path)])
    assert code == ExitCode.INTERRUPTED
    assert int(code) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_sigint_to_a_running_smm_ends_it_with_130(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_COMMAND, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "working\n"
        child.send_signal(signal.SIGINT)
        _, errors = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130
    assert "Traceback" not in errors
