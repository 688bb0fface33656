"""``smm completion bash|zsh|tcsh``: scripts made from the parser, that real shells accept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPLETE_IN_BASH = """
source "$1"
COMP_WORDS=(smm "$2")
COMP_CWORD=1
COMP_LINE="smm $2"
COMP_POINT=${#COMP_LINE}
_shtab_smm smm "$2" smm
printf '%s\\n' "${COMPREPLY[@]}"
"""
"""Complete ``smm WORD`` the way bash does on Tab, and print the candidates."""


def completion_script(shell: str, folder: Path) -> Path:
    """``python -m interview completion SHELL``, written to a file."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "interview", "completion", shell],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    script = folder / f"smm.{shell}"
    script.write_text(done.stdout, encoding="utf-8")
    return script


def bash_candidates(script: Path, word: str) -> list[str]:
    done = subprocess.run(
        ["bash", "-c", COMPLETE_IN_BASH, "complete", str(script), word],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_a_command_name(tmp_path: Path) -> None:
    script = completion_script("bash", tmp_path)
    assert bash_candidates(script, "g") == ["gap"]
    assert bash_candidates(script, "comp") == ["completion"]
    assert {"history", "show", "profiles"} <= set(bash_candidates(script, ""))
    assert "--tab" not in script.read_text(encoding="utf-8")  # serve's hidden options


@pytest.mark.parametrize("shell", ["zsh", "tcsh"])
def test_zsh_and_tcsh_scripts_are_made_and_parse(shell: str, tmp_path: Path) -> None:
    script = completion_script(shell, tmp_path)
    text = script.read_text(encoding="utf-8")
    assert "gap" in text and "sessions-dir" in text
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed: the script is made but not parsed")
    checked = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_an_unknown_shell_is_one_line_and_exit_2(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "interview", "completion", "fish"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("smm ")


def test_smm_does_not_import_shtab_for_other_commands(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    listing = ["list", "--sessions-dir", str(tmp_path)]
    probe = f"import sys; from interview.cli import main; main({listing!r})"
    done = subprocess.run(
        [sys.executable, "-c", f"{probe}\nprint('shtab imported:', 'shtab' in sys.modules)"],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "shtab imported: False"
