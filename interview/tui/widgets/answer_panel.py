"""The answer area under the transcript: numbered choices, a checklist or a text field.

It knows nothing of levels or order: it shows a prompt (or a menu) and posts what was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from interview.engine.prompts import Prompt, PromptKind
from interview.errors import as_typed, printable
from interview.session.model import DONT_KNOW, KEEP, AnswerValue
from interview.tui.widgets.answer_keys import (
    ItemNumberTyping,
    checklist_hint,
    choice_keys,
    keys_hint,
)
from interview.tui.widgets.status_line import update_if_changed
from interview.tui.widgets.text_input import TextInput

OTHER = "__other__"
DIGITS = [str(number) for number in range(1, 10)]


def numbered(number: int, label: str) -> Text:
    """``3. Don't know``: the digit that picks the option, then its literal label."""
    return keyed(str(number) if number <= 9 else "", label)


def keyed(key: str, label: str) -> Text:
    """``g. Keep 3 …``: the key that picks the option (blank for none), then its literal label."""
    text = Text()
    text.append(f"{key}. " if key else "   ", style="bold")
    text.append(as_typed(label))
    return text


class NumberedOptionList(OptionList):
    """An option list where the digits 1-9 choose an option at once (or the keys it is given)."""

    BINDINGS = [Binding(digit, f"pick({digit})", show=False) for digit in DIGITS]

    def __init__(self, *content: Option, id: str | None = None) -> None:
        super().__init__(*content, id=id)
        self.keys: list[str] | None = None
        """The key that picks each option, in order; None: the digits by position."""

    def action_pick(self, number: int) -> None:
        if self.keys is not None:
            self._pick_key(str(number))
        elif number <= self.option_count:
            self._pick_index(number - 1)

    def on_key(self, event: events.Key) -> None:
        """Letter keys, where the options were given some (a digit goes to its binding)."""
        character = event.character or ""
        if self.keys is not None and not character.isdigit() and self._pick_key(character):
            event.stop()
            event.prevent_default()

    def _pick_key(self, key: str) -> bool:
        if not key or key not in (self.keys or []):
            return False
        self._pick_index((self.keys or []).index(key))
        return True

    def _pick_index(self, index: int) -> None:
        self.highlighted = index
        self.action_select()


