"""The proof that tests write only under their own temporary folders: what a run leaves in the
repository (ignored files included) and in the temporary folder it gives every process."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Footprint:
    """The repository's status and the private temporary folder, as a run found them."""

    root: Path
    temp: Path
    repository: frozenset[str] | None

    @classmethod
    def take(cls, root: Path, temp: Path) -> Footprint:
        return cls(root, temp, repository_files(root))

    def left_behind(self) -> list[str]:
        """What appeared since: changed repository files, and files in the temporary folder."""
        left = sorted(str(path) for path in self.temp.iterdir())
        now = repository_files(self.root)
        if self.repository is not None and now is not None:
            left += sorted(now - self.repository)
        return left
