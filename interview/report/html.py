"""The gap analysis and single-session reports as one self-contained HTML file.

The page needs no network: the stylesheet is inline and the charts are inline SVG drawn by
matplotlib (:mod:`interview.report.charts`). Every string that came from a user or a
questionnaire passes through :func:`text` (control characters shown as escapes, then HTML
escaping), so a system called ``<script>`` is written, never run. Severity is written in words
in every heat-map cell, so the page reads the same printed in greyscale. The same input gives
the same bytes: the page holds no time but the sessions' own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from interview import __version__
from interview.consolidation import (
    GapConsolidation,
    PracticeConsolidation,
    Side,
    StatedLevel,
    disagreement_words,
)
from interview.errors import printable
from interview.formatting import plural, short_time
from interview.gap import (
    GapAnalysis,
    GroupGap,
    GroupStanding,
    LevelPair,
    PracticeGap,
    PracticeStanding,
    RoadmapItem,
    RoadmapStep,
    Severity,
    is_not_applicable,
    session_standings,
)
from interview.plan import PlannedStep
from interview.profiles import Profile
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.questionnaire.model import ContextKind, Questionnaire
from interview.report.charts import (
    CURRENT_COLOUR,
    TARGET_COLOUR,
    ChartData,
    Series,
    bar_chart_svg,
    radar_chart_svg,
)
from interview.report.extras import (
    CLOSED_LEAD,
    CLOSED_TITLE,
    GapReport,
    PlanView,
    RoadmapExtras,
    plan_facts,
    plan_note,
    plan_summary,
    profile_note,
    sector_label,
)
from interview.report.outline import (
    DISAGREEMENT_TITLE,
    RULES_NOTE,
    SEVERITY_WORDS,
    hierarchy,
    incomplete_practices,
    mean_text,
    nowhere_line,
    practice_details,
    practice_severity_words,
    report_outline,
    report_title,
    sentence_start,
    side_title,
)
from interview.session.model import Phase, Session, SessionKind

CONTEXT_LABELS = {"system_scope": "In scope", "industry": "Sector", "regulations": "Regulations"}
"""Short labels for the context answers shown with a session; other context questions are
labelled by their id. The system's name and the interviewee are shown on their own."""

SHOWN_APART = {"system_name", "interviewee_name", "interviewee_role"}

SCOPE_ENCODING = (
    "Scope is drawn as the IIC paper describes: in the bar chart by the bar's fill (outline "
    "only = 1 General, hatched = 2 Industry specific, solid = 3 System specific), in the radar "
    "chart by the marker (circle, triangle, square). A comprehensiveness of 0 has no scope: no "
    "bar (marked 0) and no marker."
)


def text(value: str) -> str:
    """User or questionnaire text, safe in HTML: control characters as escapes, then escaped."""
    return escape(printable(value))


def text_lines(value: str) -> str:
    """Like :func:`text`, keeping the line breaks of a multi-line note."""
    return "<br>".join(text(line) for line in value.splitlines())


# --- The page --------------------------------------------------------------------------------


def page(title: str, parts: Iterable[str], extra_style: str = "") -> str:
    """A whole HTML document: the title (already escaped), the stylesheet and the parts."""
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="smm {__version__}">\n'
        f"<title>{title}</title>\n<style>\n{STYLESHEET}{extra_style}</style>\n</head>\n<body>\n"
        f"{body}\n"
        f"<footer><p>Made by smm {__version__}, a tool for the IIC IoT Security Maturity "
        "Model.</p></footer>\n</body>\n</html>\n"
    )


def section(section_id: str, heading: str, *parts: str) -> str:
    """A titled section of the page (the heading already escaped)."""
    return f'<section id="{section_id}">\n<h2>{heading}</h2>\n' + "\n".join(parts) + "\n</section>"


def figure(svg: str, caption: str) -> str:
    """A chart with its caption (already escaped)."""
    return f'<figure class="chart">\n{svg}<figcaption>{caption}</figcaption>\n</figure>'


def rules_note() -> str:
    """Where the rules come from: smm's own choices where the IIC paper is silent."""
    return f'<p class="rules">{escape(RULES_NOTE)}</p>'


