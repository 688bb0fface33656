"""Run every smm benchmark and write the figures into docs/PERFORMANCE.md.

    .venv/bin/python -m benchmarks            # the full run (about 10 minutes), writes the doc
    .venv/bin/python -m benchmarks --quick    # a short run that only prints (used by a test)

What each figure means, and the targets, are in docs/PERFORMANCE.md. Timings are medians of
repeated runs; memory is the peak resident set of the process (ru_maxrss).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks import commands, interactive
from benchmarks.fixtures import (
    complete_assessment,
    complete_session,
    many_assessments,
    save_sessions,
    write_stress_questionnaire,
)
from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind

DOC = Path(__file__).resolve().parent.parent / "docs" / "PERFORMANCE.md"
START, END = "<!-- benchmark results: start -->", "<!-- benchmark results: end -->"


@dataclass(frozen=True)
class Scale:
    runs: int
    checkpoints: tuple[int, ...]
    answers_each: int
    stress_practices: int
    sessions: int


FULL = Scale(runs=15, checkpoints=(0, 200, 2000), answers_each=30, stress_practices=1000,
             sessions=1000)  # fmt: skip
QUICK = Scale(runs=2, checkpoints=(0, 20), answers_each=3, stress_practices=40, sessions=30)


@dataclass(frozen=True)
class Row:
    what: str
    figure: str
    target: str = ""
    met: bool | None = None

    def markdown(self) -> str:
        verdict = "" if self.met is None else ("met" if self.met else "**missed**")
        return f"| {self.what} | {self.figure} | {self.target} | {verdict} |"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def median(values: list[float]) -> float:
    return statistics.median(values)


def start_up_rows(scale: Scale) -> list[Row]:
    result = interactive.measure_start_up(scale.runs)
    smm, minimal = median(result.smm_seconds), median(result.minimal_seconds)
    memory_ratio = result.smm_peak_kib / result.minimal_peak_kib
    return [
        Row("Start-up to the first question, minimal Textual app", ms(minimal)),
        Row(
            "Start-up to the first question, `smm new assessment`",
            f"{ms(smm)} ({smm / minimal:.2f}×)",
            "≤ 1.3×",
            smm / minimal <= 1.3,
        ),
        Row("Peak memory, minimal Textual app", mib(result.minimal_peak_kib)),
        Row(
            "Peak memory, `smm new assessment` to the first question",
            f"{mib(result.smm_peak_kib)} ({memory_ratio:.2f}×)",
            "≤ 1.5×",
            memory_ratio <= 1.5,
        ),
    ]


def latency_rows(scale: Scale) -> list[Row]:
    minimal = interactive.measure_minimal_chat_latency(scale.answers_each * 2)
    middle, p90 = interactive.describe(minimal)
    rows = [Row("Key to next line on screen, minimal Textual chat app",
                f"median {middle:.1f} ms, p90 {p90:.1f} ms")]  # fmt: skip
    result = interactive.measure_answer_latency(scale.checkpoints, scale.answers_each)
    for checkpoint, seconds in result.by_transcript.items():
        middle, p90 = interactive.describe(seconds)
        rows.append(Row(f"Answer to next question, {checkpoint:,} messages before",
                        f"median {middle:.1f} ms, p90 {p90:.1f} ms", "median ≤ 30 ms",
                        middle <= 30))  # fmt: skip
    first, last = scale.checkpoints[0], scale.checkpoints[-1]
    growth = median(result.by_transcript[last]) / median(result.by_transcript[first])
    rows.append(Row(f"Answer latency, {last:,} messages against {first:,}", f"{growth:.2f}×",
                    "≤ 1.5×", growth <= 1.5))  # fmt: skip
    rows.append(Row("Peak memory, the long interview", mib(result.peak_kib)))
    return rows


def in_child(spawner: commands.Spawner, *arguments: str) -> tuple[dict[str, Any], int]:
    """Run ``python -m benchmarks.cases ...``: its JSON result and its peak memory (KiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as output:
        run = spawner.run(commands.python_module("benchmarks.cases", *arguments,
                                                 "--output", output.name))  # fmt: skip
        result: dict[str, Any] = json.load(output)
    return result, run.peak_rss_kib


def storage_rows(spawner: commands.Spawner, scale: Scale, stress: Path) -> list[Row]:
    rows = []
    repeats = str(max(scale.runs, 5))
    for label, extra, targets in (
        ("18 practices", [], (0.005, 0.020)),
        (f"{scale.stress_practices:,} practices", ["--questionnaire", str(stress)], None),
    ):
        result, peak = in_child(spawner, "save-load", "--repeats", repeats, *extra)
        save, load = median(result["save"]), median(result["load"])
        size = f"{result['answers']:,} answers, {result['bytes'] / 1024:.0f} KiB"
        rows += [
            Row(
                f"Save a finished assessment, {label} ({size})",
                ms(save),
                "≤ 5 ms" if targets else "",
                save <= targets[0] if targets else None,
            ),
            Row(
                f"Load and check it, {label}",
                ms(load),
                "≤ 20 ms" if targets else "",
                load <= targets[1] if targets else None,
            ),
            Row(f"Peak memory, save and load, {label}", mib(peak)),
        ]
    return rows


def command_rows(
    spawner: commands.Spawner, scale: Scale, folder: Path, ids: dict[str, list[str]]
) -> list[Row]:
    python = spawner.repeated(commands.interpreter(), scale.runs)
    start = median([run.seconds for run in python])
    gap = commands.smm("gap", ids["target"][0], ids["current"][0], folder=folder)
    text_runs = spawner.repeated(gap, scale.runs)
    html_runs = spawner.repeated([*gap, "--format", "html"], max(3, scale.runs // 3))
    many = commands.smm("gap", ids["target"][0], *ids["many"], folder=folder)
    many_runs = spawner.repeated(many, 2)
    consolidation, peak = in_child(spawner, "consolidation", "--sessions", str(scale.sessions),
                                   "--repeats", "3")  # fmt: skip
    gap_text = median([run.seconds for run in text_runs])
    beyond = gap_text - start
    return [
        Row("Python interpreter start-up (`python -c pass`)", ms(start)),
        Row("Peak memory, `python -c pass`", mib(max(run.peak_rss_kib for run in python))),
        Row(
            "`smm gap TARGET CURRENT` (text)",
            f"{ms(gap_text)} ({ms(beyond)} beyond start-up)",
            "≤ 100 ms beyond start-up",
            beyond <= 0.100,
        ),
        Row("Peak memory, `smm gap` (text)", mib(max(run.peak_rss_kib for run in text_runs))),
        Row(
            "`smm gap TARGET CURRENT --format html` (charts)",
            ms(median([run.seconds for run in html_runs])),
        ),
        Row(
            "Peak memory, `smm gap --format html`", mib(max(run.peak_rss_kib for run in html_runs))
        ),
        Row(
            f"`smm gap` with {len(ids['many']):,} assessments (read, merged, printed)",
            ms(median([run.seconds for run in many_runs])),
        ),
        Row(
            f"Peak memory, `smm gap` with {len(ids['many']):,} assessments",
            mib(max(run.peak_rss_kib for run in many_runs)),
        ),
        Row(
            f"Consolidation alone, {scale.sessions:,} assessments in memory",
            ms(median(consolidation["merge"])),
        ),
        Row(f"Peak memory, consolidation of {scale.sessions:,} (with making them)", mib(peak)),
    ]


def prepare(folder: Path, scale: Scale) -> dict[str, list[str]]:
    """Finished sessions to compare: one target, one assessment, and many assessments."""
    questionnaire = load_questionnaire()
    target = complete_session(questionnaire, SessionKind.TARGET, seed=0)
    return {
        "target": save_sessions(folder, [target]),
        "current": save_sessions(folder, [complete_assessment(questionnaire, seed=99)]),
        "many": save_sessions(folder, many_assessments(questionnaire, scale.sessions)),
    }


def machine() -> str:
    cpu = "unknown CPU"
    with Path("/proc/cpuinfo").open(encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{datetime.date.today():%Y-%m-%d}; {os.cpu_count()} cores ({cpu}), "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}, "
        f"Textual {version('textual')}, pydantic {version('pydantic')}"
    )


def table(rows: list[Row]) -> str:
    lines = ["| what | figure | target | |", "|---|---|---|---|"]
    return "\n".join(lines + [row.markdown() for row in rows])


def write_doc(text: str) -> None:
    document = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(document):
        raise SystemExit(f"{DOC}: the markers {START} and {END} are missing")
    DOC.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", document), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run; print only")
    arguments = parser.parse_args()
    scale = QUICK if arguments.quick else FULL
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        # A cache of checked questionnaires of the run's own, warmed by the first (uncounted)
        # runs, as a user's is after the first command; the user's own cache is left alone.
        os.environ["SMM_CACHE_DIR"] = str(folder / "cache")
        stress = write_stress_questionnaire(folder / "stress.toml", scale.stress_practices)
        ids = prepare(folder / "sessions", scale)
        spawner = commands.Spawner()
        try:
            rows = [
                *start_up_rows(scale),
                *latency_rows(scale),
                *storage_rows(spawner, scale, stress),
                *command_rows(spawner, scale, folder / "sessions", ids),
            ]
        finally:
            spawner.close()
    text = f"Measured {machine()}, by `python -m benchmarks`.\n\n{table(rows)}"
    print(text)
    if not arguments.quick:
        write_doc(text)
        print(f"\nWritten into {DOC}")


if __name__ == "__main__":
    main()
