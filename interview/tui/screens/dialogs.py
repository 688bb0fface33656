"""Small modal screens over the interview: a note, a jump to a practice, "why is this asked?",
whether to reopen a finished session."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interview.errors import printable
from interview.session.limits import text_too_long
from interview.tui import keys
from interview.tui.widgets.choice_lists import NumberedOptionList
from interview.tui.widgets.text_input import NoteEditor, TextInput


class NoteDialog(ModalScreen[str | None]):
    """Type a note (evidence, a link, a comment) in a multi-line editor, where Enter starts a
    new line and Ctrl+S keeps it; or, ``multiline=False``, a one-line text Enter keeps. Esc
    cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "keep", "Keep", priority=True),
    ]

    def __init__(
        self,
        about: str,
        note: str,
        heading: str = "Note for: ",
        placeholder: str = "Evidence, a link or a comment",
        required: bool = False,
        keeps: str = "",
        multiline: bool = True,
    ) -> None:
        super().__init__()
        self._about = about
        self._note = note
        self._heading = heading
        self._placeholder = placeholder
        self._required = required
        self._keeps = keeps or ("the reason" if required else "the note")
        self._multiline = multiline

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text.assemble((self._heading, "bold"), printable(self._about)))
            if self._multiline:
                yield NoteEditor(self._note, placeholder=self._placeholder, id="note")
                keys = f"Ctrl+S keeps {self._keeps} · Enter starts a new line · Esc cancels"
            else:
                yield TextInput(value=self._note, placeholder=self._placeholder, id="note")
                keys = f"Enter keeps {self._keeps} · Esc cancels"
            yield Static(Text(keys, style="italic"))

    def on_mount(self) -> None:
        if self._multiline:
            self.query_one(NoteEditor).move_cursor(self.query_one(NoteEditor).document.end)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._keep(event.value)

    @property
    def changed(self) -> bool:
        """Whether something was typed that is neither kept nor cancelled yet."""
        if self._multiline:
            return self.query_one("#note", NoteEditor).text != self._note
        return self.query_one("#note", TextInput).value != self._note

    @property
    def before_quitting(self) -> str:
        keep = "Ctrl+S" if self._multiline else "Enter"
        return f"Keep the text first ({keep}) or cancel it (Esc), then quit."

    def action_keep(self) -> None:
        if self._multiline:
            self._keep(self.query_one(NoteEditor).text)

    def _keep(self, typed: str) -> None:
        if self._required and not typed.strip():
            self.notify("A one-line reason is needed here (Esc cancels).", markup=False)
            return
        if (too_long := text_too_long(typed)) is not None:
            self.notify(f"Not kept: {too_long}.", severity="warning", markup=False)
            return
        self.dismiss(typed.strip())

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
                *(Option(Text(printable(label)), id=item_id) for item_id, label in self._entries),
                id="jump-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpDialog(ModalScreen[None]):
    """Why a question is asked: the practice's purpose and what its levels mean."""

    BINDINGS = [
        Binding("escape,enter", "close", "Close"),
        keys.WHY.binding("close", "Close", show=False),  # the key that opened it closes it
    ]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(Text(printable(self._title), style="bold"))
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
            heading.append(printable(self._system), style="bold")
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


KEEP_FINISHED, REOPEN = "keep", "reopen"


class ReopenDialog(ModalScreen[bool]):
    """A change to a finished session: reopen it and make the change (True), or keep it
    finished and change nothing (False, also Esc).

    Only a letter or Enter on "Reopen" reopens, never a digit: a digit typed ahead, or meant
    for an answer, must not reopen a session (issue 15). The highlight starts on "Keep"."""

    BINDINGS = [Binding("escape", "keep", "Keep it finished")]

    def __init__(self, session_name: str, change: str) -> None:
        super().__init__()
        self._session_name = session_name
        self._change = change

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            heading = Text(style="bold")
            heading.append(printable(self._session_name))
            heading.append(" is finished.")
            yield Static(heading)
            yield Static(
                f"{self._change} reopens it: it is then no longer finished until you finish "
                "it again from the review."
            )
            choices = NumberedOptionList(
                Option(Text("k. Keep it finished: change nothing"), id=KEEP_FINISHED),
                Option(Text("r. Reopen it and make this change"), id=REOPEN),
                id="reopen-choice",
            )
            choices.keys = ["k", "r"]  # no digit: see the class's docstring
            yield choices
            yield Static(Text("k or Esc keeps it finished · r reopens it", style="italic"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id == REOPEN)

    def action_keep(self) -> None:
        self.dismiss(False)
