"""``smm new target --industry SECTOR``: the one line that names the profiles made for the
sector, or that says the profile chosen was made for another sector (a warning only: a
profile may well fit a neighbouring sector)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.errors import printable
from interview.sectors import matching_profiles, sector_label

if TYPE_CHECKING:
    from interview.profiles import Profile
    from interview.services import Workspace


def sector_advice(workspace: Workspace, sector: str, profile: Profile | None) -> str | None:
    """The line to print before a target starts (without ``smm:``), or None."""
    questionnaire = workspace.questionnaire
    sector_words = sector_label(questionnaire, sector)
    if profile is not None:
        if profile.industry is None or profile.industry == sector:
            return None
        made_for = sector_label(questionnaire, profile.industry)
        return printable(
            f"warning: --industry {sector}, but the profile {profile.id} is made for "
            f"{profile.industry} ({made_for}); starting from it all the same"
        )
    profiles = [loaded for loaded, _ in workspace.profiles().profiles]
    suggested = matching_profiles(profiles, sector)
    if not suggested:
        return f"note: no profile is made for {sector_words}; `smm profiles` lists them all"
    named = ", ".join(f"{profile.id} ({profile.name})" for profile in suggested)
    which, it = ("the profile", "it") if len(suggested) == 1 else ("the profiles", "one")
    command = f"smm new target --industry {sector} --profile {suggested[0].id}"
    return printable(
        f"note: suggested for {sector_words}: {which} {named}; to start from {it}: {command}"
    )
