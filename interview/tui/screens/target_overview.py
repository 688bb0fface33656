"""The end of a target interview: every practice's target with where it came from and why, the
warnings above them, and what to do next: change a practice, finish and approve, open the
report, go back to the review.

The screen turns each choice into one engine call (or one approval, through the engine) and
redraws from the session; the rows and warnings are :mod:`interview.target_review`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from interview.engine.approval import approve
from interview.engine.interview import Interview
from interview.engine.outcome import EngineError, Outcome
from interview.errors import InputError, printable
from interview.questionnaire.engine_ids import purpose_question_id
from interview.services.review import target_review
from interview.session.model import Origin, as_target
from interview.target_review import (
    TargetReview,
    TargetRow,
    approval_words,
    no_warnings_words,
)
from interview.tui import text
from interview.tui.screens.dialogs import ApprovalDialog
from interview.tui.target_report import open_in_browser, write_report_file

APPROVE, REPORT, REVIEW, QUIT = "__approve__", "__report__", "__review__", "__quit__"
ACTIONS = [
    (APPROVE, "Finish and approve"),
    (REPORT, "Open the target report"),
    (REVIEW, "Back to the review"),
    (QUIT, "Quit (everything is saved)"),
]

NUMBERED = list(enumerate(ACTIONS, 1))
PICK_A_PRACTICE = "Choose a practice below to change its target; Enter goes to its question."

ROW_ORIGINS = {
    Origin.GOAL: "goal",
    Origin.NEEDS: "needs",
    Origin.PURPOSE: "yours",
    Origin.PROFILE: "profile",
}
"""The origin in a row, short; the line under the list says it in full."""

NAME_WIDTH = 26
LEVEL_WIDTH = 23
"""Columns of a row, so that id, name, level and the start of the reason fit 80 columns."""


def row_text(row: TargetRow) -> Text:
    """``G1.1 Security Program Manage…  3 Consistent · Industry  needs: Severe: the…``."""
    name = row.name if len(row.name) <= NAME_WIDTH else row.name[: NAME_WIDTH - 1] + "…"
    shown = text.literal(f"{row.practice_id:<5}", "bold")
    shown.append_text(text.literal(f"{name:<{NAME_WIDTH}}  {row.level_words:<{LEVEL_WIDTH}}  "))
    origin = ROW_ORIGINS.get(row.origin, row.origin_words)
    shown.append_text(text.literal(f"{origin}: {row.reason}" if row.reason else origin, "dim"))
    shown.no_wrap, shown.overflow = True, "ellipsis"
    return shown


def detail_text(row: TargetRow) -> Text:
    """The highlighted practice in full: its level, where it came from and why."""
    shown = text.literal(f"{row.practice_id} {row.name}: {row.level_words}", "bold")
    shown.append_text(text.literal(f". Set by: {row.origin_words}."))
    if row.reason:
        shown.append_text(text.literal(f" Why: {row.reason}"))
    return shown


def warnings_text(review: TargetReview) -> Text:
    """Each warning on its own line, marked in words as well as colour."""
    if not review.warnings:
        return text.literal(no_warnings_words(review), "italic")
    shown = Text()
    for number, warning in enumerate(review.warnings):
        shown.append("\n" if number else "")
        shown.append("Warning: ", style="bold")
        shown.append_text(text.literal(warning.text))
    return shown


class TargetOverviewScreen(Screen[None]):
    """A finished target, to decide on; closed when the user goes back to the interview."""

    BINDINGS = [
        Binding("escape", "back_to_review", "Back to the review"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, len(ACTIONS) + 1)),
    ]

    def __init__(self, engine: Interview, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.engine = engine
        self._clock = clock
        self.review = self._review()

    def compose(self) -> ComposeResult:
        yield Static(id="overview-title")
        with VerticalScroll(id="overview-warnings"):
            yield Static(id="overview-warning-text")
        yield OptionList(id="overview-list")
        yield Static(id="overview-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._show()
        self.query_one(OptionList).focus()

    def _review(self) -> TargetReview:
        return target_review(self.engine.questionnaire, as_target(self.engine.session))

    def _show(self) -> None:
        """Redraw from the session: title, approval, warnings, the menu and the rows."""
        session = self.engine.session
        title = text.literal(f"Target overview · {session.system}", "bold")
        title.append("\n")
        title.append_text(text.literal(approval_words(self.review.approval)))
        self.query_one("#overview-title", Static).update(title)
        self.query_one("#overview-warning-text", Static).update(warnings_text(self.review))
        choices = self.query_one(OptionList)
        highlighted = choices.highlighted
        choices.clear_options()
        actions = [Option(text.literal(f"{n}. {label}"), id=key) for n, (key, label) in NUMBERED]
        choices.add_options(actions)
        choices.add_option(None)
        choices.add_options([Option(row_text(row), id=row.practice_id) for row in self.review.rows])
        choices.highlighted = highlighted or 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        row = next((r for r in self.review.rows if r.practice_id == event.option.id), None)
        detail = detail_text(row) if row else text.literal(PICK_A_PRACTICE)
        self.query_one("#overview-detail", Static).update(detail)

    async def action_pick(self, number: int) -> None:
        """A digit picks the numbered action."""
        await self._choose(ACTIONS[number - 1][0])

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        await self._choose(event.option.id or "")

    async def _choose(self, choice: str) -> None:
        if choice == APPROVE:
            self._ask_approver()
        elif choice == REPORT:
            self.notify("Writing the target report…", markup=False)
            self._write_report()
        elif choice == REVIEW:
            self.action_back_to_review()
        elif choice == QUIT:
            await self.app.run_action("quit")  # the app's quit, which reports where it saved
        elif choice:
            self._change(choice)

    # --- The actions ----------------------------------------------------------------------

    def _change(self, practice_id: str) -> None:
        """To the practice's purpose question, where its target is kept, raised or lowered."""
        if self._run(lambda: self.engine.revisit(purpose_question_id(practice_id))):
            self.dismiss(None)

    def action_back_to_review(self) -> None:
        if self._run(self.engine.reopen):
            self.dismiss(None)

    def _ask_approver(self) -> None:
        session = as_target(self.engine.session)
        dialog = ApprovalDialog(session.system, session.approved_by or session.interviewee)
        self.app.push_screen(dialog, self._approve)

    def _approve(self, approver: str | None) -> None:
        if approver is None:
            return
        if self._run(lambda: approve(self.engine, approver, self._clock())):
            self.review = self._review()
            self._show()
            self.notify(approval_words(self.review.approval), markup=False)

    def _run(self, action: Callable[[], Outcome]) -> bool:
        """Call the engine; a refusal or a failed save is a notification. True when done."""
        try:
            outcome = action()
        except (EngineError, InputError) as error:
            lines = error.lines if isinstance(error, InputError) else [str(error)]
            self.notify(printable(" ".join(lines)), severity="error", markup=False, timeout=30)
            return False
        if outcome.refused is not None:
            self.notify(printable(outcome.refused), severity="warning", markup=False)
            return False
        return True

    @work(thread=True, exclusive=True)
    def _write_report(self) -> None:
        """Render and write the report off the screen's thread (charts take a moment)."""
        session = as_target(self.engine.session)
        try:
            path = write_report_file(
                self.engine.questionnaire, session, self.engine.profile, self.review
            )
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot write the report: {error}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._report_written, path)

    def _report_written(self, path: Path) -> None:
        where = printable(str(path))
        if self.app.is_web:
            self.app.deliver_text(path, open_method="browser")
            self.notify(f"The report opens in a new browser tab ({path.name}).", markup=False)
        elif open_in_browser(path):
            self.notify(f"The report is open in your web browser: {where}", markup=False)
        else:
            self.notify(f"No web browser to open it here; the report is at {where}", markup=False)
