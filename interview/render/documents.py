"""Every JSON document smm prints, by the name of its schema file in docs/schemas/."""

from __future__ import annotations

from interview.render.catalogue_models import ModelJson, ProfileListJson, QuestionListJson
from interview.render.json_models import (
    ExportJson,
    GapJson,
    HistoryJson,
    Output,
    PlanJson,
    SessionReportJson,
)
from interview.render.session_models import SessionListJson, SessionShowJson

DOCUMENTS: dict[str, type[Output]] = {
    "gap": GapJson,
    "report": SessionReportJson,
    "export": ExportJson,
    "history": HistoryJson,
    "plan": PlanJson,
    "list": SessionListJson,
    "show": SessionShowJson,
    "profiles": ProfileListJson,
    "model": ModelJson,
    "questions": QuestionListJson,
}
