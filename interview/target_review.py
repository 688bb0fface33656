"""The end of a target interview, to help decide: every practice's target with where it came
from and why, the warnings worth a second look, and whether the target is approved.

Pure functions over the questionnaire, a target session and (for one warning) a profile's
levels; no files, no screen. The TUI's overview and every target report show what these say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from interview.formatting import plural, utc_time
from interview.profiles import Profile
from interview.questionnaire.levels import HIGHEST_COMPREHENSIVENESS, comprehensiveness_label
from interview.questionnaire.model import Questionnaire
from interview.questionnaire.variants import ROLE_QUESTION_ID, sector_of
from interview.scoring import TargetLevel, target_levels_of
from interview.session.model import Origin, TargetSession

# --- The rows --------------------------------------------------------------------------------

ORIGIN_NAMES: Final = {
    Origin.GOAL: "domain goal",
    Origin.NEEDS: "sub-domain needs",
    Origin.PURPOSE: "your change",
    Origin.PROFILE: "profile",
    Origin.INHERITED: "inherited",
    Origin.IMPORTED: "imported",
    Origin.ASSESSED: "assessed",
}
"""Where a target came from, in the words of the overview."""

SCOPE_SHORT: Final = {1: "General", 2: "Industry", 3: "System"}
"""Scope names short enough for one overview row at 80 columns."""


@dataclass(frozen=True)
class TargetRow:
    """One practice's target, where it came from and why."""

    practice_id: str
    name: str
    target: TargetLevel
    origin: Origin
    """The step that set the level: for a practice that inherits it, the sub-domain's or the
    domain's step (``inherited`` only when nothing above set it either)."""
    reason: str

    @property
    def is_set(self) -> bool:
        """Both measures set (a level chosen while the domain's scope is unknown is not), or
        marked not applicable."""
        target = self.target
        return target.not_applicable or None not in (target.comprehensiveness, target.scope)

    @property
    def level_words(self) -> str:
        """``3 Consistent · Industry``, ``not applicable`` or ``not set yet``."""
        target = self.target
        if target.not_applicable:
            return "not applicable"
        if target.comprehensiveness is None:
            return "not set yet"
        scope = SCOPE_SHORT.get(target.scope or 0, "scope not set")
        return f"{comprehensiveness_label(target.comprehensiveness)} · {scope}"

    @property
    def origin_words(self) -> str:
        return ORIGIN_NAMES[self.origin]


def target_rows(questionnaire: Questionnaire, session: TargetSession) -> list[TargetRow]:
    """Every practice of the questionnaire, in its order, with its target."""
    levels = target_levels_of(questionnaire, session)
    rows = []
    for practice_id in questionnaire.practice_ids():
        subdomain_id = questionnaire.practices[practice_id].subdomain
        chain = (practice_id, subdomain_id, questionnaire.subdomains[subdomain_id].domain)
        source = next(
            (levels[item] for item in chain if levels[item].origin is not Origin.INHERITED),
            levels[practice_id],
        )
        rows.append(
            TargetRow(
                practice_id,
                questionnaire.practices[practice_id].name,
                levels[practice_id],
                source.origin,
                levels[practice_id].reason,
            )
        )
    return rows


def unset_practices(rows: Sequence[TargetRow]) -> list[str]:
    """The practices whose target is not set yet (an approval waits for them)."""
    return [row.practice_id for row in rows if not row.is_set]


# --- The warnings ----------------------------------------------------------------------------


class WarningKind(StrEnum):
    MANY_TOP_LEVELS = "many-top-levels"
    ABOVE_PROFILE = "above-profile"


@dataclass(frozen=True)
class TargetWarning:
    kind: WarningKind
    practice_ids: tuple[str, ...]
    text: str


TOP_LEVELS_SHARE: Final = 3
"""The many-top-levels warning is given when more than one practice in this many asks for
level 4: more than 6 of the 18 practices of the SMM."""

LEVEL_4_COMMITMENT: Final = (
    "Level 4 Formalized commits the organisation, for each of these practices, to a written "
    "process that runs all the time, is measured against targets it has set, is reviewed on "
    "a fixed schedule and improved from what the measures show, with evidence kept so that an "
    "independent auditor, a customer or a regulator can check it at any time. That takes "
    "named people, tools and budget every year: ask for it where a failure would justify it."
)

ABOVE_PROFILE_BY: Final = 2
"""A practice's target this many levels or more above the matching profile's is warned of."""


def top_level_threshold(practice_count: int) -> int:
    """How many level-4 practices are still not many: 6 of 18."""
    return practice_count // TOP_LEVELS_SHARE


def many_top_levels(rows: Sequence[TargetRow]) -> TargetWarning | None:
    """One warning naming the practices at level 4, when there are more than the threshold."""
    top = tuple(
        row.practice_id for row in rows if row.target.comprehensiveness == HIGHEST_COMPREHENSIVENESS
    )
    if len(top) <= top_level_threshold(len(rows)):
        return None
    text = (
        f"Level 4 in {len(top)} of {len(rows)} practices ({', '.join(top)}). {LEVEL_4_COMMITMENT}"
    )
    return TargetWarning(WarningKind.MANY_TOP_LEVELS, top, text)


