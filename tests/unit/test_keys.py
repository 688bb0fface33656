"""The interview's key table (tui/keys.py): the browser keymap and the names in messages."""

from interview.tui import keys


def test_the_browser_keymap_rebinds_only_the_keys_a_browser_keeps() -> None:
    assert keys.browser_keymap() == {
        "smm.note": "ctrl+e",
        "smm.why": "f2",
        "smm.quit": "ctrl+x",
        "smm.quit.interrupt": "ctrl+x",
    }


def test_keys_are_named_as_messages_write_them() -> None:
    names = [keys.key_words(key) for key in ("ctrl+n", "f1", "escape", "ctrl+x", "pagedown")]
    assert names == ["Ctrl+N", "F1", "Esc", "Ctrl+X", "PageDown"]


def test_no_browser_key_is_one_a_browser_keeps() -> None:
    kept = {"ctrl+n", "ctrl+q", "f1", "ctrl+w", "ctrl+t"}
    assert not {key.browser for key in keys.KEYS} & kept
