"""The gap analysis and single-session reports as text, Markdown, JSON and CSV.

Plain text without colour: every severity is written in words. User text (names, reasons,
notes) goes through ``printable`` in text and Markdown, and ``json_text`` in JSON. The JSON
shapes are a documented interface: see docs/GAP.md before changing a key.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import Any

from interview.cli.output import json_text, table
from interview.consolidation import GapConsolidation, PracticeConsolidation, Side, StatedLevel
from interview.errors import printable
from interview.formatting import KIND_NAMES, short_time
from interview.gap import (
    GapAnalysis,
    GroupGap,
    GroupStanding,
    LevelPair,
    PracticeGap,
    RoadmapItem,
    group_standings,
    is_not_applicable,
    session_standings,
)
from interview.levels_csv import csv_text, spreadsheet_text
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.report.extras import (
    CLOSED_LEAD,
    CLOSED_TITLE,
    PROFILE_LABEL,
    GapReport,
    PlanView,
    RoadmapExtras,
    plan_item_json,
    plan_json,
    plan_note,
    plan_summary,
    plan_words,
    profile_description,
    profile_note,
    sector_label,
)
from interview.report.outline import (
    DISAGREEMENT_TITLE,
    RULES_NOTE,
    SEVERITY_WORDS,
    disagreement_line,
    hierarchy,
    incomplete_practices,
    level_objective,
    mean_text,
    merged_from,
    nowhere_line,
    practice_details,
    practice_severity_words,
    report_outline,
    report_title,
    sentence_start,
    short_level,
    side_title,
    standing_words,
    stated_short,
)
from interview.session.model import Phase, Session, SessionKind

TEXT_WIDTH = 100
"""Prose in text output is wrapped to this many columns, like the table."""

LEGEND = (
    "Levels are comprehensiveness/scope. Comprehensiveness: 0 None, 1 Minimum, 2 Ad hoc, "
    "3 Consistent, 4 Formalized. Scope: 1 General, 2 Industry specific, 3 System specific; "
    "- is n/a (comprehensiveness 0), ? not yet known. Sub-domain and domain rows show the mean "
    "comprehensiveness of their applicable practices."
)

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


# --- Shared pieces ---------------------------------------------------------------------------


def level_json(comprehensiveness: int, scope: int | None) -> dict[str, int | None]:
    """``{"comprehensiveness": 3, "scope": 2}``."""
    return {"comprehensiveness": comprehensiveness, "scope": scope}


def pair_json(pair: LevelPair | None) -> dict[str, int | None] | None:
    """A level pair as JSON, or None."""
    return None if pair is None else level_json(pair.comprehensiveness, pair.scope)


def session_info(questionnaire: Questionnaire, session: Session) -> dict[str, Any]:
    """Who, what and when of one session, as JSON."""
    return {
        "id": session.id,
        "kind": session.kind.value,
        "system": session.system,
        "interviewee": session.interviewee,
        "role": session.role,
        "created": session.created.isoformat(),
        "updated": session.updated.isoformat(),
        "finished": session.phase is Phase.DONE,
        "imported_from": session.imported_from,
        "questionnaire": {
            "id": session.questionnaire.id,
            "version": session.questionnaire.version,
        },
        "incomplete_practices": incomplete_practices(questionnaire, session),
    }


def session_line(questionnaire: Questionnaire, session: Session) -> str:
    """``acme-target-2026-11-25: Acme gateway, Dana (Lead), last change …, finished``."""
    people = session.interviewee + (f" ({session.role})" if session.role else "")
    parts = [f"{session.id}: {session.system}"]
    parts += [people] if people else []
    parts.append(f"last change {short_time(session.updated)}")
    if session.imported_from is not None:
        parts.append(f"imported from {session.imported_from}, levels as given")
    else:
        parts.append("finished" if session.phase is Phase.DONE else "not finished")
    incomplete = incomplete_practices(questionnaire, session)
    if incomplete:
        what = "target not set" if session.kind is SessionKind.TARGET else "questions open"
        parts.append(f"{what} for {', '.join(incomplete)}")
    return printable(", ".join(parts))


def wrapped(text: str, indent: str = "") -> list[str]:
    """Prose wrapped to the text width, never breaking an id at its hyphens."""
    return textwrap.wrap(
        text,
        TEXT_WIDTH,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


MARKDOWN_MARKUP = re.compile(r"([\\`*_\[\]<>&~|#])")
"""The characters Markdown could take as markup (emphasis, links, inline HTML, entities,
code, table cells): each is written after a backslash, which shows it as itself."""


def markdown_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: as :func:`markdown_text`, pipes escaped."""
    return markdown_text(text)