# --- Session context -------------------------------------------------------------------------


def session_card(questionnaire: Questionnaire, session: Session, heading: str) -> str:
    """Who, what and when of one session, as a definition list."""
    facts = session_facts(questionnaire, session)
    rows = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    return f'<div class="card">\n<h3>{heading}</h3>\n<dl>\n{rows}\n</dl>\n</div>'


def session_facts(questionnaire: Questionnaire, session: Session) -> list[tuple[str, str]]:
    """(label, escaped value) pairs: system, people, dates, status, questionnaire, context."""
    person = session.interviewee or "not recorded"
    if session.role:
        person += f" ({session.role})"
    facts = [
        ("System", text(session.system)),
        ("Interviewee", text(person)),
        ("Session", text(session.id)),
        ("Started", short_time(session.created)),
        ("Last change", short_time(session.updated)),
        ("Status", text(session_status(session))),
        (
            "Questionnaire",
            text(f"{session.questionnaire.id}, version {session.questionnaire.version}"),
        ),
    ]
    facts += [
        (text(label), text(value)) for label, value in context_answers(questionnaire, session)
    ]
    incomplete = incomplete_practices(questionnaire, session)
    if incomplete:
        what = "Target not set" if session.kind is SessionKind.TARGET else "Questions open"
        facts.append((what, text(", ".join(incomplete))))
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


# --- Levels in cells -------------------------------------------------------------------------


def level_cell(level: LevelPair) -> str:
    """``3 Consistent`` over ``scope 2 Industry specific`` (scope n/a at level 0)."""
    if level.comprehensiveness > 0 and level.scope is None:
        scope = "scope not yet known"
    else:
        scope = f"scope {scope_label(level.scope)}"
    return (
        f'{comprehensiveness_label(level.comprehensiveness)}<br><span class="scope">{scope}</span>'
    )


def mean_cell(mean: float | None) -> str:
    """``mean 2.5``, or ``-`` when no practice applies."""
    return "-" if mean is None else f"mean {mean_text(mean)}"


def heat_class(gap: PracticeGap) -> str:
    """The CSS class that colours a practice's severity cell: its severity, or ``na``."""
    return gap.severity.value if gap.included else "na"


def row_class(depth: int) -> str:
    """``domain``, ``subdomain`` or ``practice``: how a table row is set."""
    return ("domain", "subdomain", "practice")[depth]


# --- Gap report ------------------------------------------------------------------------------


def gap_html(report: GapReport) -> str:
    """The gap report: sessions, heat map, disagreements, charts, roadmap (with plan, profile)."""
    questionnaire, sides, analysis = report.questionnaire, report.sides, report.analysis
    title = text(f"Gap analysis: {sides.target.sessions[0].system}")
    header = (
        f'<header>\n<h1>{title}</h1>\n<p class="lead">IIC IoT Security Maturity Model: '
        "the target compared with the current state, practice by practice.</p>\n</header>"
    )
    cards = [
        *side_cards(questionnaire, sides.target, "Target"),
        *side_cards(questionnaire, sides.current, "Current state"),
    ]
    context = '<section id="sessions" class="cards">\n' + "\n".join(cards) + "\n</section>"
    parts = [
        header,
        context,
        *(merged_note(side) for side in sides.sides()),
        rules_note(),
        *profile_paragraphs(report.profile),
        section("summary", "Summary", gap_summary(analysis)),
        section("heat-map", "Heat map", heat_map_key(), heat_map(questionnaire, analysis)),
        *disagreement_sections(sides),
        *gap_charts(questionnaire, analysis),
        section(
            "roadmap", "Roadmap, most urgent first", roadmap_list(analysis.roadmap, report.extras)
        ),
    ]
    return page(title, parts)


def side_cards(questionnaire: Questionnaire, side: Side, heading: str) -> list[str]:
    """One card per session of a side, numbered when there are several."""
    count = len(side.sessions)
    return [
        session_card(
            questionnaire, session, heading if count == 1 else f"{heading} ({number} of {count})"
        )
        for number, session in enumerate(side.sessions, start=1)
    ]


