"""The pages of a PDF report: size and margins, the font, and document control on every page
(the classification at the top, the footer line and "Page N of M" at the bottom). Used by
interview/render/pdf.py; fpdf2 is imported only by the PDF modules."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fpdf import FPDF, line_break

from interview.render.document import Control, Paper
from interview.render.paged import MUTED, PAGE_SIZES, shown

FONT = "dejavu"
BODY_PT = 10.0
QUIET_PT = 9.0
TABLE_PT = 8.5
SMALL_PT = 8.0
LINE = 5.0
"""The height of a line of body text, in millimetres."""
INDENT = 6.0
"""How far a list's entries and their blocks are set in, per depth, in millimetres."""

PAGE_COUNT = "\x1f#\x1f"
"""Stands for the number of pages until the document is closed. fpdf2 replaces its alias in
every text of the document, so it must be one that no user text can hold: control characters
always reach a writer as escapes (paged.shown)."""

FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
"""DejaVu Sans, which covers Latin, Greek, Cyrillic, Arabic and Hebrew letters, by style."""


def font_folder() -> Path:
    """matplotlib's bundled TrueType fonts (a dependency of smm, so always there, on any
    system): found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise RuntimeError("matplotlib is not installed: smm needs it for its charts and fonts")
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


class ReportPdf(FPDF):
    """A PDF of the paper asked for, whose every page carries the document control."""

    def __init__(self, control: Control | None) -> None:
        size = PAGE_SIZES[control.paper if control else Paper.A4]
        super().__init__(unit="mm", format=(size.width, size.height))
        self.control = control
        self.base_margin = size.margin
        self.outline_level = -1
        """The level of the last entry in the outline (-1: none yet)."""
        self.set_margins(size.margin, size.margin, size.margin)
        self.set_auto_page_break(True, margin=size.margin)
        self.alias_nb_pages(PAGE_COUNT)
        folder = font_folder()
        for style, name in FONT_FILES.items():
            if (folder / name).is_file():
                self.add_font(FONT, style, str(folder / name))
        self.set_font(FONT, "", BODY_PT)

    def header(self) -> None:
        """The classification, centred above the text (fpdf2 restores the font after it)."""
        if self.control is None or not self.control.classification:
            return
        self.set_font(FONT, "", SMALL_PT)
        self.set_text_color(f"#{MUTED}")
        self.set_xy(self.l_margin, 8.0)
        self.multi_cell(self.epw, 3.5, shown(self.control.classification), align="C")
        self.set_y(self.t_margin)

    def footer(self) -> None:
        """The footer line on the left, "Page N of M" on the right."""
        with self.local_context():
            self.set_font(FONT, "", SMALL_PT)
            self.set_text_color(f"#{MUTED}")
            number_width = 34.0
            top = self.h - self.base_margin + 6.0
            if self.control is not None and self.control.footer:
                self.set_xy(self.l_margin, top)
                self.multi_cell(self.epw - number_width, 3.5, shown(self.control.footer), align="L")
            self.set_xy(self.w - self.r_margin - number_width, top)
            self.cell(number_width, 3.5, f"Page {self.page_no()} of {PAGE_COUNT}", align="R")

    def at_page_top(self) -> bool:
        """Nothing has been written on this page yet (beyond its header)."""
        return self.y <= self.t_margin + 0.01

    def keep_room(self, height: float) -> None:
        """A new page unless ``height`` millimetres fit on this one (a heading and what
        follows it, a chart and its caption)."""
        if not self.at_page_top() and self.will_page_break(height):
            self.add_page()

    @contextmanager
    def indented(self, depth: int) -> Iterator[None]:
        """Text set in by ``depth`` steps while inside (lines wrap to the same indent)."""
        saved = self.l_margin
        self.set_left_margin(self.base_margin + INDENT * depth)
        self.set_x(self.l_margin)
        try:
            yield
        finally:
            self.set_left_margin(saved)


@contextmanager
def non_breaking_spaces_kept() -> Iterator[None]:
    """The one place smm reaches into fpdf2. Its line breaker (fpdf/line_break.py) turns each
    non-breaking space into a plain space, for the word spacing of justified text, which
    these reports never use; the PDF's text would then say "Pump fleet" for "Pump\u00a0fleet".
    While a report is written the breaker's NBSP constant is a string no character equals, so
    the character goes into the PDF as typed; it is still no place to break a line, as it is
    not one of fpdf2's breaking spaces."""
    saved = line_break.NBSP
    line_break.NBSP = ""
    try:
        yield
    finally:
        line_break.NBSP = saved
