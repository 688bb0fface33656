"""Sessions answered on questionnaire 1.0 reopen on 2.0: an answer whose question kept its id
still means what it meant (tests/unit/test_questionnaire_content.py proves the ids), so it is
kept; an answer to a reworded, split or retired question is dropped and said so, practice by
practice, and the interview asks the new question when it gets there. Nothing is re-meant."""

import shutil
from pathlib import Path

import pytest

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import Phase
from interview.session.store import SessionStore

DATA = Path(__file__).parent.parent / "data"
V1_SESSIONS = sorted(
    path.stem
    for path in (DATA / "v1" / "sessions").glob("*assessment*.toml")
    if '[answers."' in path.read_text("utf-8")  # an imported assessment has no level answers
)


@pytest.fixture(scope="module")
def version_1_0() -> Questionnaire:
    return load_questionnaire(DATA / "questionnaires" / "iic-smm-1.0.0.toml")


@pytest.fixture(scope="module")
def version_2_0() -> Questionnaire:
    return load_questionnaire()


@pytest.mark.parametrize("name", V1_SESSIONS)
def test_a_1_0_assessment_reopens_on_2_0_keeping_what_still_means_the_same(
    name: str, tmp_path: Path, version_1_0: Questionnaire, version_2_0: Questionnaire
) -> None:
    folder = tmp_path / "sessions"
    shutil.copytree(DATA / "v1" / "sessions", folder)
    store = SessionStore(folder)
    on_1_0 = store.load(name, version_1_0).session
    store.save(on_1_0)  # as smm 0.2 with questionnaire 1.0 would have left it
    before = {key: answer.value for key, answer in on_1_0.answers.items()}

    loaded = store.load(name, version_2_0)
    after = {key: answer.value for key, answer in loaded.session.answers.items()}

    still_asked = version_2_0.level_question_ids() | {q.id for q in version_2_0.context}
    kept = {key for key in before if key in still_asked or key.startswith("@")}
    assert set(after) == kept
    assert all(after[key] == before[key] for key in after)
    dropped = set(before) - kept
    assert dropped, "questionnaire 2.0 retired some 1.0 questions"
    notice = " ".join(loaded.notices)
    assert "version 1.0.0 → 2.0.0" in notice
    assert f"{len(dropped)} belonged to questions that were reworded, split or retired" in notice
    assert loaded.session.phase in (Phase.INTERVIEW, Phase.CONTEXT, Phase.DONE, Phase.REVIEW)
