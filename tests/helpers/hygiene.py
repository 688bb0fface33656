"""The proof that tests write only under their own temporary folders: what a run leaves in the
repository (ignored files included), in the temporary folder it gives every process, and in
the user's own questionnaire cache (the tests have one of their own, SMM_CACHE_DIR)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

# What Python and pytest themselves leave in a repository, not the tests.
OWN_LEFTOVERS = ("__pycache__", ".pytest_cache")


def private_temp_folder(base: Path) -> Path:
    """The folder the run gives every process as TMPDIR: inside pytest's own, so that a test
    (or smm, Chromium, LibreOffice) that writes to "the system temp folder" by a fixed name
    shows up here, and parallel runs of the suite never meet there."""
    folder = base / "system-tmp"
    folder.mkdir()
    return folder


def repository_files(root: Path) -> frozenset[str] | None:
    """``git status`` of the repository, ignored files too; None outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "status", "--porcelain", "--ignored"],
            cwd=root, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.splitlines()
    return frozenset(line for line in lines if not any(own in line for own in OWN_LEFTOVERS))


def users_cache_folder() -> Path:
    """Where smm keeps its questionnaire cache when SMM_CACHE_DIR is not set."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "smm"


def files_and_times(folder: Path) -> dict[str, int]:
    """Each file in folder, with when it was last written (none if there is no folder)."""
    if not folder.is_dir():
        return {}
    return {str(path): path.stat().st_mtime_ns for path in folder.iterdir()}


@dataclass(frozen=True)
class Footprint:
    """The repository's status, the private temporary folder and the user's cache, as a run
    found them."""

    root: Path
    temp: Path
    repository: frozenset[str] | None
    cache: Path
    cached: dict[str, int]

    @classmethod
    def take(cls, root: Path, temp: Path, cache: Path | None = None) -> Footprint:
        cache = cache or users_cache_folder()
        return cls(root, temp, repository_files(root), cache, files_and_times(cache))

    def left_behind(self) -> list[str]:
        """What appeared since: changed repository files, files in the temporary folder, and
        files written into the user's cache."""
        left = sorted(str(path) for path in self.temp.iterdir())
        cached = files_and_times(self.cache).items()
        left += sorted(name for name, time in cached if self.cached.get(name) != time)
        now = repository_files(self.root)
        if self.repository is not None and now is not None:
            left += sorted(now - self.repository)
        return left
