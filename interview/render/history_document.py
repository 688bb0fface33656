"""``history_document(history)``: a system's history, for every writer and the TUI.

Its sessions, the current target and the baseline, each practice's level at each
self-assessment (a change written as a marker, ``2/1↑``, so it reads without colour), and how
the gaps to the current target moved.
"""

from __future__ import annotations

from datetime import UTC

from interview.formatting import KIND_NAMES, plural
from interview.history import CHANGE_MARKERS, GapsInTime, History, LevelInTime, day_of
from interview.render.document import (
    Block,
    Cell,
    CellKind,
    Chart,
    Column,
    Document,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.words import (
    CHANGE_LEGEND,
    GAPS_LEGEND,
    HISTORY_RULES_NOTE,
    LEVELS_LEGEND,
    baseline_sentence,
    mean_text,
    movement_words,
    session_status,
    short_level,
    target_sentence,
)
from interview.report.history_chart import HistoryChartData

HISTORY_LEAD = (
    "IIC IoT Security Maturity Model: one system's sessions over time, how its gaps to the "
    "current target have moved, and each practice's level at each self-assessment."
)

CHART_CAPTION = (
    "Above: practices with a large gap (solid line, squares), a small gap (dashed, triangles) "
    "and no gap (dotted, circles). Below: the mean current comprehensiveness (solid) and the "
    "current target's mean (dashed). The table gives the numbers."
)


def history_document(history: History) -> Document:
    """The whole history."""
    return Document(
        title=f"History of {history.system}",
        lead=HISTORY_LEAD,
        preamble=(Paragraph(HISTORY_RULES_NOTE, style="rules"),),
        sections=(sessions_section(history), gaps_section(history), levels_section(history)),
        stylesheet="history.css",
    )


# --- Sessions --------------------------------------------------------------------------------


def sessions_section(history: History) -> Section:
    """Every session, oldest first, its status under it; the current target and baseline."""
    rows = tuple(
        Row(
            (
                Cell(history.label_of(session), CellKind.ID),
                Cell(day_of(session)),
                Cell(KIND_NAMES[session.kind]),
                Cell(session.id, CellKind.ID),
                Cell(interviewee_text(session.interviewee, session.role)),
            ),
            note="; ".join(session_status(history, session)),
        )
        for session in history.sessions
    )
    columns = (
        Column(""),
        Column("Started"),
        Column("Kind"),
        Column("Session"),
        Column("Interviewee"),
    )
    table = Table(columns, rows, name="history sessions", note_heading="Status")
    facts = (
        Paragraph(target_sentence(history), style="facts"),
        Paragraph(baseline_sentence(history), style="facts"),
    )
    return Section(
        "Sessions, oldest first", (Paragraph(overview_sentence(history)), table, *facts), "sessions"
    )


def overview_sentence(history: History) -> str:
    """``3 self-assessments and 1 target. A1, A2, … are the self-assessments…``."""
    counts = (
        f"{plural(len(history.assessments), 'self-assessment')} and "
        f"{plural(len(history.targets), 'target')}"
    )
    return (
        f"{counts}. A1, A2, … are the self-assessments and T1, T2, … the targets, in the order "
        "they were started."
    )


def interviewee_text(name: str, role: str) -> str:
    """``Dana (Firmware lead)``; ``-`` when nobody was recorded."""
    if not name:
        return role or "-"
    return f"{name} ({role})" if role else name


# --- Levels over time ------------------------------------------------------------------------


def levels_section(history: History) -> Section:
    """The practices × assessments table, split to fit a terminal, with its key."""
    heading = "Levels over time, oldest assessment first"
    if not history.assessments:
        none = "No self-assessment of this system yet; start one with `smm new assessment`."
        return Section(heading, (Paragraph(none),), "levels")
    columns = (
        Column("ID"),
        *(Column(f"{history.label_of(s)} {day_of(s)}") for s in history.assessments),
        Column("Name"),
    )
    rows = tuple(
        Row(
            (
                Cell(practice.practice_id, CellKind.ID),
                *(level_cell(level) for level in practice.levels),
                Cell(practice.name),
            )
        )
        for practice in history.practices
    )
    table = Table(columns, rows, name="history levels-over-time", split=True)
    legend = (Paragraph(LEVELS_LEGEND, style="note"), Paragraph(CHANGE_LEGEND, style="note"))
    return Section(heading, (table, *legend), "levels")


def level_cell(level: LevelInTime) -> Cell:
    """``2/1↑``: the level and the marker of its change (none in the first column)."""
    marker = "" if level.change is None else CHANGE_MARKERS[level.change]
    words = short_level(level.level.comprehensiveness, level.level.scope) + marker
    tone = "" if level.change is None else level.change.value
    return Cell(words, CellKind.LEVEL, tone=tone)


# --- Gaps over time --------------------------------------------------------------------------


def gaps_section(history: History) -> Section:
    """The chart and the counts per assessment, with how they moved; or why there are none."""
    target = history.current_target
    if target is None:
        nothing = Paragraph("None, as this system has no target yet.")
        return Section("Gaps over time", (nothing,), "gaps")
    heading = f"Gaps to the current target ({history.label_of(target.session)}) over time"
    if not history.gaps:
        nothing = Paragraph("None yet, as this system has no self-assessment yet.")
        return Section(heading, (nothing,), "gaps")
    columns = (
        Column(""),
        Column("Date"),
        *(Column(name) for name in ("Large", "Small", "No gap", "Levels short", "Mean")),
    )
    rows = tuple(gap_row(history, point, before) for point, before in with_previous(history.gaps))
    table = Table(
        columns, rows, name="history gaps-over-time", note_heading="Since the previous assessment"
    )
    target_mean = mean_text(history.gaps[0].counts.target_mean)
    legend = Paragraph(f"{GAPS_LEGEND} The target's mean is {target_mean}.", style="note")
    blocks: list[Block] = [gaps_chart(history), table, legend]
    return Section(heading, tuple(blocks), "gaps")


def with_previous(points: list[GapsInTime]) -> list[tuple[GapsInTime, GapsInTime | None]]:
    return list(zip(points, [None, *points[:-1]], strict=True))


def gap_row(history: History, point: GapsInTime, before: GapsInTime | None) -> Row:
    """One assessment's counts, and how they moved since the one before, in words."""
    counts = point.counts
    numbers = (counts.large, counts.small, counts.none, counts.comprehensiveness_gap)
    cells = (
        Cell(history.label_of(point.session), CellKind.ID),
        Cell(day_of(point.session)),
        *(Cell(str(number)) for number in numbers),
        Cell(mean_text(counts.current_mean), CellKind.MEAN),
    )
    return Row(cells, note=movement_line(point, before))


def movement_line(point: GapsInTime, before: GapsInTime | None) -> str:
    """``2 fewer large gaps, …, mean comprehensiveness up 1.0 (0.7 → 1.7)``."""
    movement = point.movement
    if before is None or movement is None:
        return "first assessment" if before is None else "no change"
    words = movement_words(movement)
    if movement.current_mean:
        before_mean, after_mean = before.counts.current_mean, point.counts.current_mean
        words[-1] += f" ({mean_text(before_mean)} → {mean_text(after_mean)})"
    return ", ".join(words)


def gaps_chart(history: History) -> Chart:
    """The two-panel line chart of the counts and the means."""
    first, last = history.gaps[0], history.gaps[-1]
    counts = first.counts
    data = HistoryChartData(
        labels=tuple(history.label_of(point.session) for point in history.gaps),
        moments=tuple(point.session.created.astimezone(UTC) for point in history.gaps),
        large=tuple(point.counts.large for point in history.gaps),
        small=tuple(point.counts.small for point in history.gaps),
        none=tuple(point.counts.none for point in history.gaps),
        current_means=tuple(point.counts.current_mean for point in history.gaps),
        target_mean=counts.target_mean,
        practice_count=counts.large + counts.small + counts.none,
    )
    span = (
        f"from {history.label_of(first.session)} ({day_of(first.session)}) "
        f"to {history.label_of(last.session)} ({day_of(last.session)})"
    )
    description = (
        "Line chart: how many practices have a large, a small or no gap to the current target, "
        f"and the mean current comprehensiveness, at each self-assessment {span}."
    )
    return Chart("history", data, description, CHART_CAPTION)
