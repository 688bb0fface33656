"""What the gap views share: theme colours, words for severities and levels, the header."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.color import Color
from textual.widget import Widget

from interview.gap import (
    GroupGap,
    PracticeGap,
    is_not_applicable,
)
from interview.render.words import (
    NOT_APPLICABLE,
    SEVERITY_WORDS,
    practice_severity_words,
    short_level,
)
from interview.series_style import CURRENT, TARGET
from interview.session.model import Session
from interview.tui.text import literal

# --- Colours from the theme ------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    """Rich styles for the views. The defaults use no colour (unit tests, monochrome)."""

    large: str = "reverse"
    small: str = "reverse"
    none: str = "reverse"
    muted: str = "italic"
    target: str = "bold"
    current: str = ""
    grid: str = "dim"
    heading: str = "bold"

    def tone(self, tone: str) -> str:
        """The style of a severity tone: ``large``, ``small``, ``none`` or ``muted``."""
        return {"large": self.large, "small": self.small, "none": self.none}.get(tone, self.muted)


PLAIN = Palette()


def chip_style(background: str) -> str:
    """Readable text on a theme colour: black or white, whichever contrasts."""
    colour = Color.parse(background)
    return f"{colour.get_contrast_text(1.0).hex} on {colour.hex}"


def faint(variables: Mapping[str, str]) -> str:
    """The text colour faded most of the way into the background: for grid lines."""
    foreground = Color.parse(variables.get("foreground", "#E0E0E0"))
    return foreground.blend(Color.parse(variables.get("background", "#121212")), 0.6).hex


def is_dark(variables: Mapping[str, str]) -> bool:
    """Whether the theme's background is dark."""
    return Color.parse(variables.get("background", "#121212")).brightness < 0.5


def palette_from_variables(variables: Mapping[str, str]) -> Palette:
    """The palette of a Textual theme, from ``App.get_css_variables()``."""
    return Palette(
        large=chip_style(variables.get("error", "#B93C5B")),
        small=chip_style(variables.get("warning", "#FEA62B")),
        none=chip_style(variables.get("success", "#4EBF71")),
        muted="italic",
        target=f"bold {TARGET.screen_colour(is_dark(variables))}",
        current=f"bold {CURRENT.screen_colour(is_dark(variables))}",
        grid=faint(variables),
        heading="bold",
    )


# --- Words for severities and levels ---------------------------------------------------------


def severity_label(gap: PracticeGap) -> str:
    """``large gap``, ``no gap, exceeds target``, ``not applicable``: the words every view uses."""
    return practice_severity_words(gap)


def group_label(group: GroupGap) -> str:
    """A sub-domain's or domain's worst severity in words (``not applicable`` if none count)."""
    return NOT_APPLICABLE if group.target_mean is None else SEVERITY_WORDS[group.severity]


def practice_tone(gap: PracticeGap) -> str:
    """The colour family of a practice: its severity, or ``muted`` when it is left out."""
    return gap.severity.value if gap.included else "muted"


def group_tone(group: GroupGap) -> str:
    """The colour family of a sub-domain or domain row."""
    return "muted" if group.target_mean is None else group.severity.value


def target_short(gap: PracticeGap) -> str:
    """A practice's target in the heat map: ``3/2``, ``n/a`` or ``not set``."""
    comprehensiveness = gap.target.comprehensiveness
    if comprehensiveness is None:
        return "n/a" if is_not_applicable(gap.target) else "not set"
    return short_level(comprehensiveness, gap.target.scope)


def gap_short(gap: PracticeGap) -> str:
    """``1/0`` (comprehensiveness/scope gap), or empty when the practice is left out."""
    if gap.comprehensiveness_gap is None:
        return ""
    return f"{gap.comprehensiveness_gap}/{gap.scope_gap}"


# --- The two sessions ------------------------------------------------------------------------


def session_summary(label: str, session: Session) -> Text:
    """``Target   Acme gateway · Dana (Lead) · 2026-11-25 · imported from target.csv``."""
    line = Text()
    line.append(f"{label:<8} ", style="bold")
    line.append_text(literal(session.system, "bold"))
    who = session.interviewee + (f" ({session.role})" if session.role else "")
    if who:
        line.append(" · ")
        line.append_text(literal(who))
    line.append(f" · {session.updated.strftime('%Y-%m-%d')}")
    if session.imported_from is not None:
        line.append(" · imported from ")
        line.append_text(literal(session.imported_from))
    line.append(f" · {session.id}", style="italic")
    return line


def sessions_header(target: Session, current: Session) -> Text:
    """Both sessions' system, interviewee and date, one line each."""
    return Text("\n").join([session_summary("Target", target), session_summary("Current", current)])


def theme_palette(widget: Widget) -> Palette:
    """The palette of the app's current theme."""
    return palette_from_variables(widget.app.get_css_variables())