def markdown_text(text: str) -> str:
    """Text safe in a Markdown paragraph or list item: printable, on one line, and shown as
    typed: ``<b>``, ``**``, ``[link](...)`` or ``&amp;`` in a name are text, not markup."""
    return MARKDOWN_MARKUP.sub(r"\\\1", printable(" ".join(text.split())))


# --- Gap: rows in hierarchy order ------------------------------------------------------------


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


# --- Gap: JSON -------------------------------------------------------------------------------


def gap_json(report: GapReport) -> str:
    """The documented JSON of ``smm gap`` (docs/GAP.md); ``plan`` and ``consolidation`` if any."""
    questionnaire, sides, analysis = report.questionnaire, report.sides, report.analysis
    view = report.extras.plan
    data: dict[str, Any] = {
        "target": side_info(questionnaire, sides.target),
        "current": side_info(questionnaire, sides.current),
        "practices": [practice_gap_json(gap) for gap in analysis.practices],
        "subdomains": [group_gap_json(row) for row in analysis.subdomains],
        "domains": [group_gap_json(row) for row in analysis.domains],
        "roadmap": [roadmap_json(item, view) for item in analysis.roadmap],
    }
    if view is not None:
        data["plan"] = plan_json(view)
    if sides.several:
        data["consolidation"] = {
            "target": consolidation_json(sides.target),
            "current": consolidation_json(sides.current),
        }
    return json_text(data)


def side_info(questionnaire: Questionnaire, side: Side) -> dict[str, Any]:
    """One session's info; for several, the kind, the system, the rule and each session."""
    if not side.several:
        return session_info(questionnaire, side.sessions[0])
    return {
        "kind": side.kind.value,
        "system": side.sessions[0].system,
        "rule": side.rule.name,
        "sessions": [session_info(questionnaire, session) for session in side.sessions],
    }


def stated_json(level: StatedLevel) -> dict[str, Any]:
    """``{"comprehensiveness": 3, "scope": 2, "applicable": true}``."""
    return {
        "comprehensiveness": level.comprehensiveness,
        "scope": level.scope,
        "applicable": level.applicable,
    }


def consolidation_json(side: Side) -> dict[str, Any]:
    """One side's rule, sessions, and per practice the accounts and the spread."""
    return {
        "rule": side.rule.name,
        "rule_text": side.rule.text,
        "sessions": [session.id for session in side.sessions],
        "practices": [practice_consolidation_json(practice) for practice in side.practices],
        "disagreements": [practice.practice_id for practice in side.disagreements()],
    }


def practice_consolidation_json(practice: PracticeConsolidation) -> dict[str, Any]:
    """One practice: the merged level, each interviewee's account and the spread."""
    return {
        "id": practice.practice_id,
        "level": stated_json(practice.level),
        "accounts": [
            {
                "session": account.interviewee.session_id,
                "interviewee": account.interviewee.name,
                "role": account.interviewee.role,
                **stated_json(account.level),
            }
            for account in practice.accounts
        ],
        "spread": {
            "comprehensiveness": practice.comprehensiveness_spread,
            "scope": practice.scope_spread,
        },
        "disagree": practice.disagrees,
    }


def practice_gap_json(gap: PracticeGap) -> dict[str, Any]:
    """One practice's comparison as JSON."""
    target = gap.target
    return {
        "id": gap.practice_id,
        "name": gap.name,
        "target": None
        if target.comprehensiveness is None
        else level_json(target.comprehensiveness, target.scope),
        "current": level_json(gap.current.comprehensiveness, gap.current.scope),
        "gap": None
        if gap.comprehensiveness_gap is None
        else {"comprehensiveness": gap.comprehensiveness_gap, "scope": gap.scope_gap},
        "severity": gap.severity.value,
        "exceeds_target": gap.exceeds_target,
    }


