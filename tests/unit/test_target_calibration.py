"""Targets set from scratch land where our own profiles do: for each shipped profile, the needs
and purpose answers typical of its sector (questionnaires/profiles/calibration/, written from
the profile's reasoning without using the profile) give a target within one level of the
profile in at least 16 of 18 practices, never two above it, not above it on average by more
than half a level and without piling practices up at level 4; and a low-need system (an
internal tool, little impact, no regulator) lands below its domain goals."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.profiles import load_profile, shipped_profile_paths, shipped_profiles_dir
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import target_levels_of
from interview.services.scripted import start_scripted
from interview.services.workspace import Workspace
from interview.session.model import SessionKind, as_target
from interview.session.store import SessionStore

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
CALIBRATION = shipped_profiles_dir() / "calibration"
PROFILES = [path.stem for path in shipped_profile_paths()]
CLOSE_ENOUGH = 16
MEAN_ABOVE = 0.5
"""The most a scratch target may sit above its profile on average over the practices."""
EXTRA_TOP_LEVELS = 3
"""How many more practices than the profile a scratch target may put at 4 (no saturation)."""


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire()


def scratch_target(smm: Questionnaire, name: str, folder: Path) -> dict[str, int | None]:
    """The comprehensiveness of every item of a target replayed from a calibration file."""
    workspace = Workspace(smm, SessionStore(folder), clock=lambda: NOW)
    started = start_scripted(
        workspace, SessionKind.TARGET, CALIBRATION / f"{name}.toml", batch=True
    )
    levels = target_levels_of(smm, as_target(started.session))
    return {item_id: level.comprehensiveness for item_id, level in levels.items()}


@pytest.mark.parametrize("profile_id", PROFILES)
def test_a_scratch_target_lands_near_the_profile(
    smm: Questionnaire, profile_id: str, tmp_path: Path
) -> None:
    profile = load_profile(shipped_profiles_dir() / f"{profile_id}.toml", smm)
    found = scratch_target(smm, profile_id, tmp_path)
    lines, close, above = [], 0, []
    for pid in smm.practice_ids():
        wanted = profile.practices[pid].comprehensiveness
        reached = found[pid]
        if wanted is None or reached is None:
            close += wanted == reached
            continue
        close += abs(reached - wanted) <= 1
        above.append(reached - wanted)
        assert reached <= wanted + 1, f"{profile_id} {pid}: {reached}, profile {wanted}"
        lines.append(f"{pid}: {reached} (profile {wanted})")
    assert close >= CLOSE_ENOUGH, f"{profile_id}: {close} of 18 close\n" + "\n".join(lines)
    assert sum(above) / len(above) <= MEAN_ABOVE, "\n".join(lines)
    top = [pid for pid in smm.practice_ids() if found[pid] == 4]
    profile_top = [
        pid for pid in smm.practice_ids() if profile.practices[pid].comprehensiveness == 4
    ]
    assert len(top) <= len(profile_top) + EXTRA_TOP_LEVELS, f"{profile_id}: 4 in {top}"


def test_a_low_need_system_lands_below_its_domain_goals(smm: Questionnaire, tmp_path: Path) -> None:
    found = scratch_target(smm, "low-need", tmp_path)
    for subdomain_id, subdomain in smm.subdomains.items():
        goal, level = found[subdomain.domain], found[subdomain_id]
        assert goal is not None and level is not None
        assert level < goal, f"{subdomain_id}: {level}, goal {goal}"
