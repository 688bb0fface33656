"""How a chart's figure becomes a file: matplotlib's settings for every chart, inline SVG for
the HTML pages, PNG for the documents that embed pictures (Word, PDF). Both are
deterministic: the same levels give the same bytes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SVG_METADATA: dict[str, str | None] = {"Date": None, "Creator": None, "Format": None, "Type": None}
"""No date and no creator in the SVG: the same levels give the same bytes."""


# --- SVG and PNG output ---------------------------------------------------------------------


@contextmanager
def chart_style(salt: str) -> Iterator[None]:
    """matplotlib settings for one chart; the salt makes its SVG ids stable and its own."""
    import matplotlib

    with matplotlib.rc_context(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": salt,
            # Layout is measured with DejaVu Sans (shipped with matplotlib); a browser without
            # it falls back to Verdana, of similar width, rather than to a serif face.
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Verdana"],
            "font.size": 9.0,
            "axes.edgecolor": "#666666",
            "axes.linewidth": 0.8,
            "hatch.linewidth": 1.0,
            "legend.frameon": False,
        }
    ):
        yield


def svg_of(figure: Figure, prefix: str, description: str) -> str:
    """The figure as an ``<svg>`` element for an HTML page: no XML prologue, no namespace
    declarations (HTML supplies them), ids prefixed so that charts do not clash."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r' xmlns(:xlink)?="[^"]*"', "", svg)
    svg = re.sub(r'\bid="', f'id="{prefix}-', svg)
    svg = re.sub(r'(url\(#|href="#)', rf"\g<1>{prefix}-", svg)
    labelled = f'<svg role="img" aria-label="{escape(description)}" '
    return svg.replace("<svg ", labelled, 1).strip() + "\n"


PNG_DPI = 200
"""Sharp enough to print at the width of an A4 text column."""


def png_of(figure: Figure) -> bytes:
    """The figure as PNG bytes, without a creation tool or date (the same levels give the
    same image)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()
