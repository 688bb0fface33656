"""``gap_document(report)``: the gap report as a document, for every writer.

Sessions, the summary, the heat map, where the interviewees disagree, the charts and the
roadmap (with the plan and the profile's considerations): the same words in every format.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from interview.consolidation import GapConsolidation, PracticeConsolidation, Side, StatedLevel
from interview.engine.follow_ups import follow_ups as follow_ups_of
from interview.gap import GapAnalysis, GroupGap, LevelPair, PracticeGap, is_not_applicable
from interview.questionnaire.model import Questionnaire
from interview.render.cards import (
    chart_sections,
    domain_labels,
    level_cell,
    mean_cell,
    profile_paragraphs,
    session_card,
)
from interview.render.confirmations import confirmation_section
from interview.render.document import (
    Block,
    Cell,
    CellKind,
    Column,
    Document,
    Entry,
    Facts,
    Items,
    ItemStyle,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.executive_summary import PHASE_RULES, executive_summary, phases_section
from interview.render.gap_evidence import (
    follow_up_section,
    notes_section,
    resting_practices,
    target_reasons_section,
)
from interview.render.gap_report import GapReport
from interview.render.method import method_section
from interview.render.roadmap_document import roadmap_section
from interview.render.rows import hierarchy
from interview.render.words import (
    DISAGREEMENT_TITLE,
    DONT_KNOW_MARK,
    GAP_LEGEND,
    MARK_NOTE,
    NOT_APPLICABLE,
    RULES_NOTE,
    SEVERITY_WORDS,
    TARGET_NOT_SET,
    disagreement_line,
    nowhere_line,
    practice_severity_words,
    side_title,
    stated_short,
)
from interview.report.charts import ChartData, Series
from interview.series_style import CURRENT, TARGET

GAP_LEAD = (
    "IIC IoT Security Maturity Model: the target compared with the current state, practice by "
    "practice."
)

HEAT_KEY = (
    ("large", "large gap: 2 or more levels short in either measure"),
    ("small", "small gap: 1 level short"),
    ("none", "no gap"),
    ("none", "no gap, exceeds target: above the target, maybe more than needed"),
    ("na", "not applicable: left out of means, charts and roadmap"),
)

DISAGREEMENT_LEAD = (
    "Practices where the interviewees gave different levels, the largest spread first, so that "
    "the difference can be talked through."
)


def gap_document(report: GapReport) -> Document:
    """The whole gap report."""
    questionnaire, sides, analysis = report.questionnaire, report.sides, report.analysis
    resting_current = resting_practices(questionnaire, sides.current.sessions)
    resting_target = resting_practices(questionnaire, sides.target.sessions)
    follow_ups = follow_up_section(questionnaire, sides)
    follow_up_count = sum(len(follow_ups_of(questionnaire, session)) for session in sides.sessions)
    summary = executive_summary(
        questionnaire, analysis, resting_current | resting_target, follow_up_count
    )
    return Document(
        title=f"Gap analysis: {sides.target.sessions[0].system}",
        lead=GAP_LEAD,
        sections=(
            summary,
            sessions_section(report),
            heat_map_section(questionnaire, analysis, resting_target, resting_current),
            *follow_ups,
            *disagreement_sections(sides),
            *gap_charts(questionnaire, analysis),
            phases_section(analysis.roadmap),
            roadmap_section(analysis.roadmap, report.extras),
            target_reasons_section(questionnaire, sides.target.sessions, report.profile),
            *notes_section(questionnaire, sides.current.sessions),
            *confirmation_section(questionnaire, sides.sessions),
            method_section(phases=PHASE_RULES),
        ),
    )


def sessions_section(report: GapReport) -> Section:
    """The sessions compared, the rules' note and the profile: after the executive summary,
    which has the first page to itself."""
    questionnaire, sides = report.questionnaire, report.sides
    blocks: tuple[Block, ...] = (
        *side_cards(questionnaire, sides.target, "Target"),
        *side_cards(questionnaire, sides.current, "Current state"),
        *(merged_note(side) for side in sides.sides()),
        Paragraph(RULES_NOTE, style="rules"),
        *profile_paragraphs(report.profile),
    )
    return Section("Sessions compared", blocks, "sessions", new_page=True)


def side_cards(questionnaire: Questionnaire, side: Side, heading: str) -> list[Facts]:
    """One card per session of a side, numbered when there are several."""
    count = len(side.sessions)
    return [
        session_card(
            questionnaire, session, heading if count == 1 else f"{heading} ({number} of {count})"
        )
        for number, session in enumerate(side.sessions, start=1)
    ]


def merged_note(side: Side) -> Paragraph:
    """``Current state: 3 assessments, merged by the lowest level per practice`` and where to
    read the rule."""
    return Paragraph(
        f"{side_title(side)}: the rule, and where the interviewees disagree, are further down.",
        style="rules",
    )


# --- The heat map ----------------------------------------------------------------------------

HEAT_COLUMNS = (
    Column("ID"),
    Column("Name"),
    Column("Target", 7),
    Column("Current", 7),
    Column("Gap", 5, detail="levels / scope"),
    Column("Severity", 25),
)


def heat_map_section(
    questionnaire: Questionnaire,
    analysis: GapAnalysis,
    resting_target: Set[str] = frozenset(),
    resting_current: Set[str] = frozenset(),
) -> Section:
    """The key, the legend and the table of domain, sub-domain and practice rows; a level
    that rests on a "don't know" is marked."""
    key = Items(
        tuple(Entry("", tag=Cell(words, CellKind.SEVERITY, tone=tone)) for tone, words in HEAT_KEY),
        name="key",
    )
    practices = {gap.practice_id: gap for gap in analysis.practices}
    rows = tuple(
        Row(group_cells(row, [practices[p] for p in row.practice_ids]), depth)
        if isinstance(row, GroupGap)
        else Row(marked(practice_cells(row), resting_target, resting_current), depth)
        for depth, row in hierarchy(questionnaire, analysis)
    )
    table = Table(HEAT_COLUMNS, rows, name="heat-map", hierarchy=True)
    legend = [Paragraph(GAP_LEGEND, style="note")]
    if resting_target or resting_current:
        legend.append(Paragraph(MARK_NOTE, style="note"))
    return Section("Heat map", (key, *legend, table), "heat-map", new_page=True)


def marked(
    cells: tuple[Cell, ...], resting_target: Set[str], resting_current: Set[str]
) -> tuple[Cell, ...]:
    """The practice's cells with the target and current levels marked where they rest on a
    "don't know"."""
    practice_id, target, current = cells[0].text, cells[2], cells[3]
    if practice_id in resting_target:
        target = with_mark(target)
    if practice_id in resting_current:
        current = with_mark(current)
    return (*cells[:2], target, current, *cells[4:])


def with_mark(cell: Cell) -> Cell:
    return replace(cell, text=f"{cell.text} {DONT_KNOW_MARK}", full=f"{cell.full} {DONT_KNOW_MARK}")


def group_cells(row: GroupGap, members: list[PracticeGap]) -> tuple[Cell, ...]:
    """A sub-domain's or domain's means and worst severity (with none to compare, why)."""
    if row.target_mean is not None:
        tone, words = row.severity.value, SEVERITY_WORDS[row.severity]
    elif all(is_not_applicable(gap.target) for gap in members):
        tone, words = "na", NOT_APPLICABLE
    else:
        tone, words = "na", TARGET_NOT_SET
    return (
        Cell(row.item_id, CellKind.ID),
        Cell(row.name),
        mean_cell(row.target_mean),
        mean_cell(row.current_mean),
        Cell(""),
        Cell(words, CellKind.SEVERITY, tone=tone),
    )


def practice_cells(gap: PracticeGap) -> tuple[Cell, ...]:
    """A practice's target, current level, gap and severity."""
    current = level_cell(LevelPair(gap.current.comprehensiveness, gap.current.scope))
    if gap.target.comprehensiveness is None:
        applies = not is_not_applicable(gap.target)
        target = Cell(
            "not set" if applies else "n/a", full="not set yet" if applies else NOT_APPLICABLE
        )
        difference = Cell("")
    else:
        target = level_cell(LevelPair(gap.target.comprehensiveness, gap.target.scope))
        words = f"{gap.comprehensiveness_gap}/{gap.scope_gap}"
        difference = Cell(words, full=f"{gap.comprehensiveness_gap} / {gap.scope_gap}")
    severity = Cell(
        practice_severity_words(gap),
        CellKind.SEVERITY,
        tone=gap.severity.value if gap.included else "na",
    )
    return (
        Cell(gap.practice_id, CellKind.ID),
        Cell(gap.name),
        target,
        current,
        difference,
        severity,
    )


