"""What the interview screen says that is worked out from the engine's state alone: the
welcome, the jump and review lists, the levels of a practice, the effects of a target answer,
a practice left for later and the final summary."""

from __future__ import annotations

from rich.text import Text

from interview.engine import views
from interview.engine.context import is_prefilled
from interview.engine.interview import Interview
from interview.engine.plan import Step, StepKind, practice_steps
from interview.engine.prompts import Prompt, build_prompt
from interview.engine.target_lines import prefill_lines, subdomain_line
from interview.formatting import KIND_NAMES
from interview.questionnaire.levels import COMPREHENSIVENESS_NAMES
from interview.questionnaire.prefill import REGULATIONS_QUESTION_ID
from interview.session.model import (
    DONT_KNOW,
    AssessmentSession,
    Phase,
    SessionKind,
    TargetSession,
    as_assessment,
    compared_target,
)
from interview.tui import text

REVIEW_STATUS = {"skipped": "skipped", "unanswered": "not answered", "dont_know": "don't know"}
FINISH = "__finish__"


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


def welcome(engine: Interview, why_key: str) -> str:
    """The first message of a new interview; ``why_key`` names the key of "Why is this asked?"
    where the interview runs (F1 in a terminal, F2 in a browser: tui/keys.py)."""
    if isinstance(engine.session, TargetSession) and engine.session.profile:
        return profile_welcome(engine, engine.session.profile, why_key)
    if engine.session.kind is SessionKind.TARGET:
        return (
            "Let's set a security maturity target. First a few questions about the system; then, "
            "for each domain, the goal; for each sub-domain, your needs; for each practice, its "
            "purpose. "
            'Unsure? Choose "Don\'t know" and name who can answer: it is listed for follow-up. '
            f"Digits answer, Esc goes back, {why_key} says why a question is asked. "
            "Every answer is saved."
        )
    return (
        "Let's record the current state. For each practice, answer from facts: what exists and "
        'what an assessor could see. Unsure? Choose "Don\'t know": it counts as not in place and '
        f"is listed for follow-up. Digits answer, Esc goes back, {why_key} explains, PageUp and "
        "PageDown scroll back. Every answer is saved."
    )


def welcome_back(engine: Interview) -> str:
    """The first message of a resumed interview: where it stands."""
    session = engine.session
    progress = views.progress(engine.questionnaire, session)
    return (
        f"Welcome back. {session.system} — {KIND_NAMES[session.kind]}: {progress.answered} "
        f"answers so far, {progress.practices_done} of {progress.practices_total} practices "
        "done. Carrying on where you stopped."
    )


