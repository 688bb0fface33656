"""``smm new ... --answers FILE [--batch]`` and ``smm questions``: an interview replayed from a
file through the same engine and rules; one line per bad answer, never a half-written session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview.cli import main
from interview.session.model import Phase, SessionKind
from interview.session.store import SessionStore
from tests.helpers.scripted import SMALL, sessions, smm


def listed(capsys: pytest.CaptureFixture[str], kind: str) -> list[dict[str, object]]:
    assert (
        main(["questions", "--kind", kind, "--format", "json", "--questionnaire", str(SMALL)]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["format_version"] == 2  # one version for every JSON document of smm 0.2
    questions: list[dict[str, object]] = data["questions"]
    return questions


def first_answers(questions: list[dict[str, object]]) -> dict[str, str]:
    """An answer to every question: text for text, else the first answer allowed."""
    answers = {}
    for question in questions:
        allowed = question["answers"]
        assert isinstance(allowed, list)
        first = str(allowed[0]["id"]) if allowed else "Written ahead"
        answers[str(question["question_id"])] = first
    return answers


def toml_file(path: Path, answers: dict[str, str]) -> Path:
    lines = ["[answers]", *(f'"{qid}" = {json.dumps(value)}' for qid, value in answers.items())]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("kind", ["target", "assessment"])
def test_a_whole_interview_from_the_questions_listing_in_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    answers = first_answers(listed(capsys, kind))
    file = toml_file(tmp_path / "answers.toml", answers)
    assert smm(tmp_path, "new", kind, "--answers", str(file), "--batch") == 0
    session_id = capsys.readouterr().out.strip()
    session = SessionStore(tmp_path / "sessions").read(session_id)
    assert session.kind is SessionKind(kind)
    assert session.phase is Phase.DONE
    assert session.system == "Written ahead"
    assert all(record.complete for record in session.levels.values())


def test_csv_and_toml_give_the_same_levels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = first_answers(listed(capsys, "assessment"))
    answers["D1.1.c1.1"] = "YES"  # the words are taken in any case
    toml = toml_file(tmp_path / "answers.toml", answers)
    rows = [f'{qid},"{value}",' for qid, value in answers.items()]
    csv = tmp_path / "answers.csv"
    csv.write_text("question,answer,note\n" + "\n".join(rows) + "\n")
    levels = []
    for file in (toml, csv):
        assert smm(tmp_path, "new", "assessment", "--answers", str(file), "--batch") == 0
        session_id = capsys.readouterr().out.strip()
        session = SessionStore(tmp_path / "sessions").read(session_id)
        levels.append({k: (v.comprehensiveness, v.scope) for k, v in session.levels.items()})
    assert levels[0] == levels[1]
    met = levels[0]["D1.1"][0]
    assert met is not None and met >= 1  # "YES" met level 1


def test_an_unknown_question_is_one_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = first_answers(listed(capsys, "assessment"))
    answers["Z9.9.c1.1"] = "yes"
    file = toml_file(tmp_path / "answers.toml", answers)
    assert smm(tmp_path, "new", "assessment", "--answers", str(file), "--batch") == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1
    assert "answers.toml:" in errors[0] and "Z9.9.c1.1: no such question" in errors[0]
    assert sessions(tmp_path) == []


def test_an_answer_the_question_does_not_allow_names_the_allowed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = first_answers(listed(capsys, "assessment"))
    answers["D1.1.c1.1"] = "perhaps"
    file = tmp_path / "answers.csv"
    file.write_text("question,answer\n" + "\n".join(f"{q},{v}" for q, v in answers.items()))
    assert smm(tmp_path, "new", "assessment", "--answers", str(file), "--batch") == 2
    errors = capsys.readouterr().err.strip().splitlines()
    line = list(answers).index("D1.1.c1.1") + 2
    assert len(errors) == 1
    assert errors[0].startswith(f"smm: {file}:{line}: D1.1.c1.1: ")
    assert "'perhaps' is not an answer" in errors[0]
    assert "the answers allowed: yes, no, dont-know" in errors[0]
    assert sessions(tmp_path) == []


def test_missing_required_answers_are_listed_one_per_line_in_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = first_answers(listed(capsys, "assessment"))
    del answers["D1.1.c1.1"], answers["F1.1.c1.1"]
    file = toml_file(tmp_path / "answers.toml", answers)
    assert smm(tmp_path, "new", "assessment", "--answers", str(file), "--batch") == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert [line.split(": ")[2] for line in errors] == ["D1.1.c1.1", "F1.1.c1.1"]
    assert all("no answer" in line for line in errors)
    assert sessions(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("answers.txt", "system_name = 1", "an answers file is .toml, .csv or .xlsx"),
        ("answers.toml", "[answers\n", "not valid TOML"),
        ("answers.toml", "[answers]\nsystem_name = 3\n", "system_name: give the answer as text"),
        ("answers.toml", "title = 'x'\n[answers]\n", "title: not part of an answers file"),
        ("answers.csv", "id,value\nD1.1.c1.1,yes\n", "header question,answer,note"),
    ],
)
def test_a_file_that_is_not_an_answers_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, expected: str
) -> None:
    file = tmp_path / name
    file.write_text(text)
    code = smm(tmp_path, "new", "assessment", "--system", "Rig", "--answers", str(file), "--batch")
    assert code == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and expected in errors[0], errors
    assert sessions(tmp_path) == []


def test_batch_needs_answers_and_the_interview_needs_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert smm(tmp_path, "new", "assessment", "--system", "Rig", "--batch") == 2
    assert "--batch replays an answers file" in capsys.readouterr().err
    file = toml_file(tmp_path / "answers.toml", {"system_name": "Rig"})
    assert smm(tmp_path, "new", "assessment", "--answers", str(file)) == 2  # pytest: no tty
    assert "add --batch" in capsys.readouterr().err
    assert sessions(tmp_path) == []


def test_notes_and_checklists_come_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = first_answers(listed(capsys, "assessment"))
    file = tmp_path / "answers.toml"
    toml_file(file, answers)
    note = "Evidence:\u00a0the audit of 2026\u200c"
    file.write_text(file.read_text().replace(
        '"D1.1.c1.1" = "yes"', f'"D1.1.c1.1" = {{ answer = "yes", note = {json.dumps(note)} }}'
    ))  # fmt: skip
    assert smm(tmp_path, "new", "assessment", "--answers", str(file), "--batch") == 0
    session = SessionStore(tmp_path / "sessions").read(capsys.readouterr().out.strip())
    assert session.answers["D1.1.c1.1"].note == note  # kept exactly as written
