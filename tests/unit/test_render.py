"""interview/render/: one source of words for every writer and the TUI, typed JSON outputs
that validate against their models, and JSON Schemas in docs/schemas/ that match the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview.plan import Progress
from interview.render import json_models
from interview.render.documents import DOCUMENTS
from interview.render.json_output import PROGRESS_IDS
from interview.render.schemas import SCHEMA_FOLDER, schema_text, write_schemas
from interview.render.words import GAP_LEGEND, LEVELS_LEGEND, NO_GAPS, ORIGIN_WORDS, origin_phrase
from interview.session.model import Origin
from tests.helpers.cli_gap import smm
from tests.helpers.report_plan import (
    compared,
    gap_html,
    gap_markdown,
    gap_text,
    rig_plan,
    write_pair,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def met(tmp_path: Path) -> Path:
    """``t`` and ``c`` of "Rig" where the current state meets the target everywhere."""
    folder = tmp_path / "sessions"
    rows = "D1.1,2,1,\nD1.2,2,1,\nF1.1,2,1,\n"
    write_pair(folder, tmp_path, rows, rows)
    return folder


def test_every_format_and_the_tui_say_no_gaps_in_the_same_words(met: Path) -> None:
    from interview.tui.widgets.gap.roadmap import roadmap_view

    report = compared(met)
    assert report.analysis.roadmap == []
    assert NO_GAPS in gap_text(report).splitlines()
    assert NO_GAPS in gap_markdown(report).splitlines()
    assert f"<p>{NO_GAPS}</p>" in gap_html(report)
    view = roadmap_view(report.analysis.roadmap)
    assert [str(renderable) for renderable in view.renderables] == [NO_GAPS]


def test_the_gap_legend_extends_the_levels_legend() -> None:
    assert GAP_LEGEND.startswith(LEVELS_LEGEND)


def test_the_tui_origin_words_are_the_reports_words() -> None:
    for origin, words in ORIGIN_WORDS.items():
        assert origin_phrase(origin).endswith(words)
    assert origin_phrase(Origin.PURPOSE) == "set by the practice purpose"
    assert origin_phrase(Origin.PROFILE) == "from the target profile"


def test_every_progress_has_one_json_spelling() -> None:
    assert set(PROGRESS_IDS) == set(Progress)
    assert PROGRESS_IDS[Progress.IN_PROGRESS] == "in-progress"  # as the plan file spells it


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_the_committed_schema_is_the_generated_one(name: str) -> None:
    committed = (ROOT / SCHEMA_FOLDER / f"{name}.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), "run: python -m interview.render.schemas"


def test_the_schema_script_writes_every_document(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(path.name for path in written) == sorted(f"{name}.json" for name in DOCUMENTS)
    schema = json.loads((tmp_path / "gap.json").read_text(encoding="utf-8"))
    assert "format_version" in schema["required"] or "format_version" in schema["properties"]


def test_each_json_output_validates_against_its_model(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rig_plan(folder)
    commands = {
        "gap": ["gap", "t", "c", "--format", "json"],
        "report": ["report", "t", "--format", "json"],
        "export": ["export", "c", "--format", "json"],
        "history": ["history", "Rig", "--format", "json"],
        "plan": ["plan", "show", "t", "c", "--json"],
        "list": ["list", "--json"],
        "show": ["show", "c", "--json"],
    }
    for name, arguments in commands.items():
        assert smm(folder, *arguments) == 0, name
        out = capsys.readouterr().out
        document = DOCUMENTS[name].model_validate_json(out)
        assert json.loads(out) == document.model_dump(mode="json", by_alias=True)
        assert json.loads(out)["format_version"] == json_models.FORMAT_VERSION


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """``t`` and ``c`` of "Rig", with gaps (as in test_report_plan)."""
    folder = tmp_path / "sessions"
    write_pair(
        folder, tmp_path, "D1.1,3,2,\nD1.2,2,1,\nF1.1,2,1,\n", "D1.1,1,1,\nD1.2,2,1,\nF1.1,0,,\n"
    )
    return folder
