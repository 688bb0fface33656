"""Target profiles: illustrative starting targets for common IoT scenarios, as data files.

A profile gives, per domain and per practice, a target comprehensiveness and scope with the
reasoning behind them, and may add sector considerations per practice and level. Profiles are
made by the smm project; none is published by the IIC. Imports neither textual nor rich.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import ConfigDict, Field

from interview.errors import InputError, printable
from interview.filemodel import Lax
from interview.files import status_of
from interview.questionnaire.levels import (
    LOWEST_SCOPE,
    LOWEST_TARGET,
    TARGET_LEVELS,
    Scope,
    TargetComprehensiveness,
)
from interview.questionnaire.loader import shipped_questionnaire_dir
from interview.questionnaire.model import (
    SECTOR_QUESTION_ID,
    Identifier,
    Questionnaire,
    StrictModel,
    Text,
)
from interview.questionnaire.variants import ROLE_QUESTION_ID
from interview.scoring import TargetLevel
from interview.session.model import Answer, Origin, TargetSession, TargetSetting
from interview.temporaries import remove_leftovers
from interview.tomlfile import Problem
from interview.versioned import FileKind, read_versioned, write_versioned

PROFILE_SCHEMA_VERSION: Final = 1

DISCLAIMER = (
    "An illustrative starting point made by the smm project, not a profile published by the "
    "IIC: check every level against your own risks, contracts and regulators."
)


class ProfileModel(StrictModel):
    """Base for every part of a profile: strict values, as in sessions and plans (``true``,
    ``"2"`` or ``2.0`` is no level, ``"yes"`` no boolean)."""

    model_config = ConfigDict(strict=True)


class ProfileLevel(ProfileModel):
    """A target for a domain or a practice, and why."""

    comprehensiveness: TargetComprehensiveness | None = None
    """None (left out) only with ``applicable = false``."""
    scope: Scope | None = None
    applicable: bool = True
    reason: Text
    """The sector's threats, regulations and standards behind the numbers."""


class ProfilePractice(ProfileLevel):
    considerations: dict[Annotated[int, Lax], Text] = Field(default_factory=dict)
    """What reaching a level means in this sector (keys 1-4): standards, known attacks."""


class Profile(ProfileModel):
    schema_version: Literal[1]
    id: Identifier
    name: Text
    description: Text
    """One line for lists."""
    questionnaire: Identifier
    """The id of the questionnaire whose practice ids the profile uses."""
    industry: Identifier | None = None
    """The context question's industry value this profile suits, if any."""
    role: Literal["maker", "operator", "both"] | None = None
    """Whom the targets are for (the context's role answer); their level considerations
    describe what that role does. None: not said."""
    domains: dict[str, ProfileLevel]
    practices: dict[str, ProfilePractice]


def _profile_data(profile: Profile) -> dict[str, Any]:
    """The profile as TOML data: consideration levels become the string keys TOML needs, and
    a practice without considerations leaves the table out."""
    data = profile.model_dump(mode="json", exclude_none=True)
    for practice in data["practices"].values():
        practice["considerations"] = {str(k): v for k, v in practice["considerations"].items()}
        if not practice["considerations"]:
            del practice["considerations"]
    return data


PROFILE_FILE: Final = FileKind(
    name="profile",
    model=Profile,
    version=PROFILE_SCHEMA_VERSION,
    markers=frozenset({"schema_version", "practices"}),
    foreign={"answers": "a session's", "subdomains": "a questionnaire's", "items": "a plan's"},
    advice="see docs/PROFILES.md",
    dump=_profile_data,
)


def shipped_profiles_dir() -> Path:
    """Where the profiles that come with smm are: ``questionnaires/profiles``."""
    return shipped_questionnaire_dir() / "profiles"


def shipped_profile_paths() -> list[Path]:
    return sorted(shipped_profiles_dir().glob("*.toml"))


def load_profile(path: Path, questionnaire: Questionnaire) -> Profile:
    """Read and check a profile against the questionnaire; InputError naming each problem."""
    return read_versioned(path, PROFILE_FILE, _file_checks(path, questionnaire))


def write_profile(profile: Profile, path: Path, questionnaire: Questionnaire) -> None:
    """Write a profile file that :func:`load_profile` accepts, with the disclaimer first (the
    header's lines are checked to be comments only, so a system's name cannot add a key)."""
    write_versioned(
        profile, path, PROFILE_FILE, _file_checks(path, questionnaire), _header(profile)
    )


