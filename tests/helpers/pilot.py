"""Driving the real app with Textual's Pilot: a frozen clock, typing and pressing keys, reading the
transcript."""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from interview.engine.interview import Interview
from interview.questionnaire import Questionnaire
from interview.session.model import (
    AnswerValue,
    Phase,
    SessionKind,
    new_session,
)
from interview.session.store import SessionStore
from interview.tui.app import SmmApp
from interview.tui.launch import StartNew
from interview.tui.screens.interview import InterviewScreen
from interview.tui.widgets.transcript import Transcript

FROZEN = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


AppFactory = Callable[..., SmmApp]
# What the app under the pilot returns when it exits: the helpers drive any app.
ReturnT = TypeVar("ReturnT")


def transcript_text(app: App[ReturnT]) -> str:
    """Everything the transcript shows, as plain text."""
    log = app.screen.query_one(Transcript)
    return "\n".join(line.text for line in log.lines)


async def type_answer(pilot: Pilot[ReturnT], text: str) -> None:
    """Fill the visible text field and press Enter."""
    field = next(widget for widget in pilot.app.screen.query(Input) if widget.display)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


async def press(pilot: Pilot[ReturnT], *keys: str) -> None:
    """Press keys one at a time, letting the screen settle after each."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def started(
    store: SessionStore,
    questionnaire: Questionnaire,
    kind: SessionKind,
    answers: Sequence[AnswerValue],
) -> str:
    """A saved session with these answers given, in order; returns its id."""
    session = store.create(
        new_session(questionnaire, kind, "Acme [b]Gateway[/b]", interviewee="Dana Whitfield",
                    role="Firmware lead", now=FROZEN)
    )  # fmt: skip
    interview = Interview(questionnaire, session, on_change=store.save, clock=lambda: FROZEN)
    for value in answers:
        interview.answer(value)
    return session.id


CONTEXT = ["Gateway, cloud API, mobile app", "operator", "industrial"]


async def finish_an_assessment(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway and cloud API", "Dana", "Firmware lead"):
            await type_answer(pilot, text)
        await press(pilot, "2", "2", "2", "1")  # D1.1, D1.2 and F1.1 "no" (0); finish
        assert isinstance(app.screen, InterviewScreen) and app.screen.engine.phase is Phase.DONE
