"""A system's history as text and as JSON (the HTML page is in interview/report/history_html.py).

Plain text without colour: every change is written as a marker character (``2/1↑``), every
movement in words. User text (names, ids, file names) goes through ``printable`` in text and
``json_text`` in JSON. The JSON shape is a documented interface: see docs/HISTORY.md before
changing a key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from interview.cli.gap_formats import full_widths, session_info, wrapped
from interview.cli.output import json_text, table
from interview.errors import printable
from interview.formatting import KIND_NAMES, plural
from interview.history import (
    CHANGE_LEGEND,
    CHANGE_MARKERS,
    GAPS_LEGEND,
    HISTORY_RULES_NOTE,
    LEVELS_LEGEND,
    GapCounts,
    GapMovement,
    GapsInTime,
    History,
    LevelInTime,
    baseline_sentence,
    day_of,
    movement_words,
    session_status,
    target_sentence,
)
from interview.questionnaire.model import Questionnaire
from interview.report.outline import mean_text, short_level
from interview.session.model import Session

TEXT_WIDTH = 100
"""The ids and the level columns of a table fit in this many columns; wider tables are split."""

COLUMN_GAP = 2
"""Spaces between two table columns (as ``table`` writes them)."""


# --- Text ------------------------------------------------------------------------------------


def history_text(history: History) -> str:
    """The sessions, the levels over time and the gaps over time, for a terminal."""
    lines = [
        printable(f"History of {history.system}"),
        *wrapped(overview_sentence(history)),
        "",
        *sessions_table(history),
        "",
        *wrapped(printable(target_sentence(history))),
        *wrapped(printable(baseline_sentence(history))),
        "",
        *levels_section(history),
        "",
        *gaps_section(history),
        "",
        *wrapped(HISTORY_RULES_NOTE),
    ]
    return "\n".join(lines) + "\n"


def overview_sentence(history: History) -> str:
    """``3 self-assessments and 1 target, oldest first; A1, A2, … name the assessments…``."""
    counts = (
        f"{plural(len(history.assessments), 'self-assessment')} and "
        f"{plural(len(history.targets), 'target')}"
    )
    return (
        f"{counts}, oldest first. A1, A2, … are the self-assessments and T1, T2, … the targets, "
        "in the order they were started."
    )


def sessions_table(history: History) -> list[str]:
    """One row per session (label, start, kind, id, interviewee), its status on the line under
    it, so that long ids and statuses never push the table past the text width."""
    rows = [
        [
            history.label_of(session),
            day_of(session),
            KIND_NAMES[session.kind],
            session.id,
            interviewee_text(session.interviewee, session.role),
        ]
        for session in history.sessions
    ]
    headers = ["", "STARTED", "KIND", "SESSION", "INTERVIEWEE"]
    widths = full_widths([headers, *rows], [0] * len(headers))
    header, *row_lines = table(headers, rows, widths)
    indent = " " * (widths[0] + COLUMN_GAP)
    lines = [header]
    for session, row_line in zip(history.sessions, row_lines, strict=True):
        status = "; ".join(session_status(history, session))
        lines += [row_line, *wrapped(printable(indent + status), indent)]
    return lines


def interviewee_text(name: str, role: str) -> str:
    """``Dana (Firmware lead)``; ``-`` when nobody was recorded."""
    if not name:
        return role or "-"
    return f"{name} ({role})" if role else name


def level_text(level: LevelInTime) -> str:
    """``2/1↑``: the level and the marker of its change (nothing in the first column)."""
    marker = "" if level.change is None else CHANGE_MARKERS[level.change]
    return short_level(level.level.comprehensiveness, level.level.scope) + marker


def levels_section(history: History) -> list[str]:
    """The practices × assessments table, split into blocks that fit the width."""
    if not history.assessments:
        return [
            "Levels over time: no self-assessment of this system yet; "
            "start one with `smm new assessment`."
        ]
    lines = ["Levels over time, oldest assessment first", ""]
    headers = [f"{history.label_of(s)} {day_of(s)}" for s in history.assessments]
    id_width = max(len(p.practice_id) for p in history.practices)
    for start, stop in column_blocks(id_width, [len(header) for header in headers]):
        rows = [
            [p.practice_id, *(level_text(level) for level in p.levels[start:stop]), p.name]
            for p in history.practices
        ]
        block_headers = ["ID", *headers[start:stop], "NAME"]
        widths = full_widths([block_headers, *rows], [0] * len(block_headers))
        lines += [*table(block_headers, rows, widths), ""]
    return [*lines, *wrapped(LEVELS_LEGEND), *wrapped(CHANGE_LEGEND)]


def column_blocks(first_width: int, widths: Sequence[int]) -> list[tuple[int, int]]:
    """(start, stop) of each block of columns, so that the first column and each block's
    columns fit the text width; every block holds at least one column."""
    blocks: list[tuple[int, int]] = []
    start, used = 0, first_width
    for index, width in enumerate(widths):
        if index > start and used + COLUMN_GAP + width > TEXT_WIDTH:
            blocks.append((start, index))
            start, used = index, first_width
        used += COLUMN_GAP + width
    return [*blocks, (start, len(widths))]


def gaps_section(history: History) -> list[str]:
    """The counts per assessment, then how they moved, in words."""
    target = history.current_target
    if target is None:
        return ["Gaps over time: none, as this system has no target yet."]
    if not history.gaps:
        return ["Gaps over time: none yet, as this system has no self-assessment yet."]
    label = history.label_of(target.session)
    lines = [f"Gaps to the current target ({label}) over time", ""]
    headers = ["", "DATE", "LARGE", "SMALL", "NO GAP", "LEVELS SHORT", "MEAN"]
    rows = [gap_row(history, point) for point in history.gaps]
    lines += table(headers, rows, full_widths([headers, *rows], [0] * len(headers)))
    target_mean = mean_text(history.gaps[0].counts.target_mean)
    lines += ["", *wrapped(f"{GAPS_LEGEND} The target's mean is {target_mean}.")]
    lines += ["", "Since the previous assessment:"]
    lines += [
        line
        for before, after in zip(history.gaps, history.gaps[1:], strict=False)
        for line in wrapped(movement_line(history, before, after), "  ")
    ]
    if len(history.gaps) == 1:
        lines.append("  nothing to compare yet: this is the first assessment.")
    return lines


def gap_row(history: History, point: GapsInTime) -> list[str]:
    """One assessment's counts as table cells."""
    counts = point.counts
    return [
        history.label_of(point.session),
        day_of(point.session),
        str(counts.large),
        str(counts.small),
        str(counts.none),
        str(counts.comprehensiveness_gap),
        mean_text(counts.current_mean),
    ]


