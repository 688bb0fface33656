"""``smm history SYSTEM``: one system's sessions over time, its levels and its gaps."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from interview.cli.exit_codes import ExitCode
from interview.cli.output import (
    control_options,
    deliver_bytes,
    output_width,
    print_text,
    workspace_of,
    write_output_file,
)
from interview.render.control import document_control, with_control
from interview.render.formats import written
from interview.render.history_document import history_document
from interview.render.json_output import history_json
from interview.services.history import history as system_history


def run_history(arguments: argparse.Namespace) -> int:
    """Print or write the history; files that could not be read are named on stderr (exit 2)."""
    workspace = workspace_of(arguments)
    questionnaire = workspace.questionnaire
    found = system_history(workspace, arguments.system)
    for line in found.problems:
        print(f"smm: {line}", file=sys.stderr)
    history = found.history
    if history is None:
        return ExitCode.BAD_INPUT
    if arguments.format == "json":
        text: str | bytes = history_json(questionnaire, history) + "\n"
    else:
        target = history.current_target
        control = document_control(
            questionnaire,
            control_options(arguments, workspace.clock().date()),
            f"History: {history.system}",
            history.assessments,
            [target.session] if target else [],
        )
        document = with_control(history_document(history), control)
        if arguments.format == "xlsx":
            from interview.render.sheets import history_sheets

            document = replace(document, sheets=history_sheets(history))
        text = written(document, arguments.format, output_width(arguments.output))
    deliver(text, arguments.output)
    return ExitCode.BAD_INPUT if found.problems else ExitCode.OK


def deliver(text: str | bytes, output: Path | None) -> None:
    """Print the text, or write it whole to the output file (bytes: see deliver_bytes)."""
    if isinstance(text, bytes):
        deliver_bytes(text, output)
    elif output is None:
        print_text(text)
    else:
        write_output_file(output, text)
