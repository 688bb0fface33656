"""Every sentence and label that more than one report or screen uses, written once.

Text, Markdown, HTML, the TUI's gap and history screens and the JSON's ``*_text`` fields lay
these out each in their own way; the words stay the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interview.consolidation import PracticeConsolidation, Side, StatedLevel, disagreement_words
from interview.formatting import plural, utc_time
from interview.gap import PracticeGap, Severity, is_not_applicable, is_unset
from interview.plan import PlanItem, PlannedStep, Progress
from interview.profiles import DISCLAIMER, Profile
from interview.render.gap_report import PlanView
from interview.session.model import AssessmentSession, Origin, Session, SessionKind, is_finished
from interview.standings import PracticeStanding

if TYPE_CHECKING:
    from interview.history import GapMovement, History

# --- Levels and severities -------------------------------------------------------------------

SEVERITY_WORDS = {
    Severity.NONE: "no gap",
    Severity.SMALL: "small gap",
    Severity.LARGE: "large gap",
}

NOT_APPLICABLE = "not applicable"
TARGET_NOT_SET = "target not set"

ORIGIN_WORDS = {
    Origin.GOAL: "the domain goal",
    Origin.NEEDS: "the sub-domain needs",
    Origin.PURPOSE: "the practice purpose",
    Origin.INHERITED: "inherited",
    Origin.ASSESSED: "assessed",
    Origin.IMPORTED: "imported",
    Origin.PROFILE: "from the target profile",
}
"""Where a level came from, as it reads after ``set by:``."""

SET_BY_A_QUESTION = (Origin.GOAL, Origin.NEEDS, Origin.PURPOSE)


def origin_phrase(origin: Origin) -> str:
    """Where a level came from, standing alone: ``set by the domain goal``, ``inherited``."""
    words = ORIGIN_WORDS[origin]
    return f"set by {words}" if origin in SET_BY_A_QUESTION else words


LEVELS_LEGEND = (
    "Levels are comprehensiveness/scope. Comprehensiveness: 0 None, 1 Minimum, 2 Ad hoc, "
    "3 Consistent, 4 Formalized. Scope: 1 General, 2 Industry specific, 3 System specific; "
    "- is n/a (comprehensiveness 0), ? not yet known."
)

GAP_LEGEND = (
    f"{LEVELS_LEGEND} Sub-domain and domain rows show the mean comprehensiveness of their "
    "applicable practices and the worst severity among them."
)

RULES_NOTE = (
    "Gaps, severity, means and roadmap order follow smm's own rules where the IIC paper leaves "
    "them open: a gap of 2 or more levels in either measure is large, any smaller gap is small. "
    'They are set out at the end, under "How smm works out the levels and gaps".'
)

DONT_KNOW_MARK = "†"
"""Set after a level that rests on a "don't know" (text, Markdown and every other format)."""

MARK_NOTE = (
    f'{DONT_KNOW_MARK} the level rests on a question answered "don\'t know", counted as not met '
    '(an assessment) or as not asked (a target): see "Follow-ups" for the questions.'
)

NO_GAPS = "No gaps: the current state meets the target wherever it applies."


def short_level(comprehensiveness: int, scope: int | None) -> str:
    """``3/2``; ``0/-`` (scope n/a at comprehensiveness 0); ``2/?`` (scope not yet known)."""
    if comprehensiveness == 0:
        return "0/-"
    return f"{comprehensiveness}/{'?' if scope is None else scope}"


def mean_text(mean: float | None) -> str:
    """``2.5``, or ``-`` when there is nothing to average."""
    return "-" if mean is None else f"{mean:.1f}"


def practice_severity_words(gap: PracticeGap) -> str:
    """``large gap``, ``no gap, exceeds target``, ``not applicable``, ``target not set``."""
    if is_not_applicable(gap.target):
        return NOT_APPLICABLE
    if is_unset(gap.target):
        return TARGET_NOT_SET
    words = SEVERITY_WORDS[gap.severity]
    return f"{words}, exceeds target" if gap.exceeds_target else words


def standing_words(standing: PracticeStanding) -> str:
    """``3 Consistent, scope 2 Industry specific``; ``not applicable``; ``not set yet``."""
    if standing.level is None:
        return NOT_APPLICABLE if not standing.applicable else "not set yet"
    return standing.level.label()


def report_title(session: Session) -> str:
    """``Target: Acme gateway`` or ``Current state: Acme gateway``."""
    kind = "Target" if session.kind is SessionKind.TARGET else "Current state"
    return f"{kind}: {session.system}"


def sentence_start(label: str) -> str:
    """A detail's label with its first letter raised, the rest (a profile's name) untouched."""
    return label[:1].upper() + label[1:]


# --- Several interviewees --------------------------------------------------------------------

DISAGREEMENT_TITLE = "Where the interviewees disagree"

SIDE_NAMES = {SessionKind.TARGET: "Target", SessionKind.ASSESSMENT: "Current state"}


def stated_short(level: StatedLevel) -> str:
    """``3/2``, ``0/-``, ``2/?``; for a target, ``n/a`` or ``not set``."""
    if level.comprehensiveness is None:
        return "not set" if level.applicable else "n/a"
    return short_level(level.comprehensiveness, level.scope)


def merged_from(side: Side) -> str:
    """``3 assessments, merged by the lowest level per practice``."""
    noun = "target" if side.kind is SessionKind.TARGET else "assessment"
    return f"{plural(len(side.sessions), noun)}, merged by the {side.rule.name} level per practice"


def side_title(side: Side) -> str:
    """``Current state: 3 assessments, merged by the lowest level per practice``."""
    return f"{SIDE_NAMES[side.kind]}: {merged_from(side)}"


def disagreement_line(practice: PracticeConsolidation) -> str:
    """``they disagree by 2 levels, and on scope by 1; merged 1/2``."""
    return f"{disagreement_words(practice)}; merged {stated_short(practice.level)}"


def nowhere_line(side: Side) -> str:
    """What to say when the interviewees of a side agree on every practice."""
    return f"The {len(side.sessions)} interviewees give the same level for every practice."


# --- The plan --------------------------------------------------------------------------------

ALWAYS_COUNTED = (Progress.DONE, Progress.LATE, Progress.OPEN)
"""The summary line names these states even at zero; the others only when they occur."""

SUMMARY_ORDER = (*ALWAYS_COUNTED, Progress.IN_PROGRESS, Progress.DROPPED, Progress.CLOSED)

CLOSED_TITLE = "Planned, but no longer in the roadmap"

CLOSED_LEAD = (
    "This comparison shows no gap any more for these planned practices (met, or no longer "
    "targeted)."
)


def plan_summary(view: PlanView) -> str:
    """``Plan for Rig: 1 done, 1 late, 2 open, 1 gap closed.``"""
    counts = view.counts
    parts = [
        f"{counts[state]} {state.value}"
        for state in SUMMARY_ORDER
        if counts[state] or state in ALWAYS_COUNTED
    ]
    return f"Plan for {view.system}: {', '.join(parts)}."


def plan_facts(item: PlanItem | None) -> list[str]:
    """What follows the progress: the owner and the due date, or that it is not planned yet."""
    if item is None:
        return ["not planned yet"]
    facts = [item.owner or "no owner"]
    if item.due is not None:
        facts.append(f"due {item.due.isoformat()}")
    return facts


def plan_words(step: PlannedStep) -> str:
    """``late · Ana · due 2026-10-01``; ``open · not planned yet``."""
    return plan_item_words(step.progress, step.item)


def plan_item_words(progress: Progress, item: PlanItem | None) -> str:
    """:func:`plan_words` for an item and its progress."""
    return " · ".join([progress.value, *plan_facts(item)])


def plan_note(step: PlannedStep | None) -> str:
    """The item's note, or ``""``."""
    return step.item.note if step is not None and step.item is not None else ""


