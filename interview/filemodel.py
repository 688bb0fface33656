"""What every file format smm keeps shares: the strict base model, the clock's resolution and
the readable name a file gets from a system's name. Imports only pydantic."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict


class FileModel(BaseModel):
    """Base for every part of a session or plan file: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


def utc_now() -> datetime:
    """The current time in UTC, to the second (what files store)."""
    return datetime.now(UTC).replace(microsecond=0)


def slug(text: str) -> str:
    """``Acme Gateway (v2)`` → ``acme-gateway-v2``: safe in a file name, readable in a list."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:40].rstrip("-") or "system"
