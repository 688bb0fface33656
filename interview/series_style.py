"""How the target and the current levels look in every chart: the report's matplotlib charts
(HTML, Word, PDF) and the terminal's gap views draw them from these values alone.

Target: dark blue, a solid line, large hollow markers. Current: orange, a dashed line, small
filled markers. A point's scope is its marker's shape (circle 1, triangle 2, square 3), so a
series is told by colour, line and fill, never by shape. Where both series meet, the current's
small filled marker sits inside the target's hollow one and its dashed line over the target's
solid one, so that both stay visible, in colour and in greyscale.

Plain data: no matplotlib, no Textual, so that both layers can use it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScopeShape:
    """The marker of one scope, in matplotlib's code and as terminal characters."""

    name: str
    figure_marker: str
    hollow: str
    filled: str
    both: str
    """A filled shape inside a hollow one: target and current at the same point."""


SCOPE_SHAPES = {
    1: ScopeShape("circle", "o", "○", "●", "◉"),
    2: ScopeShape("triangle", "^", "△", "▲", "◬"),
    3: ScopeShape("square", "s", "□", "■", "▣"),
}
"""Scope 1 General, 2 Industry specific, 3 System specific."""


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn. Sizes are in points, at the size the figure is made."""

    name: str
    colour: str
    """On paper and on a light screen."""
    colour_name: str
    colour_on_dark: str
    """On a dark screen, where the paper colour may be too dark to read."""
    line_style: str
    """matplotlib's line style."""
    line_words: str
    dots: tuple[int, int]
    """The terminal's line: braille dots drawn, dots left out, by turns."""
    line_sample: str
    """The terminal line as the legend shows it."""
    line_width: float
    hollow: bool
    marker_size: float
    marker_edge_width: float
    layer: float
    """matplotlib's z-order of the line; the markers go 1 above it. The current's is higher:
    its dashes and its small markers lie over the target's, which still show round them."""

    @property
    def marker_words(self) -> str:
        """``large hollow markers`` or ``small filled markers``."""
        return "large hollow markers" if self.hollow else "small filled markers"

    def words(self) -> str:
        """``solid blue line, large hollow markers``: the style in a caption."""
        return f"{self.line_words} {self.colour_name} line, {self.marker_words}"

    def glyph(self, scope: int) -> str:
        """The terminal marker of a point of this series with ``scope``."""
        shape = SCOPE_SHAPES[scope]
        return shape.hollow if self.hollow else shape.filled

    def screen_colour(self, dark: bool) -> str:
        """The colour on a screen with a dark or a light background."""
        return self.colour_on_dark if dark else self.colour


# Sized for print: an A4 Word document places a chart at about 0.7 of the size it is drawn
# at, so the 13 pt ring prints about 3 mm across and the 6.5 pt marker about 1.5 mm, some 18
# dots at 300 dpi. The ring's hole (13 pt less its 1.8 pt edge) holds the current's marker
# with its white rim, with room to spare, even a triangle in a triangle.
TARGET = SeriesStyle(
    name="target",
    colour="#1f4e79",  # dark blue: stays dark in greyscale, against the lighter orange
    colour_name="blue",
    colour_on_dark="#6fa8dc",
    line_style="-",
    line_words="solid",
    dots=(1, 0),
    line_sample="⠒⠒⠒⠒⠒⠒",
    line_width=1.8,
    hollow=True,
    marker_size=13.0,
    marker_edge_width=1.8,
    layer=2.0,
)
CURRENT = SeriesStyle(
    name="current",
    colour="#d9661f",
    colour_name="orange",
    colour_on_dark="#d9661f",
    line_style="--",
    line_words="dashed",
    # Two cells drawn, two left out along a row: where the lines coincide, the target's
    # solid line shows in the gaps.
    dots=(4, 4),
    line_sample="⠒⠒  ⠒⠒",
    line_width=1.8,
    hollow=False,
    marker_size=6.5,
    marker_edge_width=0.8,
    layer=2.5,
)
SERIES_STYLES = (TARGET, CURRENT)
