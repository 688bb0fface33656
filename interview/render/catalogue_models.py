"""The JSON of the commands that show what smm ships or knows rather than a session:
``smm profiles``, ``smm model`` and ``smm questions`` (``--format json``), as typed output
models with ``format_version`` like every other document (json_models.py)."""

from __future__ import annotations

from typing import Literal

from interview.render.json_models import FORMAT_VERSION, FormatVersion, Output

# --- smm profiles ----------------------------------------------------------------------------


class ListedProfile(Output):
    id: str
    name: str
    description: str
    industry: str | None
    """The questionnaire's industry value the profile suits; null: any."""
    path: str
    """The profile's file."""
    disclaimer: str
    """Profiles are illustrative starting points, not requirements: shown with each."""


class ProfileListJson(Output):
    """``smm profiles --format json``: the profiles for this questionnaire, one's own first."""

    format_version: FormatVersion = FORMAT_VERSION
    profiles: list[ListedProfile]


# --- smm model -------------------------------------------------------------------------------


class QuestionnaireTitle(Output):
    id: str
    version: str
    title: str
    content_hash: str


class LevelObjective(Output):
    name: str
    """The comprehensiveness level's name (e.g. "Consistent")."""
    objective: str


class ModelPractice(Output):
    id: str
    name: str
    purpose: str
    levels: dict[str, LevelObjective]
    """By comprehensiveness level, "1" to "4"."""


class ModelSubdomain(Output):
    id: str
    name: str
    purpose: str
    practices: list[ModelPractice]


class ModelDomain(Output):
    id: str
    name: str
    purpose: str
    subdomains: list[ModelSubdomain]


class ModelJson(Output):
    """``smm model --format json``: the model's hierarchy with each level's objective."""

    format_version: FormatVersion = FORMAT_VERSION
    questionnaire: QuestionnaireTitle
    comprehensiveness_levels: dict[str, str]
    scope_levels: dict[str, str]
    domains: list[ModelDomain]


# --- smm questions ---------------------------------------------------------------------------


class AllowedAnswer(Output):
    id: str
    label: str


class ListedQuestion(Output):
    question_id: str
    practice_id: str | None
    kind: Literal["text", "choice", "multi_choice"]
    text: str
    answers: list[AllowedAnswer]
    """Empty for a question answered with text."""
    required: bool
    asked: str
    """When the interview asks it, in words."""
    domain_id: str | None
    level: int | None
    """The comprehensiveness level a self-assessment question tests."""
    evidence: str


class QuestionListJson(Output):
    """``smm questions --format json``: every question of one kind, in the order asked."""

    format_version: FormatVersion = FORMAT_VERSION
    questions: list[ListedQuestion]
