"""Loading questionnaire files: TOML in, a validated :class:`Questionnaire` out, or one line
per problem. Imports neither textual nor rich."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Final

from interview.files import read_text_file
from interview.questionnaire.cache import cached_questionnaire, store_questionnaire
from interview.questionnaire.checks import check_questionnaire
from interview.questionnaire.model import SCHEMA_VERSION, Questionnaire
from interview.tomlfile import TomlDocument, read_toml
from interview.versioned import FileKind, parse_versioned

DEFAULT_QUESTIONNAIRE = "iic-smm.toml"


def shipped_questionnaire_dir() -> Path:
    """Where the questionnaires that come with smm are.

    An installed wheel carries them inside the package (``interview/data/questionnaires``);
    a source checkout (editable install) has them at the top of the repository.
    """
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "data" / "questionnaires"
    return installed if installed.is_dir() else package_dir.parent / "questionnaires"


def default_questionnaire_path() -> Path:
    """The IIC SMM questionnaire that smm uses unless told otherwise."""
    return shipped_questionnaire_dir() / DEFAULT_QUESTIONNAIRE


def shipped_questionnaire_paths() -> list[Path]:
    """Every questionnaire file that comes with smm (profiles are not questionnaires)."""
    return sorted(shipped_questionnaire_dir().glob("*.toml"))


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """Read, validate and cross-check a questionnaire; raise InputError naming each problem.

    A file that passed before comes from the cache of checked questionnaires instead.
    """
    path = path or default_questionnaire_path()
    text = read_text_file(path, "questionnaire")
    cached = cached_questionnaire(text)
    if cached is not None:
        return cached
    questionnaire = _checked_questionnaire(read_toml(path, "questionnaire", text))
    store_questionnaire(text, questionnaire)
    return questionnaire


QUESTIONNAIRE_FILE: Final = FileKind(
    name="questionnaire",
    model=Questionnaire,
    version=SCHEMA_VERSION,
    markers=frozenset({"schema_version", "domains", "practices"}),
    foreign={"answers": "a session's", "items": "a plan's"},
    advice="see docs/QUESTIONNAIRE.md",
    unreadable={
        1: "is smm 0.1's format, whose answer options have no id; give every option of a choice "
        'or needs question an id and set schema_version = 2 (docs/QUESTIONNAIRE.md, "Upgrading '
        'from format 1")'
    },
)


def _checked_questionnaire(document: TomlDocument) -> Questionnaire:
    questionnaire = parse_versioned(document, QUESTIONNAIRE_FILE, check_questionnaire)
    questionnaire._content_hash = content_hash(questionnaire)
    return questionnaire


def content_hash(questionnaire: Questionnaire) -> str:
    """SHA-256 of the questionnaire's content: comments and layout do not change it."""
    canonical = json.dumps(questionnaire.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
