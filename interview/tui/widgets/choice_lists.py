"""The lists of the answer area: numbered choices picked by a key, and a checklist."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from interview.errors import printable
from interview.tui.widgets.answer_keys import ItemNumberTyping
from interview.tui.widgets.typed_keys import KeyQueue, send_on

DIGITS = [str(number) for number in range(1, 10)]


def numbered(number: int, label: str) -> Text:
    """``3. Don't know``: the digit that picks the option, then its literal label."""
    return keyed(str(number) if number <= 9 else "", label)


def keyed(key: str, label: str) -> Text:
    """``g. Keep 3 …``: the key that picks the option (blank for none), then its literal label."""
    text = Text()
    text.append(f"{key}. " if key else "   ", style="bold")
    text.append(printable(label))
    return text


class NumberedOptionList(OptionList):
    """An option list where the digits 1-9 choose an option at once (or the keys it is given)."""

    BINDINGS = [Binding(digit, f"pick({digit})", show=False) for digit in DIGITS]

    def __init__(self, *content: Option, id: str | None = None) -> None:
        super().__init__(*content, id=id)
        self.keys: list[str] | None = None
        """The key that picks each option, in order; None: the digits by position."""
        self.key_queue: KeyQueue | None = None
        """In the answer area, while it asks a question: every choosing key is sent on and
        applied to the question on show when the interview gets to it (see typed_keys)."""

    def action_pick(self, number: int) -> None:
        if self.keys is not None:
            self._pick_key(str(number))
        elif number <= self.option_count:
            self._pick_index(number - 1)

    def on_key(self, event: events.Key) -> None:
        """Letter keys, where the options were given some (a digit goes to its binding)."""
        if self.key_queue is not None and send_on(self, self.key_queue, event):
            return
        character = event.character or ""
        if self.keys is not None and not character.isdigit() and self._pick_key(character):
            event.stop()
            event.prevent_default()

    def index_for(self, key: str, character: str | None) -> int | None:
        """The option a key picks (Enter: the highlighted one), if any."""
        if key == "enter":
            return self.highlighted
        typed = character or ""
        if self.keys is not None:
            return self.keys.index(typed) if typed and typed in self.keys else None
        if typed in DIGITS and int(typed) <= self.option_count:
            return int(typed) - 1
        return None

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
        self.key_queue: KeyQueue | None = None
        """In the answer area: every key is sent on and applied by :meth:`take_key` when the
        interview gets to it, so that a key typed after Enter never ticks this list."""

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
        if self.key_queue is not None and send_on(self, self.key_queue, event):
            return
        if self._take_number_key(event):
            return
        character = event.character
        if character is None or not character.isprintable() or character.isdigit():
            return
        if character == " ":
            return  # Space ticks, as the hint says
        self._start_other(event)

    def _start_other(self, event: events.Key) -> None:
        character = event.character
        other = self.screen.query("#text").first(Input)
        if character is None or not character.isprintable() or not other.display:
            return
        event.stop()
        event.prevent_default()
        other.select_on_focus = False  # else the focus selects the letter and the next replaces it
        self.screen.set_focus(other)  # at once, so that the next key sent on follows it
        other.insert_text_at_cursor(character)

    def take_key(self, key: str, character: str | None) -> list[str] | None:
        """A key sent on, applied as typed here: the items ticked, on Enter; else None."""
        if key == "enter":
            return list(self.ticked)
        event = events.Key(key, character)
        if self._take_number_key(event):
            return None
        if key == "space":
            self.action_toggle_highlighted()
        elif character in DIGITS:
            self.action_toggle_number(int(character))
        else:
            self._start_other(event)
        return None

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
