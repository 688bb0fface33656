"""The gap analysis as CSV, one row per practice, for spreadsheets (docs/GAP.md)."""

from __future__ import annotations

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
)


def gap_csv(analysis: GapAnalysis) -> str:
    """One row per practice, for spreadsheets (docs/GAP.md lists the columns)."""
    return csv_text(GAP_CSV_HEADER, [practice_gap_cells(gap) for gap in analysis.practices])


def practice_gap_cells(gap: PracticeGap) -> list[str]:
    """One practice's CSV row."""
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
