"""Small modal screens over the interview: a note, a jump to a practice, "why is this asked?"."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interview.errors import as_typed
from interview.tui.widgets.answer_panel import NumberedOptionList
from interview.tui.widgets.text_input import TextInput


class NoteDialog(ModalScreen[str | None]):
    """Type a note (evidence, a link, a comment); Enter keeps it, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        about: str,
        note: str,
        heading: str = "Note for: ",
        placeholder: str = "Evidence, a link or a comment",
        required: bool = False,
        keeps: str = "",
    ) -> None:
        super().__init__()
        self._about = about
        self._note = note
        self._heading = heading
        self._placeholder = placeholder
        self._required = required
        self._keeps = keeps or ("the reason" if required else "the note")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text.assemble((self._heading, "bold"), as_typed(self._about)))
            yield TextInput(value=self._note, placeholder=self._placeholder, id="note")
            yield Static(Text(f"Enter keeps {self._keeps} · Esc cancels", style="italic"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._required and not event.value.strip():
            self.notify("A one-line reason is needed here (Esc cancels).", markup=False)
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class JumpDialog(ModalScreen[str | None]):
    """Choose a practice (or a domain, in a target interview) to go to."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        super().__init__()
        self._entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Go to … (Enter goes, Esc cancels)", style="bold"))
            yield NumberedOptionList(
                *(Option(Text(as_typed(label)), id=item_id) for item_id, label in self._entries),
                id="jump-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpDialog(ModalScreen[None]):
    """Why a question is asked: the practice's purpose and what its levels mean."""

    BINDINGS = [Binding("escape,f1,enter", "close", "Close")]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(Text(as_typed(self._title), style="bold"))
            with VerticalScroll():
                yield Static(self._body)
            yield Static(Text("Esc closes", style="italic"))

    def action_close(self) -> None:
        self.dismiss(None)


class ApprovalDialog(ModalScreen[str | None]):
    """Who approves the target: a name, kept as typed (Enter approves, Esc cancels)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, system: str, approver: str) -> None:
        super().__init__()
        self._system = system
        self._approver = approver

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            heading = Text.assemble(("Finish and approve the target for ", "bold"))
            heading.append(as_typed(self._system), style="bold")
            yield Static(heading)
            yield Static("Approved by:")
            yield TextInput(value=self._approver, placeholder="The approver's name", id="approver")
            yield Static(Text("Enter approves, with today's date · Esc cancels", style="italic"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.notify("The approver's name is needed (Esc cancels).", markup=False)
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
