"""Which rows a report shows, in which order, and the details under a practice: the same
for every format."""

from __future__ import annotations

from collections.abc import Iterator

from interview.formatting import short_time
from interview.gap import GapAnalysis, GroupGap, PracticeGap, is_not_applicable
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.questionnaire.variants import ROLE_QUESTION_ID
from interview.render.gap_report import consideration
from interview.render.words import (
    ORIGIN_WORDS,
    SEVERITY_WORDS,
    mean_text,
    practice_severity_words,
    sector_label,
    short_level,
)
from interview.session.model import Phase, Session, SessionKind
from interview.standings import GroupStanding, PracticeStanding, group_standings, session_standings


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


def level_objective(questionnaire: Questionnaire, standing: PracticeStanding) -> str | None:
    """What the practice's level achieves, from the questionnaire (None at level 0 or none)."""
    if standing.level is None or standing.level.comprehensiveness == 0:
        return None
    practice = questionnaire.practices[standing.practice_id]
    return practice.levels[standing.level.comprehensiveness].objective


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


def session_line(questionnaire: Questionnaire, session: Session) -> str:
    """``acme-target-2026-11-25: Acme gateway, Dana (Lead), last change …, finished``."""
    people = session.interviewee + (f" ({session.role})" if session.role else "")
    parts = [f"{session.id}: {session.system}"]
    parts += [people] if people else []
    role = session.answer_value(ROLE_QUESTION_ID)
    if isinstance(role, str) and role:
        parts.append(f"assessed for the {role} role")
    parts.append(f"last change {short_time(session.updated)}")
    if session.imported_from is not None:
        parts.append(f"imported from {session.imported_from}, levels as given")
    else:
        parts.append("finished" if session.phase is Phase.DONE else "not finished")
    incomplete = incomplete_practices(questionnaire, session)
    if incomplete:
        what = "target not set" if session.kind is SessionKind.TARGET else "questions open"
        parts.append(f"{what} for {', '.join(incomplete)}")
    return ", ".join(parts)  # plain text: each writer shows it safely in its format


def gap_cells(row: GroupGap | PracticeGap) -> list[str]:
    """Target, current, gap and severity cells for one table row."""
    if isinstance(row, GroupGap):
        return [
            mean_text(row.target_mean),
            mean_text(row.current_mean),
            "",
            SEVERITY_WORDS[row.severity],
        ]
    current = short_level(row.current.comprehensiveness, row.current.scope)
    if row.target.comprehensiveness is None:
        target = "n/a" if is_not_applicable(row.target) else "not set"
        return [target, current, "", practice_severity_words(row)]
    return [
        short_level(row.target.comprehensiveness, row.target.scope),
        current,
        f"{row.comprehensiveness_gap}/{row.scope_gap}",
        practice_severity_words(row),
    ]


def row_id(row: GroupGap | PracticeGap) -> str:
    """The id of a row, whichever kind it is."""
    return row.item_id if isinstance(row, GroupGap) else row.practice_id
