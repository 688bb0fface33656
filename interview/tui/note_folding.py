"""Long notes folded for the transcript: a pasted page of evidence would push the question
off the screen, so the transcript shows its first lines and says how much more there is."""

from __future__ import annotations

from rich.cells import cell_len, chop_cells

NOTE_LINES_SHOWN = 4
"""How many screen lines of a note the transcript shows before folding the rest."""

NOTE_WIDTH = 64
"""The columns a note's line takes at 80 columns (the transcript, less its "note:" indent)."""


def rows_of(line: str, width: int = NOTE_WIDTH) -> int:
    """How many screen lines a line of a note takes, wrapped at ``width`` columns."""
    return max(1, -(-cell_len(line) // width))


def fold_note(note: str, width: int = NOTE_WIDTH, shown: int = NOTE_LINES_SHOWN) -> str:
    """The note as written when it fits in ``shown`` lines; otherwise its first lines and
    ``… (N more lines; the whole note is saved)``. Characters are kept as typed."""
    lines = note.splitlines()
    total = sum(rows_of(line, width) for line in lines)
    if total <= shown:
        return note
    kept: list[str] = []
    rows_left = shown
    for line in lines:
        if rows_left == 0:
            break
        if rows_of(line, width) > rows_left:
            line = _cut(line, rows_left * width)
        kept.append(line)
        rows_left -= rows_of(line, width)
    return "\n".join([*kept, _what_is_folded(lines, kept)])


def _what_is_folded(lines: list[str], kept: list[str]) -> str:
    """``… (26 more of its 30 lines; …)``: counted in the note's own lines, as typed."""
    if len(lines) == 1:
        return "… (the rest is saved with the note)"
    more = len(lines) - len(kept) + (kept[-1] != lines[len(kept) - 1])  # a line cut short
    return f"… ({more:,} more of its {len(lines):,} lines; the whole note is saved)"


def _cut(line: str, columns: int) -> str:
    """The start of a line, at most ``columns`` wide with its ellipsis, cut after a word."""
    start = chop_cells(line, columns - 1)[0]
    word_end = start.rfind(" ")
    return (start[:word_end] if word_end > columns // 2 else start) + "…"
