"""The page every HTML report is written into: escaping, the stylesheet, sections, figures.

A page needs no network: the stylesheet (``report.css``, a resource of this package) is inline
and the charts are inline SVG drawn by matplotlib (:mod:`interview.report.charts`). Every
string that came from a user or a questionnaire passes through :func:`text` (control
characters shown as escapes, then HTML escaping), so a system called ``<script>`` is written,
never run. The same input gives the same bytes: the page holds no time but the sessions' own.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib.resources import files

from interview import __version__
from interview.errors import printable
from interview.render.document import Control, Paper


def text(value: str) -> str:
    """User or questionnaire text, safe in HTML: what could move or hide text as escapes (see
    :func:`printable`; non-breaking spaces and joiners kept), then HTML-escaped."""
    return escape(printable(value))


def text_lines(value: str) -> str:
    """Like :func:`text`, keeping the line breaks of a multi-line note."""
    return "<br>".join(text(line) for line in value.splitlines())


def stylesheet(name: str) -> str:
    """A stylesheet shipped with this package."""
    return files("interview.render").joinpath(name).read_text(encoding="utf-8")


# --- The page --------------------------------------------------------------------------------


def page(title: str, parts: Iterable[str], extra_style: str = "") -> str:
    """A whole HTML document: the title (already escaped), the stylesheet and the parts."""
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="smm {__version__}">\n'
        f"<title>{title}</title>\n<style>\n{stylesheet('report.css')}{extra_style}</style>\n</head>\n<body>\n"
        f"{body}\n"
        f"<footer><p>Made by smm {__version__}, a tool for the IIC IoT Security Maturity "
        "Model.</p></footer>\n</body>\n</html>\n"
    )


def print_style(control: Control | None) -> str:
    """The printed page: its size, and in its margins the classification (top), the footer
    line (bottom left) and ``page 3 of 12`` (bottom right)."""
    if control is None:
        return ""
    margins = {"bottom-right": '"page " counter(page) " of " counter(pages)'}
    if control.footer:
        margins["bottom-left"] = css_string(control.footer)
    if control.classification:
        margins["top-center"] = css_string(control.classification)
    boxes = "".join(
        f"\n    @{box} {{ content: {content}; font-size: 8pt; color: #555; }}"
        for box, content in margins.items()
    )
    size = "A4" if control.paper is Paper.A4 else "letter"
    return f"@media print {{\n  @page {{\n    size: {size};{boxes}\n  }}\n}}\n"


def css_string(value: str) -> str:
    """User text as a CSS string: every character but letters, digits and spaces as a CSS
    escape, so that no quote, backslash or ``</style>`` can end it."""
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in printable(value)
    )
    return f'"{escaped}"'


def section(section_id: str, heading: str, *parts: str) -> str:
    """A titled section of the page (the heading already escaped)."""
    return f'<section id="{section_id}">\n<h2>{heading}</h2>\n' + "\n".join(parts) + "\n</section>"


def figure(svg: str, caption: str) -> str:
    """A chart with its caption (already escaped)."""
    return f'<figure class="chart">\n{svg}<figcaption>{caption}</figcaption>\n</figure>'