@dataclass(frozen=True)
class ProfileLevels:
    """A profile's comprehensiveness per practice (None: not applicable), to compare with."""

    profile_id: str
    levels: Mapping[str, int | None]


def session_profile_levels(session: TargetSession) -> ProfileLevels | None:
    """The levels of the profile the target started from, as the session keeps them."""
    if session.profile is None:
        return None
    levels = {key: value.comprehensiveness for key, value in session.profile_targets.items()}
    return ProfileLevels(session.profile, levels)


def profile_levels(profile: Profile) -> ProfileLevels:
    levels = {
        practice_id: practice.comprehensiveness if practice.applicable else None
        for practice_id, practice in profile.practices.items()
    }
    return ProfileLevels(profile.id, levels)


def matching_profile(session: TargetSession, profiles: Sequence[Profile]) -> Profile | None:
    """The profile of the session's sector; with several, the one for its role (none when
    the role does not settle it: comparing with another role's profile would mislead)."""
    answers = {key: answer.value for key, answer in session.answers.items()}
    sector = sector_of(answers)
    candidates = [profile for profile in profiles if sector and profile.industry == sector]
    if len(candidates) > 1:
        role = answers.get(ROLE_QUESTION_ID)
        candidates = [profile for profile in candidates if profile.role == role]
    return candidates[0] if len(candidates) == 1 else None


def reference_levels(session: TargetSession, profiles: Sequence[Profile]) -> ProfileLevels | None:
    """What the target is compared with: its own profile, else its sector's."""
    own = session_profile_levels(session)
    if own is not None:
        return own
    matching = matching_profile(session, profiles)
    return None if matching is None else profile_levels(matching)


def above_profile(rows: Sequence[TargetRow], profile: ProfileLevels) -> list[TargetWarning]:
    """A warning for each practice whose target is two or more levels above the profile's."""
    warnings = []
    for row in rows:
        wanted = row.target.comprehensiveness
        reference = profile.levels.get(row.practice_id)
        if wanted is None or reference is None or wanted - reference < ABOVE_PROFILE_BY:
            continue
        text = (
            f"{row.practice_id} {row.name}: the target asks for "
            f"{comprehensiveness_label(wanted)}, {wanted - reference} levels above the "
            f"{profile.profile_id} profile ({comprehensiveness_label(reference)}). Check that "
            "this system really needs more than systems of its kind usually do."
        )
        warnings.append(TargetWarning(WarningKind.ABOVE_PROFILE, (row.practice_id,), text))
    return warnings


def target_warnings(
    rows: Sequence[TargetRow], profile: ProfileLevels | None
) -> list[TargetWarning]:
    """Every warning about a target, the many-top-levels one first."""
    top = many_top_levels(rows)
    return [
        *([top] if top else []),
        *(above_profile(rows, profile) if profile is not None else []),
    ]


# --- The approval ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    approved_by: str
    approved_at: datetime
    changed_since: bool
    """An answer was given after the approval: the target may no longer be the one approved."""


def approval_of(session: TargetSession) -> Approval | None:
    """The target's approval, and whether it is stale.

    An approval is kept when the target changes, and said to be stale, rather than cleared:
    who approved what, and when, stays on record for the next approver. Stale means an answer
    was given after it (the target is worked out from the answers; answering a question
    again counts, even with the same answer). ``updated`` is not compared: it moves on every
    step of the interview, even going back to look at a question, which changes nothing.
    """
    if session.approved_by is None or session.approved_at is None:
        return None
    approved_at = session.approved_at
    changed = any(answer.answered_at > approved_at for answer in session.answers.values())
    return Approval(session.approved_by, approved_at, changed)


NOT_APPROVED = "Not approved yet"


def approval_words(approval: Approval | None) -> str:
    """``Approved by Dana on 2026-11-25 09:30 UTC`` (and ``(changed since)``), or not yet."""
    if approval is None:
        return NOT_APPROVED
    stale = " (changed since)" if approval.changed_since else ""
    return f"Approved by {approval.approved_by} on {utc_time(approval.approved_at)}{stale}"


# --- All of it -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetReview:
    rows: tuple[TargetRow, ...]
    warnings: tuple[TargetWarning, ...]
    approval: Approval | None
    compared_with: str | None
    """The id of the profile the target was compared with, if any."""


def review_target(
    questionnaire: Questionnaire, session: TargetSession, profile: ProfileLevels | None
) -> TargetReview:
    """The rows, the warnings (``profile``: what to compare with) and the approval."""
    rows = target_rows(questionnaire, session)
    warnings = tuple(target_warnings(rows, profile))
    compared_with = None if profile is None else profile.profile_id
    return TargetReview(tuple(rows), warnings, approval_of(session), compared_with)


def no_warnings_words(review: TargetReview) -> str:
    """What a review without warnings checked."""
    threshold = top_level_threshold(len(review.rows))
    checked = f"No warnings: level 4 in {plural(threshold, 'practice')} or fewer"
    if review.compared_with is None:
        return f"{checked}; no profile of the system's sector to compare with."
    return f"{checked}, and none two levels above the {review.compared_with} profile."
