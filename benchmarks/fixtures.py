"""What the benchmarks measure on: complete sessions and a 1,000-practice stress questionnaire.

Sessions are made by driving the real engine to the end, so that they hold what a finished
interview holds: every context answer, every target setting and every level question.
"""

from __future__ import annotations

import random
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from interview.engine.interview import Interview
from interview.engine.prompts import Prompt, PromptKind, build_prompt
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.questionnaire.loader import default_questionnaire_path
from interview.session.model import (
    YES,
    Answer,
    AnswerValue,
    Phase,
    Session,
    SessionKind,
    new_session,
)
from interview.session.store import SessionStore

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def answer_for(prompt: Prompt, rng: random.Random, yes_rate: float) -> AnswerValue:
    """A plausible answer: text for text, a pick for choices, mostly "yes" on level questions."""
    values = [option.value for option in prompt.options]
    if prompt.kind is PromptKind.TEXT:
        return f"Benchmark answer to {prompt.question_id}"
    if prompt.kind is PromptKind.MULTI_CHOICE:
        return rng.sample(values, k=min(2, len(values)))
    if YES in values:
        return YES if rng.random() < yes_rate else rng.choice(values)
    return rng.choice(values)


def reason_for(prompt: Prompt, value: AnswerValue) -> str:
    """The one-line justification an answer needs ("not applicable here"), else nothing."""
    if isinstance(value, str) and value in prompt.needs_reason_for:
        return "Benchmark: nothing of the kind exists in this system."
    return ""


def complete_session(
    questionnaire: Questionnaire,
    kind: SessionKind,
    system: str = "Benchmark gateway",
    *,
    seed: int = 1,
    yes_rate: float = 1.0,
    stop_after: int | None = None,
) -> Session:
    """A session answered to the end (or to ``stop_after`` answers), with notes on some."""
    rng = random.Random(seed)
    session = new_session(
        questionnaire, kind, system, interviewee=f"Interviewee {seed}", role="Engineer", now=WHEN
    )
    interview = Interview(questionnaire, session, clock=lambda: WHEN)
    answered = 0
    while (prompt := interview.current()) is not None or interview.phase is Phase.PRACTICE_SUMMARY:
        if prompt is None:
            interview.continue_interview()
            continue
        if stop_after is not None and answered >= stop_after:
            return session
        note = "Evidence: the design review of 2026-10-01." if rng.random() < 0.2 else ""
        value = answer_for(prompt, rng, yes_rate)
        interview.answer(value, note=note or reason_for(prompt, value))
        answered += 1
    interview.finish_interview()
    return session


def complete_assessment(
    questionnaire: Questionnaire, system: str = "Benchmark gateway", *, seed: int = 1,
    yes_rate: float = 1.0,
) -> Session:  # fmt: skip
    """A finished self-assessment, made without the engine's answer-by-answer cost.

    The engine re-plans after every answer, which is right for an interview but quadratic
    for a 1,000-practice questionnaire; here every open question of the plan is answered at
    once, and the plan is recomputed until it asks nothing more (once per level).
    """
    rng = random.Random(seed)
    session = new_session(questionnaire, SessionKind.ASSESSMENT, system,
                          interviewee=f"Interviewee {seed}", role="Engineer", now=WHEN)  # fmt: skip
    interview = Interview(questionnaire, session, clock=lambda: WHEN)
    while open_steps := [s for s in interview.plan() if s.question_id not in session.answers]:
        for step in open_steps:
            prompt = build_prompt(questionnaire, step, {})
            value = answer_for(prompt, rng, yes_rate)
            note = reason_for(prompt, value) or None
            session.answers[step.question_id] = Answer(value=value, note=note, answered_at=WHEN)
    interview.finish_interview()
    return session


def many_assessments(questionnaire: Questionnaire, count: int) -> list[Session]:
    """``count`` finished assessments by as many interviewees: copies of 20 different ones
    (making each through the engine would take minutes for 1,000)."""
    kinds = [complete_assessment(questionnaire, seed=seed, yes_rate=0.7) for seed in range(20)]
    copies = []
    for number in range(count):
        copy = kinds[number % len(kinds)].model_copy(deep=True)
        copy.id = f"assessment-{number}"
        copy.interviewee = f"Interviewee {number}"
        copies.append(copy)
    return copies


def save_sessions(folder: Path, sessions: list[Session]) -> list[str]:
    """Write sessions into a sessions folder; their ids, in order."""
    store = SessionStore(folder)
    return [store.create(session).id for session in sessions]


def write_stress_questionnaire(path: Path, practices: int = 1000) -> Path:
    """The shipped questionnaire with its 18 practices copied round-robin to ``practices``.

    Each copy gets a fresh practice id under one of the nine sub-domains and fresh question
    ids, so that the file passes every check the shipped one passes.
    """
    data: dict[str, Any] = tomllib.loads(default_questionnaire_path().read_text("utf-8"))
    templates = list(data["practices"].items())
    subdomains = list(data["subdomains"])
    counters = dict.fromkeys(subdomains, 0)
    copies: dict[str, Any] = {}
    for number in range(practices):
        template_id, template = templates[number % len(templates)]
        subdomain = subdomains[number % len(subdomains)]
        counters[subdomain] += 1
        practice_id = f"{subdomain}.{counters[subdomain]}"
        copies[practice_id] = _renamed_practice(template, template_id, practice_id, subdomain)
    data["practices"] = copies
    data["id"] = "stress"
    data["title"] = f"Stress questionnaire, {practices} practices"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    load_questionnaire(path)  # refuse to benchmark on a file smm would reject
    return path


def _renamed_practice(
    template: dict[str, Any], template_id: str, practice_id: str, subdomain: str
) -> dict[str, Any]:
    practice: dict[str, Any] = tomllib.loads(tomli_w.dumps(template))  # a deep copy
    practice["subdomain"] = subdomain
    practice["name"] = f"{template['name']} ({practice_id})"

    def renamed(question_id: str) -> str:
        return practice_id + question_id.removeprefix(template_id)

    for level in practice["levels"].values():
        for question in level["questions"]:
            question["id"] = renamed(question["id"])
        for step in level["to_do"]:
            if isinstance(step, dict):  # a step names the questions that test it
                step["questions"] = [renamed(question_id) for question_id in step["questions"]]
    return practice