def group_gap_json(row: GroupGap) -> dict[str, Any]:
    """A sub-domain's or domain's row as JSON."""
    return {
        "id": row.item_id,
        "severity": row.severity.value,
        "target_mean": row.target_mean,
        "current_mean": row.current_mean,
    }


def roadmap_json(item: RoadmapItem, view: PlanView | None = None) -> dict[str, Any]:
    """One roadmap item as JSON; with a plan, also the item's ``plan`` (null when unplanned)."""
    data: dict[str, Any] = {
        "practice": item.practice_id,
        "from": pair_json(item.start),
        "to": pair_json(item.goal),
        "steps": [
            {
                "measure": step.measure,
                "level": step.level,
                "label": step.label,
                "to_do": list(step.to_do),
            }
            for step in item.steps
        ],
        "reason": item.reason,
    }
    if view is not None:
        data["plan"] = plan_item_json(view.step(item.practice_id))
    return data


# --- Gap: CSV --------------------------------------------------------------------------------


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


# --- Gap: text -------------------------------------------------------------------------------


def gap_text(report: GapReport) -> str:
    """A readable table and roadmap, with any plan and profile."""
    questionnaire, sides, analysis, profile = (
        report.questionnaire, report.sides, report.analysis, report.profile
    )  # fmt: skip
    lines = [
        printable(f"Gap analysis: {sides.target.sessions[0].system}"),
        *side_lines(questionnaire, "Target:  ", sides.target),
        *side_lines(questionnaire, "Current: ", sides.current),
        *(wrapped(printable(profile_note(profile))) if profile else []),
        "",
        *wrapped(LEGEND),
        "",
    ]
    rows = [
        ["  " * depth + row_id(row), *gap_cells(row), row.name]
        for depth, row in hierarchy(questionnaire, analysis)
    ]
    headers = ["ID", "TARGET", "CURRENT", "GAP", "SEVERITY", "NAME"]
    lines += table(headers, rows, full_widths(rows, [0, 7, 7, 5, 25, 0]))
    if sides.several:
        lines += ["", *disagreement_lines(sides)]
    lines += ["", *roadmap_lines(analysis.roadmap, report.extras), "", *wrapped(RULES_NOTE)]
    return "\n".join(lines) + "\n"


def side_lines(questionnaire: Questionnaire, label: str, side: Side) -> list[str]:
    """``Target:  t: Acme gateway, …``, or for several sessions how they merge and each one."""
    indent = " " * len(label)
    if not side.several:
        return wrapped(f"{label}{session_line(questionnaire, side.sessions[0])}", indent)
    lines = [f"{label}{merged_from(side)}:"]
    for session in side.sessions:
        lines += wrapped(f"{indent}{session_line(questionnaire, session)}", indent + "  ")
    return lines


def disagreement_lines(sides: GapConsolidation) -> list[str]:
    """Per side that merges sessions: its rule, then each practice where the interviewees
    disagree, largest spread first, with every interviewee's level."""
    lines = [f"{DISAGREEMENT_TITLE}, largest spread first"]
    for side in sides.sides():
        lines += ["", side_title(side), *wrapped(side.rule.text)]
        disagreements = side.disagreements()
        if not disagreements:
            lines += ["", nowhere_line(side)]
        for number, practice in enumerate(disagreements, start=1):
            lines += ["", *practice_disagreement_lines(number, practice)]
    return lines


def practice_disagreement_lines(number: int, practice: PracticeConsolidation) -> list[str]:
    """`` 1. D1.1 Practice: they disagree by 2 levels; merged 1/2`` and one line per account."""
    heading = f"{number:2}. {practice.practice_id} {practice.name}: {disagreement_line(practice)}"
    lines = wrapped(printable(heading), " " * 4)
    for account in practice.accounts:
        who = account.interviewee
        level = stated_short(account.level)
        lines.append(printable(f"    {level:<8}{who.label()}, session {who.session_id}"))
    return lines


