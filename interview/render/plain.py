"""Plain text for a terminal or a pipe: JSON and simple columns, with user text made safe."""

from __future__ import annotations

import json
from collections.abc import Sequence

from interview.errors import printable


def json_text(data: object) -> str:
    """JSON for stdout: readable Unicode, but no character a terminal would act on."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return "".join(
        char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text
    )


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]
) -> list[str]:
    """Left-aligned columns; cells longer than their width are cut with an ellipsis."""

    def cell(text: str, width: int) -> str:
        text = printable(text)
        return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)

    lines = ["  ".join(cell(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(cell(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return lines
