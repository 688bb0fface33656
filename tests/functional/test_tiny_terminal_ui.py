"""A terminal (or a browser tab of `smm serve`) only a few columns wide: the start screen's
lists once had no width to wrap their options in, and the app crashed (ValueError from rich's
line wrapping). It must draw, and be usable again once the terminal is widened."""

import pytest
from textual.widgets import OptionList

from tests.helpers.pilot import AppFactory


@pytest.mark.parametrize("size", [(1, 1), (4, 3), (6, 24), (80, 2)])
async def test_a_tiny_terminal_draws_and_widens_back(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count > 0 and options.size.width > 12
    assert app.return_code in (None, 0)
