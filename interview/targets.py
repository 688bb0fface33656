"""The target-setting rules: what "keep" keeps, and how an answer about a domain, a sub-domain
or a practice changes the target's explicit settings. Pure functions beside scoring.py; the
engine applies what they return.

Settings are absolute once made, so a later change of a domain's goal moves only the
sub-domains and practices that still inherit (docs/QUESTIONNAIRE.md, target inheritance).
"""

from __future__ import annotations

from collections.abc import Mapping

from interview.questionnaire.model import Questionnaire
from interview.scoring import (
    TargetLevel,
    domain_setting,
    practice_setting,
    subdomain_setting,
    target_levels,
)
from interview.session.model import AnswerValue, Origin, TargetSession, TargetSetting

Settings = dict[str, TargetSetting]


def baseline(
    questionnaire: Questionnaire,
    session: TargetSession,
    practice_id: str,
    levels: Mapping[str, TargetLevel],
) -> TargetLevel:
    """What "keep" keeps for a practice: the profile's value, else the sub-domain's level."""
    subdomain = levels[questionnaire.practices[practice_id].subdomain]
    setting = session.profile_targets.get(practice_id)
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
        levels = target_levels(questionnaire, settings)
        kept = baseline(questionnaire, session, practice_id, levels)
        setting = practice_setting(practice_id, kept, values)
        if setting is None:  # kept: the profile's value, if there is one
            setting = session.profile_targets.get(practice_id)
        _put(settings, practice_id, setting)
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
    return settings


def _refresh_inheriting_subdomains(
    questionnaire: Questionnaire,
    settings: Settings,
    domain_id: str,
    values: Mapping[str, AnswerValue],
) -> None:
    """Sub-domains without a setting re-read their needs against the new domain goal."""
    domain = target_levels(questionnaire, settings)[domain_id]
    for subdomain_id in questionnaire.subdomain_ids(domain_id):
        if subdomain_id not in settings:
            setting = subdomain_setting(questionnaire, subdomain_id, domain, values)
            _put(settings, subdomain_id, setting)


def _put(settings: Settings, item_id: str, setting: TargetSetting | None) -> None:
    if setting is None:
        settings.pop(item_id, None)
    else:
        settings[item_id] = setting


def _same_level(first: TargetSetting, second: TargetSetting) -> bool:
    return (first.comprehensiveness, first.scope) == (second.comprehensiveness, second.scope)
