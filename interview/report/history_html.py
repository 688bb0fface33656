"""A system's history as one self-contained HTML page: its sessions, the gaps to the current
target over time (a line chart and a table) and the levels of every practice over time.

Like the gap report (:mod:`interview.report.html`, whose stylesheet and escaping it shares) the
page needs no network, escapes every string that came from a user, and writes each change in
a character (``↑``, ``↓``, ``↕``) as well as in colour, so that it reads the same in greyscale.
"""

from __future__ import annotations

from datetime import UTC
from html import escape

from interview.formatting import KIND_NAMES
from interview.history import (
    CHANGE_MARKERS,
    GAPS_LEGEND,
    HISTORY_RULES_NOTE,
    LEVELS_LEGEND,
    Change,
    GapsInTime,
    History,
    LevelInTime,
    baseline_sentence,
    day_of,
    movement_words,
    session_status,
    target_sentence,
    utc_time,
)
from interview.questionnaire.model import Questionnaire
from interview.report.history_chart import HistoryChartData, history_chart_svg
from interview.report.html import figure, page, section, text
from interview.report.outline import mean_text, short_level

CHANGE_WORDS = {
    Change.UP: "up since the previous assessment",
    Change.DOWN: "down since the previous assessment",
    Change.MIXED: "one measure up and the other down since the previous assessment",
}

UNMARKED_NOTE = (
    "A level without a marker is as it was in the previous assessment; a narrower scope counts "
    "as higher."
)

HISTORY_STYLESHEET = """\
.wide { overflow-x: auto; }
table.history td { overflow-wrap: break-word; }
table.levels-over-time { width: auto; min-width: 50%; }
table.levels-over-time td.level, table.levels-over-time th.assessment { min-width: 4.5rem; }
span.level { display: inline-block; min-width: 1.6rem; text-align: center; font-weight: 700;
  border-radius: 3px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
span.level.up { background: #e6f3e3; color: #1e6b2a; }
span.level.down { background: #fbe4e1; color: #b0281a; }
span.level.mixed { background: #fbf0d4; color: #7a5200; }
section .wide + p.facts { margin-top: .8rem; }
table.history td, table.history th { white-space: nowrap; }
table.history td.status, table.history td.person, table.history td.name,
table.history td.moved { white-space: normal; }
table.sessions td.status { min-width: 16rem; }
table.levels-over-time td.level { text-align: center; font-variant-numeric: tabular-nums; }
table.levels-over-time th.assessment { text-align: center; }
table.gaps-over-time td.count { text-align: right; font-variant-numeric: tabular-nums; }
tr.domain td[colspan] { font-weight: 700; }
.change { font-weight: 700; margin-left: .1rem; text-decoration: none; border: 0; }
.change.up { color: #1e6b2a; }
.change.down { color: #b0281a; }
.change.mixed { color: #7a5200; }
td.level.up { background: #e6f3e3; }
td.level.down { background: #fbe4e1; }
td.level.mixed { background: #fbf0d4; }
td.level { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
p.facts { margin: .3rem 0; }
@media print {
  .wide { overflow: visible; }
  table.history td, table.history th { white-space: normal; }
}
"""


def history_html(questionnaire: Questionnaire, history: History) -> str:
    """The whole page: sessions, gaps over time with their chart, levels over time."""
    title = text(f"History: {history.system}")
    header = (
        f'<header>\n<h1>{title}</h1>\n<p class="lead">IIC IoT Security Maturity Model: '
        "one system's sessions over time, how its gaps to the current target have moved, "
        "and each practice's level at each self-assessment.</p>\n</header>"
    )
    parts = [
        header,
        section("sessions", "Sessions, oldest first", sessions_table(history), facts(history)),
        gaps_section(history),
        levels_section(questionnaire, history),
        f'<p class="rules">{escape(HISTORY_RULES_NOTE)}</p>',
    ]
    return page(title, parts, HISTORY_STYLESHEET)


def table_html(css_class: str, head: list[str], rows: list[str]) -> str:
    """A table (head cells and rows already HTML) that scrolls sideways when too wide."""
    head_row = "<tr>" + "".join(head) + "</tr>"
    return (
        f'<div class="wide"><table class="history {css_class}">\n<thead>{head_row}</thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table></div>"
    )


# --- Sessions --------------------------------------------------------------------------------


