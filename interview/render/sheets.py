"""A report's data as worksheets (``--format xlsx``): the same gap, session or history as the
document, as rows to sort, filter and plan in. Data only: the workbook writer
(:mod:`interview.render.workbook`) sets them out.

Levels are numbers (a blank where there is none, with the reason in words beside it), so that
a spreadsheet can compute with them; the roadmap has Owner, Due date, Status and Note columns
to fill in, pre-filled from the system's plan when it has one.
"""

from __future__ import annotations

from collections.abc import Sequence

from interview.engine.follow_ups import answer_words, follow_ups, practices_resting_on_dont_know
from interview.engine.prompts import build_prompt
from interview.engine.views import session_plan, session_targets
from interview.gap import PracticeGap, is_not_applicable
from interview.history import History
from interview.plan import PlanStatus
from interview.questionnaire.model import Questionnaire
from interview.render.confirmations import not_applicable_answers
from interview.render.document import Sheet, SheetValue
from interview.render.gap_report import GapReport
from interview.render.words import SEVERITY_WORDS
from interview.roadmap_phases import item_phase
from interview.session.model import Session, SessionKind
from interview.standings import session_standings

FILL_IN = ("Owner", "Due date", "Status", "Note")
STATUSES = tuple(status.value for status in PlanStatus)


def gap_sheets(report: GapReport) -> tuple[Sheet, ...]:
    """Levels, Roadmap, Follow-ups, Answers and Not applicable of a gap report."""
    questionnaire, sides = report.questionnaire, report.sides
    resting = {
        "target": set().union(
            *(practices_resting_on_dont_know(questionnaire, s) for s in sides.target.sessions)
        ),
        "current": set().union(
            *(practices_resting_on_dont_know(questionnaire, s) for s in sides.current.sessions)
        ),
    }
    levels = Sheet(
        "Levels",
        (
            "Domain",
            "Sub-domain",
            "Practice",
            "Name",
            "Target comprehensiveness",
            "Target scope",
            "Current comprehensiveness",
            "Current scope",
            "Comprehensiveness gap",
            "Scope gap",
            "Severity",
            "Target in words",
            "Rests on don't know",
        ),
        tuple(gap_row(questionnaire, gap, resting) for gap in report.analysis.practices),
    )
    return (
        levels,
        roadmap_sheet(report),
        follow_up_sheet(questionnaire, sides.sessions),
        answers_sheet(questionnaire, sides.sessions),
        not_applicable_sheet(questionnaire, sides.sessions),
    )


def gap_row(
    questionnaire: Questionnaire, gap: PracticeGap, resting: dict[str, set[str]]
) -> tuple[SheetValue, ...]:
    practice = questionnaire.practices[gap.practice_id]
    target = gap.target
    if target.comprehensiveness is None:
        words = "not applicable" if is_not_applicable(target) else "not set yet"
    else:
        words = ""
    sides = [side for side, found in resting.items() if gap.practice_id in found]
    return (
        questionnaire.domain_of(gap.practice_id),
        practice.subdomain,
        gap.practice_id,
        gap.name,
        target.comprehensiveness,
        target.scope if target.comprehensiveness is not None else None,
        gap.current.comprehensiveness,
        gap.current.scope,
        gap.comprehensiveness_gap,
        gap.scope_gap,
        SEVERITY_WORDS[gap.severity] if gap.included else words,
        words,
        ", ".join(sides),
    )


def roadmap_sheet(report: GapReport) -> Sheet:
    """The roadmap, most urgent first, with its phase and the plan's columns to fill in."""
    view = report.extras.plan
    rows = []
    for rank, item in enumerate(report.analysis.roadmap, start=1):
        step = view.step(item.practice_id) if view else None
        plan = step.item if step else None
        to_do = "\n".join(f"{s.label}: {'; '.join(s.to_do)}" for s in item.steps)
        rows.append(
            (
                rank,
                item_phase(item).word,
                item.practice_id,
                item.name,
                SEVERITY_WORDS[item.severity],
                item.start.label(),
                item.goal.label(),
                item.reason,
                to_do,
                plan.owner if plan else "",
                plan.due if plan else None,
                plan.status.value if plan else "",
                plan.note if plan else "",
            )
        )
    headings = ("Rank", "Phase", "Practice", "Name", "Severity", "From", "To", "Why", "To do")
    return Sheet(
        "Roadmap",
        (*headings, *FILL_IN),
        tuple(rows),
        fill_in=FILL_IN,
        choices=(("Status", STATUSES),),
    )


