"""LibreOffice, headless, as the real consumer of the Word and Excel files smm writes. Each
call has a profile of its own under the test's folder: two conversions at once (parallel test
runs) never share one, which LibreOffice does not survive."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui, "
    "libreoffice-calc-nogui; .ci/run installs them)",
)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext is not installed (Debian: poppler-utils; .ci/run installs it)",
)


def convert(source: Path, target: str, folder: Path) -> Path:
    """Convert ``source`` with LibreOffice to ``target`` (``pdf``, or ``xlsx:FILTER``) into
    ``folder``; the path written. Fails the test, with LibreOffice's words, when it fails."""
    profile = folder / "libreoffice-profile"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    made = folder / f"{source.stem}.{target.split(':')[0]}"
    assert done.returncode == 0 and made.exists(), done.stderr.decode(errors="replace")
    return made
