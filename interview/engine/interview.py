"""The interview engine: one session, driven by a state machine over conversation phases.

The phases (context, interview, practice summary, review, done) are the machine's states, and
the transition table says when each is entered; where the interview is in the model is the
cursor stored in the session. The interfaces drive this class to change a session; what a
session shows is read with the pure functions of views.py, and the target rules are in
targets.py. It does no file I/O: it calls ``on_change`` after every change; the caller saves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from transitions import Machine

from interview.engine.context import apply_context_answer, prefill_needs
from interview.engine.details import (
    kept_note,
    previous_answer,
    profile_suggestion,
    with_previous_answer,
    with_profile_detail,
)
from interview.engine.outcome import ACCEPTED, EngineError, Outcome
from interview.engine.plan import Step, StepKind, practice_steps, step_index
from interview.engine.prompts import Prompt, build_prompt
from interview.engine.triggers import Triggers
from interview.engine.views import (
    PracticeSummary,
    practice_done,
    questions_no_longer_asked,
    session_plan,
    summary_of,
)
from interview.filemodel import utc_now
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.questionnaire.variants import sector_of
from interview.scoring import TargetLevel
from interview.session.checks import NOT_APPLICABLE_NEEDS_REASON, misplaced_ask, unjustified
from interview.session.model import Answer, AnswerValue, Phase, Session, SessionKind, as_target
from interview.targets import prompt_levels, targets_after_answer

TRANSITIONS: list[dict[str, Any]] = [
    # To a question: the context phase for a context question, the interview for the others.
    {"trigger": "go_to_step", "source": "*", "dest": Phase.CONTEXT,
     "conditions": "step_is_context", "after": "_point_at"},
    {"trigger": "go_to_step", "source": "*", "dest": Phase.INTERVIEW,
     "unless": "step_is_context", "after": "_point_at"},
    # A practice's last question answered: what it reached, before the next practice.
    {"trigger": "summarise_practice", "source": Phase.INTERVIEW, "dest": Phase.PRACTICE_SUMMARY,
     "after": "_point_at_practice"},
    {"trigger": "enter_review", "source": [Phase.CONTEXT, Phase.INTERVIEW,
     Phase.PRACTICE_SUMMARY, Phase.DONE], "dest": Phase.REVIEW, "after": "_point_nowhere"},
    {"trigger": "close", "source": Phase.REVIEW, "dest": Phase.DONE, "after": "_point_nowhere"},
]  # fmt: skip
"""The conversation's moves. Each transition places the cursor (its ``after``) before the
machine records the new phase in the session (``after_state_change``)."""


class Interview(Triggers):
    """One interview over one session."""

    state: Phase

    def __init__(
        self,
        questionnaire: Questionnaire,
        session: Session,
        *,
        linked_targets: Mapping[str, TargetLevel] | None = None,
        profile: Profile | None = None,
        on_change: Callable[[Session], None] | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.questionnaire = questionnaire
        self.session = session
        self.linked_targets = linked_targets
        self.profile = profile
        self._on_change = on_change or (lambda _session: None)
        self._clock = clock
        Machine(
            model=self,
            states=Phase,
            transitions=TRANSITIONS,
            initial=session.phase,
            auto_transitions=False,
            model_override=True,
            after_state_change=self._record_phase,
        )
        self._restore_cursor()

    def step_is_context(self, step: Step) -> bool:
        """The condition that sends a step to the context phase."""
        return step.is_context

    def _point_at(self, step: Step) -> None:
        self.session.cursor.question = step.question_id
        self.session.cursor.practice = None

    def _point_at_practice(self, practice_id: str) -> None:
        self.session.cursor.question = None
        self.session.cursor.practice = practice_id

    def _point_nowhere(self) -> None:
        self.session.cursor.question = None
        self.session.cursor.practice = None

    # --- What is on screen ----------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.state

    def plan(self) -> list[Step]:
        """Every question that applies now, in order (no sub-domain needs after a profile)."""
        return session_plan(self.questionnaire, self.session)

    def current(self) -> Prompt | None:
        """The question to ask now, or None outside the context and interview phases."""
        if self.phase not in (Phase.CONTEXT, Phase.INTERVIEW) or not self.session.cursor.question:
            return None
        plan = self.plan()
        index = step_index(plan, self.session.cursor.question)
        if index is None:
            return None
        session = self.session
        levels = (
            prompt_levels(self.questionnaire, session) if session.kind is SessionKind.TARGET else {}
        )
        prompt = build_prompt(self.questionnaire, plan[index], levels, self.sector)
        return with_previous_answer(self.session, with_profile_detail(self.profile, prompt))

    @property
    def sector(self) -> str | None:
        """The sector answered in the context: its examples are shown first."""
        answers = {key: answer.value for key, answer in self.session.answers.items()}
        return sector_of(answers)

    def practice_summary(self) -> PracticeSummary | None:
        """What the practice just finished reached, shown in the practice-summary phase."""
        practice_id = self.session.cursor.practice
        if self.phase is not Phase.PRACTICE_SUMMARY or practice_id is None:
            return None
        return summary_of(self.questionnaire, self.session, practice_id, self.linked_targets)

    def suggested_value(self, question_id: str) -> AnswerValue | None:
        """The answer to offer first: the one given, else the earlier assessment's."""
        answer = self.session.answers.get(question_id) or previous_answer(self.session, question_id)
        return profile_suggestion(self.session, question_id) if answer is None else answer.value

    # --- What the user can do -------------------------------------------------------------

    def answer(self, value: AnswerValue, note: str = "", *, ask: str | None = None) -> Outcome:
        """Answer the current question (optionally with a note) and move on; an answer the
        question does not allow is refused, and nothing changes."""
        prompt = self._require_prompt()
        carried = kept_note(self.session, prompt, value, note)
        problem = prompt.accepts(value) or misplaced_ask(value, ask or None)
        problem = problem or prompt.accepts_note(value, carried or "")
        if problem:
            return Outcome(refused=f"{prompt.question_id}: {problem}")
        self.session.answers[prompt.question_id] = Answer(
            value=value, note=carried, ask=ask or None, answered_at=self._clock()
        )
        self._unskip(prompt.question_id)
        self._apply(prompt.step)
        self._advance_after(prompt.step)
        self._changed()
        return ACCEPTED

    def needs_reason(self, value: AnswerValue, note: str = "") -> bool:
        """Whether answering the current question with ``value`` needs a one-line reason
        that neither ``note`` nor the note already kept gives (so a screen can ask for it)."""
        prompt = self._require_prompt()
        return (
            prompt.accepts_note(value, kept_note(self.session, prompt, value, note) or "")
            is not None
        )

    def set_note(self, question_id: str, note: str) -> Outcome:
        """Attach a note (evidence, a link, a comment) to an answered question."""
        answer = self.session.answers.get(question_id)
        if answer is None:
            return Outcome(refused=f"{question_id}: answer the question before adding a note")
        if question_id in self.questionnaire.level_question_ids() and unjustified(
            answer.value, note
        ):
            return Outcome(refused=f"{question_id}: {NOT_APPLICABLE_NEEDS_REASON}")
        answer.note = note or None
        return self.commit()

    def can_skip(self) -> bool:
        prompt = self.current()
        return prompt is not None and not (prompt.step.is_context and prompt.required)

    def skip(self) -> Outcome:
        """Leave the current question for later; it comes back in the review."""
        prompt = self._require_prompt()
        if not self.can_skip():
            return Outcome(refused=f"{prompt.question_id}: this question cannot be skipped")
        if prompt.question_id not in self.session.skipped:
            self.session.skipped.append(prompt.question_id)
        self._advance_after(prompt.step)
        return self.commit()

    def can_go_back(self) -> bool:
        if self.phase in (Phase.CONTEXT, Phase.INTERVIEW):
            return bool(step_index(self.plan(), self.session.cursor.question))
        return bool(self.plan())

    def back(self) -> Outcome:
        """Return to the previous question, to see or change its answer."""
        if not self.can_go_back():
            return Outcome(refused="this is the first question")
        plan = self.plan()
        if self.phase is Phase.PRACTICE_SUMMARY and self.session.cursor.practice:
            target = practice_steps(plan, self.session.cursor.practice)[-1]
        elif self.phase in (Phase.REVIEW, Phase.DONE):
            target = plan[-1]
        else:
            index = step_index(plan, self.session.cursor.question)
            assert index is not None
            target = plan[index - 1]
        self.go_to_step(target)
        return self.commit()

    def jump(self, item_id: str) -> Outcome:
        """Go to a practice's or sub-domain's first open question, or to a domain's goal."""
        plan = self.plan()
        steps = [
            step
            for step in plan
            if item_id in (step.practice_id, step.subdomain_id, step.domain_id)
        ]
        if not steps:
            return Outcome(refused=f"no practice, sub-domain or domain with id {item_id!r}")
        goal = [step for step in steps if step.kind is StepKind.GOAL and step.domain_id == item_id]
        open_steps = [step for step in steps if self._is_open(step)]
        self.go_to_step((goal or open_steps or steps)[0])
        return self.commit()

    def revisit(self, question_id: str) -> Outcome:
        """Go to one question, for example from the review."""
        plan = self.plan()
        index = step_index(plan, question_id)
        if index is None:
            return Outcome(refused=f"no question {question_id!r} applies now")
        self.go_to_step(plan[index])
        return self.commit()

    def continue_interview(self) -> Outcome:
        """Leave a practice summary for the next open question (or the review)."""
        if self.phase is not Phase.PRACTICE_SUMMARY:
            return Outcome(refused="there is no practice summary to leave")
        plan = self.plan()
        practice = practice_steps(plan, self.session.cursor.practice or "")
        following = self._next_open(plan, practice[-1] if practice else None)
        if following is None:
            self.enter_review()
        else:
            self.go_to_step(following)
        return self.commit()

    def open_review(self) -> Outcome:
        """Go to the review of open items from anywhere in the interview."""
        if not self.may_enter_review():
            return Outcome(refused="the review is on show already")
        self.enter_review()
        return self.commit()

    def finish_interview(self) -> Outcome:
        """Close the review and mark the session done (open items stay listed)."""
        if self.may_enter_review():
            self.enter_review()
        self.close()
        return self.commit()

    def accept_as_baseline(self) -> Outcome:
        """Record that this finished assessment is the new baseline (the "act" of the cycle)."""
        if self.session.kind is not SessionKind.ASSESSMENT or self.phase is not Phase.DONE:
            reason = "only a finished self-assessment can be accepted as the baseline"
            return Outcome(refused=reason)
        self.session.accepted_as_baseline = self._clock()
        return self.commit()

    def reopen(self) -> Outcome:
        """Return from done to the review."""
        if self.phase is not Phase.DONE:
            return Outcome(refused="the interview is not finished")
        self.enter_review()
        return self.commit()

    # --- Internals ------------------------------------------------------------------------

    def _require_prompt(self) -> Prompt:
        prompt = self.current()
        if prompt is None:
            raise EngineError(f"no question is being asked in the {self.phase} phase")
        return prompt

    def _record_phase(self, *_trigger_arguments: object) -> None:
        self.session.phase = self.state

    def _is_open(self, step: Step) -> bool:
        return (
            step.question_id not in self.session.answers
            and step.question_id not in self.session.skipped
        )

    def _next_open(self, plan: list[Step], after: Step | None) -> Step | None:
        """The first open step after ``after``, wrapping round to the start."""
        index = step_index(plan, after.question_id) if after else None
        start = 0 if index is None else index + 1
        for step in plan[start:] + plan[:start]:
            if self._is_open(step):
                return step
        return None

    def _advance_after(self, step: Step) -> None:
        plan = self.plan()
        following = self._next_open(plan, step)
        leaving_practice = step.practice_id is not None and (
            following is None or following.practice_id != step.practice_id
        )
        assessing = self.session.kind is SessionKind.ASSESSMENT  # a target goes straight on
        if (
            leaving_practice
            and assessing
            and step.practice_id
            and practice_done(self.session, plan, step.practice_id)
        ):
            self.summarise_practice(step.practice_id)
        elif following is None:
            self.enter_review()
        else:
            self.go_to_step(following)

    def _restore_cursor(self) -> None:
        """On resume: keep the saved cursor if it still applies, else find the next question."""
        if self.phase not in (Phase.CONTEXT, Phase.INTERVIEW):
            return
        plan = self.plan()
        if step_index(plan, self.session.cursor.question) is not None:
            return
        following = self._next_open(plan, None)
        if following is None:
            self.enter_review()
        else:
            self.go_to_step(following)

    def _unskip(self, question_id: str) -> None:
        if question_id in self.session.skipped:
            self.session.skipped.remove(question_id)

    def _apply(self, step: Step) -> None:
        """Carry an answer's consequences: context fields, target settings, dropped answers."""
        if step.is_context:
            apply_context_answer(self.session, step.question_id)
            now = self._clock()
            for filled in prefill_needs(self.questionnaire, self.session, step.question_id, now):
                domain_id = self.questionnaire.subdomains[filled.subdomain_id].domain
                self._apply_target(Step("", domain_id, filled.subdomain_id, kind=StepKind.NEED))
        elif self.session.kind is SessionKind.TARGET:
            self._apply_target(step)
        else:
            self._drop_answers_that_no_longer_apply(step)

    def _apply_target(self, step: Step) -> None:
        """Update the explicit setting of the item the answer is about (targets.py)."""
        session = as_target(self.session)
        session.targets = targets_after_answer(
            self.questionnaire,
            session,
            domain_id=step.domain_id,
            subdomain_id=step.subdomain_id,
            practice_id=step.practice_id,
        )

    def _drop_answers_that_no_longer_apply(self, step: Step) -> None:
        """After a changed answer closes part of the staircase, forget the answers beyond it."""
        if step.practice_id is None:
            return
        for question_id in questions_no_longer_asked(
            self.questionnaire, self.session, step.practice_id
        ):
            self.session.answers.pop(question_id, None)
            self._unskip(question_id)

    def commit(self) -> Outcome:  # also for changes made beside the engine (approval.py)
        self._changed()
        return ACCEPTED

    def _changed(self) -> None:
        self.session.updated = self._clock()
        self._on_change(self.session)
