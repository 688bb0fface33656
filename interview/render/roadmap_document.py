"""The roadmap as a document section: each improvement with its plan, its steps and the
profile's considerations, then the planned practices whose gap has closed."""

from __future__ import annotations

from collections.abc import Sequence

from interview.gap import RoadmapItem, RoadmapStep
from interview.plan import PlannedStep
from interview.render.document import (
    Block,
    Cell,
    CellKind,
    Entry,
    Items,
    ItemStyle,
    Paragraph,
    Section,
)
from interview.render.gap_report import PlanView, RoadmapExtras
from interview.render.words import (
    CLOSED_LEAD,
    CLOSED_TITLE,
    NO_GAPS,
    SEVERITY_WORDS,
    plan_note,
    plan_summary,
    plan_words,
    sector_label,
)

ROADMAP_TITLE = "Roadmap, most urgent first"


def roadmap_section(items: Sequence[RoadmapItem], extras: RoadmapExtras) -> Section:
    """The plan's summary, the improvements most urgent first, and the closed items."""
    blocks: list[Block] = []
    if extras.plan is not None:
        blocks.append(Paragraph(plan_summary(extras.plan), style="plan-summary"))
    if items:
        entries = tuple(roadmap_entry(item, extras) for item in items)
        blocks.append(Items(entries, ItemStyle.NUMBERED, name="roadmap"))
    else:
        blocks.append(Paragraph(NO_GAPS))
    if extras.plan is not None and extras.plan.closed:
        blocks.append(closed_section(extras.plan))
    return Section(ROADMAP_TITLE, tuple(blocks), "roadmap")


def roadmap_entry(item: RoadmapItem, extras: RoadmapExtras) -> Entry:
    """One improvement: severity, from and to, why, its plan, then each step."""
    blocks: list[Block] = [
        Paragraph(item.start.label(), label="from", style="move"),
        Paragraph(item.goal.label(), label="to", style="move"),
    ]
    if item.reason:
        blocks.append(Paragraph(item.reason, label="why", style="why"))
    if item.held_by:
        blocks.append(Paragraph(item.held_by, label="held by", style="why"))
    step = extras.plan.step(item.practice_id) if extras.plan else None
    if step is not None:
        blocks += plan_paragraphs(step)
    steps = tuple(step_entry(item, roadmap_step, extras) for roadmap_step in item.steps)
    if steps:
        blocks.append(Items(steps, ItemStyle.STEPS))
    severity = Cell(SEVERITY_WORDS[item.severity], CellKind.SEVERITY, tone=item.severity.value)
    return Entry(f"{item.practice_id} {item.name}", tuple(blocks), tag=severity)


def plan_paragraphs(step: PlannedStep) -> list[Paragraph]:
    """``plan: late · Ana · due 2026-10-01`` and the item's note."""
    tone = step.progress.value.replace(" ", "-")
    paragraphs = [Paragraph(plan_words(step), label="plan", style="plan", tone=tone)]
    note = plan_note(step)
    if note:
        paragraphs.append(Paragraph(note, label="note", style="plan"))
    return paragraphs


def step_entry(item: RoadmapItem, step: RoadmapStep, extras: RoadmapExtras) -> Entry:
    """One level to reach: its to-do list, and the profile's consideration for that level."""
    scope_word = "scope " if step.measure == "scope" else ""
    blocks: list[Block] = [Items(tuple(Entry(to_do) for to_do in step.to_do))]
    sector = extras.step_consideration(item.practice_id, step)
    if sector and extras.profile:
        blocks.append(Paragraph(sector, label=sector_label(extras.profile), style="sector"))
    return Entry(f"to reach {scope_word}{step.label}", tuple(blocks))


def closed_section(view: PlanView) -> Section:
    """The planned practices no longer in the roadmap, each with its plan and note."""
    entries = []
    for step in view.closed:
        note = plan_note(step)
        tone = step.progress.value.replace(" ", "-")
        entries.append(
            Entry(
                step.practice_id,
                (Paragraph(note, label="note", style="plan"),) if note else (),
                tag=Cell(plan_words(step), tone=tone),
            )
        )
    lead = Paragraph(CLOSED_LEAD, style="note")
    return Section(CLOSED_TITLE, (lead, Items(tuple(entries), name="closed")), "closed", level=3)
