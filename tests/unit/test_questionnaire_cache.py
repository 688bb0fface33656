"""The cache of checked questionnaires: a hit equals a full load, and anything wrong with it
falls back to a full load."""

from pathlib import Path

import pytest

from interview.errors import InputError
from interview.questionnaire import load_questionnaire
from interview.questionnaire.cache import CACHE_DIR_VARIABLE, MAX_ENTRIES, cache_dir, entry_key
from interview.questionnaire.loader import default_questionnaire_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def entry_of(path: Path, cache: Path) -> Path:
    return cache / f"{entry_key(path.read_text('utf-8'))}.pickle"


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
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_corrupt_entry_means_a_full_load(cache: Path, small_questionnaire_path: Path) -> None:
    expected = load_questionnaire(small_questionnaire_path)
    entry_of(small_questionnaire_path, cache).write_bytes(b"not a pickle")
    assert load_questionnaire(small_questionnaire_path) == expected


def test_a_broken_file_is_never_cached(cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema_version = 1\nid = "x"\n[domains]\n', "utf-8")
    for _ in range(2):
        with pytest.raises(InputError, match=r"broken\.toml"):
            load_questionnaire(broken)
    assert not list(cache.glob("*.pickle"))


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
    kept = list(cache.glob("*.pickle"))
    assert len(kept) == MAX_ENTRIES
    assert entry_of(first, cache) in kept
