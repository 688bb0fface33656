"""What a person at the terminal feels: start-up, and the wait after each answer.

Both run the real ``smm`` command in a pseudo-terminal of 80x24 and read its screen with a
terminal emulator, so that a figure covers everything from the key (or the command) to the
text being on screen: Python's start, imports, the engine, the fsynced save and Textual's
rendering.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.terminal import Screen, Terminal
from interview.engine.interview import Interview
from interview.engine.prompts import Prompt, PromptKind
from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind, new_session

SIZE = (80, 24)
FIRST_QUESTION = "What is in scope?"
MINIMAL_APP = Path(__file__).with_name("minimal_app.py")
ESCAPE = "\x1b"
MESSAGES_PER_CYCLE = 4
"""Esc adds "(back to the previous question)" and the question; an answer adds the answer
and the next question."""


@dataclass(frozen=True)
class StartUp:
    smm_seconds: list[float]
    minimal_seconds: list[float]
    smm_peak_kib: int
    minimal_peak_kib: int


def smm_command() -> str:
    return str(Path(sys.executable).with_name("smm"))


def measure_start_up(runs: int) -> StartUp:
    """From the command to the first question on screen, smm and the minimal app in turn."""
    smm_times: list[float] = []
    minimal_times: list[float] = []
    smm_peak = minimal_peak = 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            seconds, peak = _first_paint(
                [smm_command(), "new", "assessment", "--system", "Bench", "--sessions-dir", folder]
            )
        smm_times.append(seconds)
        smm_peak = max(smm_peak, peak)
        seconds, peak = _first_paint([sys.executable, str(MINIMAL_APP)])
        minimal_times.append(seconds)
        minimal_peak = max(minimal_peak, peak)
    return StartUp(smm_times, minimal_times, smm_peak, minimal_peak)


def _first_paint(argv: list[str]) -> tuple[float, int]:
    terminal = Terminal(argv, size=SIZE)
    shown = terminal.wait_for_text(FIRST_QUESTION)
    ended = terminal.finish()
    if ended.status != 0:
        raise RuntimeError(f"{argv[0]} ended with {ended.status}")
    return shown - terminal.started, ended.peak_rss_kib


@dataclass(frozen=True)
class Latency:
    by_transcript: dict[int, list[float]]
    """Seconds per answer, by the number of messages in the transcript before it."""
    peak_kib: int


def measure_answer_latency(checkpoints: tuple[int, ...], answers_each: int) -> Latency:
    """Answer the same question again and again (Esc, then "1") in one long interview.

    Going back and answering again adds four messages to the transcript without changing
    the session's size, so the transcript grows while all else stays equal; the answers
    timed are the ones given when the transcript holds about each checkpoint's messages.
    """
    questionnaire = load_questionnaire()
    mirror = Interview(questionnaire, new_session(questionnaire, SessionKind.ASSESSMENT, "Bench"))
    with tempfile.TemporaryDirectory() as folder:
        terminal = Terminal(
            [smm_command(), "new", "assessment", "--system", "Bench", "--sessions-dir", folder],
            size=SIZE,
        )
        terminal.wait_for_text(FIRST_QUESTION)
        messages = answer_context(terminal, mirror)
        first = mirror.current()
        assert first is not None
        mirror.answer("yes")
        second = mirror.current()
        assert second is not None
        _answer(terminal, "1", second)
        messages += 2
        timings: dict[int, list[float]] = {checkpoint: [] for checkpoint in checkpoints}
        for checkpoint in checkpoints:
            while messages < checkpoint:
                messages += _cycle(terminal, first, second)[1]
            for _ in range(answers_each):
                seconds, added = _cycle(terminal, first, second)
                timings[checkpoint].append(seconds)
                messages += added
        ended = terminal.finish()
    return Latency(timings, ended.peak_rss_kib)


def measure_minimal_chat_latency(answers: int) -> list[float]:
    """The same timing for the smallest Textual chat: a key adds two lines to a RichLog."""
    terminal = Terminal([sys.executable, str(MINIMAL_APP), "--chat"], size=SIZE)
    terminal.wait_for_text(FIRST_QUESTION)
    timings = []
    for number in range(1, answers + 1):
        sent = time.perf_counter()
        terminal.send("1")
        shown = terminal.wait_for(_shows_line(f"Question {number}"))
        timings.append(shown - sent)
    terminal.finish()
    return timings


def _shows_line(line: str) -> Callable[[Screen], bool]:
    return lambda screen: newest_question(screen).rstrip() == line


def _cycle(terminal: Terminal, first: Prompt, second: Prompt) -> tuple[float, int]:
    """Back to the first question, then answer it: the time of the answer, messages added."""
    _answer(terminal, ESCAPE, first)
    return _answer(terminal, "1", second), MESSAGES_PER_CYCLE


def _answer(terminal: Terminal, keys: str, expected: Prompt) -> float:
    """Send keys; the seconds until ``expected`` is the newest question on screen."""
    head = expected.text[:30]
    sent = time.perf_counter()
    terminal.send(keys)
    shown = terminal.wait_for(lambda screen: newest_question(screen).startswith(head))
    return shown - sent


def newest_question(screen: Screen) -> str:
    """The text of the lowest message from smm on screen."""
    for row in reversed(screen):
        if row.startswith(" smm  "):
            return row.removeprefix(" smm  ")
    return ""


def answer_context(terminal: Terminal, mirror: Interview) -> int:
    """Answer the questions about the system and the interviewee; the messages shown so far."""
    messages = 2  # the welcome and the first question
    while (prompt := mirror.current()) is not None and prompt.step.is_context:
        keys, value = keys_for(prompt)
        mirror.answer(value)
        following = mirror.current()
        terminal.send(keys)
        if following is not None:
            terminal.wait_for_text(following.text[:30])
        messages += 3 if following is not None and not following.step.is_context else 2
    return messages


def keys_for(prompt: Prompt) -> tuple[str, str | list[str]]:
    if prompt.kind is PromptKind.TEXT:
        return "Benchmark\r", "Benchmark"
    if prompt.kind is PromptKind.MULTI_CHOICE:
        return "1\r", [prompt.options[0].value]
    return "1", prompt.options[0].value


def describe(seconds: list[float]) -> tuple[float, float]:
    """Median and 90th percentile, in milliseconds."""
    ordered = sorted(seconds)
    p90 = ordered[max(0, round(0.9 * len(ordered)) - 1)]
    return statistics.median(ordered) * 1000, p90 * 1000
