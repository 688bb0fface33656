"""Session files: naming, round trips, resume from every phase, bad files, migration,
questionnaire changes and locking."""

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine import views
from interview.engine.interview import Interview
from interview.errors import InputError
from interview.filemodel import slug
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.migrations import MIGRATIONS
from interview.session.model import NO, YES, Phase, Session, SessionKind, new_session
from interview.session.store import SessionStore
from interview.temporaries import new_temporary

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def created(store: SessionStore, questionnaire: Questionnaire, kind: SessionKind) -> Session:
    session = new_session(
        questionnaire, kind, "Acme Gateway", interviewee="Dana", role="Lead", now=NOW
    )
    return store.create(session)


def interview_for(store: SessionStore, questionnaire: Questionnaire, session: Session) -> Interview:
    return Interview(questionnaire, session, on_change=store.save, clock=lambda: NOW)


def test_names_come_from_system_kind_and_date_and_are_unique(
    store: SessionStore, small: Questionnaire
) -> None:
    first = created(store, small, SessionKind.TARGET)
    second = created(store, small, SessionKind.TARGET)
    assert first.id == "acme-gateway-target-2026-11-25"
    assert second.id == "acme-gateway-target-2026-11-25-2"
    assert store.path_of(first.id).is_file()


def test_slug_is_safe_for_any_name() -> None:
    assert slug("Acme Gateway (v2)") == "acme-gateway-v2"
    assert slug("Zürich Wärmepumpe") == "zurich-warmepumpe"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("日本") == "system"


def test_round_trip_keeps_everything(store: SessionStore, small: Questionnaire) -> None:
    session = created(store, small, SessionKind.ASSESSMENT)
    interview = interview_for(store, small, session)
    interview.skip()
    interview.answer(YES, note="Line one\nline [two] \x1b[31m")
    loaded = store.load(session.id, small)
    assert loaded.notices == []
    assert loaded.session == session
    assert loaded.session.answers["D1.1.c1.1"].note == "Line one\nline [two] \x1b[31m"


def drive_to(phase: Phase, interview: Interview) -> None:
    """Answer yes or the first option until the interview reaches ``phase``."""
    while interview.phase is not phase:
        if interview.phase is Phase.PRACTICE_SUMMARY:
            interview.continue_interview()
        elif interview.phase is Phase.REVIEW:
            interview.finish_interview()
        else:
            prompt = interview.current()
            assert prompt is not None
            interview.answer(prompt.options[0].value if prompt.options else "text")


@pytest.mark.parametrize(
    ("kind", "phase"),
    [
        (kind, phase)
        for kind in SessionKind
        for phase in Phase
        # a target goes from practice to practice without a summary in between
        if (kind, phase) != (SessionKind.TARGET, Phase.PRACTICE_SUMMARY)
    ],
)
def test_resume_from_every_phase(
    store: SessionStore, small: Questionnaire, kind: SessionKind, phase: Phase
) -> None:
    session = created(store, small, kind)
    interview = interview_for(store, small, session)
    if phase is not Phase.CONTEXT:
        interview.answer("In scope: all")
    drive_to(phase, interview)
    before = (
        interview.phase,
        interview.current(),
        interview.session.cursor,
        views.progress(interview.questionnaire, interview.session),
    )

    resumed = interview_for(store, small, store.load(session.id, small).session)
    after = (
        resumed.phase,
        resumed.current(),
        resumed.session.cursor,
        views.progress(resumed.questionnaire, resumed.session),
    )
    assert after == before


def test_resume_after_a_change_of_mind_asks_the_same_question(
    store: SessionStore, small: Questionnaire
) -> None:
    session = created(store, small, SessionKind.ASSESSMENT)
    interview = interview_for(store, small, session)
    interview.answer("scope")
    interview.answer(YES)
    interview.back()
    resumed = interview_for(store, small, store.load(session.id, small).session)
    prompt = resumed.current()
    assert prompt is not None and prompt.question_id == "D1.1.c1.1"


