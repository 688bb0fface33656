"""Effects shown as they happen in a target interview: after a sub-domain's needs, one line
with its resulting level and why; after the regulations answer, the regulator questions it
answered in advance. Pure functions of the questionnaire and the session."""

from __future__ import annotations

from interview.engine.context import is_prefilled
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.questionnaire.model import TOP_LEVEL, NeedsOption, Questionnaire
from interview.questionnaire.prefill import prefilled_needs
from interview.scoring import target_levels
from interview.session.model import Session, SessionKind, TargetSession


def subdomain_line(questionnaire: Questionnaire, session: Session, subdomain_id: str) -> str:
    """``G1 Security Strategy and Governance: 3 Consistent, 3 System specific, raised from 2
    by: Severe...; scope set by: ...``: the sub-domain's target once its needs are answered."""
    subdomain = questionnaire.subdomains[subdomain_id]
    levels = target_levels(
        questionnaire, session.targets if isinstance(session, TargetSession) else {}
    )
    level, goal = levels[subdomain_id], levels[subdomain.domain]
    head = f"{subdomain_id} {subdomain.name}:"
    if level.comprehensiveness is None or goal.comprehensiveness is None:
        return f"{head} no target yet: the domain goal is not set"
    chosen = _chosen(questionnaire, session, subdomain_id)
    line = f"{head} {comprehensiveness_label(level.comprehensiveness)}, {scope_label(level.scope)}"
    change = level.comprehensiveness - goal.comprehensiveness
    if change:
        movers = [item for item in chosen if item[0].change * change > 0]
        verb = "raised" if change > 0 else "lowered"
        line += f", {verb} from {goal.comprehensiveness} by: {_words(movers)}"
    elif any(option.change > 0 for option, _ in chosen):
        top = level.comprehensiveness == TOP_LEVEL
        why = "the top level" if top else "4 needs an answer asking for two levels, and another"
        line += f", held at {level.comprehensiveness}: {why}"
    else:
        line += ", as the domain goal"
    if (level.scope or 0) > (goal.scope or 0):
        narrower = [item for item in chosen if (item[0].scope_at_least or 0) > (goal.scope or 0)]
        line += f"; scope from {goal.scope} by: {_words(narrower)}"
    return line


def _chosen(
    questionnaire: Questionnaire, session: Session, subdomain_id: str
) -> list[tuple[NeedsOption, bool]]:
    """The sub-domain's needs answers, each with whether the context gave it."""
    chosen = []
    for need in questionnaire.subdomains[subdomain_id].needs:
        answer = session.answers.get(need.id)
        option = next((o for o in need.options if answer and o.id == answer.value), None)
        if answer is not None and option is not None:
            chosen.append((option, is_prefilled(answer)))
    return chosen


def _words(options: list[tuple[NeedsOption, bool]]) -> str:
    """The answers that moved the level, as said, marked when the context gave them."""
    return "; ".join(
        option.label.rstrip(".") + (" (from the context)" if prefilled else "")
        for option, prefilled in options
    )


def prefill_lines(questionnaire: Questionnaire, session: Session) -> list[str]:
    """The regulator answers the regulations named gave in advance, one line each after a
    heading; none for an assessment or when nothing was filled."""
    if session.kind is not SessionKind.TARGET:
        return []
    values = {key: answer.value for key, answer in session.answers.items()}
    filled = [
        prefill
        for prefill in prefilled_needs(questionnaire, values).values()
        if (answer := session.answers.get(prefill.question_id)) and is_prefilled(answer)
    ]
    if not filled:
        return []
    heading = (
        f"From the regulations you named, {len(filled)} regulator questions are answered in "
        "advance (change any with Ctrl+G, or from the overview at the end):"
    )
    return [heading] + [f"  {item.subdomain_id}: {item.option.label}" for item in filled]
