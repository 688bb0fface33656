"""The target-setting rules: what "keep" keeps, and how an answer about a domain, a sub-domain
or a practice changes the target's explicit settings. Pure functions beside scoring.py; the
engine applies what they return.

A person's settings (a domain goal, a practice's purpose) are absolute once made, so a later
change of a domain's goal moves the sub-domains and practices that still inherit, and the
sub-domain levels its needs work out from it, and nothing else (docs/TARGETS.md). In a
target started from a profile, every practice holds the profile's value until its purpose
answer changes it; a changed domain goal moves the practices that still hold it by the same
number of levels (and scopes), so that the profile's shape is kept around the new goal.
"""

from __future__ import annotations

from collections.abc import Mapping

from interview.questionnaire.engine_ids import purpose_question_id
from interview.questionnaire.levels import HIGHEST_COMPREHENSIVENESS, HIGHEST_SCOPE
from interview.questionnaire.model import Questionnaire
from interview.scoring import (
    TargetLevel,
    domain_setting,
    practice_setting,
    subdomain_setting,
    target_levels,
)
from interview.session.model import (
    DONT_KNOW,
    KEEP,
    AnswerValue,
    Origin,
    TargetSession,
    TargetSetting,
)

Settings = dict[str, TargetSetting]


def profile_value(
    questionnaire: Questionnaire, session: TargetSession, practice_id: str, settings: Settings
) -> TargetSetting | None:
    """The profile's value for a practice, moved as far as its domain's goal has moved from
    the profile's (None when the target did not start from a profile)."""
    value = session.profile_targets.get(practice_id)
    domain_id = questionnaire.domain_of(practice_id)
    chosen, offered = settings.get(domain_id), session.profile_targets.get(domain_id)
    if value is None or value.comprehensiveness is None or not (chosen and offered):
        return value
    level_shift = _shift(chosen.comprehensiveness, offered.comprehensiveness)
    scope_shift = _shift(chosen.scope, offered.scope)
    if (level_shift, scope_shift) == (0, 0):
        return value
    return value.model_copy(
        update={
            "comprehensiveness": _clamp(
                value.comprehensiveness + level_shift, HIGHEST_COMPREHENSIVENESS
            ),
            "scope": _clamp((value.scope or 1) + scope_shift, HIGHEST_SCOPE),
        }
    )


def holds_profile_value(session: TargetSession, practice_id: str) -> bool:
    """Whether a practice still holds the profile's value: no purpose answer changed it."""
    if practice_id not in session.profile_targets:
        return False
    answer = session.answers.get(purpose_question_id(practice_id))
    return answer is None or answer.value in (KEEP, DONT_KNOW)


def baseline(
    questionnaire: Questionnaire,
    session: TargetSession,
    practice_id: str,
    levels: Mapping[str, TargetLevel],
    settings: Settings | None = None,
) -> TargetLevel:
    """What "keep" keeps for a practice: the profile's value (moved with its domain's goal,
    as ``settings`` has it: the session's own by default), else the sub-domain's level."""
    subdomain = levels[questionnaire.practices[practice_id].subdomain]
    current = dict(session.targets) if settings is None else settings
    setting = profile_value(questionnaire, session, practice_id, current)
    if setting is None:
        return subdomain
    scope = setting.scope if setting.scope is not None else subdomain.scope
    return TargetLevel(setting.comprehensiveness, scope, Origin.PROFILE, setting.reason)


def prompt_levels(questionnaire: Questionnaire, session: TargetSession) -> dict[str, TargetLevel]:
    """Target levels, with each practice's profile value as the one a purpose keeps."""
    levels = target_levels(questionnaire, session.targets)
    for practice_id in session.profile_targets.keys() & questionnaire.practices.keys():
        levels[practice_id] = baseline(questionnaire, session, practice_id, levels)
    return levels


def targets_after_answer(
    questionnaire: Questionnaire,
    session: TargetSession,
    *,
    domain_id: str | None,
    subdomain_id: str | None,
    practice_id: str | None,
) -> Settings:
    """The session's explicit settings once an answer about the item named is taken."""
    settings = dict(session.targets)
    values = {question_id: answer.value for question_id, answer in session.answers.items()}
    if practice_id is not None:
        _put(settings, practice_id, _practice(questionnaire, session, practice_id, settings))
    elif subdomain_id is not None:
        inherited = target_levels(questionnaire, settings)[domain_id or ""]
        _put(
            settings,
            subdomain_id,
            subdomain_setting(questionnaire, subdomain_id, inherited, values),
        )
    elif domain_id is not None:
        setting = domain_setting(questionnaire, domain_id, values)
        from_profile = session.profile_targets.get(domain_id)
        if setting and from_profile and _same_level(setting, from_profile):
            setting = from_profile
        _put(settings, domain_id, setting)
        _refresh_inheriting_subdomains(questionnaire, settings, domain_id, values)
        _move_profile_practices(questionnaire, session, settings, domain_id)
    return settings


def _practice(
    questionnaire: Questionnaire, session: TargetSession, practice_id: str, settings: Settings
) -> TargetSetting | None:
    """A practice's setting from its purpose answer; a keep holds the profile's value."""
    values = {question_id: answer.value for question_id, answer in session.answers.items()}
    levels = target_levels(questionnaire, settings)
    kept = baseline(questionnaire, session, practice_id, levels, settings)
    answer = session.answers.get(purpose_question_id(practice_id))
    note = answer.note if answer else None
    setting = practice_setting(practice_id, kept, values, note)
    from_profile = profile_value(questionnaire, session, practice_id, settings)
    if from_profile is None or not (setting is None or setting.origin is Origin.INHERITED):
        return setting
    if setting is not None:  # kept, with a reason of the user's own
        return from_profile.model_copy(update={"reason": setting.reason})
    return from_profile


def _move_profile_practices(
    questionnaire: Questionnaire, session: TargetSession, settings: Settings, domain_id: str
) -> None:
    """The domain's practices that still hold the profile's value follow its new goal."""
    for practice_id in questionnaire.practice_ids():
        if questionnaire.domain_of(practice_id) != domain_id:
            continue
        if holds_profile_value(session, practice_id):
            _put(settings, practice_id, _practice(questionnaire, session, practice_id, settings))


def _refresh_inheriting_subdomains(
    questionnaire: Questionnaire,
    settings: Settings,
    domain_id: str,
    values: Mapping[str, AnswerValue],
) -> None:
    """Sub-domains re-read their needs against the new domain goal: a level the needs set is
    worked out from the goal, so it follows the goal (a profile's setting stays)."""
    domain = target_levels(questionnaire, settings)[domain_id]
    for subdomain_id in questionnaire.subdomain_ids(domain_id):
        earlier = settings.get(subdomain_id)
        if earlier is None or earlier.origin is Origin.NEEDS:
            setting = subdomain_setting(questionnaire, subdomain_id, domain, values)
            _put(settings, subdomain_id, setting)


def _put(settings: Settings, item_id: str, setting: TargetSetting | None) -> None:
    if setting is None:
        settings.pop(item_id, None)
    else:
        settings[item_id] = setting


def _same_level(first: TargetSetting, second: TargetSetting) -> bool:
    return (first.comprehensiveness, first.scope) == (second.comprehensiveness, second.scope)


def _shift(chosen: int | None, offered: int | None) -> int:
    return 0 if chosen is None or offered is None else chosen - offered


def _clamp(value: int, highest: int) -> int:
    return max(1, min(highest, value))
