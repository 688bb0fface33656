"""How smm works out what a report shows, in words a reader of the report can check: the rules
the IIC paper leaves open, stated in the document itself rather than in a link to smm's own
documentation, which a board member handed the report cannot open."""

from __future__ import annotations

from interview.render.document import Entry, Items, Paragraph, Section

METHOD_HEADING = "How smm works out the levels and gaps"
METHOD_LEAD = (
    "The IIC IoT Security Maturity Model describes levels, gaps and a roadmap but leaves the "
    "arithmetic open. These are smm's own rules."
)

LEVEL_RULES = (
    "Current levels: a practice reaches a comprehensiveness level when every question of that "
    'level and of each level below it is met. An answer "don\'t know" counts as not met; an '
    'answer "not applicable here" counts as met and is listed for confirmation.',
    "Targets: each domain's goal sets a level that its sub-domains' needs answers may raise or "
    "lower, and each practice may need more, less or the same, or not apply.",
)

GAP_RULES = (
    "Gap per practice: the target minus the current level, in comprehensiveness and in scope "
    "separately, or 0 where the current level meets or exceeds the target.",
    "Severity: no gap when both gaps are 0; a large gap when either is 2 or more; otherwise a "
    "small gap.",
    "Sub-domains and domains: the mean comprehensiveness of their applicable practices, to one "
    "decimal, and the worst severity among them.",
    "Roadmap order: large gaps first, then the larger comprehensiveness gap, then the larger "
    "scope gap, then the questionnaire's order.",
    "Several interviewees: assessments are merged by the lowest level any of them gave, "
    "targets by the highest.",
)


def method_section(*, phases: str = "") -> Section:
    """The rules, with the roadmap's phase rule when the report has phases."""
    rules = LEVEL_RULES + GAP_RULES + ((phases,) if phases else ())
    entries = Items(tuple(Entry(rule) for rule in rules))
    return Section(METHOD_HEADING, (Paragraph(METHOD_LEAD), entries), "method")