def replacing(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(old, new)


KIND = 'kind = "assessment"'
BAD_SESSIONS: dict[str, tuple[Callable[[str], str], str]] = {
    "not TOML": (lambda text: text + "\n[[[", "not valid TOML"),
    "unknown key": (replacing(KIND, KIND + "\ncolour = 1"), "colour: unknown key"),
    "wrong type": (
        replacing('system = "Acme Gateway"', "system = 3"),
        "system: input should be a valid string",
    ),
    "unknown question": (
        replacing('[answers."D1.1.c1.1"]', '[answers."Z9.9.c1.1"]'),
        "answers.Z9.9.c1.1: no question",
    ),
    "invalid value": (
        replacing('value = "yes"', 'value = "perhaps"'),
        "'perhaps' is not an answer",
    ),
    "newer schema": (
        replacing("schema_version = 3", "schema_version = 9"),
        "newer than this smm reads",
    ),
    "bad kind": (
        replacing(KIND, 'kind = "wish"'),
        "kind: input should be 'target' or 'assessment'",
    ),
    "escaping target": (
        replacing(KIND, KIND + '\ntarget_session = "../../x"'),
        "target_session: '../../x' is not a valid id",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_SESSIONS))
def test_bad_session_files_are_refused_in_one_line_and_left_alone(
    store: SessionStore, small: Questionnaire, case: str
) -> None:
    session = created(store, small, SessionKind.ASSESSMENT)
    interview = interview_for(store, small, session)
    interview.answer("scope")
    interview.answer(YES)
    path = store.path_of(session.id)
    damage, expected = BAD_SESSIONS[case]
    damaged = damage(path.read_text())
    path.write_text(damaged)
    with pytest.raises(InputError) as raised:
        store.load(session.id, small)
    assert len(raised.value.lines) == 1
    assert raised.value.lines[0].startswith(str(path))
    assert expected in raised.value.lines[0]
    assert path.read_text() == damaged


@pytest.mark.parametrize("reference", ["..", "a..b", "a b", "-x", "", "x\x1b[2J"])
def test_ids_cannot_leave_the_sessions_folder(store: SessionStore, reference: str) -> None:
    with pytest.raises(InputError, match="not a session id"):
        store.resolve(reference)


def test_a_path_is_accepted_as_well_as_an_id(store: SessionStore, small: Questionnaire) -> None:
    session = created(store, small, SessionKind.TARGET)
    by_path = store.load(str(store.path_of(session.id)), small)
    assert by_path.session.id == session.id


def test_older_schema_versions_are_migrated(
    store: SessionStore, small: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-0 file (where the interviewee was one "name, role" string) is upgraded."""
    session = created(store, small, SessionKind.TARGET)
    path = store.path_of(session.id)
    text = path.read_text().replace("schema_version = 3", "schema_version = 0")
    text = text.replace('interviewee = "Dana"\nrole = "Lead"', 'interviewee = "Dana, Lead"')
    path.write_text(text)

    def split_interviewee(data: dict[str, object]) -> dict[str, object]:
        name, _, role = str(data.pop("interviewee")).partition(", ")
        return {**data, "interviewee": name, "role": role}

    monkeypatch.setitem(MIGRATIONS, 0, split_interviewee)
    loaded = store.load(session.id, small).session
    assert (loaded.interviewee, loaded.role, loaded.schema_version) == ("Dana", "Lead", 3)


def test_a_version_without_a_migration_is_refused(
    store: SessionStore, small: Questionnaire
) -> None:
    session = created(store, small, SessionKind.TARGET)
    path = store.path_of(session.id)
    path.write_text(path.read_text().replace("schema_version = 3", "schema_version = 0"))
    with pytest.raises(InputError, match="too old"):
        store.load(session.id, small)


def test_a_changed_questionnaire_keeps_what_still_fits(
    store: SessionStore, small: Questionnaire, small_questionnaire_path: Path, tmp_path: Path
) -> None:
    session = created(store, small, SessionKind.ASSESSMENT)
    interview = interview_for(store, small, session)
    interview.answer("scope")
    interview.answer(YES)  # D1.1.c1.1
    interview.answer("yes-more")  # D1.1.c2.1
    interview.answer(NO)  # D1.1.c3.1

    edited = tmp_path / "edited.toml"
    text = small_questionnaire_path.read_text().replace('version = "1"', 'version = "2"')
    edited.write_text(text.replace('"D1.1.c3.1"', '"D1.1.c3.9"'))
    changed = load_questionnaire(edited)

    loaded = store.load(session.id, changed)
    assert "D1.1.c3.1" not in loaded.session.answers
    assert loaded.session.answers["D1.1.c2.1"].value == "yes-more"
    assert loaded.session.questionnaire.version == "2"
    assert "version 1 → 2" in loaded.notices[0]
    assert "D1.1.c3.1" in loaded.notices[1]
    resumed = interview_for(store, changed, loaded.session)
    prompt = resumed.current()
    assert prompt is not None and prompt.question_id == "D1.1.c3.9"


def test_a_session_made_with_another_questionnaire_is_refused(
    store: SessionStore, small: Questionnaire, minimal_questionnaire_path: Path
) -> None:
    session = created(store, small, SessionKind.TARGET)
    with pytest.raises(InputError, match="made with questionnaire 'small'"):
        store.load(session.id, load_questionnaire(minimal_questionnaire_path))


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from interview.session.store import SessionStore
    store = SessionStore(Path(sys.argv[1]))
    session = store.read(sys.argv[2])
    with store.locked(session.id):
        print("locked", flush=True)
        time.sleep(60)
    """
)


def test_a_session_is_locked_against_a_second_process_until_it_dies(
    store: SessionStore, small: Questionnaire
) -> None:
    session = created(store, small, SessionKind.ASSESSMENT)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(store.folder), session.id],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(InputError, match="open in another smm"), store.locked(session.id):
            pass
    finally:
        holder.kill()  # SIGKILL: the holder gets no chance to clean up
        holder.wait()
    with store.locked(session.id):
        pass  # the dead process's lock did not survive it


def test_opening_a_session_removes_unfinished_saves_but_not_a_live_one(
    store: SessionStore, small: Questionnaire
) -> None:
    mine = created(store, small, SessionKind.ASSESSMENT)
    other = created(store, small, SessionKind.TARGET)
    left_by_a_kill = store.folder / f".{mine.id}.saving-k1ll3d00.tmp"
    left_by_a_kill.write_text("half a sess", encoding="utf-8")
    with new_temporary(store.folder, f".{other.id}.saving-") as (handle, being_saved):
        os.write(handle, b"half a sess")
        with store.locked(mine.id):
            assert not left_by_a_kill.exists()
        assert being_saved.exists()
        os.close(handle)
    assert store.session_files() == sorted([store.path_of(mine.id), store.path_of(other.id)])
