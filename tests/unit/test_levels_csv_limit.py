"""A CSV that leaves out many practices is refused with the problems listed up to the limit,
not with an unexpected error: the missing rows count towards the limit too."""

from pathlib import Path

import pytest

from interview.errors import InputError
from interview.levels_csv import MAX_PROBLEMS, read_level_rows
from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind


def test_many_missing_rows_stop_at_the_limit(tmp_path: Path) -> None:
    csv = tmp_path / "levels.csv"
    unknown = "".join(f"X{number}.1,2,1,\n" for number in range(5))  # 5 problems
    csv.write_text(f"practice,comprehensiveness,scope,note\n{unknown}", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_level_rows(csv, load_questionnaire(), SessionKind.ASSESSMENT)
    lines = raised.value.lines
    assert len(lines) == MAX_PROBLEMS + 1
    assert "has no row" in lines[-2]  # the limit is reached among the missing rows
    assert lines[-1].endswith("problems; the rest of the file was not checked; fix these first")