# --- Several interviewees --------------------------------------------------------------------


def disagreement_sections(sides: GapConsolidation) -> list[Section]:
    """Where the interviewees disagree, per side that merges sessions, largest spread first."""
    if not sides.several:
        return []
    parts: list[Section] = []
    for side in sides.sides():
        disagreements = side.disagreements()
        found: Items | Paragraph = (
            Items(tuple(map(disagreement_entry, disagreements)), ItemStyle.NUMBERED)
            if disagreements
            else Paragraph(nowhere_line(side))
        )
        parts.append(Section(side_title(side), (Paragraph(side.rule.text), found), level=3))
    lead = Paragraph(DISAGREEMENT_LEAD, style="note")
    return [Section(DISAGREEMENT_TITLE, (lead, *parts), "disagreements")]


def disagreement_entry(practice: PracticeConsolidation) -> Entry:
    """``D1.1 Practice: they disagree by 2 levels; merged 1/2`` and every interviewee's level."""
    accounts = tuple(
        Entry(
            f"{account.interviewee.label()}, session {account.interviewee.session_id}",
            tag=stated_cell(account.level),
        )
        for account in practice.accounts
    )
    return Entry(
        f"{practice.practice_id} {practice.name}",
        (Items(accounts),),
        tag=Cell(disagreement_line(practice)),
    )


