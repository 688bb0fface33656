"""Text typed into smm's fields is kept as typed: a non-breaking space and the zero-width
non-joiner and joiner that Persian, Arabic and Indic scripts need are not dropped (Textual's
own Input drops characters Python does not call printable)."""

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from interview.tui.widgets.text_input import TextInput

TYPED = "کارخانه\u200cها\u00a0x\u200dy"


class Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield TextInput(id="ours")
        yield Input(id="textual")


def type_into(widget: Input, text: str) -> None:
    widget.focus()
    for character in text:
        widget.post_message(events.Key("x" if character.isprintable() else "unknown", character))


async def test_every_typed_character_is_kept() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        type_into(app.query_one("#ours", Input), TYPED)
        await pilot.pause()
        assert app.query_one("#ours", Input).value == TYPED
        type_into(app.query_one("#textual", Input), TYPED)
        await pilot.pause()
        dropped = app.query_one("#textual", Input).value
        assert dropped != TYPED  # the reason TextInput exists: plain Input loses them
