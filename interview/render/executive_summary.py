"""The gap report's first page, for the people who decide: one overall statement, a line per
domain, the few actions that matter most with the reason each comes first, and the counts;
then the roadmap in phases (the rules are in :mod:`interview.roadmap_phases`)."""

from __future__ import annotations

from collections.abc import Sequence

from interview.formatting import plural
from interview.gap import GapAnalysis, GroupGap, PracticeGap, RoadmapItem, RoadmapStep, Severity
from interview.questionnaire.model import Questionnaire
from interview.render.document import (
    Block,
    Cell,
    CellKind,
    Column,
    Entry,
    Fact,
    Facts,
    Items,
    ItemStyle,
    Paragraph,
    Row,
    Section,
    Table,
)
from interview.render.words import SEVERITY_WORDS, mean_text
from interview.roadmap_phases import Phase, item_phase, items_in_phase, phased_steps, step_phases

TOP_ACTIONS = 5
"""At most this many actions on the first page; the roadmap holds the rest."""

PHASE_TITLES = {
    Phase.FIRST: "First: start now",
    Phase.NEXT: "Next: once the first phase is under way",
    Phase.LATER: "Later: to reach the whole target",
}

PHASE_RULES = (
    "Each level to reach is given a phase by smm's own rules: a level that puts a practice in "
    "place at all (1 Minimum) comes first, as does the first level of every large gap; the "
    "first level of a small gap and the second of a large gap come next; every further level "
    "comes later. A practice's levels stay in order: reaching 3 never comes before reaching 2."
)


def executive_summary(
    questionnaire: Questionnaire, analysis: GapAnalysis, resting: set[str], follow_up_count: int
) -> Section:
    """The first page: statement, domains, actions, counts."""
    included = [gap for gap in analysis.practices if gap.included]
    blocks: list[Block] = [
        Paragraph(overall_statement(questionnaire, analysis, included, resting)),
        Paragraph("By domain:", style="lead-in"),
        Items(tuple(domain_entry(analysis, domain) for domain in analysis.domains)),
    ]
    actions = top_actions(analysis.roadmap, resting, follow_up_count)
    if actions:
        blocks += [
            Paragraph("What matters most, and why it comes first:", style="lead-in"),
            Items(tuple(actions), ItemStyle.NUMBERED, name="actions"),
        ]
    blocks.append(counts(analysis, included, follow_up_count))
    return Section("Executive summary", tuple(blocks), "executive-summary")


def overall_statement(
    questionnaire: Questionnaire,
    analysis: GapAnalysis,
    included: Sequence[PracticeGap],
    resting: set[str],
) -> str:
    """One sentence or three on where the system stands against its target."""
    if not included:
        return "No practice applies yet: the target sets no level to compare with."
    short = [gap for gap in included if gap.severity is not Severity.NONE]
    if not short:
        every = plural(len(included), "applicable practice")
        return f"The current state meets the target in all {every}."
    large = sum(gap.severity is Severity.LARGE for gap in short)
    how = [f"{large} by two levels or more (large gaps)"] if large else []
    how += [f"{len(short) - large} by one level (small gaps)"] if len(short) > large else []
    sentences = [
        f"The current state falls short of the target in {len(short)} of "
        f"{plural(len(included), 'applicable practice')}: {join_words(how)}."
    ]
    worst = [d.name for d in analysis.domains if d.severity is Severity.LARGE]
    if worst:
        verb = "holds" if len(worst) == 1 else "hold"
        sentences.append(f"{join_words(worst)} {verb} the large gaps.")
    uncertain = sorted(resting & {gap.practice_id for gap in short})
    if uncertain:
        sentences.append(
            f"{plural(len(uncertain), 'of these gaps')} ({', '.join(uncertain)}) "
            f'{"rests" if len(uncertain) == 1 else "rest"} on questions answered "don\'t know" '
            "and may be smaller once they are answered."
        )
    return " ".join(sentences)


def domain_entry(analysis: GapAnalysis, domain: GroupGap) -> Entry:
    """``G Security Governance: target 2.0, current 1.7; large gap in G1.2 Compliance
    Management``."""
    members = [gap for gap in analysis.practices if gap.practice_id in domain.practice_ids]
    if domain.target_mean is None:
        return Entry(f"{domain.item_id} {domain.name}: no practice applies")
    means = f"target {mean_text(domain.target_mean)}, current {mean_text(domain.current_mean)}"
    parts = []
    for severity in (Severity.LARGE, Severity.SMALL):
        named = [
            f"{g.practice_id} {g.name}" for g in members if g.included and g.severity is severity
        ]
        if named:
            parts.append(f"{SEVERITY_WORDS[severity]} in {join_words(named)}")
    gaps = "; ".join(parts) if parts else "no gap"
    return Entry(f"{domain.item_id} {domain.name}: {means}; {gaps}")


