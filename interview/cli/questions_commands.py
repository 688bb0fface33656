"""``smm questions``: every question an interview can ask, to write an answers file with."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from interview.cli.exit_codes import ExitCode
from interview.cli.output import print_text
from interview.errors import printable
from interview.levels_csv import csv_text, spreadsheet_text
from interview.questionnaire import load_questionnaire
from interview.render.catalogue_models import AllowedAnswer, ListedQuestion, QuestionListJson
from interview.render.plain import json_text
from interview.services.questions import QuestionInfo, questions
from interview.session.model import SessionKind

CSV_HEADER = ("question", "practice", "kind", "required", "text", "answers", "asked")


def run_questions(arguments: argparse.Namespace) -> int:
    """Print the questions of an interview of one kind, in the order they are asked."""
    listed = questions(load_questionnaire(arguments.questionnaire), SessionKind(arguments.kind))
    if arguments.format == "json":
        listing = QuestionListJson(questions=[_as_json(question) for question in listed])
        print(json_text(listing.model_dump(mode="json")))
    elif arguments.format == "csv":
        print_text(csv_text(CSV_HEADER, [_csv_row(question) for question in listed]))
    else:
        print("\n".join(_text_lines(listed)))
    return ExitCode.OK


def _answers_words(question: QuestionInfo) -> str:
    if not question.answers:
        return "text" + ("" if question.required else " (may be left empty)")
    return "; ".join(f"{option.value} = {option.label}" for option in question.answers)


def _text_lines(listed: list[QuestionInfo]) -> list[str]:
    lines: list[str] = []
    for question in listed:
        lines += [
            f"{question.question_id}  (asked {question.asked})",
            f"    {question.text}",
            f"    answers: {_answers_words(question)}",
        ]
    return [printable(line) for line in lines]


def _csv_row(question: QuestionInfo) -> list[str]:
    return [
        question.question_id,
        question.practice_id or "",
        question.kind.value,
        "yes" if question.required else "no",
        spreadsheet_text(question.text),
        spreadsheet_text(_answers_words(question)),
        question.asked,
    ]


def _as_json(question: QuestionInfo) -> ListedQuestion:
    data = asdict(question)
    data["kind"] = question.kind.value
    data["answers"] = [AllowedAnswer(id=o.value, label=o.label) for o in question.answers]
    return ListedQuestion(**data)
