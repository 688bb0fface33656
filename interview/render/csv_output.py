"""The gap analysis as CSV, one row per practice, for spreadsheets (docs/GAP.md)."""

from __future__ import annotations

from collections.abc import Set

from interview.gap import GapAnalysis, PracticeGap, is_not_applicable
from interview.levels_csv import csv_text, spreadsheet_text

GAP_CSV_HEADER = (
    "practice",
    "name",
    "target_comprehensiveness",
    "target_scope",
    "current_comprehensiveness",
    "current_scope",
    "comprehensiveness_gap",
    "scope_gap",
    "severity",
    "exceeds_target",
    "rests_on_dont_know",
)


def gap_csv(
    analysis: GapAnalysis,
    resting_target: Set[str] = frozenset(),
    resting_current: Set[str] = frozenset(),
) -> str:
    """One row per practice, for spreadsheets (docs/GAP.md lists the columns); the last says
    which sides' levels rest on a "don't know" (``target;current``)."""
    rows = []
    for gap in analysis.practices:
        resting = [
            side
            for side, found in (("target", resting_target), ("current", resting_current))
            if gap.practice_id in found
        ]
        rows.append([*practice_gap_cells(gap), ";".join(resting)])
    return csv_text(GAP_CSV_HEADER, rows)


def practice_gap_cells(gap: PracticeGap) -> list[str]:
    """One practice's CSV row, but for what rests on a "don't know"."""
    target = gap.target
    if target.comprehensiveness is None:
        target_cells = ["na" if is_not_applicable(target) else "", ""]
    else:
        target_cells = [str(target.comprehensiveness), str(target.scope or "")]
    current = gap.current
    return [
        gap.practice_id,
        spreadsheet_text(gap.name),
        *target_cells,
        str(current.comprehensiveness),
        "" if current.scope is None else str(current.scope),
        "" if gap.comprehensiveness_gap is None else str(gap.comprehensiveness_gap),
        "" if gap.scope_gap is None else str(gap.scope_gap),
        gap.severity.value,
        "yes" if gap.exceeds_target else "no",
    ]
