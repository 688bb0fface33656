"""The answer area under the transcript: numbered choices, a checklist or a text field.

It knows nothing of levels or order: it shows a prompt (or a menu) and posts what was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from interview.engine.prompts import Prompt, PromptKind
from interview.errors import printable
from interview.session.model import DONT_KNOW, KEEP, AnswerValue
from interview.tui.widgets.answer_keys import (
    checklist_hint,
    choice_keys,
    keys_hint,
)
from interview.tui.widgets.choice_lists import Checklist, NumberedOptionList, keyed
from interview.tui.widgets.status_line import update_if_changed
from interview.tui.widgets.text_input import TextInput
from interview.tui.widgets.typed_keys import KeyQueue, TypedKey

OTHER = "__other__"


class AnswerPanel(Vertical):
    """Shows one prompt or one menu at a time and posts the user's choice."""

    @dataclass
    class Answered(Message):
        """The user answered the prompt on show."""

        value: AnswerValue
        showing: int
        """Which showing of the panel the answer was given to (see :attr:`showing`)."""
        key: str = ""
        """A key sent on (see typed_keys), to apply with :meth:`resolve`; value is unused."""
        character: str | None = None

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
        """Counts what the panel has shown. A click made just before the interview moved on
        names an old showing, and the screen drops it rather than apply it to the wrong
        question (keys are sent on instead: typed_keys)."""
        self.key_queue = KeyQueue()

    def compose(self) -> ComposeResult:
        yield Static(id="panel-title")
        yield NumberedOptionList(id="choices")
        yield Checklist(id="checklist")
        yield TextInput(id="text")
        yield Static(id="panel-hint")

    def on_mount(self) -> None:
        self.query_one(Checklist).key_queue = self.key_queue
        self.query_one(TextInput).key_queue = self.key_queue

    # --- Showing -----------------------------------------------------------------------------

    def ask(self, prompt: Prompt, previous: AnswerValue | None, marked: str = "") -> None:
        """Offer the answers to a prompt, the previous answer (if any) preselected and, among
        numbered choices, labelled ``(marked)`` in words: the highlight alone looks like the
        cursor on a fresh question. Asked again while on show (after a note is kept, or an
        answer refused), what was ticked or typed so far stays."""
        previous = self._in_progress(prompt) or previous
        self._prompt, self._menu = prompt, False
        self.showing += 1
        self.key_queue.answered = False
        self.query_one("#choices", NumberedOptionList).key_queue = self.key_queue
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

    def _in_progress(self, prompt: Prompt) -> AnswerValue | None:
        """What was ticked or typed for this prompt, if it is the one on show."""
        on_show = self._prompt
        if self._menu or on_show is None or on_show.question_id != prompt.question_id:
            return None
        if prompt.kind is PromptKind.MULTI_CHOICE:
            return [*self.query_one(Checklist).ticked, *self._other_values()] or None
        if prompt.kind is PromptKind.TEXT:
            return self.query_one("#text", TextInput).value or None
        return None

    def menu(self, title: Text | None, entries: list[tuple[str, str]]) -> None:
        """Offer a menu (continue, review items, finish ...)."""
        self._prompt, self._menu = None, True
        self.showing += 1
        self.key_queue.answered = False
        self.query_one("#choices", NumberedOptionList).key_queue = None  # see MenuTypedAhead
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
        self.screen.set_focus(widget)  # at once: a key sent on goes where the focus is now

    # --- Keys sent on ----------------------------------------------------------------------

    def on_typed_key(self, event: TypedKey) -> None:
        event.stop()
        self.post_message(self.Answered("", self.showing, event.key, event.character))

    def resolve(self, event: Answered) -> AnswerValue | None:
        """The answer a message of this panel gives to what is on show now, if any: a key sent
        on is applied to it as if typed there; a click on an earlier showing gives none."""
        if not event.key:
            return event.value if event.showing == self.showing else None
        self.key_queue.in_flight = max(0, self.key_queue.in_flight - 1)
        if self.app.screen is not self.screen:
            # A text an answer asks for (its reason, who can answer): typed ahead into it.
            # Any other screen (a menu, the target's overview) takes no key typed before it.
            if isinstance(self.app.screen.focused, Input | TextArea):
                self.app.post_message(events.Key(event.key, event.character))
            return None
        return self.take_key(event.key, event.character)

    def take_key(self, key: str, character: str | None) -> AnswerValue | None:
        """Apply a key to the question on show; the answer it gives, if it gives one."""
        prompt = self._prompt
        if self._menu or prompt is None:
            return None  # typed before the menu was put up: dropped (MenuTypedAhead)
        field = self.query_one("#text", TextInput)
        several = prompt.kind is PromptKind.MULTI_CHOICE
        if field.display and (not several or self.screen.focused is field):
            typed = field.take_key(key, character)
            if typed is None:
                return None
            return (
                [*self.query_one(Checklist).ticked, *self._other_values()]
                if several
                else typed.strip()
            )
        if several:
            ticked = self.query_one(Checklist).take_key(key, character)
            return None if ticked is None else [*ticked, *self._other_values()]
        choices = self.query_one("#choices", NumberedOptionList)
        index = choices.index_for(key, character)
        if index is None:
            return None
        choices.highlighted = index  # what was chosen, under a dialog the answer may open
        value = self._entries[index][0]
        if value == OTHER:
            self._type_other()
            return None
        return value

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
            self._type_other()
        else:
            self.post_message(self.Answered(value, self.showing))

    def on_checklist_number_typed(self, event: Checklist.NumberTyped) -> None:
        event.stop()
        if self._prompt is not None and self._prompt.kind is PromptKind.MULTI_CHOICE:
            count, other = len(self._prompt.options), self._prompt.allow_other
            self._set_hint(checklist_hint(count, other, event.typed))

    def _type_other(self) -> None:
        self._show_text("Type your answer", "")
        self._set_hint("Type your answer and press Enter. Esc goes back.")

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
