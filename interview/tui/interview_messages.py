"""What the interview screen says that is worked out from the engine's state alone: the
welcome, the jump list, the levels of a practice, the effects of a target answer and the final
summary."""

from __future__ import annotations

from rich.text import Text

from interview.engine import views
from interview.engine.interview import Interview
from interview.engine.plan import StepKind
from interview.engine.prompts import Prompt
from interview.engine.target_lines import prefill_lines, subdomain_line
from interview.questionnaire.levels import COMPREHENSIVENESS_NAMES
from interview.questionnaire.prefill import REGULATIONS_QUESTION_ID
from interview.session.model import AssessmentSession, SessionKind, as_assessment
from interview.tui import text


def effects_of(engine: Interview, answered: Prompt) -> list[str]:
    """What a target answer just did: the regulator answers the regulations gave, or, once a
    sub-domain's needs are all answered, its resulting level and why."""
    step, session = answered.step, engine.session
    if session.kind is not SessionKind.TARGET:
        return []
    if answered.question_id == REGULATIONS_QUESTION_ID:
        lines = prefill_lines(engine.questionnaire, session)
        return ["\n".join(lines)] if lines else []  # one message, not nine
    if step.kind is not StepKind.NEED or step.subdomain_id is None:
        return []
    following = engine.current()
    next_step = following.step if following is not None else None
    if next_step and (next_step.kind, next_step.subdomain_id) == (StepKind.NEED, step.subdomain_id):
        return []  # more needs of the same sub-domain to come
    return [subdomain_line(engine.questionnaire, session, step.subdomain_id)]


def welcome(engine: Interview) -> str:
    if engine.session.kind is SessionKind.TARGET:
        return (
            "Let's set a security maturity target. First a few questions about the system; then, "
            "for each domain, the goal; for each area, your needs; for each practice, its purpose. "
            'Unsure? Choose "Don\'t know" and name who can answer: it is listed for follow-up. '
            "Digits answer, Esc goes back, F1 says why a question is asked. Every answer is saved."
        )
    return (
        "Let's record the current state. For each practice, answer from facts: what exists and "
        'what an assessor could see. Unsure? Choose "Don\'t know": it counts as not in place and '
        "is listed for follow-up. Digits answer, Esc goes back, F1 explains. Every answer is saved."
    )


def jump_entries(engine: Interview) -> list[tuple[str, str]]:
    questionnaire = engine.questionnaire
    entries = []
    for domain_id, domain in questionnaire.domains.items():
        if engine.session.kind is SessionKind.TARGET:
            entries.append((domain_id, f"{domain_id}  {domain.name} (domain goal)"))
        for practice_id in questionnaire.practice_ids():
            if questionnaire.domain_of(practice_id) == domain_id:
                name = questionnaire.practices[practice_id].name
                status = views.practice_status(questionnaire, engine.session, practice_id)
                entries.append((practice_id, f"{practice_id}  {name} ({status})"))
    return entries


def levels_explained(engine: Interview, practice_id: str) -> Text:
    practice = engine.questionnaire.practices[practice_id]
    explained = text.literal(f"{practice_id} {practice.name}: {practice.purpose}", "bold")
    for number, level in sorted(practice.levels.items()):
        explained.append(f"\n\nLevel {number} {COMPREHENSIVENESS_NAMES[number]}: ", style="bold")
        explained.append_text(text.literal(f"{level.objective} {level.why}"))
    return explained


def final_summary(engine: Interview) -> list[Text]:
    lines = [text.info_message("Done. Here is where every practice stands:")]
    for practice_id in engine.questionnaire.practice_ids():
        summary = views.summary_of(
            engine.questionnaire, engine.session, practice_id, engine.linked_targets
        )
        lines.append(
            text.practice_summary_message(
                engine.questionnaire, practice_id, summary.current, summary.target
            )
        )
    changes = views.changes_since_previous(engine.questionnaire, engine.session)
    if isinstance(engine.session, AssessmentSession) and engine.session.previous_session:
        lines.append(text.info_message(changes_line(engine, changes)))
    lines.append(
        text.info_message(
            f"Saved as session {engine.session.id}. "
            f"To come back to it: smm resume {engine.session.id}"
        )
    )
    return lines


def changes_line(engine: Interview, changes: list[views.LevelChange]) -> str:
    """``Since acme-…-05-01: G1.1 1 → 2, H1.2 2 → 1.`` or that nothing moved."""
    since = f"Since {as_assessment(engine.session).previous_session}"
    if not changes:
        return f"{since}: no practice changed level."
    moves = ", ".join(
        f"{change.practice_id} {change.before.comprehensiveness}/{change.before.scope or '-'} → "
        f"{change.now.comprehensiveness}/{change.now.scope or '-'}"
        for change in changes
    )
    return f"{since}: {moves}."