def full_widths(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> list[int]:
    """Column widths: the given ones, and for a 0 the longest cell, so that ids and names
    (which must stay exact) are never cut."""
    return [
        width or max(len(printable(row[column])) for row in rows)
        for column, width in enumerate(widths)
    ]


def roadmap_lines(items: Sequence[RoadmapItem], extras: RoadmapExtras | None = None) -> list[str]:
    """The roadmap as numbered paragraphs, most urgent first, with the plan if there is one."""
    extras = extras or RoadmapExtras()
    if not items:
        lines = ["Roadmap: no gaps; the current state meets the target wherever it applies."]
    else:
        lines = ["Roadmap, most urgent first"]
    if extras.plan is not None:
        lines += wrapped(printable(plan_summary(extras.plan)))
    for number, item in enumerate(items, start=1):
        lines += ["", *roadmap_item_lines(number, item, extras)]
    if extras.plan is not None and extras.plan.closed:
        lines += ["", *closed_lines(extras.plan)]
    return lines


def roadmap_item_lines(number: int, item: RoadmapItem, extras: RoadmapExtras) -> list[str]:
    """One improvement: severity, from → to, why, its plan, then each step's to-do list."""
    lines = [
        printable(f"{number:2}. {item.practice_id} {item.name}: {SEVERITY_WORDS[item.severity]}"),
        f"    from {item.start.label()}",
        f"    to   {item.goal.label()}",
    ]
    if item.reason:
        lines += wrapped(printable(f"    why: {' '.join(item.reason.split())}"), " " * 9)
    if extras.plan is not None:
        lines += plan_lines(extras.plan, item.practice_id)
    for step in item.steps:
        scope_word = "scope " if step.measure == "scope" else ""
        lines.append(f"    to reach {scope_word}{step.label}:")
        for to_do in step.to_do:
            lines += wrapped(printable(f"      - {to_do}"), " " * 8)
        sector = extras.step_consideration(item.practice_id, step)
        if sector and extras.profile:
            line = f"      {sector_label(extras.profile)}: {' '.join(sector.split())}"
            lines += wrapped(printable(line), " " * 8)
    return lines


def plan_lines(view: PlanView, practice_id: str) -> list[str]:
    """``    plan: late · Ana · due 2026-10-01`` and the item's note."""
    step = view.step(practice_id)
    if step is None:
        return []
    lines = wrapped(printable(f"    plan: {plan_words(step)}"), " " * 10)
    note = plan_note(step)
    if note:
        lines += wrapped(printable(f"    note: {' '.join(note.split())}"), " " * 10)
    return lines


def closed_lines(view: PlanView) -> list[str]:
    """The planned practices no longer in the roadmap, each with its plan."""
    lines = [CLOSED_TITLE, *wrapped(CLOSED_LEAD)]
    for step in view.closed:
        lines += wrapped(printable(f"  - {step.practice_id}: {plan_words(step)}"), " " * 4)
        note = plan_note(step)
        if note:
            lines += wrapped(printable(f"    note: {' '.join(note.split())}"), " " * 10)
    return lines


# --- Gap: Markdown ---------------------------------------------------------------------------


def gap_markdown(report: GapReport) -> str:
    """The gap analysis for a wiki page or a ticket, with any plan and profile (docs/GAP.md)."""
    questionnaire, sides, analysis, profile = (
        report.questionnaire, report.sides, report.analysis, report.profile
    )  # fmt: skip
    lines = [
        f"# Gap analysis: {markdown_text(sides.target.sessions[0].system)}",
        "",
        *side_markdown(questionnaire, "Target", sides.target),
        *side_markdown(questionnaire, "Current", sides.current),
        *(
            [f"- **{PROFILE_LABEL}:** {markdown_text(profile_description(profile))}"]
            if profile
            else []
        ),
        "",
        "## Heat map",
        "",
        LEGEND,
        "",
        "| ID | Name | Target | Current | Gap | Severity |",
        "|---|---|---|---|---|---|",
    ]
    for depth, row in hierarchy(questionnaire, analysis):
        cells = [row_id(row), markdown_cell(row.name), *gap_cells(row)]
        if depth < 2:
            cells = [f"**{cell}**" if cell else cell for cell in cells]
        lines.append("| " + " | ".join(cells) + " |")
    if sides.several:
        lines += ["", f"## {DISAGREEMENT_TITLE}", *disagreement_markdown(sides)]
    lines += ["", "## Roadmap", "", *roadmap_markdown(analysis.roadmap, report.extras)]
    lines += ["", f"*{RULES_NOTE}*"]
    return "\n".join(lines) + "\n"


def side_markdown(questionnaire: Questionnaire, label: str, side: Side) -> list[str]:
    """``- **Target:** …``, or for several sessions how they merge and each one."""
    if not side.several:
        return [f"- **{label}:** {markdown_text(session_line(questionnaire, side.sessions[0]))}"]
    return [
        f"- **{label}:** {merged_from(side)}:",
        *(f"  - {markdown_text(session_line(questionnaire, s))}" for s in side.sessions),
    ]


def disagreement_markdown(sides: GapConsolidation) -> list[str]:
    """Per side that merges sessions: its rule and a numbered list, largest spread first."""
    lines = []
    for side in sides.sides():
        lines += ["", f"### {side_title(side)}", "", side.rule.text, ""]
        disagreements = side.disagreements()
        if not disagreements:
            lines.append(nowhere_line(side))
        for number, practice in enumerate(disagreements, start=1):
            lines.append(
                f"{number}. **{practice.practice_id} {markdown_text(practice.name)}**: "
                f"{disagreement_line(practice)}"
            )
            lines += [
                f"   - {markdown_text(account.interviewee.label())}, session "
                f"{markdown_text(account.interviewee.session_id)}: {stated_short(account.level)}"
                for account in practice.accounts
            ]
    return lines


def roadmap_markdown(
    items: Sequence[RoadmapItem], extras: RoadmapExtras | None = None
) -> list[str]:
    """The roadmap as a numbered Markdown list, with the plan if there is one."""
    extras = extras or RoadmapExtras()
    lines = (
        [] if items else ["No gaps: the current state meets the target wherever it applies.", ""]
    )
    if extras.plan is not None:
        lines += [markdown_text(plan_summary(extras.plan)), ""]
    for number, item in enumerate(items, start=1):
        lines += roadmap_item_markdown(number, item, extras)
    if extras.plan is not None and extras.plan.closed:
        lines += ["", *closed_markdown(extras.plan)]
    return lines[:-1] if lines and not lines[-1] else lines


def roadmap_item_markdown(number: int, item: RoadmapItem, extras: RoadmapExtras) -> list[str]:
    """One improvement as a numbered list item with its plan and steps."""
    lines = [
        f"{number}. **{item.practice_id} {markdown_text(item.name)}**: "
        f"{SEVERITY_WORDS[item.severity]}, from {item.start.label()} "
        f"to {item.goal.label()}."
    ]
    if item.reason:
        lines.append(f"   - Why: {markdown_text(item.reason)}")
    step_plan = extras.plan.step(item.practice_id) if extras.plan else None
    if step_plan is not None:
        lines.append(f"   - Plan: {markdown_text(plan_words(step_plan))}")
        if plan_note(step_plan):
            lines.append(f"   - Note: {markdown_text(plan_note(step_plan))}")
    for step in item.steps:
        scope_word = "scope " if step.measure == "scope" else ""
        lines.append(f"   - To reach {scope_word}{step.label}:")
        lines += [f"     - {markdown_text(to_do)}" for to_do in step.to_do]
        sector = extras.step_consideration(item.practice_id, step)
        if sector and extras.profile:
            label = markdown_text(sector_label(extras.profile))
            lines.append(f"     - *{label}:* {markdown_text(sector)}")
    return lines


def closed_markdown(view: PlanView) -> list[str]:
    """The planned practices no longer in the roadmap, as a list under a heading."""
    lines = [f"### {CLOSED_TITLE}", "", CLOSED_LEAD, ""]
    for step in view.closed:
        note = plan_note(step)
        lines.append(
            f"- **{markdown_text(step.practice_id)}**: {markdown_text(plan_words(step))}"
            + (f"; note: {markdown_text(note)}" if note else "")
        )
    return lines


# --- One session: report ---------------------------------------------------------------------


def report_json(questionnaire: Questionnaire, session: Session) -> str:
    """The documented JSON interface of ``smm report`` (docs/GAP.md)."""
    standings = session_standings(questionnaire, session)
    subdomains, domains = group_standings(questionnaire, standings)
    return json_text(
        {
            "session": session_info(questionnaire, session),
            "practices": [
                {
                    "id": standing.practice_id,
                    "name": standing.name,
                    "level": pair_json(standing.level),
                    "applicable": standing.applicable,
                    "complete": standing.complete,
                    "origin": standing.origin.value,
                    "note": standing.note,
                    "objective": level_objective(questionnaire, standing),
                }
                for standing in standings
            ],
            "subdomains": [group_standing_json(row) for row in subdomains],
            "domains": [group_standing_json(row) for row in domains],
        }
    )


def group_standing_json(row: GroupStanding) -> dict[str, Any]:
    """A sub-domain's or domain's mean as JSON."""
    return {"id": row.item_id, "name": row.name, "mean": row.mean}


def report_text(
    questionnaire: Questionnaire, session: Session, *, profile: Profile | None = None
) -> str:
    """One session on its own, as readable text (a target with its profile's considerations)."""
    mean_name = "mean target" if session.kind is SessionKind.TARGET else "mean current"
    lines = [
        printable(report_title(session)),
        *wrapped(f"Session {session_line(questionnaire, session)}", "  "),
        *(wrapped(printable(profile_note(profile)), "  ") if profile else []),
        "",
    ]
    for depth, row in report_outline(questionnaire, session):
        indent = "  " * depth
        if isinstance(row, GroupStanding):
            lines.append(
                printable(
                    f"{indent}{row.item_id}  {row.name}: {mean_name} comprehensiveness "
                    f"{mean_text(row.mean)}"
                )
            )
            continue
        lines.append(printable(f"{indent}{row.practice_id}  {row.name}: {standing_words(row)}"))
        for label, text in practice_details(questionnaire, session, row, profile):
            lines += wrapped(
                printable(f"{indent}    {label}: {' '.join(text.split())}"),
                indent + " " * (6 + len(label)),
            )
    rules = (
        f"How smm finds {KIND_NAMES[session.kind]} levels, and the means, where the IIC paper "
        "leaves it open: docs/QUESTIONNAIRE.md and docs/GAP.md."
    )
    lines += ["", *wrapped(rules)]
    return "\n".join(lines) + "\n"


def report_markdown(
    questionnaire: Questionnaire, session: Session, *, profile: Profile | None = None
) -> str:
    """One session on its own, for a wiki page or a ticket (with its profile's considerations)."""
    mean_name = "Mean target" if session.kind is SessionKind.TARGET else "Mean current"
    lines = [
        f"# {markdown_text(report_title(session))}",
        "",
        f"Session {markdown_text(session_line(questionnaire, session))}",
    ]
    if profile:
        lines += ["", f"*{markdown_text(profile_note(profile))}*"]
    for depth, row in report_outline(questionnaire, session):
        if isinstance(row, GroupStanding):
            hashes = "##" if depth == 0 else "###"
            lines += [
                "",
                f"{hashes} {row.item_id} {markdown_text(row.name)}",
                "",
                f"{mean_name} comprehensiveness: {mean_text(row.mean)}",
            ]
            continue
        if lines[-1].startswith(mean_name):
            lines.append("")  # a list needs a blank line before it
        lines.append(f"- **{row.practice_id} {markdown_text(row.name)}**: {standing_words(row)}")
        lines += [
            f"  - {markdown_text(sentence_start(label))}: {markdown_text(text)}"
            for label, text in practice_details(questionnaire, session, row, profile)
        ]
    return "\n".join(lines) + "\n"
