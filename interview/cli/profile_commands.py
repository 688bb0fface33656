"""``smm profiles`` and ``smm profile save``: the library of target profiles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interview.cli.output import json_text, table
from interview.errors import InputError, printable
from interview.files import make_folder, write_text_atomically
from interview.profiles import (
    DISCLAIMER,
    Profile,
    find_profile,
    load_profile,
    profile_from_target,
    profile_paths,
    profile_text,
    user_profiles_dir,
)
from interview.questionnaire import load_questionnaire
from interview.scoring import target_levels
from interview.session.model import Phase, SessionKind
from interview.session.store import SessionStore

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_profiles(arguments: argparse.Namespace) -> int:
    """The profiles, one line each: id, name, description; one's own first."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    profiles: list[tuple[Profile, Path]] = []
    problems: list[str] = []
    for path in profile_paths():
        try:
            profiles.append((load_profile(path, questionnaire), path))
        except InputError as error:
            problems += error.lines
    if arguments.json:
        print(json_text([_profile_json(profile, path) for profile, path in profiles]))
    else:
        rows = [[profile.id, profile.name, profile.description] for profile, _ in profiles]
        width = max([len(profile.id) for profile, _ in profiles] + [2])
        print("\n".join(table(["ID", "NAME", "DESCRIPTION"], rows, [width, 32, 60])))
        print(f"\n{DISCLAIMER}")
        print("Start a target from one with: smm new target --profile ID")
    for line in problems:
        print(f"smm: {line}", file=sys.stderr)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _profile_json(profile: Profile, path: Path) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": profile.name,
        "description": profile.description,
        "industry": profile.industry,
        "path": str(path),
        "disclaimer": DISCLAIMER,
    }


def run_profile_save(arguments: argparse.Namespace) -> int:
    """Write a finished target's levels and reasons as a profile file."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    session = SessionStore(arguments.sessions_dir).load(arguments.session, questionnaire).session
    if session.kind is not SessionKind.TARGET:
        raise InputError(
            [f"{session.id}: is a self-assessment; only a target can become a profile"]
        )
    if session.phase is not Phase.DONE and session.imported_from is None:
        raise InputError([f"{session.id}: is not finished; finish the target interview first"])
    base = find_profile(session.profile, questionnaire) if session.profile else None
    levels = target_levels(questionnaire, session.targets)
    try:
        profile = profile_from_target(
            questionnaire, session, levels, profile_id=arguments.id, base=base
        )
    except ValidationError:  # the id: the rest is made from a finished target
        raise InputError(
            [
                f"--id {printable(arguments.id)!r}: not a profile id; use letters, digits, '.', "
                "'_' or '-' (at most 64), starting with a letter or digit"
            ]
        ) from None
    output: Path = arguments.output or user_profiles_dir() / f"{profile.id}.toml"
    if output.exists():
        raise InputError([f"{printable(str(output))}: already exists; choose another --id or -o"])
    make_folder(output.parent)
    write_text_atomically(output, profile_text(profile))
    print(f"Saved profile {profile.id} to {printable(str(output))}")
    return EXIT_OK