def movement_line(history: History, before: GapsInTime, after: GapsInTime) -> str:
    """``A2 against A1: 2 fewer large gaps, …, mean comprehensiveness up 1.0 (0.7 → 1.7).``"""
    movement = after.movement
    words = ["no change"] if movement is None else movement_words(movement)
    if movement is not None and movement.current_mean:
        before_mean, after_mean = before.counts.current_mean, after.counts.current_mean
        words[-1] += f" ({mean_text(before_mean)} → {mean_text(after_mean)})"
    labels = f"{history.label_of(after.session)} against {history.label_of(before.session)}"
    return f"{labels}: {', '.join(words)}."


# --- JSON ------------------------------------------------------------------------------------


def history_json(questionnaire: Questionnaire, history: History) -> str:
    """The documented JSON interface of ``smm history`` (docs/HISTORY.md)."""
    target = history.current_target
    return json_text(
        {
            "system": history.system,
            "sessions": [session_json(questionnaire, history, s) for s in history.sessions],
            "assessments": [session.id for session in history.assessments],
            "targets": [session.id for session in history.targets],
            "current_target": None
            if target is None
            else {"id": target.session.id, "finished": target.finished, "reason": target.reason},
            "baseline": None if history.baseline is None else history.baseline.id,
            "practices": [
                {
                    "id": practice.practice_id,
                    "name": practice.name,
                    "levels": [level_json(level) for level in practice.levels],
                }
                for practice in history.practices
            ],
            "gaps": [gaps_json(point) for point in history.gaps],
        }
    )


def session_json(
    questionnaire: Questionnaire, history: History, session: Session
) -> dict[str, Any]:
    """SESSION INFO (docs/GAP.md), its label, where it started from and when it was accepted."""
    accepted = session.accepted_as_baseline
    return {
        **session_info(questionnaire, session),
        "label": history.label_of(session),
        "previous_session": session.previous_session,
        "accepted_as_baseline": None if accepted is None else accepted.isoformat(),
    }


def level_json(level: LevelInTime) -> dict[str, Any]:
    """``{"comprehensiveness": 2, "scope": 1, "complete": true, "change": "up"}``."""
    return {
        "comprehensiveness": level.level.comprehensiveness,
        "scope": level.level.scope,
        "complete": level.level.complete,
        "change": None if level.change is None else level.change.value,
    }


def gaps_json(point: GapsInTime) -> dict[str, Any]:
    """One assessment's counts against the current target, and their movement."""
    return {
        "session": point.session.id,
        "created": point.session.created.isoformat(),
        **counts_json(point.counts),
        "target_mean": point.counts.target_mean,
        "change": None if point.movement is None else movement_json(point.movement),
    }


def counts_json(counts: GapCounts | GapMovement) -> dict[str, Any]:
    """The five numbers that counts and movements share."""
    return {
        "large": counts.large,
        "small": counts.small,
        "none": counts.none,
        "comprehensiveness_gap": counts.comprehensiveness_gap,
        "current_mean": counts.current_mean,
    }


def movement_json(movement: GapMovement) -> dict[str, Any]:
    """The differences since the previous assessment, and the same in words."""
    return {**counts_json(movement), "words": movement_words(movement)}
