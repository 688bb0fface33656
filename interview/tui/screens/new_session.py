"""A new session: the system's name first; then, for a target, the sector and a profile to
start from (the sector's own profiles first); for an assessment, the target to compare with
and an earlier assessment to start from. Each choice may be none; Esc goes back one step. A
profile or target given ahead (``smm new target --profile``, ``smm new assessment --target``)
is honoured: only the name is asked."""

from __future__ import annotations

from collections.abc import Sequence
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
from interview.questionnaire.model import ContextOption
from interview.sectors import offer_for_sector
from interview.services import system_key
from interview.session.model import SessionKind
from interview.tui.widgets.choice_lists import NumberedOptionList, numbered
from interview.tui.widgets.text_input import TextInput

NONE_CHOSEN = "none"
"""The option id of choosing nothing: "Start from scratch", "No target for now", "Start fresh",
a sector that is not listed."""

PROFILES_TITLE = (
    "Start from a profile? Each is an illustrative starting point made by smm, not published "
    "by the IIC: the interview confirms or changes every level."
)


@dataclass
class StartRequested(Message):
    """The user asked for a new interview."""

    kind: SessionKind
    system: str
    target_id: str | None
    profile_id: str | None = None
    previous_id: str | None = None
    sector: str | None = None
    """The sector answered ahead (the context question ``industry``), if chosen."""


@dataclass(frozen=True)
class StartGiven:
    """What the new session starts from, given on the command line ahead of the name."""

    profile_id: str | None = None
    target_id: str | None = None

    def anything(self) -> bool:
        return bool(self.profile_id or self.target_id)


