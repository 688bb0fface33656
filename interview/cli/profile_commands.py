"""``smm profiles`` and ``smm profile save``: the library of target profiles."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from interview.cli.exit_codes import ExitCode
from interview.cli.output import output_width, workspace_of
from interview.errors import printable
from interview.profiles import DISCLAIMER, Profile
from interview.render.catalogue_models import ListedProfile, ProfileListJson
from interview.render.plain import json_text, table
from interview.services.records import save_profile


def run_profiles(arguments: argparse.Namespace) -> int:
    """The profiles, one line each: id, name, description; one's own first."""
    library = workspace_of(arguments).profiles()
    profiles, problems = library.profiles, library.problems
    if arguments.format == "json":
        listed = [_profile_json(profile, path) for profile, path in profiles]
        print(json_text(ProfileListJson(profiles=listed).model_dump(mode="json")))
    else:
        rows = [[profile.id, profile.name, profile.description] for profile, _ in profiles]
        width = max([len(profile.id) for profile, _ in profiles] + [2])
        print(
            "\n".join(table(["ID", "NAME", "DESCRIPTION"], rows, [width, 32, 60], output_width()))
        )
        print("\n" + textwrap.fill(DISCLAIMER, output_width()))
        print("Start a target from one with: smm new target --profile ID")
        if library.other_questionnaires:
            print(_left_out(library.other_questionnaires))
    for line in problems:
        print(f"smm: {line}", file=sys.stderr)
    return ExitCode.BAD_INPUT if problems else ExitCode.OK


def _left_out(count: int) -> str:
    files = "1 profile file is" if count == 1 else f"{count} profile files are"
    return f"({files} for another questionnaire and left out.)"


def _profile_json(profile: Profile, path: Path) -> ListedProfile:
    return ListedProfile(
        id=profile.id,
        name=profile.name,
        description=profile.description,
        industry=profile.industry,
        path=str(path),
        disclaimer=DISCLAIMER,
    )


def run_profile_save(arguments: argparse.Namespace) -> int:
    """Write a finished target's levels and reasons as a profile file."""
    workspace = workspace_of(arguments)
    profile, path = save_profile(workspace, arguments.session, arguments.id, arguments.output)
    print(f"Saved profile {profile.id} to {printable(str(path))}")
    return ExitCode.OK
