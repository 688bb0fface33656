"""File format 3: a session is a target or an assessment, told apart by ``kind``; an imported
assessment's levels are in ``imported_levels``; ``levels`` is derived, never read back."""

import tomllib
from pathlib import Path

import pytest
import tomli_w

from interview.cli import main
from interview.engine import views
from interview.errors import InputError
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.scoring import current_levels_of
from interview.session.migrations import v2_to_v3
from interview.session.model import AssessmentSession, TargetSession
from interview.session.store import SessionStore

DATA = Path(__file__).parent.parent / "data"
SMALL = DATA / "questionnaires" / "small.toml"
V1_SESSIONS = DATA / "v1" / "sessions"


@pytest.fixture
def small() -> Questionnaire:
    return load_questionnaire(SMALL)


def imported(folder: Path, kind: str) -> Path:
    """A session imported from the CSV of this kind, as `smm import` writes it."""
    csv = DATA / "csv" / f"{kind}.csv"
    arguments = ["import", str(csv), "--kind", kind, "--id", "rig", "--system", "Rig"]
    assert main([*arguments, "--questionnaire", str(SMALL), "--sessions-dir", str(folder)]) == 0
    return folder / "rig.toml"


def rewritten(path: Path, **changes: object) -> None:
    data = tomllib.loads(path.read_text("utf-8"))
    path.write_text(tomli_w.dumps({**data, **changes}), "utf-8")


def test_an_imported_assessment_keeps_its_levels_in_their_own_field(
    tmp_path: Path, small: Questionnaire
) -> None:
    path = imported(tmp_path, "assessment")
    session = SessionStore(tmp_path).read("rig")
    assert isinstance(session, AssessmentSession)
    assert session.imported_levels["D1.2"].comprehensiveness == 1
    assert session.imported_levels["D1.2"].scope == 2
    assert '[imported_levels."D1.2"]' in path.read_text("utf-8")


def test_levels_written_for_readers_are_not_read_back_as_the_record(
    tmp_path: Path, small: Questionnaire
) -> None:
    path = imported(tmp_path, "assessment")
    data = tomllib.loads(path.read_text("utf-8"))
    data["levels"]["D1.2"]["comprehensiveness"] = 4  # edited by hand: not the record
    path.write_text(tomli_w.dumps(data), "utf-8")
    session = SessionStore(tmp_path).load("rig", small).session
    assert isinstance(session, AssessmentSession)
    assert current_levels_of(small, session)["D1.2"].comprehensiveness == 1
    assert views.level_records(small, session)["D1.2"].comprehensiveness == 1


def test_imported_levels_of_a_practice_that_is_gone_are_dropped_and_the_file_still_reads(
    tmp_path: Path, small: Questionnaire
) -> None:
    imported(tmp_path, "assessment")
    text = SMALL.read_text("utf-8").replace('"D1.2"', '"D1.3"')
    (tmp_path / "renamed.toml").write_text(text, "utf-8")
    renamed = load_questionnaire(tmp_path / "renamed.toml")
    store = SessionStore(tmp_path)
    session = store.load("rig", renamed).session
    assert isinstance(session, AssessmentSession)
    assert "D1.2" not in session.imported_levels and "D1.1" in session.imported_levels
    store.save(session)
    again = store.load("rig", renamed)
    assert again.notices == [] and again.session == session


def test_a_target_with_an_assessments_key_is_refused_in_one_line(tmp_path: Path) -> None:
    path = imported(tmp_path, "target")
    rewritten(path, accepted_as_baseline="2026-12-01T09:00:00Z")
    with pytest.raises(InputError) as raised:
        SessionStore(tmp_path).read("rig")
    [line] = raised.value.lines
    assert line.startswith(f"{path}:")
    assert line.endswith(
        ": accepted_as_baseline: an assessment's key, not a target session's; remove it"
    )


