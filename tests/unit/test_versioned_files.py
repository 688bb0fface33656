"""One versioned reader and writer for every kind of file: newer files ask for an upgrade, a
file of another kind is named as such, levels are strict integers, and no writer writes what
its reader would refuse."""

from collections.abc import Callable
from pathlib import Path

import pytest

from interview.cli import main
from interview.errors import InputError
from interview.plan import Plan, load_plan, plan_path, save_plan, update_item
from interview.profiles import load_profile, write_profile
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import Origin, SessionKind, TargetSetting, as_target, new_session
from interview.session.store import SessionStore

DATA = Path(__file__).parent.parent / "data"
SMALL = DATA / "questionnaires" / "small.toml"
SMALL_LAB = DATA / "profiles" / "small-lab.toml"


@pytest.fixture
def small() -> Questionnaire:
    return load_questionnaire(SMALL)


def saved_plan(folder: Path) -> Path:
    plan = Plan(system="Rig")
    update_item(plan, "D1.1", owner="Ana")
    return save_plan(folder, plan)


def copied(source: Path, folder: Path, edit: Callable[[str], str] = lambda text: text) -> Path:
    copy = folder / source.name
    copy.write_text(edit(source.read_text("utf-8")), "utf-8")
    return copy


def newer(text: str) -> str:
    return text.replace("schema_version = 1", "schema_version = 2", 1)


def test_a_newer_plan_asks_for_an_upgrade(tmp_path: Path) -> None:
    path = saved_plan(tmp_path)
    path.write_text(newer(path.read_text("utf-8")), "utf-8")
    with pytest.raises(InputError) as raised:
        load_plan(tmp_path, "Rig")
    assert raised.value.lines == [
        f"{path}:3: schema_version: 2 is newer than this smm reads (1); upgrade smm"
    ]


def test_a_newer_profile_asks_for_an_upgrade(tmp_path: Path, small: Questionnaire) -> None:
    path = copied(SMALL_LAB, tmp_path, newer)
    with pytest.raises(InputError) as raised:
        load_profile(path, small)
    assert raised.value.lines == [
        f"{path}:2: schema_version: 2 is newer than this smm reads (1); upgrade smm"
    ]


def test_smm_plan_set_says_upgrade_for_a_newer_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions"
    imported = ["import", str(DATA / "csv" / "assessment.csv"), "--kind", "assessment"]
    options = ["--questionnaire", str(SMALL), "--sessions-dir", str(folder)]
    assert main([*imported, "--system", "Rig", "--id", "rig", *options]) == 0
    path = saved_plan(folder)
    path.write_text(newer(path.read_text("utf-8")), "utf-8")
    capsys.readouterr()
    assert main(["plan", "set", "rig", "D1.1", "--owner", "Bo", *options]) == 2
    assert (
        capsys.readouterr().err.rstrip().endswith("is newer than this smm reads (1); upgrade smm")
    )


def test_a_file_of_another_kind_is_named_as_such(tmp_path: Path, small: Questionnaire) -> None:
    store = SessionStore(tmp_path)
    session = store.create(new_session(small, SessionKind.TARGET, "Rig", now=None))
    with pytest.raises(InputError, match=r"not a profile file \(its answers table is a session's"):
        load_profile(store.path_of(session.id), small)
    with pytest.raises(InputError, match=r"not a session file \(its practices table is a profile"):
        store.read(str(SMALL_LAB))
    plan = plan_path(tmp_path, "Rig")
    plan.parent.mkdir()
    plan.write_text(SMALL_LAB.read_text("utf-8"), "utf-8")
    with pytest.raises(InputError, match=r"not a plan file \(its practices table is a profile"):
        load_plan(tmp_path, "Rig")


@pytest.mark.parametrize("value", ["true", '"3"', "3.0"])
def test_levels_in_a_profile_are_strict_integers(
    tmp_path: Path, small: Questionnaire, value: str
) -> None:
    path = copied(SMALL_LAB, tmp_path, lambda text: text.replace("= 3\n", f"= {value}\n", 1))
    with pytest.raises(InputError) as raised:
        load_profile(path, small)
    assert raised.value.lines[0].startswith(
        f"{path}:9: domains.D.comprehensiveness: input should be a valid integer"
    )


@pytest.mark.parametrize("value", ["true", '"2"', "2.0"])
def test_levels_in_a_session_are_strict_integers(tmp_path: Path, value: str) -> None:
    folder = tmp_path / "sessions"
    imported = ["import", str(DATA / "csv" / "target.csv"), "--kind", "target", "--id", "rig"]
    assert main([*imported, "--system", "Rig", "--questionnaire", str(SMALL),
                 "--sessions-dir", str(folder)]) == 0  # fmt: skip
    store = SessionStore(folder)
    path = store.path_of("rig")
    text = path.read_text("utf-8")
    assert "scope = 2\n" in text
    start = text.index("[targets.")  # the record, not the levels derived for readers
    changed = text[start:].replace("scope = 2\n", f"scope = {value}\n", 1)
    path.write_text(text[:start] + changed, "utf-8")
    with pytest.raises(InputError, match=r"targets\.D1\.1\.scope: input should be a valid integer"):
        store.read("rig")