def sessions_table(history: History) -> str:
    """One row per session, targets and assessments together, oldest first."""
    head = [f"<th>{name}</th>" for name in ("", "Started", "Kind", "Session", "Interviewee")]
    head.append("<th>Status</th>")
    rows = []
    for session in history.sessions:
        person = session.interviewee or "not recorded"
        if session.role:
            person += f" ({session.role})"
        cells = [
            f"<td>{history.label_of(session)}</td>",
            f'<td title="{utc_time(session.created)}">{day_of(session)}</td>',
            f"<td>{KIND_NAMES[session.kind]}</td>",
            f"<td>{text(session.id)}</td>",
            f'<td class="person">{text(person)}</td>',
            f'<td class="status">{text("; ".join(session_status(history, session)))}</td>',
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return table_html("sessions", head, rows)


def facts(history: History) -> str:
    """The current target and the baseline, each in a sentence."""
    return "\n".join(
        f'<p class="facts">{text(sentence)}</p>'
        for sentence in (target_sentence(history), baseline_sentence(history))
    )


# --- Gaps over time --------------------------------------------------------------------------


def gaps_section(history: History) -> str:
    """The chart and the table of counts, or why there are none."""
    heading = "Gaps to the current target over time"
    if history.current_target is None:
        return section("gaps", heading, "<p>None: this system has no target yet.</p>")
    if not history.gaps:
        return section("gaps", heading, "<p>None yet: this system has no self-assessment.</p>")
    target_mean = mean_text(history.gaps[0].counts.target_mean)
    legend = f"{GAPS_LEGEND} The target's mean is {target_mean}."
    return section(
        "gaps",
        heading,
        gaps_chart(history),
        gaps_table(history),
        f'<p class="note">{escape(legend)}</p>',
    )


def gaps_chart(history: History) -> str:
    """The two-panel line chart in a figure with its caption."""
    first, last = history.gaps[0], history.gaps[-1]
    counts = first.counts
    data = HistoryChartData(
        labels=tuple(history.label_of(point.session) for point in history.gaps),
        moments=tuple(point.session.created.astimezone(UTC) for point in history.gaps),
        large=tuple(point.counts.large for point in history.gaps),
        small=tuple(point.counts.small for point in history.gaps),
        none=tuple(point.counts.none for point in history.gaps),
        current_means=tuple(point.counts.current_mean for point in history.gaps),
        target_mean=counts.target_mean,
        practice_count=counts.large + counts.small + counts.none,
    )
    span = (
        f"from {history.label_of(first.session)} ({day_of(first.session)}) "
        f"to {history.label_of(last.session)} ({day_of(last.session)})"
    )
    description = (
        "Line chart: how many practices have a large, a small or no gap to the current target, "
        f"and the mean current comprehensiveness, at each self-assessment {span}."
    )
    caption = (
        "Above: practices with a large gap (solid line, squares), a small gap (dashed, "
        "triangles) and no gap (dotted, circles). Below: the mean current comprehensiveness "
        "(solid) and the current target's mean (dashed). The table below gives the numbers."
    )
    return figure(history_chart_svg(data, description), caption)


def gaps_table(history: History) -> str:
    """Per assessment: the counts, the levels short, the mean and how they moved."""
    head = [
        "<th></th>",
        "<th>Started</th>",
        '<th><span class="heat large">Large gap</span></th>',
        '<th><span class="heat small">Small gap</span></th>',
        '<th><span class="heat none">No gap</span></th>',
        "<th>Levels short</th>",
        "<th>Mean</th>",
        "<th>Since the previous assessment</th>",
    ]
    rows = [gap_row(history, point) for point in history.gaps]
    return table_html("gaps-over-time", head, rows)


def gap_row(history: History, point: GapsInTime) -> str:
    """One assessment's row of the gaps table."""
    counts = point.counts
    numbers = [counts.large, counts.small, counts.none, counts.comprehensiveness_gap]
    moved = (
        "first assessment" if point.movement is None else ", ".join(movement_words(point.movement))
    )
    cells = [
        f"<td>{history.label_of(point.session)}</td>",
        f"<td>{day_of(point.session)}</td>",
        *(f'<td class="count">{number}</td>' for number in numbers),
        f'<td class="count">{mean_text(counts.current_mean)}</td>',
        f'<td class="moved">{escape(moved)}</td>',
    ]
    return "<tr>" + "".join(cells) + "</tr>"


# --- Levels over time ------------------------------------------------------------------------


def levels_section(questionnaire: Questionnaire, history: History) -> str:
    """The practices × assessments table, grouped by domain, with its key."""
    heading = "Levels over time"
    if not history.assessments:
        return section("levels", heading, "<p>No self-assessment of this system yet.</p>")
    head = ["<th>ID</th>", "<th>Practice</th>"]
    head += [
        f'<th class="assessment">{history.label_of(s)}<br>'
        f'<span class="scope">{day_of(s)}</span></th>'
        for s in history.assessments
    ]
    legend = f"{LEVELS_LEGEND} {UNMARKED_NOTE}"
    key = f'{change_key()}\n<p class="note">{escape(legend)}</p>'
    return section(
        "levels",
        heading,
        key,
        table_html("levels-over-time", head, level_rows(questionnaire, history)),
    )


def change_key() -> str:
    """The markers and colours of a change, each with its meaning in words."""
    items = "".join(
        f'<li><span class="level {change.value}">{CHANGE_MARKERS[change]}</span> {words}</li>'
        for change, words in CHANGE_WORDS.items()
    )
    return f'<ul class="key">{items}</ul>'


def level_rows(questionnaire: Questionnaire, history: History) -> list[str]:
    """A row per domain, each followed by its practices' rows, in questionnaire order."""
    by_id = {practice.practice_id: practice for practice in history.practices}
    columns = len(history.assessments) + 1
    rows = []
    for domain_id, domain in questionnaire.domains.items():
        rows.append(
            f'<tr class="domain"><td>{text(domain_id)}</td>'
            f'<td colspan="{columns}">{text(domain.name)}</td></tr>'
        )
        for subdomain_id in questionnaire.subdomain_ids(domain_id):
            for practice_id in questionnaire.practice_ids(subdomain_id):
                practice = by_id[practice_id]
                cells = "".join(level_cell(level) for level in practice.levels)
                rows.append(
                    f'<tr class="practice"><td>{text(practice_id)}</td>'
                    f'<td class="name">{text(practice.name)}</td>{cells}</tr>'
                )
    return rows


def level_cell(level: LevelInTime) -> str:
    """``2/1`` and, when it changed, its marker, coloured and explained on hover."""
    value = short_level(level.level.comprehensiveness, level.level.scope)
    if level.change is None or level.change is Change.SAME:
        return f'<td class="level">{value}</td>'
    name = level.change.value
    marker = (
        f'<abbr class="change {name}" title="{CHANGE_WORDS[level.change]}">'
        f"{CHANGE_MARKERS[level.change]}</abbr>"
    )
    return f'<td class="level {name}">{value}{marker}</td>'
