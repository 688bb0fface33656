"""The cache of checked questionnaires: a hit equals a full load, anything wrong with it falls
back to a full load, and it holds data that cannot run code, in a place only the user can
write."""

import os
import pickle
import shutil
from pathlib import Path

import pytest

from interview.errors import InputError
from interview.questionnaire import load_questionnaire
from interview.questionnaire.cache import (
    CACHE_DIR_VARIABLE,
    ENTRY_SUFFIX,
    MAX_ENTRIES,
    cache_dir,
    entry_path,
)
from interview.questionnaire.loader import default_questionnaire_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def entry_of(path: Path, cache: Path) -> Path:
    return entry_path(cache, path.read_text("utf-8"))


def test_a_cached_questionnaire_equals_a_fresh_load(cache: Path) -> None:
    fresh = load_questionnaire()
    assert entry_of(default_questionnaire_path(), cache).is_file()
    cached = load_questionnaire()
    assert cached is not fresh
    assert cached == fresh
    assert cached.content_hash == fresh.content_hash
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_an_edited_file_misses_the_cache(cache: Path, small_questionnaire_path: Path,
                                         tmp_path: Path) -> None:  # fmt: skip
    copy = tmp_path / "q.toml"
    copy.write_text(small_questionnaire_path.read_text("utf-8"), "utf-8")
    before = load_questionnaire(copy)
    copy.write_text(copy.read_text("utf-8").replace('title = "', 'title = "Edited '), "utf-8")
    after = load_questionnaire(copy)
    assert after.title.startswith("Edited ") and not before.title.startswith("Edited ")
    assert len(list(cache.glob(f"*{ENTRY_SUFFIX}"))) == 2


def test_a_corrupt_entry_means_a_full_load(cache: Path, small_questionnaire_path: Path) -> None:
    expected = load_questionnaire(small_questionnaire_path)
    entry_of(small_questionnaire_path, cache).write_bytes(b"{not json")
    assert load_questionnaire(small_questionnaire_path) == expected


def test_a_broken_file_is_never_cached(cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema_version = 1\nid = "x"\n[domains]\n', "utf-8")
    for _ in range(2):
        with pytest.raises(InputError, match=r"broken\.toml"):
            load_questionnaire(broken)
    assert not list(cache.glob(f"*{ENTRY_SUFFIX}"))


def test_the_cache_can_be_turned_off_or_be_unwritable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, small_questionnaire_path: Path
) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, "off")
    assert cache_dir() is None
    load_questionnaire(small_questionnaire_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker / "cache"))  # cannot be created
    assert load_questionnaire(small_questionnaire_path).id


def test_only_the_most_recently_used_entries_are_kept(
    cache: Path, tmp_path: Path, small_questionnaire_path: Path
) -> None:
    text = small_questionnaire_path.read_text("utf-8")
    first = tmp_path / "first.toml"
    first.write_text(text, "utf-8")
    load_questionnaire(first)
    for number in range(MAX_ENTRIES + 3):
        edited = tmp_path / f"q{number}.toml"
        edited.write_text(text.replace('title = "', f'title = "Edit {number} '), "utf-8")
        load_questionnaire(edited)
        load_questionnaire(first)  # used again: stays
    kept = list(cache.glob(f"*{ENTRY_SUFFIX}"))
    assert len(kept) == MAX_ENTRIES
    assert entry_of(first, cache) in kept


class RunsCode:
    """A pickle that, when loaded, creates a file: what anyone who can write the cache could
    have smm run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_an_entry_is_data_and_never_code(
    cache: Path, small_questionnaire_path: Path, tmp_path: Path
) -> None:
    expected = load_questionnaire(small_questionnaire_path)
    marker = tmp_path / "ran"
    payload = pickle.dumps(RunsCode(marker))
    for entry in [path for path in cache.iterdir() if path.is_file()]:
        entry.write_bytes(payload)
    assert load_questionnaire(small_questionnaire_path) == expected
    assert not marker.exists()


def forged(cache: Path, victim: Path, impostor: Path) -> None:
    """Make the victim's entry hold another questionnaire: what a stranger who can write the
    cache could do (the entry's name is derived from the file's text, so anyone can find it)."""
    before = set(cache.iterdir()) if cache.is_dir() else set()
    load_questionnaire(impostor)
    (impostor_entry,) = set(cache.iterdir()) - before
    load_questionnaire(victim)
    (victim_entry,) = set(cache.iterdir()) - before - {impostor_entry}
    shutil.copyfile(impostor_entry, victim_entry)


@pytest.fixture
def victim(tmp_path: Path, small_questionnaire_path: Path) -> Path:
    copy = tmp_path / "victim.toml"
    text = small_questionnaire_path.read_text("utf-8")
    copy.write_text(text.replace('title = "', 'title = "Victim '), "utf-8")
    return copy


def test_a_sound_forged_entry_is_used_when_the_cache_is_private(
    cache: Path, victim: Path, small_questionnaire_path: Path
) -> None:
    """The control for the tests below: the forgery itself works."""
    forged(cache, victim, small_questionnaire_path)
    assert not load_questionnaire(victim).title.startswith("Victim ")


@pytest.mark.parametrize("where", ["folder", "entry"])
def test_a_cache_others_can_write_is_not_used(
    cache: Path,
    victim: Path,
    small_questionnaire_path: Path,
    where: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forged(cache, victim, small_questionnaire_path)
    opened = cache if where == "folder" else entry_of(victim, cache)
    opened.chmod(0o777 if where == "folder" else 0o666)
    monkeypatch.setenv("SMM_DEBUG", "1")
    assert load_questionnaire(victim).title.startswith("Victim ")
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("smm: questionnaire cache: ")
    assert line.endswith(": not used, as it is not yours alone to write")
    monkeypatch.delenv("SMM_DEBUG")
    assert load_questionnaire(victim).title.startswith("Victim ")
    assert capsys.readouterr().err == ""  # silent without SMM_DEBUG


def test_a_cache_folder_of_another_user_is_not_used(
    cache: Path, victim: Path, small_questionnaire_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forged(cache, victim, small_questionnaire_path)
    someone_else = os.geteuid() + 1
    monkeypatch.setattr(os, "geteuid", lambda: someone_else)
    assert load_questionnaire(victim).title.startswith("Victim ")


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user takes root")
def test_an_entry_of_another_user_is_not_used(
    cache: Path, victim: Path, small_questionnaire_path: Path
) -> None:
    forged(cache, victim, small_questionnaire_path)
    os.chown(entry_of(victim, cache), os.geteuid() + 1, -1)
    assert load_questionnaire(victim).title.startswith("Victim ")


def test_a_linked_entry_is_not_followed(
    cache: Path, victim: Path, small_questionnaire_path: Path, tmp_path: Path
) -> None:
    forged(cache, victim, small_questionnaire_path)
    entry = entry_of(victim, cache)
    elsewhere = tmp_path / "elsewhere"
    entry.replace(elsewhere)
    entry.symlink_to(elsewhere)
    assert load_questionnaire(victim).title.startswith("Victim ")