def merged_note(side: Side) -> str:
    """``Current state: 3 assessments, merged by the lowest level per practice`` and where to
    read the rule."""
    return (
        f'<p class="rules">{escape(side_title(side))}: the rule, and where the interviewees '
        'disagree, are <a href="#disagreements">further down</a>.</p>'
    )


def disagreement_sections(sides: GapConsolidation) -> list[str]:
    """The section on where the interviewees disagree, when a side merges several sessions."""
    if not sides.several:
        return []
    parts = []
    for side in sides.sides():
        disagreements = side.disagreements()
        body = (
            disagreement_table(disagreements)
            if disagreements
            else f"<p>{escape(nowhere_line(side))}</p>"
        )
        parts += [f"<h3>{escape(side_title(side))}</h3>", f"<p>{escape(side.rule.text)}</p>", body]
    lead = (
        '<p class="note">Practices where the interviewees gave different levels, the largest '
        "spread first, so that the difference can be talked through.</p>"
    )
    return [section("disagreements", escape(DISAGREEMENT_TITLE), lead, *parts)]


def disagreement_table(practices: Sequence[PracticeConsolidation]) -> str:
    """One row per account, one body per practice: the practice's cells span its accounts."""
    head = (
        "<thead><tr><th>ID</th><th>Name</th><th>Disagreement</th><th>Merged</th>"
        "<th>Interviewee</th><th>Session</th><th>Level</th></tr></thead>"
    )
    bodies = [
        "<tbody>\n" + "\n".join(disagreement_rows(practice)) + "\n</tbody>"
        for practice in practices
    ]
    return f'<table class="disagreements">\n{head}\n' + "\n".join(bodies) + "\n</table>"


def disagreement_rows(practice: PracticeConsolidation) -> list[str]:
    """The rows of one practice: the first carries the practice, spanning the others."""
    span = len(practice.accounts)
    shared = "".join(
        f'<td rowspan="{span}">{cell}</td>'
        for cell in (
            text(practice.practice_id),
            text(practice.name),
            escape(disagreement_words(practice)),
            stated_cell(practice.level),
        )
    )
    rows = []
    for index, account in enumerate(practice.accounts):
        who = account.interviewee
        person = text(who.name) if who.name else "not recorded"
        if who.role:
            person += f'<br><span class="scope">{text(who.role)}</span>'
        cells = f"<td>{person}</td><td>{text(who.session_id)}</td>"
        cells += f"<td>{stated_cell(account.level)}</td>"
        rows.append(f"<tr>{shared if index == 0 else ''}{cells}</tr>")
    return rows


def stated_cell(level: StatedLevel) -> str:
    """A stated level in words: ``3 Consistent`` over its scope; ``not applicable``."""
    if level.comprehensiveness is None:
        return "not set yet" if level.applicable else "not applicable"
    return level_cell(LevelPair(level.comprehensiveness, level.scope))


def gap_summary(analysis: GapAnalysis) -> str:
    """How many applicable practices have a large, a small or no gap, in one paragraph."""
    included = [gap for gap in analysis.practices if gap.included]
    large, small, none = (
        sum(gap.severity is severity for gap in included)
        for severity in (Severity.LARGE, Severity.SMALL, Severity.NONE)
    )
    exceeding = sum(gap.exceeds_target for gap in included)
    left_out = len(analysis.practices) - len(included)
    sentences = [
        f"Of {plural(len(included), 'applicable practice')}, {large} "
        f"{'has' if large == 1 else 'have'} a large gap, {small} a small gap and {none} no gap"
        + (f" ({exceeding} of them above the target)." if exceeding else ".")
    ]
    if left_out:
        sentences.append(f"{plural(left_out, 'practice')} left out (not applicable or not set).")
    sentences.append(f"The roadmap holds {plural(len(analysis.roadmap), 'improvement')}.")
    return f"<p>{' '.join(sentences)}</p>"


