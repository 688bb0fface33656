"""Text wrapped to a width in display cells, as a terminal shows it.

A CJK character takes two cells, a zero-width joiner none: widths are measured in cells as
``rich.cells.cell_len`` measures them, never with ``len`` (but from the standard library, so
that printing text does not import rich). Lines break at ASCII whitespace only, so that a
non-breaking space keeps its words together. A word that fits a line (an id, a level, a
number) is never cut; only a run of wide characters (CJK), which has no spaces to break at,
is broken between two of its characters, as CJK text is, and a word wider than a whole line
is cut with a marker.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")
"""Where a line may break; a non-breaking or other Unicode space binds the words around it."""


ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Mc", "Cf"})
"""Marks that combine with the character before them, and format characters (joiners)."""

HANGUL_JAMO_JOINING = ((0x1160, 0x11FF), (0xD7B0, 0xD7FF))
"""Hangul vowels and final consonants, which join the syllable before them."""

EMOJI_SKIN_TONES = (0x1F3FB, 0x1F3FF)

ZERO_WIDTH_JOINER = "\u200d"


def cell_len(text: str) -> int:
    """The cells a terminal gives the text (the same as ``rich.cells.cell_len`` but for a few
    symbols that Unicode made wide after the version this Python knows): a character after a
    zero-width joiner joins the one before it (an emoji sequence, a ligature) and adds none."""
    cells = 0
    for index, char in enumerate(text):
        cells += 0 if index and text[index - 1] == ZERO_WIDTH_JOINER else _char_cells(char)
    return cells


@lru_cache(maxsize=4096)
def _char_cells(char: str) -> int:
    code = ord(char)
    joining = any(low <= code <= high for low, high in (*HANGUL_JAMO_JOINING, EMOJI_SKIN_TONES))
    if joining or unicodedata.category(char) in ZERO_WIDTH_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def words(text: str) -> list[str]:
    """The text's words, split at ASCII whitespace."""
    return [word for word in ASCII_SPACES.split(text) if word]


def units(word: str) -> list[str]:
    """The parts of a word that are never broken: a run of narrow characters stays whole, and a
    wide character stands alone (a zero-width character stays with its neighbours)."""
    parts: list[str] = []
    for char in word:
        if parts and not _breaks_before(parts[-1][-1], char):
            parts[-1] += char
        else:
            parts.append(char)
    return parts


def _breaks_before(previous: str, char: str) -> bool:
    """A line may break between two visible characters when either of them is wide."""
    widths = (cell_len(previous), cell_len(char))
    return min(widths) > 0 and max(widths) > 1


def narrowest(text: str) -> int:
    """The fewest columns the text fits in without cutting a word: its widest unbreakable part."""
    return max((cell_len(unit) for word in words(text) for unit in units(word)), default=0)


def wrap(text: str, width: int, first: str = "", more: str = "") -> list[str]:
    """The text on lines of at most ``width`` cells, whitespace folded; ``first`` starts the
    first line and ``more`` the others. A word goes whole onto the next line; only a word wider
    than a whole line is cut, each of its pieces but the last ending with ``…``."""
    lines: list[str] = []
    line, empty = first, True
    for word in words(text):
        separator = "" if empty else " "
        if cell_len(line + separator + word) <= width:
            line, empty = line + separator + word, False
            continue
        # A word too long for the rest of the line: on the next line if it fits there, else
        # broken between wide characters, filling this line first.
        room = width - cell_len(more)
        whole = cell_len(word) <= room
        for unit in [word] if whole else _marked(units(word), room):
            if not empty and cell_len(line + separator + unit) > width:
                lines.append(line)
                line, empty, separator = more, True, ""
            line, empty, separator = line + separator + unit, False, ""
    if not empty:
        lines.append(line)
    return lines


CUT = "…"
"""Ends each piece of a word wider than a whole line (a name of thousands of letters)."""


def _marked(parts: list[str], room: int) -> list[str]:
    """The parts, each wider than a line cut into pieces that end with the marker."""
    pieces: list[str] = []
    for part in parts:
        while cell_len(part) > room > 1:
            end = 1
            while cell_len(part[: end + 1]) <= room - 1:
                end += 1
            pieces.append(part[:end] + CUT)
            part = part[end:]
        pieces.append(part)
    return pieces


def pad(text: str, width: int) -> str:
    """The text followed by spaces up to ``width`` cells."""
    return text + " " * max(0, width - cell_len(text))
