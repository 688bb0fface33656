"""Planning one improvement from the gap screen's roadmap: owner, due date, status, note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interview.errors import InputError, printable
from interview.gap import RoadmapItem
from interview.plan import PlanItem, PlanStatus, parse_due
from interview.tui.widgets.choice_lists import NumberedOptionList, numbered
from interview.tui.widgets.text_input import TextInput

STATUS_WORDS = {
    PlanStatus.OPEN: "Open",
    PlanStatus.IN_PROGRESS: "In progress",
    PlanStatus.DONE: "Done",
    PlanStatus.DROPPED: "Dropped",
}


@dataclass(frozen=True)
class PlanEdit:
    """What the user set for one practice's improvement."""

    practice_id: str
    owner: str
    due: date | None
    status: PlanStatus
    note: str


class PlanPicker(ModalScreen[str | None]):
    """Which improvement to plan?"""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, items: list[RoadmapItem], plan: dict[str, PlanItem]) -> None:
        super().__init__()
        self._items = items
        self._plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Plan which improvement? (Enter chooses, Esc cancels)", style="bold"))
            yield NumberedOptionList(
                *(
                    Option(numbered(n, self._label(item)), id=item.practice_id)
                    for n, item in enumerate(self._items, 1)
                ),
                id="plan-picker",
            )

    def _label(self, item: RoadmapItem) -> str:
        planned = self._plan.get(item.practice_id)
        state = (
            f"{planned.status.value}, {planned.owner or 'no owner'}" if planned else "not planned"
        )
        return f"{item.practice_id} {item.name} ({state})"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlanDialog(ModalScreen[PlanEdit | None]):
    """Owner, due date and note (Enter moves on), then the status (Enter saves)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, practice_id: str, name: str, item: PlanItem | None) -> None:
        super().__init__()
        self._practice_id = practice_id
        self._name = name
        self._item = item

    def compose(self) -> ComposeResult:
        item = self._item
        with Vertical(classes="dialog"):
            yield Static(
                Text.assemble(("Plan: ", "bold"), printable(f"{self._practice_id} {self._name}"))
            )
            yield TextInput(item.owner if item else "", placeholder="Owner", id="plan-owner")
            due = item.due.isoformat() if item and item.due else ""
            yield TextInput(due, placeholder="Due date, YYYY-MM-DD (may stay empty)", id="plan-due")
            yield TextInput(item.note if item else "", placeholder="Note", id="plan-note")
            yield Static(Text("Status (Enter saves, Esc cancels):"))
            yield NumberedOptionList(
                *(Option(numbered(n, word), id=status.value)
                  for n, (status, word) in enumerate(STATUS_WORDS.items(), 1)),
                id="plan-status",
            )  # fmt: skip

    def on_mount(self) -> None:
        statuses = self.query_one("#plan-status", NumberedOptionList)
        current = self._item.status if self._item else PlanStatus.OPEN
        statuses.highlighted = list(STATUS_WORDS).index(current)
        self.query_one("#plan-owner", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        due_text = self.query_one("#plan-due", Input).value.strip()
        try:
            due = parse_due(due_text) if due_text else None
        except InputError as error:
            self.notify(error.lines[0], severity="error", markup=False)
            self.query_one("#plan-due", Input).focus()
            return
        self.dismiss(
            PlanEdit(
                self._practice_id,
                self.query_one("#plan-owner", Input).value.strip(),
                due,
                PlanStatus(event.option.id or PlanStatus.OPEN.value),
                self.query_one("#plan-note", Input).value.strip(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