@pytest.mark.parametrize("value", ["true", '"3"', "3.0"])
def test_levels_in_a_questionnaire_are_strict_integers(tmp_path: Path, value: str) -> None:
    path = copied(SMALL, tmp_path, lambda text: text.replace("level = 3 }", f"level = {value} }}"))
    with pytest.raises(InputError, match=r"\.level: input should be a valid integer"):
        load_questionnaire(path)


def test_the_store_refuses_to_save_a_session_it_could_not_read_back(
    tmp_path: Path, small: Questionnaire
) -> None:
    store = SessionStore(tmp_path)
    session = as_target(store.create(new_session(small, SessionKind.TARGET, "Rig", now=None)))
    before = store.path_of(session.id).read_bytes()
    session.targets["D"] = TargetSetting(comprehensiveness=3, scope=2, origin=Origin.GOAL)
    session.targets["D"].comprehensiveness = 7  # models are not validated on assignment
    with pytest.raises(InputError) as raised:
        store.save(session)
    assert raised.value.lines == [
        f"{store.path_of(session.id)}: not written, as smm could not read it back: "
        "targets.D.comprehensiveness: input should be less than or equal to 4, got 7; correct "
        "the value; nothing was changed"
    ]
    assert store.path_of(session.id).read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == [f"{session.id}.toml"]


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")
def test_save_plan_refuses_a_plan_it_could_not_read_back(tmp_path: Path) -> None:
    plan = Plan(system="Rig")
    update_item(plan, "D1.1", owner="Ana")
    plan.items["D1.1"].status = "someday"  # type: ignore[assignment]  # what no reader accepts
    with pytest.raises(InputError, match=r"not written, as smm could not read it back: items\."):
        save_plan(tmp_path, plan)
    assert not plan_path(tmp_path, "Rig").exists()


V1 = DATA / "v1"


def test_the_v1_plan_and_profile_are_written_back_unchanged(tmp_path: Path) -> None:
    """What smm 0.1 wrote, this smm reads; what it writes of them, it reads back the same
    (test_migration_v1.py does the same for sessions)."""
    questionnaire = load_questionnaire()
    store = SessionStore(tmp_path / "sessions")
    plan = load_plan(V1 / "sessions", "Acme Gateway")
    assert plan.items
    save_plan(store.folder, plan)
    assert load_plan(store.folder, "Acme Gateway") == plan
    profile = load_profile(V1 / "profiles" / "acme-own.toml", questionnaire)
    copy = tmp_path / "acme-own.toml"
    write_profile(profile, copy, questionnaire)
    assert load_profile(copy, questionnaire) == profile


def test_text_that_is_not_unicode_is_refused_in_one_line(
    tmp_path: Path, small: Questionnaire
) -> None:
    """A name from undecodable bytes (Python's surrogate escapes, as in sys.argv) cannot be
    written as UTF-8: one line, and no file, instead of a traceback."""
    store = SessionStore(tmp_path)
    session = new_session(small, SessionKind.TARGET, "Rig \udcff", now=None)
    with pytest.raises(InputError, match="not valid Unicode"):
        store.create(session, "rig")
    assert list(tmp_path.iterdir()) == []


def test_the_store_refuses_to_save_a_session_too_large_to_read_back(
    tmp_path: Path, small: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0.1 saved a 50 MB session that resume then refused: the writer applies the reader's
    size limit to what it is about to write."""
    from interview import versioned
    from interview.session.model import Answer

    store = SessionStore(tmp_path)
    session = store.create(new_session(small, SessionKind.TARGET, "Rig", now=None))
    before = store.path_of(session.id).read_bytes()
    answered = session.answers["system_name"].answered_at
    # Each text is within the bound on one answer; together they are over the file limit
    # (lowered here, so that the test writes kilobytes, not 32 MiB).
    monkeypatch.setattr(versioned, "MAX_FILE_BYTES", 2**20)
    for number in range(12):  # the size is checked first, whatever the questions
        session.answers[f"q{number}"] = Answer(value="x" * 90_000, answered_at=answered)
    with pytest.raises(InputError) as raised:
        store.save(session)
    (line,) = raised.value.lines
    assert line.startswith(f"{store.path_of(session.id)}: not written, as smm could not read")
    assert "over the 1 MiB that smm reads; shorten the longest answers or notes" in line
    assert store.path_of(session.id).read_bytes() == before
