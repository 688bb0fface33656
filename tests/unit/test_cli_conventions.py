"""One convention for every command: ``--format`` (with a default) wherever data is printed,
``--json`` as its short form wherever JSON is a format, and JSON that carries
``format_version`` and validates against its schema file in docs/schemas/."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from interview.cli import main
from interview.cli.parser import build_parser
from interview.render.documents import DOCUMENTS
from interview.render.json_models import FORMAT_VERSION
from interview.render.schemas import SCHEMA_FOLDER
from tests.helpers.cli_gap import QUESTIONNAIRE
from tests.helpers.report_plan import rig_plan, write_pair

ROOT = Path(__file__).resolve().parents[2]
DATA_COMMANDS = {"list", "show", "profiles", "model", "plan show", "questions", "gap", "report",
                 "export", "history"}  # fmt: skip
"""The commands that print data (a table, a document, JSON) on standard output."""


def command_parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command of the parser ("plan show" for a sub-command), with its own parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                yield from command_parsers(subparser, (*path, name))
            return
    if path:
        yield " ".join(path), parser


def option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((action for action in parser._actions if flag in action.option_strings), None)


COMMANDS = dict(command_parsers(build_parser()))


def test_every_command_that_prints_data_has_a_format_with_a_default() -> None:
    for name in DATA_COMMANDS:
        format_option = option(COMMANDS[name], "--format")
        assert format_option is not None, f"smm {name} has no --format"
        assert format_option.default is not None and not format_option.required, name
        assert format_option.default in (format_option.choices or []), name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_json_is_short_for_format_json_wherever_json_is_a_format(name: str) -> None:
    format_option = option(COMMANDS[name], "--format")
    short = option(COMMANDS[name], "--json")
    if format_option is None or "json" not in (format_option.choices or []):
        assert short is None, f"smm {name} --json without --format json"
        return
    assert short is not None, f"smm {name} has --format json but no --json"
    assert (short.dest, short.const) == ("format", "json")


# --- The JSON of every command, against its schema file ---------------------------------------


@pytest.fixture
def rig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``t`` and ``c`` of "Rig", with gaps and a plan; only the shipped profiles."""
    folder = tmp_path / "sessions"
    write_pair(
        folder, tmp_path, "D1.1,3,2,\nD1.2,2,1,\nF1.1,2,1,\n", "D1.1,1,1,\nD1.2,2,1,\nF1.1,0,,\n"
    )
    rig_plan(folder)
    monkeypatch.setenv("SMM_PROFILES_DIR", str(tmp_path / "no-profiles"))
    return folder


JSON_RUNS = {
    "gap": ("gap", ["t", "c"]),
    "report": ("report", ["t"]),
    "export": ("export", ["c"]),
    "history": ("history", ["Rig"]),
    "plan": ("plan show", ["t", "c"]),
    "list": ("list", []),
    "show": ("show", ["c"]),
    "profiles": ("profiles", []),
    "model": ("model", []),
    "questions": ("questions", ["--kind", "assessment"]),
}
"""Each command that prints JSON and its arguments, by the name of its schema file."""


def json_printed(
    folder: Path, capsys: pytest.CaptureFixture[str], command: str, *arguments: str
) -> str:
    """What the command prints on the rig (profiles: the shipped ones, for iic-smm)."""
    where = [] if command == "profiles" else ["--questionnaire", str(QUESTIONNAIRE)]
    if option(COMMANDS[command], "--sessions-dir") is not None:
        where += ["--sessions-dir", str(folder)]
    assert main([*command.split(), *arguments, *where]) == 0, command
    return capsys.readouterr().out


def test_every_command_that_prints_json_has_a_schema() -> None:
    printing_json = {
        name
        for name, parser in COMMANDS.items()
        if (found := option(parser, "--format")) is not None and "json" in (found.choices or [])
    }
    assert printing_json == {command for command, _ in JSON_RUNS.values()}
    assert set(JSON_RUNS) == set(DOCUMENTS)


@pytest.mark.parametrize("name", sorted(JSON_RUNS))
def test_the_json_validates_against_the_committed_schema(
    name: str, rig: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = json.loads((ROOT / SCHEMA_FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    command, arguments = JSON_RUNS[name]
    printed = json_printed(rig, capsys, command, *arguments, "--format", "json")
    document = json.loads(printed)
    jsonschema.validate(document, schema)
    assert next(iter(document)) == "format_version"
    assert document["format_version"] == FORMAT_VERSION
    assert json_printed(rig, capsys, command, *arguments, "--json") == printed