def top_actions(
    roadmap: Sequence[RoadmapItem], resting: set[str], follow_up_count: int
) -> list[Entry]:
    """The first actions: answer the "don't know" questions when gaps rest on them, then the
    first phase's items in roadmap order (and the next phase's, to reach three)."""
    actions = []
    uncertain = [item.practice_id for item in roadmap if item.practice_id in resting]
    if uncertain and follow_up_count:
        gaps = "the gap of" if len(uncertain) == 1 else "the gaps of"
        verb = "rests" if len(uncertain) == 1 else "rest"
        why = (
            f"{gaps} {join_words(uncertain)} {verb} on them: answering them first may make the "
            "work smaller, and it makes the levels ones an assessor can sign."
        )
        actions.append(
            Entry(
                f'Answer the {plural(follow_up_count, "question")} answered "don\'t know"',
                (Paragraph(why, label="why first"),),
            )
        )
    chosen = items_in_phase(roadmap, Phase.FIRST)
    if len(chosen) < 3:
        chosen += [item for item in items_in_phase(roadmap, Phase.NEXT) if item not in chosen]
    for item in chosen[: TOP_ACTIONS - len(actions)]:
        actions.append(action_entry(item))
    return actions


def action_entry(item: RoadmapItem) -> Entry:
    """``G1.2 Compliance Management: reach 1 Minimum`` and why it comes first."""
    phases = step_phases(item)
    first = item_phase(item)
    steps = [step_words(s) for s, phase in zip(item.steps, phases, strict=True) if phase is first]
    to = f"reach {join_words(steps)}" if steps else f"reach {item.goal.label()}"
    reasons = [f"{SEVERITY_WORDS[item.severity]}: from {item.start.label()} to {item.goal.label()}"]
    if item.start.comprehensiveness == 0:
        reasons.append("nothing is in place yet")
    if item.reason:
        reasons.append(f"the target's reason: {item.reason}")
    why = Paragraph("; ".join(reasons), label="why first")
    return Entry(f"{item.practice_id} {item.name}: {to}", (why,))


def counts(analysis: GapAnalysis, included: Sequence[PracticeGap], follow_ups: int) -> Facts:
    """The numbers behind the page."""
    by_phase = phased_steps(analysis.roadmap)
    facts = (
        Fact("Applicable practices", str(len(included))),
        *(
            Fact(SEVERITY_WORDS[s].capitalize(), str(sum(g.severity is s for g in included)))
            for s in (Severity.LARGE, Severity.SMALL, Severity.NONE)
        ),
        Fact("Not applicable or not set", str(len(analysis.practices) - len(included))),
        Fact("Improvements in the roadmap", str(len(analysis.roadmap))),
        Fact(
            "Levels to reach: first, next, later",
            ", ".join(str(len(by_phase[phase])) for phase in Phase),
        ),
        Fact('Questions answered "don\'t know"', str(follow_ups)),
    )
    summary = "; ".join(f"{fact.label}: {fact.value}" for fact in facts)
    return Facts("In numbers", facts, summary)


def phases_section(roadmap: Sequence[RoadmapItem]) -> Section:
    """The roadmap grouped by phase, one row per practice and phase, with its levels."""
    rows = []
    for phase in Phase:
        for item in items_in_phase(roadmap, phase):
            levels = [
                step_words(step)
                for step, found in zip(item.steps, step_phases(item), strict=True)
                if found is phase
            ]
            rows.append(
                Row(
                    (
                        Cell(PHASE_TITLES[phase].split(":")[0]),
                        Cell(item.practice_id, CellKind.ID),
                        Cell(item.name),
                        Cell(", then ".join(levels) if levels else item.goal.label()),
                        Cell(
                            SEVERITY_WORDS[item.severity],
                            CellKind.SEVERITY,
                            tone=item.severity.value,
                        ),
                    )
                )
            )
    columns = (Column("Phase"), Column("ID"), Column("Name"), Column("To reach"), Column("Gap"))
    table = Table(columns, tuple(rows), name="phases")
    return Section("Roadmap in phases", (Paragraph(PHASE_RULES, style="rules"), table), "phases")


def step_words(step: RoadmapStep) -> str:
    """``2 Ad hoc``; ``scope 3 System specific``."""
    return f"scope {step.label}" if step.measure == "scope" else step.label


def join_words(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"
