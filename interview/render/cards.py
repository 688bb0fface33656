"""Blocks that several documents share: a session's card, levels as cells, chart sections."""

from __future__ import annotations

from collections.abc import Sequence

from interview.formatting import short_time
from interview.gap import LevelPair
from interview.profiles import Profile
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.questionnaire.model import ContextKind, Questionnaire
from interview.questionnaire.variants import ROLE_QUESTION_ID
from interview.render.document import Cell, CellKind, Chart, Fact, Facts, Paragraph, Section
from interview.render.rows import incomplete_practices, session_line
from interview.render.words import mean_text, profile_note, short_level
from interview.report.charts import ChartData
from interview.session.model import Phase, Session, SessionKind

CONTEXT_LABELS = {
    "system_scope": "In scope",
    "industry": "Sector",
    "regulations": "Regulations",
    ROLE_QUESTION_ID: "Assessed for",
}
"""Short labels for the context answers shown with a session; other context questions are
labelled by their id. The system's name and the interviewee are shown on their own."""

SHOWN_APART = {"system_name", "interviewee_name", "interviewee_role"}

SCOPE_ENCODING = (
    "Scope is drawn as the IIC paper describes: in the bar chart by the bar's fill (outline "
    "only = 1 General, hatched = 2 Industry specific, solid = 3 System specific), in the radar "
    "chart by the marker (circle, triangle, square). A comprehensiveness of 0 has no scope: no "
    "bar (marked 0) and no marker."
)

RINGS = "The rings are levels 1 Minimum to 4 Formalized; 0 None is the centre."


# --- A session -------------------------------------------------------------------------------


def session_card(questionnaire: Questionnaire, session: Session, heading: str) -> Facts:
    """Who, what and when of one session, as facts and as one line."""
    facts = tuple(session_facts(questionnaire, session))
    return Facts(heading, facts, session_line(questionnaire, session), compact=True)


def session_facts(questionnaire: Questionnaire, session: Session) -> list[Fact]:
    """System, people, dates, status, questionnaire, context answers, what is still open."""
    person = session.interviewee or "not recorded"
    if session.role:
        person += f" ({session.role})"
    facts = [
        Fact("System", session.system),
        Fact("Interviewee", person),
        Fact("Session", session.id),
        Fact("Started", short_time(session.created)),
        Fact("Last change", short_time(session.updated)),
        Fact("Status", session_status(session)),
        Fact(
            "Questionnaire", f"{session.questionnaire.id}, version {session.questionnaire.version}"
        ),
        *(Fact(label, value) for label, value in context_answers(questionnaire, session)),
    ]
    if questionnaire.context_question(ROLE_QUESTION_ID) and not session.answer_value(
        ROLE_QUESTION_ID
    ):
        facts.append(Fact("Assessed for", "role not recorded: every question applies"))
    incomplete = incomplete_practices(questionnaire, session)
    if incomplete:
        what = "Target not set" if session.kind is SessionKind.TARGET else "Questions open"
        facts.append(Fact(what, ", ".join(incomplete)))
    return facts


def session_status(session: Session) -> str:
    """``finished``, ``not finished`` or ``imported from levels.csv (levels as given)``."""
    if session.imported_from is not None:
        return f"imported from {session.imported_from} (levels as given)"
    return "finished" if session.phase is Phase.DONE else "not finished"


def context_answers(questionnaire: Questionnaire, session: Session) -> list[tuple[str, str]]:
    """The context answers beyond the system and the interviewee: scope, sector, rules."""
    answers = []
    for question in questionnaire.context:
        value = session.answer_value(question.id)
        if question.id in SHOWN_APART or not value:
            continue
        values = [value] if isinstance(value, str) else value
        if question.kind is not ContextKind.TEXT:
            labels = {option.value: option.label for option in question.options}
            values = [labels.get(item, item) for item in values]
        label = CONTEXT_LABELS.get(question.id, question.id.replace("_", " ").capitalize())
        answers.append((label, "; ".join(values)))
    return answers


def profile_paragraphs(profile: Profile | None) -> tuple[Paragraph, ...]:
    """The target's profile and the disclaimer that it is smm's illustration, if there is one."""
    return () if profile is None else (Paragraph(profile_note(profile), style="rules"),)


# --- Cells -----------------------------------------------------------------------------------


def level_cell(level: LevelPair) -> Cell:
    """``3/2``; in words ``3 Consistent`` over ``scope 2 Industry specific``."""
    if level.comprehensiveness > 0 and level.scope is None:
        scope = "scope not yet known"
    else:
        scope = f"scope {scope_label(level.scope)}"
    return Cell(
        short_level(level.comprehensiveness, level.scope),
        CellKind.LEVEL,
        detail=scope,
        full=comprehensiveness_label(level.comprehensiveness),
    )


def mean_cell(mean: float | None) -> Cell:
    """``2.5``; in words ``mean 2.5``; ``-`` when no practice applies."""
    return Cell(
        mean_text(mean), CellKind.MEAN, full="-" if mean is None else f"mean {mean_text(mean)}"
    )


# --- Charts ----------------------------------------------------------------------------------


def chart_sections(data: ChartData, subject: str, bar_lead: str, radar_lead: str) -> list[Section]:
    """The bar chart and radar chart sections, each with a caption that explains it."""
    bar = Chart("bar", data, f"Bar chart of {subject} per practice", f"{bar_lead} {SCOPE_ENCODING}")
    radar = Chart(
        "radar",
        data,
        f"Radar chart of {subject} per practice",
        f"{radar_lead} {RINGS} {SCOPE_ENCODING}",
    )
    return [
        Section("Comprehensiveness and scope", (bar,), "bar-chart"),
        Section("Radar", (radar,), "radar-chart"),
    ]


def domain_labels(questionnaire: Questionnaire, practice_ids: Sequence[str]) -> tuple[str, ...]:
    """``G Security Governance`` for each practice, the label over its bar."""
    return tuple(
        f"{domain_id} {questionnaire.domains[domain_id].name}"
        for domain_id in (questionnaire.domain_of(practice_id) for practice_id in practice_ids)
    )
