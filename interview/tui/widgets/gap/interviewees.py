"""Several interviewees: who said what for a practice, and the heat map's disagreement marker."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from interview.consolidation import (
    GapConsolidation,
    PracticeConsolidation,
    Side,
    disagreement_words,
)
from interview.render.words import SIDE_NAMES, merged_from, stated_short
from interview.tui.text import literal
from interview.tui.widgets.gap.common import session_summary

MARKER_TITLE = "≠"
MARKER_LEGEND = (
    "≠2/1: the interviewees differ by 2 levels and by 1 in scope (Enter: who said what)."
)


def marker(sides: GapConsolidation, practice_id: str) -> str:
    """``≠2/1`` when the interviewees differ on a practice (the larger spread of either side:
    comprehensiveness/scope), else empty."""
    comprehensiveness, scope = sides.spread_of(practice_id)
    return f"≠{comprehensiveness}/{scope}" if comprehensiveness or scope else ""


def markers(sides: GapConsolidation) -> dict[str, str]:
    """Practice id → its marker, for the practices where interviewees differ."""
    practice_ids = [practice.practice_id for practice in sides.current.practices]
    found = {practice_id: marker(sides, practice_id) for practice_id in practice_ids}
    return {practice_id: shown for practice_id, shown in found.items() if shown}


def side_summary(label: str, side: Side) -> Text:
    """One session's summary line; for several, how they merge and who answered."""
    if not side.several:
        return session_summary(label, side.sessions[0])
    line = Text()
    line.append(f"{label:<8} ", style="bold")
    line.append_text(literal(side.sessions[0].system, "bold"))
    line.append(" · ")
    line.append_text(literal(", ".join(who.short() for who in side.interviewees)))
    line.append(f" · {merged_from(side)}", style="italic")
    return line


def consolidated_header(sides: GapConsolidation) -> Text:
    """Both sides, one line each."""
    return Text("\n").join(
        [side_summary("Target", sides.target), side_summary("Current", sides.current)]
    )


def accounts_block(side: Side, practice: PracticeConsolidation) -> list[RenderableType]:
    """``Current state, 3 interviewees (merged by the lowest level): they disagree by 2 levels``
    and one line per interviewee: the level (comprehensiveness/scope), who, and the session."""
    heading = Text()
    heading.append(f"{SIDE_NAMES[side.kind]}, {len(practice.accounts)} interviewees ", "bold")
    heading.append(f"(merged by the {side.rule.name} level): ", style="italic")
    heading.append(disagreement_words(practice), style="bold" if practice.disagrees else "")
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for account in practice.accounts:
        who = literal(account.interviewee.label())
        who.append(" · ")
        who.append_text(literal(account.interviewee.session_id, "italic"))
        grid.add_row(Text(stated_short(account.level)), who)
    return [heading, Padding(grid, (0, 0, 0, 2))]


def interviewee_blocks(sides: GapConsolidation, practice_id: str) -> list[RenderableType]:
    """Each interviewee's level for one practice, per side that merges several sessions."""
    blocks: list[RenderableType] = []
    for side in sides.sides():
        blocks += [Text(), *accounts_block(side, side.practice(practice_id))]
    return blocks
