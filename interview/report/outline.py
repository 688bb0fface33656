"""What every report format says, and in which order: severity and origin in words, the rows
of the hierarchy, the details under a practice. Text, Markdown and HTML lay these out each in
their own way; the words and the order stay the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from interview.consolidation import (
    PracticeConsolidation,
    Side,
    StatedLevel,
    disagreement_words,
)
from interview.formatting import plural
from interview.gap import (
    GapAnalysis,
    GroupGap,
    GroupStanding,
    PracticeGap,
    PracticeStanding,
    Severity,
    group_standings,
    is_not_applicable,
    is_unset,
    session_standings,
)
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.report.extras import consideration, sector_label
from interview.session.model import Origin, Session, SessionKind

SEVERITY_WORDS = {
    Severity.NONE: "no gap",
    Severity.SMALL: "small gap",
    Severity.LARGE: "large gap",
}


ORIGIN_WORDS = {
    Origin.GOAL: "the domain goal",
    Origin.NEEDS: "the sub-domain needs",
    Origin.PURPOSE: "the practice purpose",
    Origin.INHERITED: "inherited",
    Origin.ASSESSED: "assessed",
    Origin.IMPORTED: "imported",
    Origin.PROFILE: "from the target profile",
}


RULES_NOTE = (
    "Gaps, severity, means and roadmap order follow smm's own rules where the IIC paper leaves "
    "them open: a gap of 2 or more levels in either measure is large, any smaller gap is small. "
    "See docs/GAP.md."
)


def short_level(comprehensiveness: int, scope: int | None) -> str:
    """``3/2``; ``0/-`` (scope n/a at comprehensiveness 0); ``2/?`` (scope not yet known)."""
    if comprehensiveness == 0:
        return "0/-"
    return f"{comprehensiveness}/{'?' if scope is None else scope}"


def mean_text(mean: float | None) -> str:
    """``2.5``, or ``-`` when there is nothing to average."""
    return "-" if mean is None else f"{mean:.1f}"


def incomplete_practices(questionnaire: Questionnaire, session: Session) -> list[str]:
    """Practices whose target is not set yet, or whose assessment has questions open."""
    return [s.practice_id for s in session_standings(questionnaire, session) if not s.complete]


def hierarchy(
    questionnaire: Questionnaire, analysis: GapAnalysis
) -> Iterator[tuple[int, GroupGap | PracticeGap]]:
    """(depth, row): each domain, then each of its sub-domains followed by its practices."""
    practices = {gap.practice_id: gap for gap in analysis.practices}
    for domain in analysis.domains:
        yield 0, domain
        for subdomain in analysis.subdomains:
            if questionnaire.subdomains[subdomain.item_id].domain == domain.item_id:
                yield 1, subdomain
                for practice_id in subdomain.practice_ids:
                    yield 2, practices[practice_id]


def practice_severity_words(gap: PracticeGap) -> str:
    """``large gap``, ``no gap, exceeds target``, ``not applicable``, ``target not set``."""
    if is_not_applicable(gap.target):
        return "not applicable"
    if is_unset(gap.target):
        return "target not set"
    words = SEVERITY_WORDS[gap.severity]
    return f"{words}, exceeds target" if gap.exceeds_target else words


def standing_words(standing: PracticeStanding) -> str:
    """``3 Consistent, scope 2 Industry specific``; ``not applicable``; ``not set yet``."""
    if standing.level is None:
        return "not applicable" if not standing.applicable else "not set yet"
    return standing.level.label()


def level_objective(questionnaire: Questionnaire, standing: PracticeStanding) -> str | None:
    """What the practice's level achieves, from the questionnaire (None at level 0 or none)."""
    if standing.level is None or standing.level.comprehensiveness == 0:
        return None
    practice = questionnaire.practices[standing.practice_id]
    return practice.levels[standing.level.comprehensiveness].objective


def report_title(session: Session) -> str:
    """``Target: Acme gateway`` or ``Current state: Acme gateway``."""
    kind = "Target" if session.kind is SessionKind.TARGET else "Current state"
    return f"{kind}: {session.system}"


def report_outline(
    questionnaire: Questionnaire, session: Session
) -> Iterator[tuple[int, GroupStanding | PracticeStanding]]:
    """(depth, row): each domain, then each of its sub-domains followed by its practices."""
    standings = session_standings(questionnaire, session)
    subdomains, domains = group_standings(questionnaire, standings)
    by_id = {standing.practice_id: standing for standing in standings}
    for domain in domains:
        yield 0, domain
        for subdomain in subdomains:
            if questionnaire.subdomains[subdomain.item_id].domain == domain.item_id:
                yield 1, subdomain
                for practice_id in questionnaire.practice_ids(subdomain.item_id):
                    yield 2, by_id[practice_id]


def practice_details(
    questionnaire: Questionnaire,
    session: Session,
    standing: PracticeStanding,
    profile: Profile | None = None,
) -> list[tuple[str, str]]:
    """(label, text) lines under a practice: origin, aim, notes, the profile's consideration."""
    details = []
    if session.kind is SessionKind.TARGET:
        details.append(("set by", ORIGIN_WORDS[standing.origin]))
    elif not standing.complete:
        details.append(("status", "not finished: questions still open"))
    objective = level_objective(questionnaire, standing)
    if objective:
        details.append(("aim" if session.kind is SessionKind.TARGET else "reached", objective))
    if standing.note:
        details.append(("why" if session.kind is SessionKind.TARGET else "notes", standing.note))
    sector = target_consideration(session, standing, profile)
    if sector:
        details.append(sector)
    return details


def target_consideration(
    session: Session, standing: PracticeStanding, profile: Profile | None
) -> tuple[str, str] | None:
    """(``in this sector (Small lab)``, text) for a target's level, when its profile has one."""
    if profile is None or session.kind is not SessionKind.TARGET or standing.level is None:
        return None
    text = consideration(profile, standing.practice_id, standing.level.comprehensiveness)
    if text is None:
        return None
    label = sector_label(profile)
    return label[:1].lower() + label[1:], text


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
