"""The first screen: start a target or an assessment, resume a session, or quit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from interview.engine.summary import SessionSummary
from interview.errors import printable
from interview.formatting import KIND_NAMES, short_time
from interview.profiles import Profile
from interview.questionnaire.model import ContextOption
from interview.services import system_key
from interview.services.workshop import Workshop
from interview.session.model import SessionKind
from interview.tui.screens.dialogs import NoteDialog
from interview.tui.screens.new_session import NewSessionScreen
from interview.tui.widgets.choice_lists import NumberedOptionList, numbered
from interview.tui.workshop_messages import OPEN_WITH_CODE

INTRO = (
    "smm walks you through the IIC IoT Security Maturity Model: 3 domains, 9 sub-domains, "
    "18 practices. Business owners set a target; engineers and assessors record the current "
    "state; smm compares the two. Every answer is saved as you go."
)


class StartScreen(Screen[None]):
    """What would you like to do?"""

    BINDINGS = [Binding("q", "app.quit", "Quit", show=False)]

    def __init__(
        self,
        summaries: list[SessionSummary],
        problems: list[str],
        profiles: list[Profile],
        sectors: Sequence[ContextOption] = (),
        workshop: Workshop | None = None,
    ) -> None:
        super().__init__()
        self._summaries = summaries
        self._problems = problems
        self._profiles = profiles
        self._sectors = sectors
        self._workshop = workshop
        """In ``smm serve``: whose browser this is (a participant sees only their sessions)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(Text("smm — IoT Security Maturity Model interviews", style="bold"))
            yield Static(Text(INTRO), classes="intro")
            choices = [
                ("target", "Set a security maturity target (for business owners)", True),
                ("assessment", "Assess the current state (for engineers and assessors)", True),
                ("resume", self._resume_words(), bool(self._summaries)),
                ("compare", "Compare a target with a self-assessment (gap analysis)",
                 _comparable(self._summaries)),
            ]  # fmt: skip
            if self._participant:  # the history reads every session of a system: not theirs
                choices.append(("code", OPEN_WITH_CODE, True))
            else:
                history = "The history of a system over its improvement cycles"
                choices.append(("history", history, bool(self._summaries)))
            choices.append(("quit", "Quit", True))
            yield NumberedOptionList(
                *(
                    Option(numbered(number, words), id=choice, disabled=not enabled)
                    for number, (choice, words, enabled) in enumerate(choices, 1)
                ),
                id="start-menu",
            )
            for problem in self._problems:
                yield Static(
                    Text(f"Skipped an unreadable file: {printable(problem)}", style="italic")
                )
        yield Footer()

    @property
    def _participant(self) -> bool:
        return self._workshop is not None and not self._workshop.seat.consultant

    def _resume_words(self) -> str:
        unfinished = sum(1 for summary in self._summaries if not summary.finished)
        counts = f"{unfinished} unfinished, {len(self._summaries)} in all"
        if self._participant:
            return f"Resume a session of this browser ({counts})"
        if self._workshop is not None:
            done = len(self._summaries) - unfinished
            return f"Every participant's session ({done} finished, {unfinished} not yet)"
        return f"Resume a saved session ({counts})"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "quit":
            self.app.exit()
        elif choice == "code":
            dialog = NoteDialog(
                "type the code you were shown (e.g. K7P4-QX2M)",
                "",
                heading=f"{OPEN_WITH_CODE}: ",
                placeholder="the session's code",
                required=True,
                keeps="the code",
                multiline=False,
            )
            self.app.push_screen(dialog, self._open_with)
        elif choice == "resume":
            self.app.push_screen(ResumeScreen(self._summaries))
        elif choice == "compare":
            self.app.push_screen(CompareScreen(self._summaries))
        elif choice == "history":
            self.app.push_screen(SystemPicker(self._summaries))
        elif choice in ("target", "assessment"):
            kind = SessionKind(choice)
            targets = [s for s in self._summaries if s.kind is SessionKind.TARGET]
            assessments = [s for s in self._summaries if s.kind is SessionKind.ASSESSMENT]
            self.app.push_screen(
                NewSessionScreen(kind, targets, self._profiles, assessments, sectors=self._sectors)
            )

    def _open_with(self, code: str | None) -> None:
        if code:
            self.post_message(OpenWithCode(code))


@dataclass
class OpenWithCode(Message):
    """A workshop participant typed a session's code."""

    code: str


@dataclass
class OpenRequested(Message):
    """The user chose a saved session to resume."""

    session_id: str