def stated_cell(level: StatedLevel) -> Cell:
    """A stated level: ``3/2``; in words ``3 Consistent`` over its scope; ``not applicable``."""
    if level.comprehensiveness is None:
        return Cell(stated_short(level), full="not set yet" if level.applicable else NOT_APPLICABLE)
    return level_cell(LevelPair(level.comprehensiveness, level.scope))


# --- Charts ----------------------------------------------------------------------------------


def gap_charts(questionnaire: Questionnaire, analysis: GapAnalysis) -> list[Section]:
    """The bar and radar chart sections, or one line when no practice applies."""
    included = [gap for gap in analysis.practices if gap.included]
    if not included:
        return [Section("Charts", (Paragraph("No practice applies: nothing to chart."),), "charts")]
    targets = tuple(
        LevelPair(gap.target.comprehensiveness or 0, gap.target.scope) for gap in included
    )
    currents = tuple(
        LevelPair(gap.current.comprehensiveness, gap.current.scope) for gap in included
    )
    ids = [gap.practice_id for gap in included]
    data = ChartData(
        tuple(ids),
        domain_labels(questionnaire, ids),
        (
            Series("Target", TARGET, targets),
            Series("Current", CURRENT, currents),
        ),
    )
    return chart_sections(
        data,
        "target and current levels",
        f"Target (left, {TARGET.colour_name}) and current (right, {CURRENT.colour_name}) "
        "comprehensiveness of each applicable practice.",
        f"Target ({TARGET.words()}) and current ({CURRENT.words()}) comprehensiveness, one "
        "spoke per applicable practice.",
    )
