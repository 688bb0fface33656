"""The benchmark command keeps working: a short run of every benchmark, figures printed.

The figures are not checked (this machine is shared and its timings are noise); the run
proves that `python -m benchmarks` still drives smm to its first question and through its
answers, saves, loads and compares, as docs/PERFORMANCE.md says it does.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmarks_run_end_to_end() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert any("Start-up to the first question, `smm new assessment`" in row for row in rows)
    assert any("Answer to next question, 20 messages before" in row for row in rows)
    assert any("`smm gap TARGET CURRENT` (text)" in row for row in rows)
    assert len(rows) >= 20
