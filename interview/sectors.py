"""The sector suggests the profiles made for it: the context question ``industry`` and each
profile's ``industry`` use the same values, so a business owner who names the sector need not
know the profiles by name. Imports neither textual nor rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from interview.errors import InputError, printable
from interview.profiles import Profile
from interview.questionnaire.model import SECTOR_QUESTION_ID, ContextOption, Questionnaire
from interview.session.model import Answer, Session


@dataclass(frozen=True)
class ProfileOffer:
    """The profiles to offer for a sector: those made for it (best first), and the rest."""

    suggested: list[Profile]
    others: list[Profile]


def matching_profiles(
    profiles: Sequence[Profile], sector: str | None, role: str | None = None
) -> list[Profile]:
    """The profiles made for the sector, best first: those for the same role, then the others,
    each in the order given. None for no sector, or for one that no profile names (a sector
    typed in as "other")."""
    if not sector:
        return []
    same_sector = [profile for profile in profiles if profile.industry == sector]
    return sorted(same_sector, key=lambda profile: role is not None and profile.role != role)


def offer_for_sector(
    profiles: Sequence[Profile], sector: str | None, role: str | None = None
) -> ProfileOffer:
    """Every profile, split into those the sector suggests and the others (order kept)."""
    suggested = matching_profiles(profiles, sector, role)
    chosen_ids = {profile.id for profile in suggested}
    return ProfileOffer(suggested, [p for p in profiles if p.id not in chosen_ids])


def sector_options(questionnaire: Questionnaire) -> tuple[ContextOption, ...]:
    """The sectors the questionnaire's sector question offers; none when it has no such
    question (then nothing is asked before the profiles)."""
    for question in questionnaire.context:
        if question.id == SECTOR_QUESTION_ID:
            return question.options
    return ()


def sector_label(questionnaire: Questionnaire, sector: str) -> str:
    """The words of a sector's option, or the value itself when no option has it."""
    labels = {option.value: option.label for option in sector_options(questionnaire)}
    return labels.get(sector, sector)


def check_sector(questionnaire: Questionnaire, sector: str, given_as: str = "sector") -> str:
    """The sector, if it is one of the questionnaire's options; else InputError in one line
    that lists the values allowed (``given_as``: how the user gave it, e.g. ``--industry``)."""
    values = [option.value for option in sector_options(questionnaire)]
    if not values:
        question = SECTOR_QUESTION_ID
        raise InputError(
            [f"{given_as}: the questionnaire {questionnaire.id} has no {question} question"]
        )
    if sector not in values:
        raise InputError(
            [
                f"{given_as} {printable(repr(sector))}: not a sector of the questionnaire; "
                f"use one of: {', '.join(values)}"
            ]
        )
    return sector


def answer_sector(
    questionnaire: Questionnaire, session: Session, sector: str, *, now: datetime
) -> None:
    """Give a new session's sector answer ahead, so that the interview does not ask it
    (an answered context question is not asked; it can still be changed by going back)."""
    session.answers[SECTOR_QUESTION_ID] = Answer(
        value=check_sector(questionnaire, sector), answered_at=now
    )
