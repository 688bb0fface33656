"""The Textual app replaced by one that ends as a test says: crashed, or with a value."""

import pytest


def fake_app(
    monkeypatch: pytest.MonkeyPatch,
    report: object,
    *,
    crash: BaseException | None = None,
    returns: object = None,
) -> None:
    """The app replaced by one that ends as told: crashed (Textual's return code 1) or not."""
    from interview.tui import app as tui_app

    class FakeApp:
        return_code = 1 if crash is not None else 0

        def __init__(self, *_: object, **__: object) -> None:
            self.crash = crash

        def run(self) -> object:
            return returns

        def report(self) -> object:
            return report

    monkeypatch.setattr(tui_app, "SmmApp", FakeApp)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
