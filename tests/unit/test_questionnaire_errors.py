"""Every questionnaire failure mode is refused with one clear line naming file, line and key."""

from pathlib import Path

import pytest

from interview.cli import main
from interview.errors import InputError
from interview.questionnaire import load_questionnaire

INVALID_DIR = Path(__file__).parent.parent / "data" / "questionnaires" / "invalid"

# fixture name -> (line, dotted key or None, words the message must contain)
EXPECTED = {
    "bad_id": (80, "practices.D1.1.levels.4.questions.0.id", "is not a valid id"),
    "duplicate_practice_id": (49, None, "Cannot declare ('practices', 'D1.1') twice"),
    "duplicate_question_id": (
        73,
        "practices.D1.1.levels.3.questions.0.id",
        "is already used at practices.D1.1.levels.2",
    ),
    "duplicate_option_id": (
        61,
        "practices.D1.1.levels.2.questions.0.options",
        'option id "not-yet" is used twice',
    ),
    "empty": (None, None, "not a questionnaire file"),
    "extra_level": (75, "practices.D1.1.levels.5", "level 5 does not exist"),
    "format_1": (2, "schema_version", "give every option of a choice or needs question an id"),
    "missing_context_question": (7, "context", 'no question with id "interviewee_role"'),
    "missing_level": (40, "practices.D1.1.levels", "level 3 is missing"),
    "missing_required_field": (40, "practices.D1.1.name", "required key is missing"),
    "missing_scope_option": (22, "domains.D.goal.scope_options", "one option for each scope"),
    "newer_schema": (2, "schema_version", "newer than this smm reads"),
    "not_toml": (42, None, "not valid TOML"),
    "not_utf8": (42, None, "not valid UTF-8"),
    "option_level_below_question": (
        61,
        "practices.D1.1.levels.2.questions.0.options.0.level",
        "level 0 does not exist",
    ),
    "option_level_out_of_range": (
        61,
        "practices.D1.1.levels.2.questions.0.options.1.level",
        "less than or equal to 4",
    ),
    "option_never_meets": (61, "practices.D1.1.levels.2.questions.0.options", "no option meets"),
    "practice_without_questions": (73, "practices.D1.1.levels.3.questions", "must not be empty"),
    "reserved_question_id": (
        34,
        "subdomains.D1.needs.0.id",
        'starts with "@", which smm keeps for the questions it asks itself',
    ),
    "unknown_key": (45, "practices.D1.1.colour", "unknown key"),
    "unknown_subdomain": (41, "practices.D1.1.subdomain", 'unknown sub-domain "D9"'),
    "wrong_type": (57, "practices.D1.1.levels.2.objective", "valid string, got 2"),
    "na_without_rule": (
        79,
        "practices.D1.1.levels.1.questions.0.allow_not_applicable",
        "not_applicable_when does not say when it is honest",
    ),
    "to_do_unknown_question": (
        103,
        "practices.D1.1.levels.3.to_do.0.questions",
        '"D1.1.c9.9" is not a question of practice D1.1',
    ),
    "unknown_role": (
        79,
        "practices.D1.1.levels.1.questions.2.roles.0",
        "input should be 'maker' or 'operator', got 'vendor'",
    ),
    "level_without_role": (
        106,
        "practices.D1.1.levels.3.questions",
        'no question for the "operator" role',
    ),
    "unknown_sector": (
        60,
        "practices.D1.1.scope.industry.examples.1.sectors",
        'unknown sector "space"',
    ),
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(path.stem for path in INVALID_DIR.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_questionnaire_is_refused_with_file_line_and_key(name: str) -> None:
    path = INVALID_DIR / f"{name}.toml"
    line, key, words = EXPECTED[name]
    with pytest.raises(InputError) as raised:
        load_questionnaire(path)
    first = raised.value.lines[0]
    where = f"{path}:{line}: " if line else f"{path}: "
    assert first.startswith(where)
    if key:
        assert first.startswith(f"{where}{key}: ")
    assert words in first
    assert "\n" not in first


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_command_exits_2_with_one_line_per_problem(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(INVALID_DIR / f"{name}.toml")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    problems = captured.err.splitlines()
    assert problems, "a refused file must say why"
    assert all(line.startswith("smm: ") for line in problems)
    assert "Traceback" not in captured.err


def test_validate_reports_each_file_and_fails_if_any_is_invalid(
    minimal_questionnaire_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = INVALID_DIR / "unknown_key.toml"
    assert main(["validate", str(minimal_questionnaire_path), str(broken)]) == 2
    captured = capsys.readouterr()
    assert f"{minimal_questionnaire_path}: valid" in captured.out
    assert str(broken) in captured.err


def test_missing_file_is_one_line() -> None:
    with pytest.raises(InputError) as raised:
        load_questionnaire(Path("no/such/questionnaire.toml"))
    assert raised.value.lines == ["no/such/questionnaire.toml: no such file; check the path"]


def test_escape_sequences_in_a_file_are_never_printed_raw(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    source = (INVALID_DIR.parent / "minimal.toml").read_text()
    path.write_text(source.replace('[practices."D1.1"]', '[practices."D1.1\\u001b[31m"]'))
    with pytest.raises(InputError) as raised:
        load_questionnaire(path)
    text = "\n".join(raised.value.lines)
    assert "\x1b" not in text
    assert "\\x1b[31m" in text