def test_an_assessment_with_a_targets_key_is_refused_in_one_line(tmp_path: Path) -> None:
    path = imported(tmp_path, "assessment")
    rewritten(path, profile="acme")
    with pytest.raises(InputError) as raised:
        SessionStore(tmp_path).read("rig")
    [line] = raised.value.lines
    assert line.startswith(f"{path}:")
    assert line.endswith(": profile: a target's key, not an assessment session's; remove it")


def test_imported_levels_without_a_source_are_refused(tmp_path: Path) -> None:
    path = imported(tmp_path, "assessment")
    data = tomllib.loads(path.read_text("utf-8"))
    del data["imported_from"]
    path.write_text(tomli_w.dumps(data), "utf-8")
    with pytest.raises(InputError) as raised:
        SessionStore(tmp_path).read("rig")
    assert len(raised.value.lines) == 1
    assert (
        "imported_levels: imported_levels are only for an imported assessment"
        in (raised.value.lines[0])
    )


def test_the_type_of_a_session_has_only_its_kinds_fields() -> None:
    assert "previous_answers" not in TargetSession.model_fields
    assert "accepted_as_baseline" not in TargetSession.model_fields
    assert "targets" not in AssessmentSession.model_fields
    assert "profile_targets" not in AssessmentSession.model_fields


# --- Format 2 → 3 ---------------------------------------------------------------------------


def v2_file() -> dict[str, object]:
    """The keys format 2 wrote into every session file, whatever its kind."""
    return {"schema_version": 2, "targets": {}, "previous_answers": {}, "profile_targets": {}}


def test_v2_writes_the_other_kinds_empty_tables_which_v3_drops() -> None:
    target = v2_to_v3({**v2_file(), "kind": "target", "levels": {"G1.1": {"origin": "goal"}}})
    assert target.keys() == {"schema_version", "kind", "targets", "profile_targets", "levels"}
    assessment = v2_to_v3({**v2_file(), "kind": "assessment", "target_session": "t"})
    assert assessment.keys() == {"schema_version", "kind", "previous_answers", "target_session"}


def test_v2_imported_levels_move_to_their_own_field() -> None:
    levels = {"G1.1": {"comprehensiveness": 2, "origin": "imported"}}
    migrated = v2_to_v3(
        {**v2_file(), "kind": "assessment", "imported_from": "a.csv", "levels": levels}
    )
    assert migrated["imported_levels"] == levels


def test_an_interviewed_assessments_levels_stay_derived() -> None:
    levels = {"G1.1": {"comprehensiveness": 2, "origin": "assessed"}}
    migrated = v2_to_v3({**v2_file(), "kind": "assessment", "levels": levels})
    assert "imported_levels" not in migrated


def test_a_v2_target_with_an_assessments_value_is_refused_in_one_line(tmp_path: Path) -> None:
    source = (V1_SESSIONS / "acme-pump-target-2026-11-25.toml").read_text("utf-8")
    path = tmp_path / "pump.toml"
    path.write_text(
        source.replace("skipped = []", 'skipped = []\nprevious_session = "old"', 1), "utf-8"
    )
    with pytest.raises(InputError) as raised:
        SessionStore(tmp_path).read("pump")
    assert raised.value.lines == [
        f"{path}: previous_session: an assessment's key holds a value in a target session; "
        "remove it (or change kind) to read this file"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kind": "wish"}, "kind: input should be 'target' or 'assessment'; correct the value"),
        ({"kind": None}, "kind: input should be 'target' or 'assessment'; required key is"),
    ],
)
def test_a_session_of_no_known_kind_is_refused_in_one_line(
    tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    path = imported(tmp_path, "target")
    data = {**tomllib.loads(path.read_text("utf-8")), **change}
    path.write_text(tomli_w.dumps({k: v for k, v in data.items() if v is not None}), "utf-8")
    with pytest.raises(InputError) as raised:
        SessionStore(tmp_path).read("rig")
    [line] = raised.value.lines
    assert line.startswith(f"{path}") and expected in line