class Checklist(OptionList):
    """Several choices, each shown ``[x]`` or ``[ ]`` (never by colour alone).

    Digits or Space tick and untick (past the ninth item, 0 then the item's number); Enter
    confirms the whole list.
    """

    BINDINGS = [
        Binding("enter", "confirm", "Confirm"),
        Binding("space", "toggle_highlighted", "Tick", show=False),
        *(Binding(digit, f"toggle_number({digit})", show=False) for digit in DIGITS),
    ]

    @dataclass
    class Confirmed(Message):
        values: list[str]

    @dataclass
    class NumberTyped(Message):
        """An item's number is being typed (its digits after the 0), or no longer (None)."""

        typed: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[tuple[str, str]] = []
        self.ticked: list[str] = []
        self._number = ItemNumberTyping()

    def set_entries(self, entries: list[tuple[str, str]], ticked: list[str]) -> None:
        """Show the entries, with those in ``ticked`` ticked."""
        self._entries = entries
        self.ticked = [value for value, _ in entries if value in ticked]
        self._number = ItemNumberTyping()
        self.clear_options()
        self.add_options(
            [Option(self._label(n), id=value) for n, (value, _) in enumerate(entries, 1)]
        )
        self.highlighted = 0 if entries else None

    def _label(self, number: int) -> Text:
        value, label = self._entries[number - 1]
        box = "[x] " if value in self.ticked else "[ ] "
        text = Text()
        text.append(box, style="bold")
        text.append_text(keyed(str(number).rjust(len(str(len(self._entries)))), label))
        return text

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed(list(self.ticked)))

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the list starts an "other" answer: it goes to the field below,
        which takes the focus (so the words after it, spaces included, follow it there and
        never tick the highlighted item)."""
        if self._take_number_key(event):
            return
        character = event.character
        if character is None or not character.isprintable() or character.isdigit():
            return
        if character == " ":
            return  # Space ticks, as the hint says
        other = self.screen.query("#text").first(Input)
        if not other.display:
            return
        event.stop()
        event.prevent_default()
        other.select_on_focus = False  # else the focus selects the letter and the next replaces it
        other.focus()
        other.insert_text_at_cursor(character)

    def _take_number_key(self, event: events.Key) -> bool:
        """0 and the digits after it, the keys of the items past the ninth; any other key
        ends an unfinished number and does what it always does."""
        count, was_typing = len(self._entries), self._number.typed is not None
        if not self._number.take(event.character or "", count):
            if was_typing:
                self.post_message(self.NumberTyped(None))
            return False
        event.stop()
        event.prevent_default()
        number = self._number.finished(count)
        if number is not None:
            self.action_toggle_number(number)
        self.post_message(self.NumberTyped(self._number.typed))
        return True

    def action_toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.action_toggle_number(self.highlighted + 1)

    def action_toggle_number(self, number: int) -> None:
        if not 1 <= number <= len(self._entries):
            return
        value = self._entries[number - 1][0]
        if value in self.ticked:
            self.ticked.remove(value)
        else:
            self.ticked = [v for v, _ in self._entries if v in self.ticked or v == value]
        self.replace_option_prompt_at_index(number - 1, self._label(number))
        self.highlighted = number - 1


class AnswerPanel(Vertical):
    """Shows one prompt or one menu at a time and posts the user's choice."""

    @dataclass
    class Answered(Message):
        """The user answered the prompt on show."""

        value: AnswerValue
        showing: int
        """Which showing of the panel the answer was given to (see :attr:`showing`)."""

    @dataclass
    class MenuChosen(Message):
        """The user chose an entry of the menu on show."""

        value: str
        showing: int

    def __init__(self) -> None:
        super().__init__()
        self._prompt: Prompt | None = None
        self._menu = False
        self._entries: list[tuple[str, str]] = []
        self.showing = 0
        """Counts what the panel has shown. A key typed ahead can be handled by the old list
        of options after the answer before it moved the interview on; its message then names
        an old showing, and the screen drops it rather than apply it to the wrong question."""

    def compose(self) -> ComposeResult:
        yield Static(id="panel-title")
        yield NumberedOptionList(id="choices")
        yield Checklist(id="checklist")
        yield TextInput(id="text")
        yield Static(id="panel-hint")

    # --- Showing -----------------------------------------------------------------------------

    def ask(self, prompt: Prompt, previous: AnswerValue | None, marked: str = "") -> None:
        """Offer the answers to a prompt, the previous answer (if any) preselected and, among
        numbered choices, labelled ``(marked)`` in words: the highlight alone looks like the
        cursor on a fresh question."""
        self._prompt, self._menu = prompt, False
        self.showing += 1
        self._set_title(None)
        if prompt.kind is PromptKind.TEXT:
            self._show_text(prompt.placeholder, previous if isinstance(previous, str) else "")
            self._set_hint(
                "Type your answer and press Enter."
                + ("" if prompt.required else " It may stay empty.")
            )
        elif prompt.kind is PromptKind.MULTI_CHOICE:
            chosen = previous if isinstance(previous, list) else []
            self._show_checklist([(o.value, o.label) for o in prompt.options], chosen)
            self._set_hint(checklist_hint(len(prompt.options), prompt.allow_other))
        else:
            entries = [(o.value, o.label) for o in prompt.options]
            if prompt.allow_dont_know:
                entries.append((DONT_KNOW, "Don't know"))
            if prompt.allow_other:
                entries.append((OTHER, "Other (type it)"))
            values = [value for value, _ in entries]
            # Keep is no longer the first row (it sits at its level): the highlight, and so
            # Enter, still starts on it, not on "Lower to 1".
            default = KEEP if KEEP in values else None
            given = previous if isinstance(previous, str) else None
            if marked:
                entries = [
                    (value, f"{label} ({marked})" if value == given else label)
                    for value, label in entries
                ]
            keys = choice_keys(prompt, values)
            self._show_choices(entries, given or default, keys)
            self._set_hint(keys_hint(prompt, keys))

    def menu(self, title: Text | None, entries: list[tuple[str, str]]) -> None:
        """Offer a menu (continue, review items, finish ...)."""
        self._prompt, self._menu = None, True
        self.showing += 1
        self._set_title(title)
        self._show_choices(entries, None)
        self._set_hint("")

    def _set_title(self, title: Text | None) -> None:
        widget = self.query_one("#panel-title", Static)
        update_if_changed(widget, title or "")
        widget.display = title is not None

    def _set_hint(self, hint: str) -> None:
        widget = self.query_one("#panel-hint", Static)
        update_if_changed(widget, Text(hint, style="italic"))
        widget.display = bool(hint)

    def _show_choices(
        self, entries: list[tuple[str, str]], selected: str | None, keys: list[str] | None = None
    ) -> None:
        choices = self.query_one("#choices", NumberedOptionList)
        keys = keys or choice_keys(None, [value for value, _ in entries])
        if (entries, keys) != (self._entries, choices.keys):  # the same yes/no: re-highlighted
            self._entries = entries
            choices.keys = keys
            choices.clear_options()
            keyed_options = [
                Option(keyed(key, label), id=value)
                for key, (value, label) in zip(keys, entries, strict=True)
            ]
            choices.add_options(keyed_options)
        values = [value for value, _ in entries]
        choices.highlighted = values.index(selected) if selected in values else 0
        self._only(choices)

    def _show_checklist(self, entries: list[tuple[str, str]], chosen: list[str]) -> None:
        checklist = self.query_one("#checklist", Checklist)
        checklist.set_entries(entries, chosen)
        self._only(checklist)
        other = self.query_one("#text", Input)
        other.select_on_focus = True  # as every text field; typing on the list turns it off
        prompt = self._prompt
        if prompt is not None and prompt.allow_other:
            known = {value for value, _ in entries}
            other.value = ", ".join(item for item in chosen if item not in known)
            other.placeholder = "Other (optional); Enter confirms"
            other.display = True

    def _show_text(self, placeholder: str, value: str) -> None:
        field = self.query_one("#text", Input)
        field.select_on_focus = True
        field.value = value
        field.placeholder = printable(placeholder)
        self._only(field)

    def _only(self, widget: OptionList | Input) -> None:
        for other in self.query("#choices, #checklist, #text"):
            other.display = other is widget
        widget.focus()

    # --- Posting --------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, Checklist):  # a click ticks, as Space does
            event.option_list.action_toggle_number(event.option_index + 1)
            return
        value = event.option.id or ""
        if self._menu:
            self.post_message(self.MenuChosen(value, self.showing))
        elif value == OTHER:
            self._show_text("Type your answer", "")
            self._set_hint("Type your answer and press Enter. Esc goes back.")
        else:
            self.post_message(self.Answered(value, self.showing))

    def on_checklist_number_typed(self, event: Checklist.NumberTyped) -> None:
        event.stop()
        if self._prompt is not None and self._prompt.kind is PromptKind.MULTI_CHOICE:
            count, other = len(self._prompt.options), self._prompt.allow_other
            self._set_hint(checklist_hint(count, other, event.typed))

    def on_checklist_confirmed(self, event: Checklist.Confirmed) -> None:
        event.stop()
        self.post_message(self.Answered([*event.values, *self._other_values()], self.showing))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._prompt is not None and self._prompt.kind is PromptKind.MULTI_CHOICE:
            checklist = self.query_one("#checklist", Checklist)
            values = [*checklist.ticked, *self._other_values()]
            self.post_message(self.Answered(values, self.showing))
        else:
            self.post_message(self.Answered(event.value.strip(), self.showing))

    def _other_values(self) -> list[str]:
        field = self.query_one("#text", Input)
        if not field.display:
            return []
        return [item.strip() for item in field.value.split(",") if item.strip()]