def follow_up_sheet(questionnaire: Questionnaire, sessions: Sequence[Session]) -> Sheet:
    """Every question answered "don't know", with who answered and whom to ask."""
    rows = [
        (
            session.id,
            side_word(session),
            session.interviewee,
            item.where,
            item.question_id,
            item.question,
            item.ask or "",
            item.note or "",
        )
        for session in sessions
        for item in follow_ups(questionnaire, session)
    ]
    headings = ("Session", "Side", "Answered by", "Where", "Question id", "Question", "Ask")
    return Sheet("Follow-ups", (*headings, "Note"), tuple(rows))


def answers_sheet(questionnaire: Questionnaire, sessions: Sequence[Session]) -> Sheet:
    """Every answer given, in interview order, with its note."""
    rows: list[tuple[SheetValue, ...]] = []
    for session in sessions:
        targets = session_targets(questionnaire, session)
        for step in session_plan(questionnaire, session):
            answer = session.answers.get(step.question_id)
            if answer is None:
                continue
            prompt = build_prompt(questionnaire, step, targets)
            rows.append(
                (
                    session.id,
                    side_word(session),
                    session.interviewee,
                    step.practice_id or step.subdomain_id or step.domain_id or "",
                    step.question_id,
                    prompt.text,
                    answer_words(prompt, answer.value, answer.ask),
                    answer.note,
                )
            )
    headings = ("Session", "Side", "Interviewee", "Where", "Question id", "Question", "Answer")
    return Sheet("Answers", (*headings, "Note"), tuple(rows))


def not_applicable_sheet(questionnaire: Questionnaire, sessions: Sequence[Session]) -> Sheet:
    """What was said not to apply, with the reason, to confirm."""
    rows = tuple(
        (item.practice_id, item.question, item.justification, item.who)
        for item in not_applicable_answers(questionnaire, sessions)
    )
    return Sheet("Not applicable", ("Practice", "What", "Why not applicable", "Said by"), rows)


def side_word(session: Session) -> str:
    return "target" if session.kind is SessionKind.TARGET else "current"


# --- One session, and a history --------------------------------------------------------------


def session_sheets(questionnaire: Questionnaire, session: Session) -> tuple[Sheet, ...]:
    """A session report's Levels, Follow-ups, Answers and Not applicable."""
    resting = practices_resting_on_dont_know(questionnaire, session)
    rows = tuple(
        (
            questionnaire.domain_of(s.practice_id),
            s.practice_id,
            s.name,
            s.level.comprehensiveness if s.level else None,
            s.level.scope if s.level else None,
            "" if s.level else ("not set yet" if s.applicable else "not applicable"),
            "yes" if s.practice_id in resting else "",
            s.note,
        )
        for s in session_standings(questionnaire, session)
    )
    headings = ("Domain", "Practice", "Name", "Comprehensiveness", "Scope", "In words")
    levels = Sheet("Levels", (*headings, "Rests on don't know", "Notes or reason"), rows)
    return (
        levels,
        follow_up_sheet(questionnaire, [session]),
        answers_sheet(questionnaire, [session]),
        not_applicable_sheet(questionnaire, [session]),
    )


def history_sheets(history: History) -> tuple[Sheet, ...]:
    """Each assessment's levels per practice, and the gaps over time."""
    labels = [history.label_of(session) for session in history.assessments]
    rows: tuple[tuple[SheetValue, ...], ...] = tuple(
        (
            practice.practice_id,
            practice.name,
            *(moment.level.comprehensiveness for moment in practice.levels),
        )
        for practice in history.practices
    )
    levels = Sheet("Levels over time", ("Practice", "Name", *labels), rows)
    gaps = tuple(
        (
            history.label_of(moment.session),
            moment.counts.large,
            moment.counts.small,
            moment.counts.none,
            moment.counts.comprehensiveness_gap,
            moment.counts.current_mean,
            moment.counts.target_mean,
        )
        for moment in history.gaps
    )
    headings = ("Assessment", "Large", "Small", "No gap", "Levels short", "Mean", "Target mean")
    return levels, Sheet("Gaps over time", headings, gaps)