def heat_map_key() -> str:
    """The colour key, each colour with the words written in its cells."""
    keys = [
        ("large", "large gap: 2 or more levels short in either measure"),
        ("small", "small gap: 1 level short"),
        ("none", "no gap"),
        ("none", "no gap, exceeds target: above the target, maybe more than needed"),
        ("na", "not applicable: left out of means, charts and roadmap"),
    ]
    items = "".join(f'<li><span class="heat {name}">{words}</span></li>' for name, words in keys)
    return (
        f'<ul class="key">{items}</ul>\n<p class="note">Levels are comprehensiveness (0 None to '
        "4 Formalized) and scope (1 General to 3 System specific). Domain and sub-domain rows "
        "show the mean comprehensiveness of their applicable practices and the worst severity "
        "among them.</p>"
    )


def heat_map(questionnaire: Questionnaire, analysis: GapAnalysis) -> str:
    """The table: domain, sub-domain and practice rows, severity as colour and words."""
    head = (
        "<thead><tr><th>ID</th><th>Name</th><th>Target</th><th>Current</th>"
        '<th>Gap<br><span class="scope">levels / scope</span></th><th>Severity</th></tr></thead>'
    )
    practices = {gap.practice_id: gap for gap in analysis.practices}
    rows = []
    for depth, row in hierarchy(questionnaire, analysis):
        if isinstance(row, GroupGap):
            members = [practices[practice_id] for practice_id in row.practice_ids]
            rows.append(heat_row(depth, row, *group_severity(row, members)))
        else:
            rows.append(heat_row(depth, row, heat_class(row), practice_severity_words(row)))
    return f'<table class="heat-map">\n{head}\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def group_severity(row: GroupGap, members: Sequence[PracticeGap]) -> tuple[str, str]:
    """A sub-domain's or domain's colour class and words; with no practice to compare, why."""
    if row.target_mean is not None:
        return row.severity.value, SEVERITY_WORDS[row.severity]
    if all(is_not_applicable(gap.target) for gap in members):
        return "na", "not applicable"
    return "na", "target not set"


def heat_row(depth: int, row: GroupGap | PracticeGap, severity: str, words: str) -> str:
    """One row of the heat map, its severity cell coloured by ``severity`` and saying ``words``."""
    if isinstance(row, GroupGap):
        cells = [
            text(row.item_id),
            text(row.name),
            mean_cell(row.target_mean),
            mean_cell(row.current_mean),
            "",
        ]
    else:
        cells = [text(row.practice_id), text(row.name), *practice_level_cells(row)]
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return (
        f'<tr class="{row_class(depth)}">{tds}<td class="heat {severity}">{escape(words)}</td></tr>'
    )


def practice_level_cells(gap: PracticeGap) -> list[str]:
    """Target, current and gap cells of one practice."""
    current = level_cell(LevelPair(gap.current.comprehensiveness, gap.current.scope))
    if gap.target.comprehensiveness is None:
        target = "not applicable" if is_not_applicable(gap.target) else "not set yet"
        return [target, current, ""]
    target_level = LevelPair(gap.target.comprehensiveness, gap.target.scope)
    return [level_cell(target_level), current, f"{gap.comprehensiveness_gap} / {gap.scope_gap}"]


def gap_charts(questionnaire: Questionnaire, analysis: GapAnalysis) -> list[str]:
    """The bar and radar chart sections, or one line when no practice applies."""
    included = [gap for gap in analysis.practices if gap.included]
    if not included:
        return [section("charts", "Charts", "<p>No practice applies: nothing to chart.</p>")]
    data = ChartData(
        tuple(gap.practice_id for gap in included),
        domain_labels(questionnaire, [gap.practice_id for gap in included]),
        (
            Series("Target", TARGET_COLOUR, tuple(target_pair(gap) for gap in included)),
            Series(
                "Current",
                CURRENT_COLOUR,
                tuple(
                    LevelPair(gap.current.comprehensiveness, gap.current.scope) for gap in included
                ),
                line_style="--",
            ),
        ),
    )
    return chart_sections(
        data,
        "target and current levels",
        "Target (left, blue) and current (right, orange) comprehensiveness of each applicable "
        "practice.",
        "Target (solid blue) and current (dashed orange) comprehensiveness, one spoke per "
        "applicable practice.",
    )


