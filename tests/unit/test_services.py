"""The application layer: one way to list, open, start and compare, for both front ends."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from interview.errors import InputError
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.services import Workspace
from interview.services.comparison import gap, set_plan_item
from interview.services.records import accept, import_levels
from interview.session.model import SessionKind
from interview.session.store import LoadedSession, SessionStore

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LEVELS = "practice,comprehensiveness,scope,note\nD1.1,{0},1,\nD1.2,2,1,\nF1.1,1,1,\n"


@pytest.fixture
def workspace(tmp_path: Path, small_questionnaire_path: Path) -> Workspace:
    small: Questionnaire = load_questionnaire(small_questionnaire_path)
    return Workspace(small, SessionStore(tmp_path / "sessions"), clock=lambda: WHEN)


def imported(
    workspace: Workspace, tmp_path: Path, kind: SessionKind, who: str, system: str, first: int
) -> str:
    levels = tmp_path / f"{who}.csv"
    levels.write_text(LEVELS.format(first))
    return import_levels(workspace, levels, kind, system, session_id=who, interviewee=who).id


def test_open_takes_the_lock_before_it_reads(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = workspace.start(SessionKind.TARGET, "Lab rig")
    lock_file = workspace.folder / f".{session.id}.lock"
    real_load = workspace.load

    def load_and_check(reference: str) -> LoadedSession:
        with pytest.raises(Timeout):  # held already by open(), so no one can save meanwhile
            FileLock(lock_file).acquire(timeout=0)
        return real_load(reference)

    monkeypatch.setattr(workspace, "load", load_and_check)  # a spy on the order
    with workspace.open(session.id) as loaded:
        assert loaded.session.id == session.id


def test_open_refuses_a_session_held_elsewhere(workspace: Workspace) -> None:
    session = workspace.start(SessionKind.TARGET, "Lab rig")
    with (
        workspace.store.locked(session.id),
        pytest.raises(InputError, match="open in another smm"),
        workspace.open(session.id),
    ):
        pass


def test_listing_is_most_recent_first_and_names_unreadable_files(workspace: Workspace) -> None:
    first = workspace.start(SessionKind.TARGET, "Lab rig")
    workspace.clock = lambda: WHEN.replace(hour=10)
    second = workspace.start(SessionKind.ASSESSMENT, "Lab rig")
    (workspace.folder / "broken.toml").write_text("schema_version = [")
    listing = workspace.list_sessions()
    assert [summary.id for summary in listing.summaries] == [second.id, first.id]
    assert len(listing.problems) == 1 and "broken.toml" in listing.problems[0]
    assert workspace.most_recent_unfinished() == second.id


def test_start_refuses_a_target_that_is_not_one_before_creating_anything(
    workspace: Workspace, tmp_path: Path
) -> None:
    assessment = imported(workspace, tmp_path, SessionKind.ASSESSMENT, "ana", "Lab rig", 1)
    with pytest.raises(InputError, match="not a target"):
        workspace.start(SessionKind.ASSESSMENT, "Lab rig", target_id=assessment)
    assert [path.stem for path in workspace.store.session_files()] == ["ana"]


def test_gap_merges_every_assessment_and_warns_of_other_systems(
    workspace: Workspace, tmp_path: Path
) -> None:
    target = imported(workspace, tmp_path, SessionKind.TARGET, "goal", "Lab rig", 3)
    ana = imported(workspace, tmp_path, SessionKind.ASSESSMENT, "ana", "Lab rig", 1)
    ben = imported(workspace, tmp_path, SessionKind.ASSESSMENT, "ben", "Other rig", 3)
    result = gap(workspace, [target], [ana, ben])
    assert result.report.sides.current.several
    assert [session.id for session in result.currents] == ["ana", "ben"]
    assert len(result.warnings) == 1 and "different systems" in result.warnings[0]


def test_gap_refuses_a_session_given_twice_and_a_wrong_kind(
    workspace: Workspace, tmp_path: Path
) -> None:
    target = imported(workspace, tmp_path, SessionKind.TARGET, "goal", "Lab rig", 3)
    ana = imported(workspace, tmp_path, SessionKind.ASSESSMENT, "ana", "Lab rig", 1)
    with pytest.raises(InputError, match="given twice"):
        gap(workspace, [target], [ana, ana])
    with pytest.raises(InputError, match="CURRENT must be a self-assessment"):
        gap(workspace, [target], [target])


def test_a_damaged_plan_is_a_warning_in_the_gap_not_a_failure(
    workspace: Workspace, tmp_path: Path
) -> None:
    target = imported(workspace, tmp_path, SessionKind.TARGET, "goal", "Lab rig", 3)
    ana = imported(workspace, tmp_path, SessionKind.ASSESSMENT, "ana", "Lab rig", 1)
    saved = set_plan_item(workspace, "Lab rig", "D1.1", owner="Ana")
    saved.path.write_text("schema_version = 1\nsystem = 3\n")
    result = gap(workspace, [target], [ana])
    assert result.plan is None
    assert any(line.startswith("the plan is left out:") for line in result.warnings)


def test_accept_is_refused_for_an_unfinished_assessment(workspace: Workspace) -> None:
    session = workspace.start(SessionKind.ASSESSMENT, "Lab rig")
    with pytest.raises(InputError, match="only a finished self-assessment"):
        accept(workspace, session.id)


def test_every_save_writes_the_levels_derived_from_the_record(
    workspace: Workspace, small_questionnaire_path: Path
) -> None:
    """A target started from a profile has levels before its first answer; a hand-edited
    level is rewritten from the record at the next save."""
    profile = small_questionnaire_path.parent.parent / "profiles" / "small-lab.toml"
    session = workspace.start(SessionKind.TARGET, "Lab rig", profile_id=str(profile))
    written = workspace.store.read(session.id)
    assert written.levels["D1.1"].origin.value == "profile"
    written.levels["D1.1"].comprehensiveness = 1  # as if edited by hand
    workspace.save(written)
    assert workspace.store.read(session.id).levels == session.levels
