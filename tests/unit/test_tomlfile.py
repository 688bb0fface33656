"""Finding the line of a dotted key, and printing hostile text safely."""

from pathlib import Path

from interview.errors import printable
from interview.tomlfile import TomlDocument

SOURCE = '''\
title = "x"
[[context]]
id = "a"
[[context.options]]
value = "a1"
[[context]]
id = "b"
[[context.options]]
value = "b1"
[[context.options]]
value = "b2"
[practices."G1.1"]
text = """
[not.a.table]
fake = 1
"""
[practices."G1.1".levels.2]
questions = [
    { id = "q" },
]
'''


def document() -> TomlDocument:
    return TomlDocument(path=Path("f.toml"), text=SOURCE, data={})


def test_top_level_key() -> None:
    assert document().line_of(("title",)) == 1


def test_arrays_of_tables_are_counted_per_parent() -> None:
    doc = document()
    assert doc.line_of(("context", 0, "id")) == 3
    assert doc.line_of(("context", 1, "id")) == 7
    assert doc.line_of(("context", 0, "options", 0, "value")) == 5
    assert doc.line_of(("context", 1, "options", 1, "value")) == 11


def test_quoted_keys_and_numeric_keys() -> None:
    doc = document()
    assert doc.line_of(("practices", "G1.1")) == 12
    assert doc.line_of(("practices", "G1.1", "levels", 2, "questions", 0, "id")) == 18


def test_text_inside_a_multiline_string_is_not_a_table() -> None:
    assert document().line_of(("not", "a", "table")) is None


def test_unknown_location_falls_back_to_the_enclosing_table() -> None:
    assert document().line_of(("practices", "G1.1", "levels", 2, "missing")) == 17


def test_printable_escapes_control_characters_but_keeps_unicode() -> None:
    assert printable("Zürich\x1b[2J\u202e") == "Zürich\\x1b[2J\\u202e"
