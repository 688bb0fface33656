"""A binary document (Word, Excel, PDF) goes to a file, or to a pipe; never to a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from interview.cli.output import deliver_bytes
from interview.errors import InputError


def test_bytes_are_written_whole_to_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    deliver_bytes(b"PK\x03\x04\x00\xff", target)
    assert target.read_bytes() == b"PK\x03\x04\x00\xff"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(InputError) as refused:
        deliver_bytes(b"%PDF-1.7", None)
    (line,) = refused.value.lines
    assert "-o FILE" in line
