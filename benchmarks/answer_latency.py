"""Answer latency: from a keystroke answering a question to the next question on screen.

Drives the real app headless with Textual's Pilot on the shipped questionnaire, with 0, 200 and
2,000 messages already in the transcript, and times each answer from the key press until the
app is idle again with the next question shown. Prints median and p90 per case.

    .venv/bin/python benchmarks/answer_latency.py [--answers 40]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList, RichLog

from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import SmmApp, StartNew
from interview.tui.screens.interview import InterviewScreen
from interview.tui.widgets.transcript import Transcript

PREFILLS = (0, 200, 2000)


async def measure(prefill: int, answers: int) -> list[float]:
    """Seconds per answer, with ``prefill`` messages in the transcript first."""
    questionnaire = load_questionnaire()
    with tempfile.TemporaryDirectory() as folder:
        app = SmmApp(
            questionnaire, SessionStore(Path(folder)), StartNew(SessionKind.ASSESSMENT, "Bench")
        )
        async with app.run_test(size=(100, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, InterviewScreen)
            for text in ("scope",):
                screen.query_one("#text").value = text  # type: ignore[attr-defined]
                await pilot.press("enter")
            transcript = screen.query_one(Transcript)
            for number in range(prefill):
                transcript.say(Text(f"earlier message {number}: " + "words " * 12))
            await pilot.pause()
            await _to_first_yes_no(pilot, screen)
            timings = []
            for _ in range(answers):
                start = time.perf_counter()
                await pilot.press("1")
                await pilot.pause()
                timings.append(time.perf_counter() - start)
                if screen.engine.current() is None:  # a practice summary: carry on
                    await pilot.press("1")
                    await pilot.pause()
            return timings


async def _to_first_yes_no(pilot, screen: InterviewScreen) -> None:  # type: ignore[no-untyped-def]
    """Answer the remaining context questions so that every measured answer is a choice."""
    while screen.engine.current() is not None and screen.engine.current().step.is_context:  # type: ignore[union-attr]
        prompt = screen.engine.current()
        assert prompt is not None
        if prompt.kind == "text":
            screen.query_one("#text").value = "x"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()


class MinimalApp(App[None]):
    """The baseline: a key picks an option, a line is logged, the options are redrawn."""

    def compose(self) -> ComposeResult:
        yield RichLog()
        yield OptionList("Yes", "No", "Don't know")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: object) -> None:
        self.query_one(RichLog).write(Text("you  Yes"))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(["Yes", "No", "Don't know"])


async def measure_baseline(answers: int) -> list[float]:
    """The same key-press-to-idle timing for the minimal app."""
    app = MinimalApp()
    async with app.run_test(size=(100, 40)) as pilot:
        timings = []
        for _ in range(answers):
            start = time.perf_counter()
            await pilot.press("1")
            await pilot.pause()
            timings.append(time.perf_counter() - start)
        return timings


def describe(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.9) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=40)
    arguments = parser.parse_args()
    print(f"{'messages before':>16}  {'median ms':>9}  {'p90 ms':>7}")
    median, p90 = describe(asyncio.run(measure_baseline(arguments.answers)))
    print(f"{'minimal app':>16}  {median:>9.1f}  {p90:>7.1f}")
    for prefill in PREFILLS:
        median, p90 = describe(asyncio.run(measure(prefill, arguments.answers)))
        print(f"{prefill:>16}  {median:>9.1f}  {p90:>7.1f}")


if __name__ == "__main__":
    main()
