"""The sector suggests the profiles made for it (interview/sectors.py), over the shipped
questionnaire and profiles; a sector answered ahead is not asked again and is saved."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.engine.prompts import Prompt, PromptKind
from interview.errors import InputError
from interview.profiles import Profile, load_profile, shipped_profile_paths
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.sectors import (
    check_sector,
    matching_profiles,
    offer_for_sector,
    sector_label,
    sector_options,
)
from interview.services import Workspace
from interview.session.checks import check_session
from interview.session.model import SessionKind, as_target

SMALL = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire()


@pytest.fixture(scope="module")
def shipped(smm: Questionnaire) -> list[Profile]:
    return [load_profile(path, smm) for path in shipped_profile_paths()]


def ids(profiles: list[Profile]) -> list[str]:
    return [profile.id for profile in profiles]


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("medical", ["medical-device"]),
        ("energy", ["small-utility-site"]),
        ("industrial", ["industrial-control"]),
        ("automotive", ["connected-vehicle"]),
        ("enterprise", []),  # a sector of the questionnaire that no profile is made for
        ("Space and satellites", []),  # typed in as "other"
        ("", []),
        (None, []),
    ],
)
def test_the_sector_suggests_the_profiles_made_for_it(
    shipped: list[Profile], sector: str | None, expected: list[str]
) -> None:
    assert ids(matching_profiles(shipped, sector)) == expected


def test_every_shipped_profile_is_suggested_for_a_sector_of_the_questionnaire(
    smm: Questionnaire, shipped: list[Profile]
) -> None:
    sectors = {option.value for option in sector_options(smm)}
    for profile in shipped:
        assert profile.industry in sectors
        assert profile.id in ids(matching_profiles(shipped, profile.industry))


def test_the_same_role_comes_first(shipped: list[Profile]) -> None:
    device = next(profile for profile in shipped if profile.id == "medical-device")
    hospital = device.model_copy(update={"id": "hospital-ward", "role": "operator"})
    profiles = [*shipped, hospital]
    assert ids(matching_profiles(profiles, "medical")) == ["medical-device", "hospital-ward"]
    assert ids(matching_profiles(profiles, "medical", "operator")) == [
        "hospital-ward",
        "medical-device",
    ]
    assert ids(matching_profiles(profiles, "medical", "maker"))[0] == "medical-device"


def test_the_offer_splits_every_profile_keeping_their_order(shipped: list[Profile]) -> None:
    offer = offer_for_sector(shipped, "retail")
    assert ids(offer.suggested) == ["retail-point-of-sale"]
    assert ids(offer.others) == [p.id for p in shipped if p.id != "retail-point-of-sale"]
    nothing = offer_for_sector(shipped, None)
    assert (nothing.suggested, ids(nothing.others)) == ([], ids(shipped))


def test_a_sector_is_checked_against_the_questionnaire(smm: Questionnaire) -> None:
    assert check_sector(smm, "building") == "building"
    with pytest.raises(InputError) as refused:
        check_sector(smm, "Medical", given_as="--industry")
    assert len(refused.value.lines) == 1
    assert refused.value.lines[0].startswith("--industry 'Medical': not a sector")
    assert "consumer, industrial, energy, building, medical, retail" in refused.value.lines[0]
    with pytest.raises(InputError, match="has no industry question"):
        check_sector(load_questionnaire(SMALL), "medical")


def test_a_sector_reads_in_the_questionnaires_words(smm: Questionnaire) -> None:
    assert sector_label(smm, "medical") == "Medical devices and healthcare"
    assert sector_label(smm, "aerospace") == "aerospace"


def test_a_sector_answered_ahead_is_saved_and_not_asked(smm: Questionnaire, tmp_path: Path) -> None:
    workspace = Workspace.at(smm, tmp_path, clock=lambda: NOW)
    session = workspace.start(
        SessionKind.TARGET, "Pump fleet", profile_id="medical-device", sector="medical"
    )
    assert check_session(session, smm) == []
    saved = as_target(workspace.session(session.id))  # read back strictly, as written
    assert saved.answers["industry"].value == "medical"
    assert saved.profile == "medical-device"
    interview = Interview(smm, saved, clock=lambda: NOW)
    asked = []
    while (prompt := interview.current()) is not None and prompt.step.is_context:
        asked.append(prompt.question_id)
        interview.answer(_any_answer(prompt))
    assert "industry" not in asked
    assert "organisation_role" not in asked  # the profile's role, answered ahead
    assert saved.answers["organisation_role"].value == "maker"


def test_a_bad_sector_is_refused_before_anything_is_written(
    smm: Questionnaire, tmp_path: Path
) -> None:
    workspace = Workspace.at(smm, tmp_path, clock=lambda: NOW)
    with pytest.raises(InputError, match="not a sector"):
        workspace.start(SessionKind.ASSESSMENT, "Pump fleet", sector="pumps")
    assert not list(tmp_path.glob("*.toml"))


def _any_answer(prompt: Prompt) -> str | list[str]:
    """A valid answer to a context question: its first option, or text."""
    first = [option.value for option in prompt.options][:1]
    if prompt.kind is PromptKind.MULTI_CHOICE:
        return first
    return first[0] if first else "Some text"