def load_listed_profile(path: Path, questionnaire: Questionnaire) -> Profile | None:
    """:func:`load_profile`, but None for a profile made for another questionnaire: a list of
    the profiles one can start from leaves those out instead of calling them broken."""
    other_questionnaire = False

    def checks(profile: Profile) -> list[Problem]:
        nonlocal other_questionnaire
        if profile.questionnaire != questionnaire.id:
            other_questionnaire = True
            return []
        return _file_checks(path, questionnaire)(profile)

    profile = read_versioned(path, PROFILE_FILE, checks)
    return None if other_questionnaire else profile


def _file_checks(path: Path, questionnaire: Questionnaire) -> Callable[[Profile], list[Problem]]:
    """The cross-checks of a profile kept in ``path``: :func:`check_profile`, and the id is
    the file's name (profiles are found by it)."""

    def checks(profile: Profile) -> list[Problem]:
        problems = list(check_profile(profile, questionnaire))
        if profile.id != path.stem:
            problems.append(
                Problem(
                    ("id",), f"{profile.id!r} must match the file name {path.stem!r}; rename one"
                )
            )
        return problems

    return checks


def check_profile(profile: Profile, questionnaire: Questionnaire) -> Iterator[Problem]:
    """Cross-checks: the questionnaire matches, every domain and practice is given, values fit."""
    if profile.questionnaire != questionnaire.id:
        yield Problem(
            ("questionnaire",),
            f"the profile is for questionnaire {profile.questionnaire!r}, not {questionnaire.id!r}",
        )
        return
    yield from _check_items("domains", profile.domains, list(questionnaire.domains))
    yield from _check_items("practices", profile.practices, questionnaire.practice_ids())
    for table, items in (("domains", profile.domains), ("practices", profile.practices)):
        for item_id, level in items.items():
            yield from _check_level(
                (table, item_id), level, allow_not_applicable=table == "practices"
            )
    for practice_id, practice in profile.practices.items():
        for number in practice.considerations:
            if number not in TARGET_LEVELS:
                location = ("practices", practice_id, "considerations", number)
                yield Problem(location, "level does not exist; use 1, 2, 3 or 4")


def _check_items(table: str, given: Mapping[str, object], expected: list[str]) -> Iterator[Problem]:
    for missing in [item_id for item_id in expected if item_id not in given]:
        yield Problem((table,), f"{missing} is missing; give every one of {', '.join(expected)}")
    for unknown in [item_id for item_id in given if item_id not in expected]:
        yield Problem((table, unknown), "no such id in the questionnaire; remove it")


def _check_level(
    location: tuple[str, ...], level: ProfileLevel, *, allow_not_applicable: bool
) -> Iterator[Problem]:
    if not level.applicable:
        if not allow_not_applicable:
            yield Problem(location, "a domain cannot be marked not applicable")
        elif level.comprehensiveness is not None or level.scope is not None:
            yield Problem(location, "a not-applicable practice takes no levels; remove them")
        return
    if level.comprehensiveness is None or level.scope is None:
        yield Problem(location, "comprehensiveness (1-4) and scope (1-3) are both needed")


def profile_settings(profile: Profile) -> dict[str, TargetSetting]:
    """The profile's values as target settings (origin ``profile``), by domain and practice id."""
    settings = {
        domain_id: TargetSetting(
            comprehensiveness=level.comprehensiveness,
            scope=level.scope,
            origin=Origin.PROFILE,
            reason=level.reason,
        )
        for domain_id, level in profile.domains.items()
    }
    for practice_id, practice in profile.practices.items():
        applicable = practice.applicable
        settings[practice_id] = TargetSetting(
            comprehensiveness=practice.comprehensiveness if applicable else None,
            scope=practice.scope if applicable else None,
            origin=Origin.PROFILE,
            reason=practice.reason,
        )
    return settings


def start_from_profile(session: TargetSession, profile: Profile) -> None:
    """Pre-fill a new target session with a profile: the interview then confirms or changes."""
    session.profile = profile.id
    session.profile_targets = profile_settings(profile)
    session.targets = {key: value.model_copy() for key, value in session.profile_targets.items()}


def answer_from_profile(
    questionnaire: Questionnaire, session: TargetSession, profile: Profile
) -> None:
    """Answer the context questions the profile settles (its sector and role), unless already
    answered, so that a target from a profile asks only what is left; each can be changed."""
    given = {SECTOR_QUESTION_ID: profile.industry, ROLE_QUESTION_ID: profile.role}
    for question_id, value in given.items():
        question = questionnaire.context_question(question_id)
        if value is None or question is None or question_id in session.answers:
            continue
        if value in {option.value for option in question.options}:
            note = f"From the profile {profile.name}"
            session.answers[question_id] = Answer(
                value=value, note=note, answered_at=session.created
            )