@dataclass
class CompareRequested(Message):
    """The user chose a target and the self-assessments to compare with it (several are
    merged, as ``smm gap TARGET CURRENT CURRENT...`` merges them)."""

    target_id: str
    current_ids: list[str]


class ResumeScreen(Screen[None]):
    """The saved sessions, the most recent unfinished first."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, summaries: list[SessionSummary]) -> None:
        super().__init__()
        ordered = sorted(summaries, key=lambda s: s.updated, reverse=True)
        self._summaries = sorted(ordered, key=lambda s: s.finished)

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(Text("Resume which session? (Enter opens, Esc goes back)", style="bold"))
            yield NumberedOptionList(
                *(
                    Option(_session_label(number, s), id=s.id)
                    for number, s in enumerate(self._summaries, 1)
                ),
                id="resume-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenRequested(event.option.id))


def _session_label(number: int, summary: SessionSummary) -> Text:
    state = (
        "done"
        if summary.finished
        else f"{summary.practices_done}/{summary.practices_total} practices"
    )
    label = numbered(number, f"{summary.system} — {KIND_NAMES[summary.kind]}")
    details = f"{summary.interviewee or 'no name'} · {state} · {short_time(summary.updated)}"
    label.append("\n   ")  # the line break is ours; the user's text is made printable
    label.append(printable(f"{details} · {summary.id}"), style="italic")
    return label


def _comparable(summaries: list[SessionSummary]) -> bool:
    kinds = {summary.kind for summary in summaries}
    return kinds == {SessionKind.TARGET, SessionKind.ASSESSMENT}


MERGED_CHOICE = "@merged"
"""The option id of "all of the system's assessments, merged" (no session id has an @)."""
MERGE_AT_LEAST = 2


class CompareScreen(Screen[None]):
    """Choose the target, then the self-assessment to hold against it."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, summaries: list[SessionSummary]) -> None:
        super().__init__()
        ordered = sorted(summaries, key=lambda s: s.updated, reverse=True)
        self._targets = [s for s in ordered if s.kind is SessionKind.TARGET]
        self._assessments = [s for s in ordered if s.kind is SessionKind.ASSESSMENT]
        self._target_id: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(Text("Compare: first choose the target", style="bold"), id="compare-title")
            yield NumberedOptionList(id="compare-list")
        yield Footer()

    def on_mount(self) -> None:
        self._offer(self._targets)

    def _offer(self, summaries: list[SessionSummary], *, merged: bool = False) -> None:
        options = self.query_one("#compare-list", NumberedOptionList)
        options.clear_options()
        choices = [Option(_session_label(n, s), id=s.id) for n, s in enumerate(summaries, 1)]
        together = self._merged_choice() if merged else None
        if together is not None:
            label, _ = together
            choices.append(Option(numbered(len(choices) + 1, label), id=MERGED_CHOICE))
        options.add_options(choices)
        options.focus()

    def _merged_choice(self) -> tuple[str, list[str]] | None:
        """All finished self-assessments of the target's system, merged, when there are
        several: the option's words and the sessions' ids."""
        target = next(s for s in self._targets if s.id == self._target_id)
        same = [
            s
            for s in self._assessments
            if system_key(s.system) == system_key(target.system) and s.finished
        ]
        if len(same) < MERGE_AT_LEAST:
            return None
        names = ", ".join(s.interviewee or s.id for s in same)
        label = f"All {len(same)} finished self-assessments of {target.system}, merged ({names})"
        return printable(label), [s.id for s in same]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id or ""
        if self._target_id is None:
            self._target_id = chosen
            title = Text("Compare: now choose the self-assessment", style="bold")
            self.query_one("#compare-title", Static).update(title)
            self._offer(self._assessments, merged=True)
            return
        together = self._merged_choice()
        if chosen == MERGED_CHOICE and together is not None:
            self.post_message(CompareRequested(self._target_id, together[1]))
        else:
            self.post_message(CompareRequested(self._target_id, [chosen]))


@dataclass
class HistoryRequested(Message):
    """The user wants one system's history."""

    system: str


class SystemPicker(Screen[None]):
    """Which system's history?"""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, summaries: list[SessionSummary]) -> None:
        super().__init__()
        systems: dict[str, str] = {}
        for summary in sorted(summaries, key=lambda s: s.updated, reverse=True):
            systems.setdefault(system_key(summary.system), summary.system)
        self._systems = list(systems.values())

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(Text("The history of which system?", style="bold"))
            yield NumberedOptionList(
                *(Option(numbered(n, name), id=str(n)) for n, name in enumerate(self._systems, 1)),
                id="system-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.post_message(HistoryRequested(self._systems[int(event.option.id or "1") - 1]))
