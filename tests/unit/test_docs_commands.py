"""Every ``smm COMMAND [--option ...]`` that README.md and docs/*.md name, in code spans and
code blocks, is a real command with those options, and the choices the docs list for an
option (``--format text|json``) are the ones it takes."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```.*?$(.*?)^```", re.M | re.S)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
MENTION = re.compile(r"(?:^|(?<=[\s($\"'=]))smm((?:[ \t]+[^\s;&()`]+)*)")
"""``smm`` as a command (not a path, not ``smm-crash``), and the words after it."""
COMMAND_WORD = re.compile(r"^[a-z][a-z-]*(\|[a-z][a-z-]*)*$")
OPTION = re.compile(r"^\[?(--?[a-z][a-z-]*)")
CHOICES = re.compile(r"^\[?([a-z0-9][a-z0-9-]*(?:\|[a-z0-9][a-z0-9-]*)*)\]*$")


def snippets(text: str) -> Iterator[str]:
    """The code blocks' lines (an indented ``[--option]`` line continues the one above) and the
    code spans of the prose (``\\|`` in tables: ``|``)."""
    for block in FENCE.findall(text):
        yield from re.sub(r"\n[ \t]+(?=\[|-)", " ", block).splitlines()  # continued lines
    prose = FENCE.sub("", text)
    for span in CODE_SPAN.findall(prose):
        yield span.replace("\\|", "|")


def mentions() -> Iterator[tuple[str, list[str]]]:
    """Each mention of smm with its words, up to a pipe, ``&&``, ``;`` or the end of the line."""
    for document in DOCUMENTS:
        for snippet in snippets(document.read_text(encoding="utf-8")):
            for command in re.split(r"\s\|\s|&&|;|\|\|", snippet):
                for found in MENTION.finditer(command):
                    yield f"{document.name}: {found.group(0).strip()}", found.group(1).split()


def command_parsers() -> dict[str, argparse.ArgumentParser]:
    """ "gap", "plan show", ...: every command's parser, and "" for smm itself."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        found[" ".join(path)] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, subparser in action.choices.items():
                    walk(subparser, (*path, name))

    walk(build_parser(), ())
    return found


PARSERS = command_parsers()
MENTIONS = sorted(dict(mentions()).items())


def commands_named(words: list[str]) -> tuple[list[str], list[str]]:
    """The commands that the first words name (``gap|report`` names two, ``plan show`` one),
    and the words left."""
    if not words or not COMMAND_WORD.match(words[0]):
        return [""], words
    names, rest = words[0].split("|"), words[1:]
    if rest and COMMAND_WORD.match(rest[0]) and f"{names[0]} {rest[0].split('|')[0]}" in PARSERS:
        names = [f"{name} {action}" for name in names for action in rest[0].split("|")]
        rest = rest[1:]
    return names, rest


def options_named(words: list[str]) -> Iterator[tuple[str, set[str] | None]]:
    """Each option among the words, with the choices written after it (``text|json``)."""
    for index, word in enumerate(words):
        if word != "-" and (found := OPTION.match(word)):
            after = words[index + 1] if index + 1 < len(words) else ""
            listed = CHOICES.match(after)
            yield found.group(1), set(listed.group(1).split("|")) if listed else None


def test_the_docs_mention_commands() -> None:
    assert len(MENTIONS) > 100
    assert {name for _, words in MENTIONS for name in commands_named(words)[0]} >= {
        "new", "gap", "list", "plan show", "profile save", "completion"
    }  # fmt: skip


@pytest.mark.parametrize(("where", "words"), MENTIONS, ids=[where for where, _ in MENTIONS])
def test_each_command_the_docs_name_exists_with_its_options(where: str, words: list[str]) -> None:
    names, rest = commands_named(words)
    for name in names:
        assert name in PARSERS, f"{where}: smm has no command {name!r}"
        for flag, listed in options_named(rest):
            action = PARSERS[name]._option_string_actions.get(flag)
            assert action is not None, f"{where}: smm {name} has no option {flag}"
            if listed is not None and action.choices is not None:
                assert listed <= set(action.choices), f"{where}: {flag} takes {action.choices}"


def test_where_a_document_lists_an_options_choices_it_lists_them_all() -> None:
    """``--format text|md|html`` in a synopsis, with docx named nowhere else in the document,
    is out of date (one example, ``--format pdf``, is not a list)."""
    named: dict[tuple[str, str, str], set[str]] = {}
    listed: set[tuple[str, str, str]] = set()
    for where, words in MENTIONS:
        names, rest = commands_named(words)
        for name in names:
            for flag, choices in options_named(rest):
                key = (where.split(":")[0], name, flag)
                named.setdefault(key, set()).update(choices or ())
                if choices is not None and len(choices) > 1:
                    listed.add(key)
    out_of_date = []
    for document, name, flag in sorted(listed):
        every = PARSERS[name]._option_string_actions[flag].choices
        missing = set(every or ()) - named[document, name, flag]
        if missing:
            out_of_date.append(f"{document}: smm {name} {flag} also takes {sorted(missing)}")
    assert out_of_date == []
