"""A target's review (rows, warnings, approval) with the profile it is compared with: the
session's own, else the shipped profile of its sector, read here so that the review stays pure."""

from __future__ import annotations

from interview.errors import InputError
from interview.profiles import Profile, load_profile, shipped_profile_paths
from interview.questionnaire.model import Questionnaire
from interview.questionnaire.variants import sector_of
from interview.session.model import TargetSession
from interview.target_review import TargetReview, reference_levels, review_target


def target_review(questionnaire: Questionnaire, session: TargetSession) -> TargetReview:
    """The review of a target; shipped profiles are read only when one could match."""
    answers = {key: answer.value for key, answer in session.answers.items()}
    needs_shipped = session.profile is None and sector_of(answers) is not None
    profiles = shipped_profiles(questionnaire) if needs_shipped else []
    return review_target(questionnaire, session, reference_levels(session, profiles))


def shipped_profiles(questionnaire: Questionnaire) -> list[Profile]:
    """The shipped profiles that fit the questionnaire (others are for another one, or
    broken, which `smm profiles` reports; a warning is then simply not given)."""
    profiles = []
    for path in shipped_profile_paths():
        try:
            profiles.append(load_profile(path, questionnaire))
        except (InputError, OSError):
            continue
    return profiles