class NewSessionScreen(Screen[None]):
    """Name the system, then choose what the new session starts from."""

    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(
        self,
        kind: SessionKind,
        targets: list[SessionSummary],
        profiles: list[Profile],
        assessments: list[SessionSummary] | None = None,
        *,
        sectors: Sequence[ContextOption] = (),
        sector: str | None = None,
        given: StartGiven | None = None,
    ) -> None:
        """``sectors``: the questionnaire's sector options (asked before the profiles);
        ``sector``: one given ahead (``smm new target --industry``), then not asked;
        ``given``: the profile or target given ahead: then only the name is asked."""
        super().__init__()
        self._kind = kind
        self._targets = targets
        self._profiles = profiles
        self._assessments = assessments or []
        self._sectors = tuple(sectors)
        self._sector_given = sector is not None
        self._system = ""
        self._steps: list[str] = []
        """The choices shown so far, the one on screen last: Esc goes back along them."""
        self._chosen: dict[str, str | None] = {"sector": sector}
        self._given = given or StartGiven()

    def compose(self) -> ComposeResult:
        with Vertical(classes="page"):
            yield Static(Text(f"New {KIND_NAMES[self._kind]}", style="bold"))
            yield Static(Text("What is the name of the system we are looking at?"))
            yield TextInput(placeholder="Acme smart gateway", id="system-name")
            yield Static(id="choice-title")
            yield NumberedOptionList(id="choice-list")
        yield Footer()

    def on_mount(self) -> None:
        self._show_name()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._system = event.value.strip()
        if not self._system:
            self.notify("The system needs a name.", markup=False)
            return
        self._steps = []
        self._go(self._step_after(None))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        step = self._steps[-1]
        self._chosen[step] = None if event.option.id in (None, NONE_CHOSEN) else event.option.id
        self._go(self._step_after(step))

    def action_back(self) -> None:
        """One step back: the choice before, the name, or (from the name) the start screen."""
        if not self._steps:
            self.app.pop_screen()
            return
        self._steps.pop()
        if self._steps:
            self._ask(self._steps[-1])
        else:
            self._show_name()

    # --- The steps ---------------------------------------------------------------------------

    def _step_after(self, done: str | None) -> str | None:
        """The next choice to offer after ``done`` (None: after the name), or None to start."""
        if self._given.anything():
            return None  # what the session starts from was said on the command line
        if self._kind is SessionKind.TARGET:
            order = ["sector", "profile"]
            wanted = {
                "sector": bool(self._profiles and self._sectors) and not self._sector_given,
                "profile": bool(self._profiles),
            }
        else:
            order = ["target", "previous"]
            wanted = {"target": bool(self._targets), "previous": bool(self._earlier())}
        later = order[order.index(done) + 1 :] if done in order else order
        return next((step for step in later if wanted[step]), None)

    def _go(self, step: str | None) -> None:
        if step is None:
            self._start()
            return
        self._steps.append(step)
        self._ask(step)

    def _ask(self, step: str) -> None:
        if step == "sector":
            self._offer_sectors()
        elif step == "profile":
            self._offer_profiles()
        elif step == "target":
            self._offer(
                "Compare with which target? (you can also choose none)",
                [("No target for now", NONE_CHOSEN)]
                + [(_target_label(s), s.id) for s in self._targets],
            )
        else:
            self._offer(
                "Start from an earlier assessment of this system? Each earlier answer is then "
                "offered to confirm or change, which is much faster.",
                [("Start fresh", NONE_CHOSEN)]
                + [(_earlier_label(s), s.id) for s in self._earlier()],
            )

    def _start(self) -> None:
        chosen = self._chosen.get
        given = self._given
        self.post_message(
            StartRequested(self._kind, self._system, given.target_id or chosen("target"),
                           given.profile_id or chosen("profile"), chosen("previous"),
                           chosen("sector"))
        )  # fmt: skip

    def _offer_sectors(self) -> None:
        choices = [(option.label, option.value) for option in self._sectors]
        choices.append(("Other / not listed (the interview asks for it later)", NONE_CHOSEN))
        self._offer(
            "Which sector does the system serve? The profiles made for it come first.",
            choices,
        )

    def _offer_profiles(self) -> None:
        sector = self._chosen.get("sector")
        offer = offer_for_sector(self._profiles, sector)
        sector_words = self._sector_label(sector)
        options = [
            _profile_option(n, profile, sector_words)
            for n, profile in enumerate(offer.suggested, 1)
        ]
        options.append(Option(numbered(len(options) + 1, "Start from scratch"), id=NONE_CHOSEN))
        options += [
            _profile_option(n, profile, None)
            for n, profile in enumerate(offer.others, len(options) + 1)
        ]
        title = PROFILES_TITLE
        if sector and not offer.suggested:
            title = f"No profile is made for {sector_words} yet. {title}"
        self._show_choices(Text(printable(title)), options)

    def _sector_label(self, sector: str | None) -> str:
        labels = {option.value: option.label for option in self._sectors}
        return labels.get(sector or "", sector or "")

    def _offer(self, title: str, choices: list[tuple[str, str]]) -> None:
        options = [
            Option(numbered(n, label), id=value) for n, (label, value) in enumerate(choices, 1)
        ]
        self._show_choices(Text(title), options)

    def _show_choices(self, title: Text, options: list[Option]) -> None:
        choices = self.query_one("#choice-list", NumberedOptionList)
        choices.clear_options()
        choices.add_options(options)
        self.query_one("#choice-title", Static).update(title)
        self.query_one("#choice-title").display = True
        choices.display = True
        choices.highlighted = 0
        choices.focus()

    def _show_name(self) -> None:
        self.query_one("#choice-title").display = False
        self.query_one("#choice-list").display = False
        self.query_one("#system-name", Input).focus()

    def _earlier(self) -> list[SessionSummary]:
        """Finished assessments of the same system, the most recent first."""
        same = [s for s in self._assessments if system_key(s.system) == system_key(self._system)]
        return sorted([s for s in same if s.finished], key=lambda s: s.updated, reverse=True)


def _profile_option(number: int, profile: Profile, suggested_for: str | None) -> Option:
    """A profile as an option: its name, "(suggested for …)" when the sector suggests it, in
    words as well as bold, and its description."""
    label = numbered(number, profile.name)
    if suggested_for is not None:
        label.append(printable(f" (suggested for {suggested_for})"), style="bold")
    label.append(printable(f": {profile.description}"))
    return Option(label, id=profile.id)


def _earlier_label(summary: SessionSummary) -> str:
    return f"The assessment of {short_time(summary.updated)} by {summary.interviewee or 'unknown'}"


def _target_label(summary: SessionSummary) -> str:
    return f"{summary.system} — target by {summary.interviewee or 'unknown'} ({summary.id})"