# --- The profile -----------------------------------------------------------------------------

PROFILE_LABEL = "Target profile"


def sector_label(profile: Profile) -> str:
    """``In this sector (Small lab)``."""
    return f"In this sector ({profile.name})"


def profile_description(profile: Profile) -> str:
    """``Small lab (small-lab).`` and the disclaimer."""
    return f"{profile.name} ({profile.id}). {DISCLAIMER}"


def profile_note(profile: Profile) -> str:
    """``Target profile: Small lab (small-lab).`` and the disclaimer, once per report."""
    return f"{PROFILE_LABEL}: {profile_description(profile)}"


# --- History ---------------------------------------------------------------------------------

CHANGE_LEGEND = (
    "After a level, the change since the previous assessment: ↑ up, ↓ down, ↕ one measure up "
    "and the other down; nothing when it stayed. A narrower scope is higher."
)

GAPS_LEGEND = (
    "Counted over the practices that the current target includes (not-applicable ones are left "
    "out). Levels short: the comprehensiveness gaps added up. Mean: the mean current "
    "comprehensiveness of those practices, to one decimal."
)

HISTORY_RULES_NOTE = (
    "Which sessions form the history, which target is the current one and how changes are "
    "marked are smm's own rules; gaps and severity follow smm's gap rules (a gap of 2 or more "
    "levels in either measure is large, any smaller gap is small). smm's documentation, under "
    '"History" and "Gap analysis", gives the rules in full.'
)


