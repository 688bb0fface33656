"""The check every run makes at its end (tests/conftest.py) sees what a test left behind: a
file in the repository, ignored or not, and a file in the temporary folder the run gives out."""

import subprocess
from pathlib import Path

import pytest

from tests.helpers.hygiene import Footprint, private_temp_folder


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("sessions/*\n__pycache__/\n", encoding="utf-8")
    (root / "kept.txt").write_text("kept\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "."], check=True)
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "."],
        check=True,
    )
    return root


def test_a_run_that_writes_nothing_leaves_nothing(repository: Path, tmp_path: Path) -> None:
    footprint = Footprint.take(repository, private_temp_folder(tmp_path))
    (repository / "__pycache__").mkdir()  # Python's own, not a test's
    (repository / "__pycache__" / "kept.cpython-311.pyc").write_bytes(b"")
    assert footprint.left_behind() == []


def test_files_written_into_the_repository_are_found(repository: Path, tmp_path: Path) -> None:
    footprint = Footprint.take(repository, private_temp_folder(tmp_path))
    (repository / "kept.txt").write_text("changed\n", encoding="utf-8")
    (repository / "sessions").mkdir()
    (repository / "sessions" / "left.toml").write_text("", encoding="utf-8")  # ignored by git
    assert footprint.left_behind() == [" M kept.txt", "!! sessions/"]


def test_a_file_left_in_the_temporary_folder_is_found(repository: Path, tmp_path: Path) -> None:
    temp = private_temp_folder(tmp_path)
    footprint = Footprint.take(repository, temp)
    (temp / "serve.png").write_bytes(b"")
    assert footprint.left_behind() == [str(temp / "serve.png")]


def test_a_file_written_into_the_users_cache_is_found(repository: Path, tmp_path: Path) -> None:
    cache = tmp_path / "home-cache" / "smm"
    cache.mkdir(parents=True)
    (cache / "kept.json").write_text("{}", encoding="utf-8")
    footprint = Footprint.take(repository, private_temp_folder(tmp_path), cache)
    (cache / "new.json").write_text("{}", encoding="utf-8")
    assert footprint.left_behind() == [str(cache / "new.json")]