def chart_sections(data: ChartData, subject: str, bar_lead: str, radar_lead: str) -> list[str]:
    """The bar chart and radar chart sections, each with a caption that explains it."""
    rings = "The rings are levels 1 Minimum to 4 Formalized; 0 None is the centre."
    return [
        section(
            "bar-chart",
            "Comprehensiveness and scope",
            figure(
                bar_chart_svg(data, f"Bar chart of {subject} per practice"),
                escape(f"{bar_lead} {SCOPE_ENCODING}"),
            ),
        ),
        section(
            "radar-chart",
            "Radar",
            figure(
                radar_chart_svg(data, f"Radar chart of {subject} per practice"),
                escape(f"{radar_lead} {rings} {SCOPE_ENCODING}"),
            ),
        ),
    ]


def target_pair(gap: PracticeGap) -> LevelPair:
    """The target of an included practice as a level pair."""
    return LevelPair(gap.target.comprehensiveness or 0, gap.target.scope)


def domain_labels(questionnaire: Questionnaire, practice_ids: Sequence[str]) -> tuple[str, ...]:
    """``G Security Governance`` for each practice, the label over its bar."""
    return tuple(
        f"{domain_id} {questionnaire.domains[domain_id].name}"
        for domain_id in (questionnaire.domain_of(practice_id) for practice_id in practice_ids)
    )


def profile_paragraphs(profile: Profile | None) -> list[str]:
    """The target's profile and the disclaimer that it is smm's illustration, if there is one."""
    return [] if profile is None else [f'<p class="rules">{text(profile_note(profile))}</p>']


def roadmap_list(items: Sequence[RoadmapItem], extras: RoadmapExtras | None = None) -> str:
    """The roadmap as a numbered list: from → to, the reason, the steps, and any plan."""
    extras = extras or RoadmapExtras()
    parts = []
    if extras.plan is not None:
        parts.append(f'<p class="plan-summary">{text(plan_summary(extras.plan))}</p>')
    if not items:
        parts.append("<p>No gaps: the current state meets the target wherever it applies.</p>")
    else:
        entries = "\n".join(roadmap_entry(item, extras) for item in items)
        parts.append(f'<ol class="roadmap">\n{entries}\n</ol>')
    if extras.plan is not None and extras.plan.closed:
        parts.append(closed_list(extras.plan))
    return "\n".join(parts)


def closed_list(view: PlanView) -> str:
    """The planned practices no longer in the roadmap, each with its plan and note."""
    entries = "".join(
        f"<li><strong>{text(step.practice_id)}</strong>: {progress_words(step)}"
        + (f"<br>{text_lines(plan_note(step))}" if plan_note(step) else "")
        + "</li>"
        for step in view.closed
    )
    return (
        f'<h3 id="closed">{escape(CLOSED_TITLE)}</h3>\n<p class="note">{escape(CLOSED_LEAD)}</p>\n'
        f'<ul class="closed">{entries}</ul>'
    )


def progress_words(step: PlannedStep) -> str:
    """The plan in words, its progress marked with a class (``progress late``) for the eye."""
    state = step.progress.value.replace(" ", "-")
    facts = "".join(f" · {text(fact)}" for fact in plan_facts(step))
    return f'<span class="progress {state}">{escape(step.progress.value)}</span>{facts}'


def plan_paragraphs(extras: RoadmapExtras, practice_id: str) -> str:
    """``Plan: late · Ana · due 2026-10-01`` and ``Note: …``, or ``""`` without a plan."""
    step = extras.plan.step(practice_id) if extras.plan else None
    if step is None:
        return ""
    note = plan_note(step)
    paragraphs = f'<p class="plan"><strong>Plan:</strong> {progress_words(step)}</p>'
    if note:
        paragraphs += f'\n<p class="plan"><strong>Note:</strong> {text_lines(note)}</p>'
    return paragraphs


def step_html(item: RoadmapItem, step: RoadmapStep, extras: RoadmapExtras) -> str:
    """One level to reach: its to-do list, and the profile's consideration for that level."""
    sector = extras.step_consideration(item.practice_id, step)
    consideration = (
        f'<p class="sector"><strong>{text(sector_label(extras.profile))}:</strong> '
        f"{text_lines(sector)}</p>"
        if sector and extras.profile
        else ""
    )
    return (
        f'<div class="step"><h4>To reach {"scope " if step.measure == "scope" else ""}'
        f"{text(step.label)}</h4>\n<ul>"
        + "".join(f"<li>{text(to_do)}</li>" for to_do in step.to_do)
        + f"</ul>{consideration}</div>"
    )