def session_status(history: History, session: Session) -> list[str]:
    """``["imported from a.csv", "started from A1 (id)", "accepted as the baseline …"]``."""
    words = [
        f"imported from {session.imported_from}"
        if session.imported_from is not None
        else ("finished" if is_finished(session) else "not finished")
    ]
    target = history.current_target
    if target is not None and target.session.id == session.id:
        words.append("the current target")
    if not isinstance(session, AssessmentSession):
        return words
    if session.previous_session:
        label = history.label_of_id(session.previous_session)
        where = label or f"{session.previous_session} (not in this history)"
        words.append(f"started from {where}")
    if session.accepted_as_baseline is not None:
        words.append(f"accepted as the baseline {utc_time(session.accepted_as_baseline)}")
    return words


def target_sentence(history: History) -> str:
    """``Current target: T1 (id), the most recent finished target.``, or why there is none."""
    target = history.current_target
    if target is None:
        return (
            "No target for this system yet, so there are no gaps to follow; "
            "start one with `smm new target`."
        )
    label = history.label_of(target.session)
    return f"Current target: {label} ({target.session.id}), {target.reason}."


def baseline_sentence(history: History) -> str:
    """``Baseline: A2 (id), accepted …``, or that none was accepted yet."""
    baseline = history.baseline
    if baseline is None or baseline.accepted_as_baseline is None:
        return "Baseline: no assessment has been accepted as the baseline yet."
    accepted = utc_time(baseline.accepted_as_baseline)
    return f"Baseline: {history.label_of(baseline)} ({baseline.id}), accepted {accepted}."


def movement_words(movement: GapMovement) -> list[str]:
    """``["2 fewer large gaps", "3 levels closer to the target", …]``, the mean's movement
    last; ``["no change"]`` when nothing moved."""
    words = [
        counted_change(movement.large, "large gap"),
        counted_change(movement.small, "small gap"),
        counted_change(movement.none, "practice with no gap", "practices with no gap"),
    ]
    levels = movement.comprehensiveness_gap
    if levels:
        direction = "closer to" if levels < 0 else "further from"
        words.append(f"{plural(abs(levels), 'level')} {direction} the target")
    if movement.current_mean:
        direction = "up" if movement.current_mean > 0 else "down"
        words.append(f"mean comprehensiveness {direction} {abs(movement.current_mean):.1f}")
    return [word for word in words if word] or ["no change"]


def counted_change(difference: int, noun: str, nouns: str = "") -> str:
    """``2 fewer large gaps``, ``1 more small gap``; empty when the count did not move."""
    if not difference:
        return ""
    amount = abs(difference)
    name = noun if amount == 1 else (nouns or f"{noun}s")
    return f"{amount} {'more' if difference > 0 else 'fewer'} {name}"
