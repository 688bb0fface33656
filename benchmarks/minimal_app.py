"""The start-up baseline: a Textual app with one Static widget, showing one line of text."""

from textual.app import App, ComposeResult
from textual.widgets import Static

TEXT = "What is in scope?"


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(TEXT)


if __name__ == "__main__":
    MinimalApp().run()