def roadmap_entry(item: RoadmapItem, extras: RoadmapExtras | None = None) -> str:
    """One improvement: its heading, levels, reason, plan and steps."""
    extras = extras or RoadmapExtras()
    heading = (
        f"<h3>{text(item.practice_id)} {text(item.name)} "
        f'<span class="heat {item.severity.value}">{SEVERITY_WORDS[item.severity]}</span></h3>'
    )
    move = (
        f'<p class="move">From <strong>{item.start.label()}</strong> '
        f"→ to <strong>{item.goal.label()}</strong></p>"
    )
    why = (
        f'<p class="why"><strong>Why:</strong> {text_lines(item.reason)}</p>' if item.reason else ""
    )
    steps = "\n".join(step_html(item, step, extras) for step in item.steps)
    plan = plan_paragraphs(extras, item.practice_id)
    head = f"{heading}\n{move}\n{why}" + (f"\n{plan}" if plan else "")
    return f'<li>\n<div class="item-head">\n{head}\n</div>\n{steps}\n</li>'


# --- Report of one session -------------------------------------------------------------------


def report_html(
    questionnaire: Questionnaire, session: Session, *, profile: Profile | None = None
) -> str:
    """One session on its own: its context, levels table, bar chart and radar chart."""
    is_target = session.kind is SessionKind.TARGET
    title = text(report_title(session))
    lead = (
        "The target levels agreed for the system, with where each came from and why."
        if is_target
        else "The current state of the system's security practices, as assessed."
    )
    parts = [
        f'<header>\n<h1>{title}</h1>\n<p class="lead">IIC IoT Security Maturity Model. {lead}</p>\n'
        "</header>",
        '<section id="sessions" class="cards">\n'
        + session_card(questionnaire, session, "Target" if is_target else "Current state")
        + "\n</section>",
        f'<p class="rules">{escape(report_rules(is_target))}</p>',
        *profile_paragraphs(profile),
        section("levels", "Levels", levels_table(questionnaire, session, profile)),
        *report_charts(questionnaire, session),
    ]
    return page(title, parts)


def report_rules(is_target: bool) -> str:
    """Where the levels and means come from."""
    what = "target" if is_target else "current"
    return (
        f"How smm finds {what} levels, and the means, where the IIC paper leaves it open: "
        "docs/QUESTIONNAIRE.md and docs/GAP.md."
    )


def levels_table(
    questionnaire: Questionnaire, session: Session, profile: Profile | None = None
) -> str:
    """Domain, sub-domain and practice rows: level, and where it came from or notes."""
    notes = "Set by, aim and reason" if session.kind is SessionKind.TARGET else "Reached and notes"
    head = f"<thead><tr><th>ID</th><th>Name</th><th>Level</th><th>{notes}</th></tr></thead>"
    rows = []
    for depth, row in report_outline(questionnaire, session):
        if isinstance(row, GroupStanding):
            cells = [text(row.item_id), text(row.name), mean_cell(row.mean), ""]
        else:
            cells = [
                text(row.practice_id),
                text(row.name),
                standing_cell(row),
                details_cell(practice_details(questionnaire, session, row, profile)),
            ]
        tds = "".join(f"<td>{cell}</td>" for cell in cells)
        rows.append(f'<tr class="{row_class(depth)}">{tds}</tr>')
    return f'<table class="levels">\n{head}\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def standing_cell(standing: PracticeStanding) -> str:
    """The practice's level, or why it has none."""
    if standing.level is None:
        return "not applicable" if not standing.applicable else "not set yet"
    return level_cell(standing.level)


def details_cell(details: Sequence[tuple[str, str]]) -> str:
    """``Set by: …``, ``Aim: …``, ``Why: …`` lines."""
    return "<br>".join(
        f"<strong>{text(sentence_start(label))}:</strong> {text_lines(value)}"
        for label, value in details
    )


