"""``session_document(...)``: one session on its own (``smm report``), for every writer.

For a target, the document for management: each practice's target level, where it came from,
what that level achieves and why it was chosen. For an assessment, the current state: each
practice's level, what it achieves, whether questions are still open, and the notes.
"""

from __future__ import annotations

from dataclasses import replace

from interview.engine.follow_ups import practices_resting_on_dont_know
from interview.profiles import Profile
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
    Fact,
    Items,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.follow_ups import follow_up_section
from interview.render.method import method_section
from interview.render.rows import practice_details, report_outline
from interview.render.words import DONT_KNOW_MARK, MARK_NOTE, NOT_APPLICABLE, report_title
from interview.report.charts import ChartData, Series
from interview.series_style import CURRENT, TARGET
from interview.session.model import Session, SessionKind, TargetSession
from interview.standings import GroupStanding, PracticeStanding, session_standings
from interview.target_review import (
    TargetReview,
    approval_words,
    no_warnings_words,
    review_target,
    session_profile_levels,
)

TARGET_LEAD = "The target levels agreed for the system, with where each came from and why."
CURRENT_LEAD = "The current state of the system's security practices, as assessed."


def session_document(
    questionnaire: Questionnaire,
    session: Session,
    profile: Profile | None = None,
    review: TargetReview | None = None,
) -> Document:
    """The session's card, where its rules come from, a target's approval and warnings, its
    levels and its charts. ``review``: a target's, when the caller compared it with the
    profile of its sector (else it is compared with its own profile only)."""
    is_target = session.kind is SessionKind.TARGET
    lead = TARGET_LEAD if is_target else CURRENT_LEAD
    if isinstance(session, TargetSession) and review is None:
        review = review_target(questionnaire, session, session_profile_levels(session))
    return Document(
        title=report_title(session),
        lead=f"IIC IoT Security Maturity Model. {lead}",
        cards=(session_card(questionnaire, session, "Target" if is_target else "Current state"),),
        preamble=(Paragraph(report_rules(is_target), style="rules"), *profile_paragraphs(profile)),
        sections=(
            *([review_section(review)] if is_target and review is not None else []),
            levels_section(questionnaire, session, profile),
            *follow_up_section(questionnaire, session),
            *report_charts(questionnaire, session),
            *confirmation_section(questionnaire, [session]),
            method_section(),
        ),
    )


def review_section(review: TargetReview) -> Section:
    """Who approved the target and when (or not yet), and the warnings worth a second look."""
    approval = Paragraph(approval_words(review.approval), style="approval")
    warnings: Block = (
        Items(tuple(Entry(warning.text) for warning in review.warnings), name="warnings")
        if review.warnings
        else Paragraph(no_warnings_words(review))
    )
    return Section("Approval and warnings", (approval, warnings), "approval")


def report_rules(is_target: bool) -> str:
    """Where the levels and means come from."""
    what = "target" if is_target else "current"
    return (
        f"How smm finds {what} levels, and the means, where the IIC paper leaves it open: "
        'see "How smm works out the levels and gaps" at the end.'
    )


def levels_section(
    questionnaire: Questionnaire, session: Session, profile: Profile | None
) -> Section:
    """The levels table, with what its mark means when a level rests on a "don't know"."""
    table = levels_table(questionnaire, session, profile)
    marked = practices_resting_on_dont_know(questionnaire, session)
    note = (Paragraph(MARK_NOTE, style="note"),) if marked else ()
    return Section("Levels", (*note, table), "levels")


def levels_table(questionnaire: Questionnaire, session: Session, profile: Profile | None) -> Table:
    """Domain, sub-domain and practice rows: the level, and where it came from or notes."""
    is_target = session.kind is SessionKind.TARGET
    resting = practices_resting_on_dont_know(questionnaire, session)
    rows = []
    for depth, row in report_outline(questionnaire, session):
        if isinstance(row, GroupStanding):
            mean = mean_cell(row.mean).full  # "mean 2.5": the column holds levels too
            cells = (Cell(row.item_id, CellKind.ID), Cell(row.name), Cell(mean, CellKind.MEAN))
            rows.append(Row(cells, depth))
            continue
        details = tuple(
            Fact(label, text)
            for label, text in practice_details(questionnaire, session, row, profile)
        )
        level = standing_cell(row)
        if row.practice_id in resting:
            level = replace(
                level, text=f"{level.text} {DONT_KNOW_MARK}", full=f"{level.full} {DONT_KNOW_MARK}"
            )
        cells = (Cell(row.practice_id, CellKind.ID), Cell(row.name), level)
        rows.append(Row(cells, depth, details=details))
    return Table(
        (Column("ID"), Column("Name"), Column("Level")),
        tuple(rows),
        name="levels",
        hierarchy=True,
        details_heading="Set by, aim and reason" if is_target else "Reached and notes",
    )


def standing_cell(standing: PracticeStanding) -> Cell:
    """The practice's level in words, or why it has none."""
    if standing.level is None:
        words = NOT_APPLICABLE if not standing.applicable else "not set yet"
        return Cell(words)
    cell = level_cell(standing.level)
    return Cell(standing.level.label(), CellKind.LEVEL, detail=cell.detail, full=cell.full)


def report_charts(questionnaire: Questionnaire, session: Session) -> list[Section]:
    """The session's bar and radar charts over the practices that have a level."""
    charted = [s for s in session_standings(questionnaire, session) if s.level is not None]
    if not charted:
        nothing = Paragraph("No practice has a level yet: nothing to chart.")
        return [Section("Charts", (nothing,), "charts")]
    is_target = session.kind is SessionKind.TARGET
    series = Series(
        "Target" if is_target else "Current",
        TARGET if is_target else CURRENT,
        tuple(standing.level for standing in charted if standing.level is not None),
    )
    ids = [standing.practice_id for standing in charted]
    data = ChartData(tuple(ids), domain_labels(questionnaire, ids), (series,))
    what = "target" if is_target else "current"
    return chart_sections(
        data,
        f"the {what} level",
        f"The {what} comprehensiveness of each practice with a level.",
        f"The {what} comprehensiveness, one spoke per practice with a level.",
    )