def profile_welcome(engine: Interview, profile_id: str, why_key: str) -> str:
    """A target from a profile asks no needs (the profile holds every practice's level): what
    it does ask, counted from the plan, since the sector and role may be answered already."""
    session = engine.session
    name = engine.profile.name if engine.profile is not None else profile_id
    left = [step for step in engine.plan() if step.question_id not in session.answers]
    context = sum(1 for step in left if step.is_context)
    goals = sum(1 for step in left if step.kind is StepKind.GOAL)
    purposes = sum(1 for step in left if step.kind is StepKind.PURPOSE)
    return (
        f"Let's set a security maturity target, starting from the profile {name}. It holds a "
        f"level for every practice, so there are no needs questions: first {context} questions "
        f"about the system and you; then, for each of the {goals} domains, the goal and its "
        f"scope, starting at the profile's; for each of the {purposes} practices, keep the "
        f"profile's level or change it: {len(left)} questions at most. "
        'Unsure? Choose "Don\'t know" and name who can answer: it is listed for follow-up. '
        f"Digits answer, Esc goes back, {why_key} says why a question is asked. Every answer is "
        "saved."
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


def final_summary(engine: Interview, come_back: str) -> list[Text]:
    lines = [text.info_message("Done. Here is where every practice stands:")]
    for practice_id in engine.questionnaire.practice_ids():
        summary = views.summary_of(
            engine.questionnaire, engine.session, practice_id, engine.linked_targets
        )
        lines.append(
            text.practice_summary_message(
                engine.questionnaire,
                practice_id,
                summary.current,
                summary.target,
                dont_knows=dont_knows_in(engine, practice_id),
            )
        )
    changes = views.changes_since_previous(engine.questionnaire, engine.session)
    if isinstance(engine.session, AssessmentSession) and engine.session.previous_session:
        lines.append(text.info_message(changes_line(engine, changes)))
    lines.append(text.info_message(come_back))
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


def dont_knows_in(engine: Interview, practice_id: str) -> int:
    """How many of the practice's questions asked so far were answered "don't know"."""
    plan = views.session_plan(engine.questionnaire, engine.session)
    answers = engine.session.answers
    return sum(
        1
        for step in practice_steps(plan, practice_id)
        if step.question_id in answers and answers[step.question_id].value == DONT_KNOW
    )


def left_for_later(engine: Interview, left: Step) -> str | None:
    """Why an assessment moved on from a practice without its summary: a skipped question
    still decides its level (None when it did not move on, or the practice is done)."""
    practice_id, session = left.practice_id, engine.session
    if practice_id is None or session.kind is not SessionKind.ASSESSMENT:
        return None
    following = engine.current()
    staying = following is not None and following.step.practice_id == practice_id
    if staying or engine.phase is Phase.PRACTICE_SUMMARY:
        return None
    steps = practice_steps(views.session_plan(engine.questionnaire, session), practice_id)
    skipped = [step for step in steps if step.question_id in session.skipped]
    if not skipped:
        return None
    which = "its first question was" if skipped[0] == steps[0] else "a question was"
    return (
        f"{practice_id} left for later: {which} skipped, so its level is not known yet; "
        "it comes back in the review."
    )


def review_entries(engine: Interview) -> list[tuple[str, str]]:
    """The review menu: each open question with why it is open, then Finish."""
    targets = views.session_targets(engine.questionnaire, engine.session)
    entries = []
    for item in views.review_items(engine.questionnaire, engine.session):
        where = item.step.practice_id or item.step.subdomain_id or item.step.domain_id
        question = build_prompt(engine.questionnaire, item.step, targets).text
        answer = engine.session.answers.get(item.question_id)
        whom = f", ask {answer.ask}" if answer is not None and answer.ask else ""
        label = f"{where or 'Context'} ({REVIEW_STATUS[item.status]}{whom}): {question}"
        entries.append((item.question_id, label))
    entries.append((FINISH, "Finish the interview"))
    return entries


def done_entries(engine: Interview) -> list[tuple[str, str]]:
    """The menu of a finished interview."""
    entries = [("review", "Back to the review"), ("quit", "Quit (everything is saved)")]
    session = engine.session
    if session.kind is SessionKind.ASSESSMENT and session.accepted_as_baseline is None:
        entries.insert(0, ("accept", "Accept this assessment as the new baseline"))
    if compared_target(session):
        entries.insert(0, ("gap", "Open the gap analysis against the target"))
    return entries


def answer_marker(engine: Interview, question_id: str) -> str:
    """Words that tell the preselected option from the cursor: whose answer it is."""
    answer = engine.session.answers.get(question_id)
    if answer is not None:
        return "filled from the context" if is_prefilled(answer) else "your answer"
    if engine.session.kind is SessionKind.ASSESSMENT:
        return "last time's answer"  # the only suggestion an assessment makes
    return "the profile's choice"  # a target's only suggestion


def why_asked(engine: Interview) -> Text | None:
    """What "Why is this asked?" shows: the question's help and its practice's levels (None:
    nothing to say)."""
    prompt = engine.current()
    practice_id = prompt.step.practice_id if prompt else engine.session.cursor.practice
    if prompt is None and not practice_id:
        return None
    body = Text()
    if prompt is not None:
        body.append_text(text.literal(prompt.help))
    if practice_id:
        body.append("\n\n")
        body.append_text(levels_explained(engine, practice_id))
    return body