PROFILES_DIR_VARIABLE = "SMM_PROFILES_DIR"


def user_profiles_dir() -> Path:
    """Profiles of one's own (``smm profile save``): ``$SMM_PROFILES_DIR``, else ``./profiles``."""
    return Path(os.environ.get(PROFILES_DIR_VARIABLE) or "profiles")


def profile_paths() -> list[Path]:
    """Every profile smm can offer: one's own first, then the shipped ones."""
    folder = user_profiles_dir()
    found = status_of(folder, "the profiles folder ($SMM_PROFILES_DIR)")
    if found is None or not stat.S_ISDIR(found.st_mode):
        return shipped_profile_paths()
    remove_leftovers(folder)  # the folder is being listed: a good time to tidy it
    return sorted(folder.glob("*.toml")) + shipped_profile_paths()


def find_profile(reference: str, questionnaire: Questionnaire) -> Profile:
    """A profile by id (one's own, then the shipped ones) or by path."""
    if "/" in reference or reference.endswith(".toml"):
        return load_profile(Path(reference), questionnaire)
    for path in profile_paths():
        if path.stem == reference:
            return load_profile(path, questionnaire)
    raise InputError([f"{printable(reference)}: no such profile; see `smm profiles`"])


def profile_in_use(
    questionnaire: Questionnaire, targets: Sequence[TargetSession]
) -> Profile | None:
    """The first target's profile that names one, or None (also when it cannot be loaded)."""
    for session in targets:
        if session.profile is None:
            continue
        try:
            return find_profile(session.profile, questionnaire)
        except (InputError, OSError):
            return None
    return None


def profile_from_target(
    questionnaire: Questionnaire,
    session: TargetSession,
    levels: Mapping[str, TargetLevel],
    *,
    profile_id: str,
    base: Profile | None,
) -> Profile:
    """A finished target as a profile: its levels and reasons (and the base profile's notes)."""

    def level(item_id: str) -> dict[str, object]:
        target = levels[item_id]
        if item_id in questionnaire.domains and target.origin is Origin.INHERITED:
            target = _domain_level(questionnaire, levels, item_id)  # a domain with no goal
        reason = target.reason or f"Set in the target session {session.id}."
        if target.not_applicable:
            return {"applicable": False, "reason": reason}
        return {
            "comprehensiveness": target.comprehensiveness,
            "scope": target.scope,
            "reason": reason,
        }

    by = f" ({session.interviewee})" if session.interviewee else ""
    practices = {}
    for practice_id in questionnaire.practice_ids():
        considerations = base.practices[practice_id].considerations if base else {}
        practices[practice_id] = {**level(practice_id), "considerations": considerations}
    return Profile.model_validate(
        {
            "schema_version": PROFILE_SCHEMA_VERSION,
            "id": profile_id,
            "name": f"Target of {session.system}",
            "description": f"Saved from the target session {session.id}{by}.",
            "questionnaire": questionnaire.id,
            "domains": {domain_id: level(domain_id) for domain_id in questionnaire.domains},
            "practices": practices,
        }
    )


def _header(profile: Profile) -> str:
    """The profile's name and the disclaimer as comment lines: a line break or a control
    character in the name is escaped, so that it can neither end the comment nor break it."""
    return f"# {printable(profile.name)}\n# {DISCLAIMER}\n\n"


def _domain_level(
    questionnaire: Questionnaire, levels: Mapping[str, TargetLevel], domain_id: str
) -> TargetLevel:
    """A goal for a domain the target never set (an imported target sets practices only): the
    highest target among its practices, which a profile needs to start a target from."""
    practice_levels = [
        (target.comprehensiveness, target.scope or LOWEST_SCOPE)
        for subdomain_id in questionnaire.subdomain_ids(domain_id)
        for practice_id in questionnaire.practice_ids(subdomain_id)
        if (target := levels[practice_id]).comprehensiveness is not None
    ]
    comprehensiveness, scope = max(practice_levels, default=(LOWEST_TARGET, LOWEST_SCOPE))
    reason = "Not set in the target: the highest target among the domain's practices."
    return TargetLevel(comprehensiveness, scope, Origin.INHERITED, reason)
