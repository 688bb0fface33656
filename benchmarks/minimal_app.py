"""The baselines: what Textual itself costs, measured the same way as smm.

``python minimal_app.py`` shows one Static widget (start-up); ``python minimal_app.py
--chat`` is the smallest chat: each "1" adds the answer and the next question to a RichLog
and redraws three options (answer latency).
"""

import sys
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList, RichLog, Static

TEXT = "What is in scope?"


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(TEXT)


class MinimalChat(App[None]):
    BINDINGS: ClassVar = [("1", "answer", "Yes")]
    CSS = "RichLog { padding: 0 1; }"  # rows start " smm  ", as in smm

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def compose(self) -> ComposeResult:
        yield RichLog(wrap=True)
        yield OptionList("Yes", "No", "Don't know")

    def on_mount(self) -> None:
        self.query_one(RichLog).write(Text(f"smm  {TEXT}"))

    def action_answer(self) -> None:
        self.asked += 1
        log = self.query_one(RichLog)
        log.write(Text("you  Yes"))
        log.write(Text(f"smm  Question {self.asked}"))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(["Yes", "No", "Don't know"])


if __name__ == "__main__":
    (MinimalChat() if "--chat" in sys.argv else MinimalApp()).run()
