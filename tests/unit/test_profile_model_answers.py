"""Profiles the questionnaire can reach: each shipped profile has a model assessment, the
answers of a system that does exactly what the profile's level considerations describe, for
the profile's role. Replayed, every practice reaches the profile's target (comprehensiveness
and scope) and none goes more than one level above it; the file is a complete interview."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.profiles import load_profile, shipped_profile_paths, shipped_profiles_dir
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import current_levels_of
from interview.services.answers_file import read_answers
from interview.services.scripted import WORDS, start_scripted
from interview.services.workspace import Workspace
from interview.session.model import Answer, SessionKind, as_assessment, new_session
from interview.session.store import SessionStore

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
MODEL_ANSWERS = shipped_profiles_dir() / "model-answers"
PROFILES = [path.stem for path in shipped_profile_paths()]


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire()


def model_levels(smm: Questionnaire, path: Path) -> dict[str, tuple[int, int | None]]:
    """The levels the answers give, straight from the scoring rules (whatever the order)."""
    session = new_session(smm, SessionKind.ASSESSMENT, "Model", now=NOW)
    for question_id, given in read_answers(path).items():
        value = given.value
        if isinstance(value, str):
            value = WORDS.get(value.strip().casefold(), value.strip())
        session.answers[question_id] = Answer(value=value, note=given.note or None, answered_at=NOW)
    levels = current_levels_of(smm, as_assessment(session))
    return {pid: (level.comprehensiveness, level.scope) for pid, level in levels.items()}


@pytest.mark.parametrize("profile_id", PROFILES)
def test_the_model_assessment_reaches_the_profile(smm: Questionnaire, profile_id: str) -> None:
    profile = load_profile(shipped_profiles_dir() / f"{profile_id}.toml", smm)
    path = MODEL_ANSWERS / f"{profile_id}.toml"
    assert profile.role is not None, f"{profile_id}: say whom the profile is for (role)"
    assert read_answers(path)["organisation_role"].value == profile.role
    found = model_levels(smm, path)
    wrong = []
    for pid in smm.practice_ids():
        target = profile.practices[pid]
        if not target.applicable:
            continue
        reached, scope = found[pid]
        wanted, wanted_scope = target.comprehensiveness or 0, target.scope or 1
        if not wanted <= reached <= wanted + 1 or (scope or 0) < wanted_scope:
            wrong.append(
                f"{pid}: target {wanted}/{wanted_scope}, model answers give {reached}/{scope}"
            )
    assert not wrong, f"{profile_id}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("profile_id", PROFILES)
def test_the_model_assessment_is_a_complete_interview(
    smm: Questionnaire, profile_id: str, tmp_path: Path
) -> None:
    """Replayed through the engine in batch mode: every question asked is answered, every
    answer is one the question takes, and no answer is left unused."""
    workspace = Workspace(smm, SessionStore(tmp_path), clock=lambda: NOW)
    started = start_scripted(
        workspace, SessionKind.ASSESSMENT, MODEL_ANSWERS / f"{profile_id}.toml", batch=True
    )
    assert started.replay.unused == []
