"""The first screen: start a target or an assessment, resume a session, or quit."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from interview.engine.summary import SessionSummary
from interview.errors import printable
from interview.formatting import KIND_NAMES, short_time
from interview.profiles import Profile
from interview.services import system_key
from interview.session.model import SessionKind
from interview.tui.widgets.answer_panel import NumberedOptionList, numbered
from interview.tui.widgets.text_input import TextInput

INTRO = (
    "smm walks you through the IIC IoT Security Maturity Model: 3 domains, 9 areas, "
    "18 practices. Business owners set a target; engineers and assessors record the current "
    "state; smm compares the two. Every answer is saved as you go."
)


class StartScreen(Screen[None]):
    """What would you like to do?"""

    BINDINGS = [Binding("q", "app.quit", "Quit", show=False)]

    def __init__(
        self, summaries: list[SessionSummary], problems: list[str], profiles: list[Profile]
    ) -> None:
        super().__init__()
        self._summaries = summaries
        self._problems = problems
        self._profiles = profiles

    def compose(self) -> ComposeResult:
        unfinished = sum(1 for summary in self._summaries if not summary.finished)
        with Vertical(classes="page"):
            yield Static(Text("smm — IoT Security Maturity Model interviews", style="bold"))
            yield Static(Text(INTRO), classes="intro")
            yield NumberedOptionList(
                Option(
                    numbered(1, "Set a security maturity target (for business owners)"), id="target"
                ),
                Option(
                    numbered(2, "Assess the current state (for engineers and assessors)"),
                    id="assessment",
                ),
                Option(
                    numbered(
                        3,
                        f"Resume a saved session ({unfinished} unfinished, "
                        f"{len(self._summaries)} in all)",
                    ),
                    id="resume",
                    disabled=not self._summaries,
                ),
                Option(
                    numbered(4, "Compare a target with a self-assessment (gap analysis)"),
                    id="compare",
                    disabled=not _comparable(self._summaries),
                ),
                Option(
                    numbered(5, "The history of a system over its improvement cycles"),
                    id="history",
                    disabled=not self._summaries,
                ),
                Option(numbered(6, "Quit"), id="quit"),
                id="start-menu",
            )
            for problem in self._problems:
                yield Static(
                    Text(f"Skipped an unreadable file: {printable(problem)}", style="italic")
                )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        if choice == "quit":
            self.app.exit()
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
            self.app.push_screen(NewSessionScreen(kind, targets, self._profiles, assessments))


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


@dataclass
class StartRequested(Message):
    """The user asked for a new interview."""

    kind: SessionKind
    system: str
    target_id: str | None
    profile_id: str | None = None
    previous_id: str | None = None


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


class NewSessionScreen(Screen[None]):
    """Name the system; then, for a target, a profile to start from, or for an assessment,
    the target to compare with (either may be none)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(
        self,
        kind: SessionKind,
        targets: list[SessionSummary],
        profiles: list[Profile],
        assessments: list[SessionSummary] | None = None,
    ) -> None:
        super().__init__()
        self._kind = kind
        self._targets = targets
        self._profiles = profiles
        self._assessments = assessments or []
        self._system = ""
        self._asking = ""
        self._target_id: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(Text(f"New {KIND_NAMES[self._kind]}", style="bold"))
            yield Static(Text("What is the name of the system we are looking at?"))
            yield TextInput(placeholder="Acme smart gateway", id="system-name")
            yield Static(id="choice-title")
            yield NumberedOptionList(id="choice-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#choice-title").display = False
        self.query_one("#choice-list").display = False
        self.query_one("#system-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._system = event.value.strip()
        if not self._system:
            self.notify("The system needs a name.", markup=False)
        elif self._kind is SessionKind.ASSESSMENT and self._targets:
            self._asking = "target"
            self._offer(
                "Compare with which target? (you can also choose none)",
                ("No target for now", *(_target_label(s) for s in self._targets)),
                ["", *(s.id for s in self._targets)],
            )
        elif self._kind is SessionKind.ASSESSMENT and self._earlier():
            self._offer_earlier()
        elif self._kind is SessionKind.TARGET and self._profiles:
            self._offer(
                "Start from a profile? Each is an illustrative starting point made by smm, "
                "not published by the IIC: the interview confirms or changes every level.",
                ("Start from scratch", *(f"{p.name}: {p.description}" for p in self._profiles)),
                ["", *(p.id for p in self._profiles)],
            )
        else:
            self.post_message(StartRequested(self._kind, self._system, None))

    def _offer(self, title: str, labels: tuple[str, ...], values: list[str]) -> None:
        choices = self.query_one("#choice-list", NumberedOptionList)
        choices.clear_options()
        choices.add_options(
            [Option(numbered(n, label), id=value or "none") for n, (label, value) in
             enumerate(zip(labels, values, strict=True), 1)]
        )  # fmt: skip
        self.query_one("#choice-title", Static).update(Text(title))
        self.query_one("#choice-title").display = True
        choices.display = True
        choices.focus()

    def _earlier(self) -> list[SessionSummary]:
        """Finished assessments of the same system, the most recent first."""
        same = [s for s in self._assessments if system_key(s.system) == system_key(self._system)]
        return sorted([s for s in same if s.finished], key=lambda s: s.updated, reverse=True)

    def _offer_earlier(self) -> None:
        self._asking = "previous"
        earlier = self._earlier()
        self._offer(
            "Start from an earlier assessment of this system? Each earlier answer is then "
            "offered to confirm or change, which is much faster.",
            ("Start fresh", *(_earlier_label(s) for s in earlier)),
            ["", *(s.id for s in earlier)],
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = None if event.option.id in (None, "none") else event.option.id
        if self._kind is SessionKind.TARGET:
            self.post_message(StartRequested(self._kind, self._system, None, chosen))
        elif self._asking == "target" and self._earlier():
            self._target_id = chosen
            self._offer_earlier()
        elif self._asking == "target":
            self.post_message(StartRequested(self._kind, self._system, chosen))
        else:
            self.post_message(
                StartRequested(self._kind, self._system, self._target_id, previous_id=chosen)
            )


def _earlier_label(summary: SessionSummary) -> str:
    return f"The assessment of {short_time(summary.updated)} by {summary.interviewee or 'unknown'}"


def _target_label(summary: SessionSummary) -> str:
    return f"{summary.system} — target by {summary.interviewee or 'unknown'} ({summary.id})"


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
