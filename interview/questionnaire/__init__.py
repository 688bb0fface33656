"""The questionnaire: the SMM's hierarchy and questions as validated data."""

from interview.questionnaire.loader import (
    default_questionnaire_path,
    load_questionnaire,
    shipped_questionnaire_paths,
)
from interview.questionnaire.model import Questionnaire

__all__ = [
    "Questionnaire",
    "default_questionnaire_path",
    "load_questionnaire",
    "shipped_questionnaire_paths",
]
