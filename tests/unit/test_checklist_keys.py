"""The keys of checklist items past the ninth: 0, then the item's number in full."""

from interview.tui.widgets.answer_keys import ItemNumberTyping, checklist_hint


def typed(keys: str, count: int) -> list[int | None]:
    """What each key finished: a number, or None."""
    typing, finished = ItemNumberTyping(), []
    for key in keys:
        typing.take(key, count)
        finished.append(typing.finished(count))
    return finished


def test_zero_then_two_digits_in_a_list_of_fourteen() -> None:
    assert typed("012010", 14) == [None, None, 12, None, None, 10]


def test_zero_is_no_key_in_a_list_of_nine() -> None:
    typing = ItemNumberTyping()
    assert not typing.take("0", 9)
    assert typing.typed is None


def test_three_digits_after_the_zero_in_a_list_of_a_hundred() -> None:
    assert typed("0012", 120) == [None, None, None, 12]


def test_another_key_ends_an_unfinished_number() -> None:
    typing = ItemNumberTyping()
    assert typing.take("0", 14) and typing.take("1", 14)
    assert not typing.take(" ", 14)
    assert typing.typed is None and not typing.take("1", 14)  # 1 ticks item 1 again


def test_hints() -> None:
    assert checklist_hint(5, other=False) == "Digits or Space tick, Enter confirms."
    assert checklist_hint(14, other=True) == (
        "Tick: 1-9, or 0 then 10-14; Enter confirms; others go in the field above."
    )
    assert checklist_hint(120, other=False) == "Tick: 1-9, or 0 then 010-120; Enter confirms."
    assert checklist_hint(14, other=True, typed="1") == (
        "Typing an item's number: 0 1… (2 digits after the 0)."
    )