def report_charts(questionnaire: Questionnaire, session: Session) -> list[str]:
    """The session's bar and radar charts over the practices that have a level."""
    charted = [s for s in session_standings(questionnaire, session) if s.level is not None]
    if not charted:
        return [
            section("charts", "Charts", "<p>No practice has a level yet: nothing to chart.</p>")
        ]
    is_target = session.kind is SessionKind.TARGET
    series = Series(
        "Target" if is_target else "Current",
        TARGET_COLOUR if is_target else CURRENT_COLOUR,
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


# --- Stylesheet ------------------------------------------------------------------------------

STYLESHEET = """\
:root {
  color-scheme: light;
  --ink: #1b1b1b; --muted: #555; --rule: #b8b8b8;
  --large: #f08a80; --small: #ffd966; --none: #a8d59c; --na: #e2e2e2;
}
* { box-sizing: border-box; }
body {
  font-family: "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px;
  max-width: 64rem; margin: 2rem auto; padding: 0 1.5rem;
}
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
.lead { color: var(--muted); margin: 0 0 1rem; }
.cards { display: flex; flex-wrap: wrap; gap: 1rem; }
.card { flex: 1 1 22rem; border: 1px solid var(--rule); border-radius: 4px; padding: .7rem 1rem; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0; }
.card dt { color: var(--muted); }
.card dd { margin: 0; overflow-wrap: anywhere; }
.rules, .note { color: var(--muted); font-size: .9em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
table.heat-map td:nth-child(n+3), table.levels td:nth-child(3) { white-space: nowrap; }
table.disagreements { margin-bottom: 1.2rem; }
table.disagreements td[rowspan] { background: #f8f8f8; }
table.disagreements tbody { border-top: 2px solid var(--ink); }
th, td {
  border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top;
}
thead th { background: #f0f0f0; }
td { overflow-wrap: anywhere; }
tr.domain td { font-weight: 700; background: #f4f4f4; border-top: 2px solid var(--ink); }
tr.subdomain td { font-weight: 600; }
tr.subdomain td:first-child { padding-left: 1.2rem; }
tr.practice td:first-child { padding-left: 2.2rem; white-space: nowrap; }
.scope { color: var(--muted); font-size: .9em; font-weight: normal; }
.heat { white-space: nowrap; font-weight: 600; }
td.heat, span.heat { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
span.heat { padding: .05rem .4rem; border-radius: 3px; font-size: .85em; }
.heat.large { background: var(--large); }
.heat.small { background: var(--small); }
.heat.none { background: var(--none); }
.heat.na { background: var(--na); font-weight: normal; }
ul.key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
figure.chart { margin: 1rem 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
#radar-chart svg { max-width: 40rem; margin: 0 auto; }
figcaption { color: var(--muted); font-size: .9em; margin-top: .3rem; }
ol.roadmap > li { margin: 0 0 1.2rem; }
ol.roadmap > li::marker { font-weight: 700; }
.move, .why, .plan { margin: .2rem 0; }
.plan-summary { font-weight: 600; }
.progress { font-weight: 600; }
.progress.late { background: var(--large); padding: 0 .3rem; border-radius: 3px; }
.sector { margin: 0 0 .4rem; font-size: .92em; }
ul.closed { padding-left: 1.3rem; }
.step ul { margin: .1rem 0 .3rem; padding-left: 1.3rem; }
footer {
  margin-top: 2.5rem; color: var(--muted); font-size: .85em; border-top: 1px solid var(--rule);
}
@media print {
  @page { margin: 14mm 12mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure.chart, .card, .item-head, .step, table.disagreements tbody {
    break-inside: avoid; page-break-inside: avoid;
  }
  .item-head, h4 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr.domain td, thead th, .heat, .progress.late {
    print-color-adjust: exact; -webkit-print-color-adjust: exact;
  }
  #radar-chart svg { max-width: 15cm; }
  .cards { gap: .5rem; flex-wrap: nowrap; }
  .card { flex: 1 1 0; }
  table.heat-map td:nth-child(n+3) { white-space: normal; }
  table.heat-map th:nth-child(3), table.heat-map th:nth-child(4) { width: 20%; }
  table.heat-map th:nth-child(6) { width: 16%; }
}
"""
