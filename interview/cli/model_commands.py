"""``smm model`` and ``smm validate``: the questionnaire, shown and checked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from interview.cli.exit_codes import ExitCode
from interview.errors import InputError, printable
from interview.formatting import plural
from interview.profiles import load_profile, profile_paths
from interview.questionnaire import Questionnaire, load_questionnaire, shipped_questionnaire_paths
from interview.questionnaire.levels import COMPREHENSIVENESS_NAMES, SCOPE_NAMES
from interview.render.catalogue_models import ModelJson
from interview.render.plain import json_text
from interview.tomlfile import read_toml


def run_model(arguments: argparse.Namespace) -> int:
    """Print the hierarchy as a tree, or as JSON."""
    questionnaire = load_questionnaire(arguments.questionnaire)
    if arguments.format == "json":
        print(
            json_text(
                ModelJson.model_validate(model_as_json(questionnaire)).model_dump(mode="json")
            )
        )
    else:
        print("\n".join(model_tree_lines(questionnaire)))
    return ExitCode.OK


def model_as_json(questionnaire: Questionnaire) -> dict[str, Any]:
    """The hierarchy as plain data: ids, names, purposes and each level's objective."""
    return {
        "questionnaire": {
            "id": questionnaire.id,
            "version": questionnaire.version,
            "title": questionnaire.title,
            "content_hash": questionnaire.content_hash,
        },
        "comprehensiveness_levels": {str(n): name for n, name in COMPREHENSIVENESS_NAMES.items()},
        "scope_levels": {str(n): name for n, name in SCOPE_NAMES.items()},
        "domains": [
            {
                "id": did,
                "name": domain.name,
                "purpose": domain.purpose,
                "subdomains": [
                    _subdomain_as_json(questionnaire, sid)
                    for sid in questionnaire.subdomain_ids(did)
                ],
            }
            for did, domain in questionnaire.domains.items()
        ],
    }


def _subdomain_as_json(questionnaire: Questionnaire, subdomain_id: str) -> dict[str, Any]:
    subdomain = questionnaire.subdomains[subdomain_id]
    return {
        "id": subdomain_id,
        "name": subdomain.name,
        "purpose": subdomain.purpose,
        "practices": [
            _practice_as_json(questionnaire, pid)
            for pid in questionnaire.practice_ids(subdomain_id)
        ],
    }


def _practice_as_json(questionnaire: Questionnaire, practice_id: str) -> dict[str, Any]:
    practice = questionnaire.practices[practice_id]
    return {
        "id": practice_id,
        "name": practice.name,
        "purpose": practice.purpose,
        "levels": {
            str(number): {"name": COMPREHENSIVENESS_NAMES[number], "objective": level.objective}
            for number, level in sorted(practice.levels.items())
        },
    }


def model_tree_lines(questionnaire: Questionnaire) -> list[str]:
    """The hierarchy drawn as a tree, one line per domain, sub-domain and practice."""
    counts = ", ".join(
        [
            plural(len(questionnaire.domains), "domain"),
            plural(len(questionnaire.subdomains), "sub-domain"),
            plural(len(questionnaire.practices), "practice"),
        ]
    )
    title = f"{questionnaire.title} (questionnaire {questionnaire.id} {questionnaire.version})"
    lines = [f"{title}: {counts}"]
    for did, domain in questionnaire.domains.items():
        lines.append(f"{did}  {domain.name}")
        subdomain_ids = questionnaire.subdomain_ids(did)
        for sub_index, sid in enumerate(subdomain_ids):
            last_subdomain = sub_index == len(subdomain_ids) - 1
            lines.append(
                f"{'└─' if last_subdomain else '├─'} {sid}  {questionnaire.subdomains[sid].name}"
            )
            practice_ids = questionnaire.practice_ids(sid)
            for index, pid in enumerate(practice_ids):
                branch = "└─" if index == len(practice_ids) - 1 else "├─"
                stem = "   " if last_subdomain else "│  "
                lines.append(f"{stem}{branch} {pid}  {questionnaire.practices[pid].name}")
    return [printable(line) for line in lines]


def run_validate(arguments: argparse.Namespace) -> int:
    """Check each file; report every problem; exit 2 when any file is invalid."""
    paths: list[Path] = arguments.files or [*shipped_questionnaire_paths(), *profile_paths()]
    if not paths:
        raise InputError(["no questionnaire files to check; name one"])
    invalid = 0
    for path in paths:
        try:
            summary = _validate_one(path, arguments.questionnaire)
        except InputError as error:
            invalid += 1
            for line in error.lines:
                print(f"smm: {line}", file=sys.stderr)
            continue
        print(printable(f"{path}: valid ({summary})"))
    return ExitCode.BAD_INPUT if invalid else ExitCode.OK


def _validate_one(path: Path, questionnaire_path: Path | None) -> str:
    """Check a questionnaire, or a profile against the questionnaire (``--questionnaire``)."""
    if not _is_profile(path):
        return _questionnaire_summary(load_questionnaire(path))
    profile = load_profile(path, load_questionnaire(questionnaire_path))
    practices = plural(len(profile.practices), "practice")
    return f"profile {profile.id} for {profile.questionnaire}: {practices}"


def _is_profile(path: Path) -> bool:
    """A profile names its questionnaire in a top-level string; a questionnaire does not."""
    try:  # read bounded, like every input file: /dev/zero or a pipe must not hang smm
        data = read_toml(path, "questionnaire").data
    except InputError:
        return False  # the questionnaire loader reports the problem properly
    return isinstance(data.get("questionnaire"), str)


def _questionnaire_summary(questionnaire: Questionnaire) -> str:
    questions = sum(
        len(level.questions)
        for practice in questionnaire.practices.values()
        for level in practice.levels.values()
    )
    practices = plural(len(questionnaire.practices), "practice")
    return (
        f"{questionnaire.id} {questionnaire.version}: {practices}, "
        f"{plural(questions, 'assessment question')}"
    )
