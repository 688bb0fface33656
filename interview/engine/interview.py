"""The interview engine: one session, driven by a state machine over conversation phases.

The phases (context, interview, practice summary, review, done) are the machine's states;
where the interview is in the model is the cursor stored in the session. Every user interface
(the TUI, the CLI, the tests) drives this class and nothing else. It does no file I/O: it
calls ``on_change`` after every change, and the caller saves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from transitions import Machine

from interview.engine.plan import Step, full_plan, practice_steps, step_index
from interview.engine.prompts import Prompt, answer_label, build_prompt
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.scoring import (
    CurrentLevel,
    TargetLevel,
    assess_practice,
    current_levels_of,
    domain_setting,
    industry_scope_question_id,
    practice_setting,
    subdomain_setting,
    system_scope_question_id,
    target_levels,
)
from interview.session.model import (
    DONT_KNOW,
    Answer,
    AnswerValue,
    LevelRecord,
    Origin,
    Phase,
    Session,
    SessionKind,
    TargetSetting,
    utc_now,
)


class EngineError(ValueError):
    """A request the interview cannot carry out now (the interface should not have offered it)."""


@dataclass(frozen=True)
class Outcome:
    """What became of a command: accepted, or refused with the reason to show the user."""

    refused: str | None = None

    @property
    def accepted(self) -> bool:
        return self.refused is None


ACCEPTED = Outcome()


_ANY_BUT_CONTEXT = [Phase.INTERVIEW, Phase.PRACTICE_SUMMARY, Phase.REVIEW, Phase.DONE]

TRANSITIONS: list[dict[str, Any]] = [
    {"trigger": "start_interview", "source": Phase.CONTEXT, "dest": Phase.INTERVIEW},
    {"trigger": "show_summary", "source": Phase.INTERVIEW, "dest": Phase.PRACTICE_SUMMARY},
    {"trigger": "leave_summary", "source": Phase.PRACTICE_SUMMARY, "dest": Phase.INTERVIEW},
    {
        "trigger": "enter_review",
        "source": [Phase.CONTEXT, Phase.INTERVIEW, Phase.PRACTICE_SUMMARY, Phase.DONE],
        "dest": Phase.REVIEW,
    },
    {"trigger": "return_to_interview", "source": _ANY_BUT_CONTEXT, "dest": Phase.INTERVIEW},
    {"trigger": "return_to_context", "source": _ANY_BUT_CONTEXT, "dest": Phase.CONTEXT},
    {"trigger": "close", "source": Phase.REVIEW, "dest": Phase.DONE},
]
"""The allowed moves between phases. Moving within a phase only moves the cursor."""


@dataclass(frozen=True)
class ReviewItem:
    question_id: str
    status: str
    """``skipped``, ``unanswered`` or ``dont_know``."""
    step: Step


@dataclass(frozen=True)
class DomainProgress:
    practices_done: int
    practices_total: int


@dataclass(frozen=True)
class Progress:
    answered: int
    """Questions answered so far (context included)."""
    total: int
    """Questions in the plan as the answers so far make it (grows as levels are met)."""
    practices_done: int
    practices_total: int
    by_domain: dict[str, DomainProgress]


@dataclass(frozen=True)
class PracticeSummary:
    practice_id: str
    current: CurrentLevel | None
    """The assessed level (assessments)."""
    target: TargetLevel | None
    """The target: this session's own (targets) or the linked target session's."""
    previous: CurrentLevel | None = None
    """The level in the earlier assessment this one started from, if any."""


def _same_level(first: TargetSetting, second: TargetSetting) -> bool:
    return (first.comprehensiveness, first.scope) == (second.comprehensiveness, second.scope)


class Interview:
    """One interview over one session."""

    state: Phase
    trigger: Callable[..., bool]

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
            after_state_change=self._record_phase,
        )
        self._restore_cursor()

    # --- What is on screen ----------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.state

    def plan(self) -> list[Step]:
        """Every question that applies now, in order (no sub-domain needs after a profile)."""
        with_needs = self.session.profile is None
        values = self._values()
        return full_plan(self.questionnaire, self.session.kind, values, with_needs=with_needs)

    def current(self) -> Prompt | None:
        """The question to ask now, or None outside the context and interview phases."""
        if self.phase not in (Phase.CONTEXT, Phase.INTERVIEW) or not self.session.cursor.question:
            return None
        plan = self.plan()
        index = step_index(plan, self.session.cursor.question)
        if index is None:
            return None
        prompt = build_prompt(self.questionnaire, plan[index], self._prompt_levels())
        return self._with_previous_answer(self._with_profile_detail(prompt))

    def _with_previous_answer(self, prompt: Prompt) -> Prompt:
        """In an assessment started from an earlier one, say what was answered last time."""
        earlier = self.session.previous_answers.get(prompt.question_id)
        if earlier is None:
            return prompt
        said = f"Last time ({earlier.answered_at:%Y-%m-%d}): {answer_label(prompt, earlier.value)}"
        if earlier.note:
            said += f" (note: {earlier.note})"
        return replace(prompt, detail="\n".join(filter(None, [prompt.detail, said])))

    def _prompt_levels(self) -> dict[str, TargetLevel]:
        """Target levels, with each practice's profile value as the one a purpose keeps."""
        levels = self.targets()
        for practice_id in (
            self.session.profile_targets.keys() & self.questionnaire.practices.keys()
        ):
            levels[practice_id] = self._baseline(practice_id, levels)  # reads sub-domains only
        return levels

    def _baseline(
        self, practice_id: str, levels: Mapping[str, TargetLevel] | None = None
    ) -> TargetLevel:
        """What "keep" keeps for a practice: the profile's value, else the sub-domain's level."""
        levels = self.targets() if levels is None else levels
        subdomain = levels[self.questionnaire.practices[practice_id].subdomain]
        setting = self.session.profile_targets.get(practice_id)
        if setting is None:
            return subdomain
        scope = setting.scope if setting.scope is not None else subdomain.scope
        return TargetLevel(setting.comprehensiveness, scope, Origin.PROFILE, setting.reason)

    def _with_profile_detail(self, prompt: Prompt) -> Prompt:
        """A purpose question in a profile-based target shows the profile's reasoning."""
        practice_id = prompt.step.practice_id
        is_purpose = prompt.question_id == f"{practice_id}.purpose"
        if self.profile is None or practice_id is None or not is_purpose:
            return prompt
        practice = self.profile.practices[practice_id]
        lines = [f"The {self.profile.name} profile: {practice.reason}"]
        lines += [
            f"At level {number} in this sector: {text}"
            for number, text in sorted(practice.considerations.items())
        ]
        return replace(prompt, detail="\n".join(lines))

    def targets(self) -> dict[str, TargetLevel]:
        """This target session's levels so far (empty for an assessment)."""
        if self.session.kind is not SessionKind.TARGET:
            return {}
        return target_levels(self.questionnaire, self.session.targets)

    def current_levels(self) -> dict[str, CurrentLevel]:
        """An assessment's practice levels so far (empty for a target)."""
        if self.session.kind is not SessionKind.ASSESSMENT:
            return {}
        return current_levels_of(self.questionnaire, self.session)

    def practice_summary(self) -> PracticeSummary | None:
        """What the practice just finished reached, shown in the practice-summary phase."""
        practice_id = self.session.cursor.practice
        if self.phase is not Phase.PRACTICE_SUMMARY or practice_id is None:
            return None
        return self.summary_of(practice_id)

    def summary_of(self, practice_id: str) -> PracticeSummary:
        """A practice's level, and its target when there is one."""
        if self.session.kind is SessionKind.TARGET:
            return PracticeSummary(practice_id, None, self.targets().get(practice_id))
        targets = self.linked_targets or {}
        previous = self.previous_levels().get(practice_id)
        return PracticeSummary(
            practice_id, self.current_levels()[practice_id], targets.get(practice_id), previous
        )

    def previous_levels(self) -> dict[str, CurrentLevel]:
        """The levels of the earlier assessment this one started from (empty if none)."""
        if not self.session.previous_answers:
            return {}
        values = {qid: answer.value for qid, answer in self.session.previous_answers.items()}
        return {
            practice_id: assess_practice(practice_id, practice, values)
            for practice_id, practice in self.questionnaire.practices.items()
        }

    def suggested_value(self, question_id: str) -> AnswerValue | None:
        """The answer to offer first: the one given, else the earlier assessment's."""
        answer = self.session.answers.get(question_id) or self.session.previous_answers.get(
            question_id
        )
        return None if answer is None else answer.value

    def practice_status(self, practice_id: str) -> str:
        """``done``, ``started`` or ``not started``."""
        if self.session.imported_from is not None:
            return "done"  # imported levels are taken as given
        steps = practice_steps(self.plan(), practice_id)
        answered = [step for step in steps if step.question_id in self.session.answers]
        if steps and len(answered) == len(steps):
            return "done"
        return "started" if answered else "not started"

    def progress(self) -> Progress:
        """Answered against planned questions, and finished practices per domain."""
        plan = self.plan()
        answered = sum(1 for step in plan if step.question_id in self.session.answers)
        by_domain = {}
        for domain_id in self.questionnaire.domains:
            practice_ids = [
                pid
                for pid in self.questionnaire.practice_ids()
                if self.questionnaire.domain_of(pid) == domain_id
            ]
            done = sum(1 for pid in practice_ids if self._practice_done(plan, pid))
            by_domain[domain_id] = DomainProgress(done, len(practice_ids))
        return Progress(
            answered=answered,
            total=len(plan),
            practices_done=sum(progress.practices_done for progress in by_domain.values()),
            practices_total=len(self.questionnaire.practices),
            by_domain=by_domain,
        )

    def review_items(self) -> list[ReviewItem]:
        """Skipped, unanswered and don't-know questions, in interview order."""
        items = []
        for step in self.plan():
            question_id = step.question_id
            if question_id in self.session.skipped:
                items.append(ReviewItem(question_id, "skipped", step))
            elif question_id not in self.session.answers:
                items.append(ReviewItem(question_id, "unanswered", step))
            elif self.session.answers[question_id].value == DONT_KNOW:
                items.append(ReviewItem(question_id, "dont_know", step))
        return items

    # --- What the user can do -------------------------------------------------------------

    def answer(self, value: AnswerValue, note: str = "") -> Outcome:
        """Answer the current question (optionally with a note) and move on; an answer the
        question does not allow is refused, and nothing changes."""
        prompt = self._require_prompt()
        problem = prompt.accepts(value)
        if problem:
            return Outcome(refused=f"{prompt.question_id}: {problem}")
        previous = self.session.answers.get(
            prompt.question_id
        ) or self.session.previous_answers.get(prompt.question_id)
        kept_note = note or (previous.note if previous else None)
        self.session.answers[prompt.question_id] = Answer(
            value=value, note=kept_note, answered_at=self._clock()
        )
        self._unskip(prompt.question_id)
        self._apply(prompt.step)
        self._advance_after(prompt.step)
        self._changed()
        return ACCEPTED

    def set_note(self, question_id: str, note: str) -> None:
        """Attach a note (evidence, a link, a comment) to an answered question."""
        answer = self.session.answers.get(question_id)
        if answer is None:
            raise EngineError(f"{question_id}: answer the question before adding a note")
        answer.note = note or None
        self._changed()

    def can_skip(self) -> bool:
        prompt = self.current()
        return prompt is not None and not (prompt.step.is_context and prompt.required)

    def skip(self) -> None:
        """Leave the current question for later; it comes back in the review."""
        prompt = self._require_prompt()
        if not self.can_skip():
            raise EngineError(f"{prompt.question_id}: this question cannot be skipped")
        if prompt.question_id not in self.session.skipped:
            self.session.skipped.append(prompt.question_id)
        self._advance_after(prompt.step)
        self._changed()

    def can_go_back(self) -> bool:
        if self.phase in (Phase.CONTEXT, Phase.INTERVIEW):
            return bool(step_index(self.plan(), self.session.cursor.question))
        return bool(self.plan())

    def back(self) -> None:
        """Return to the previous question, to see or change its answer."""
        if not self.can_go_back():
            raise EngineError("this is the first question")
        plan = self.plan()
        if self.phase is Phase.PRACTICE_SUMMARY and self.session.cursor.practice:
            target = practice_steps(plan, self.session.cursor.practice)[-1]
        elif self.phase in (Phase.REVIEW, Phase.DONE):
            target = plan[-1]
        else:
            index = step_index(plan, self.session.cursor.question)
            assert index is not None
            target = plan[index - 1]
        self._move_to(target)
        self._changed()

    def jump(self, item_id: str) -> None:
        """Go to a practice (or a domain or sub-domain) by id: its first open question."""
        plan = self.plan()
        steps = [
            step
            for step in plan
            if item_id in (step.practice_id, step.subdomain_id, step.domain_id)
        ]
        if not steps:
            raise EngineError(f"no practice, sub-domain or domain with id {item_id!r}")
        open_steps = [step for step in steps if self._is_open(step)]
        self._move_to(open_steps[0] if open_steps else steps[0])
        self._changed()

    def revisit(self, question_id: str) -> None:
        """Go to one question, for example from the review."""
        plan = self.plan()
        index = step_index(plan, question_id)
        if index is None:
            raise EngineError(f"no question {question_id!r} applies now")
        self._move_to(plan[index])
        self._changed()

    def continue_interview(self) -> None:
        """Leave a practice summary for the next open question (or the review)."""
        if self.phase is not Phase.PRACTICE_SUMMARY:
            raise EngineError("there is no practice summary to leave")
        plan = self.plan()
        practice = practice_steps(plan, self.session.cursor.practice or "")
        following = self._next_open(plan, practice[-1] if practice else None)
        self.session.cursor.practice = None
        if following is None:
            self.trigger("enter_review")
            self.session.cursor.question = None
        else:
            self.trigger("leave_summary")
            self.session.cursor.question = following.question_id
        self._changed()

    def open_review(self) -> None:
        """Go to the review of open items from anywhere in the interview."""
        if self.phase is not Phase.REVIEW:
            self._go_to_review()
            self._changed()

    def finish_interview(self) -> None:
        """Close the review and mark the session done (open items stay listed)."""
        if self.phase is not Phase.REVIEW:
            self._go_to_review()
        self.trigger("close")
        self.session.cursor.question = None
        self._changed()

    def accept_as_baseline(self) -> None:
        """Record that this finished assessment is the new baseline (the "act" of the cycle)."""
        if self.session.kind is not SessionKind.ASSESSMENT or self.phase is not Phase.DONE:
            raise EngineError("only a finished self-assessment can be accepted as the baseline")
        self.session.accepted_as_baseline = self._clock()
        self._changed()

    def changes_since_previous(self) -> list[tuple[str, CurrentLevel, CurrentLevel]]:
        """Practices whose level differs from the earlier assessment: (id, before, now)."""
        previous = self.previous_levels()
        current = self.current_levels()
        return [
            (practice_id, previous[practice_id], current[practice_id])
            for practice_id in self.questionnaire.practice_ids()
            if practice_id in previous
            and (previous[practice_id].comprehensiveness, previous[practice_id].scope)
            != (current[practice_id].comprehensiveness, current[practice_id].scope)
        ]

    def reopen(self) -> None:
        """Return from done to the review."""
        if self.phase is Phase.DONE:
            self.trigger("enter_review")
            self._changed()

    # --- Internals ------------------------------------------------------------------------

    def _values(self) -> dict[str, AnswerValue]:
        return {question_id: answer.value for question_id, answer in self.session.answers.items()}

    def _require_prompt(self) -> Prompt:
        prompt = self.current()
        if prompt is None:
            raise EngineError(f"no question is being asked in the {self.phase} phase")
        return prompt

    def _record_phase(self) -> None:
        self.session.phase = self.state

    def _is_open(self, step: Step) -> bool:
        return (
            step.question_id not in self.session.answers
            and step.question_id not in self.session.skipped
        )

    def _practice_done(self, plan: list[Step], practice_id: str) -> bool:
        if self.session.imported_from is not None:
            return True
        steps = practice_steps(plan, practice_id)
        return bool(steps) and all(step.question_id in self.session.answers for step in steps)

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
        if leaving_practice and step.practice_id and self._practice_done(plan, step.practice_id):
            self.trigger("show_summary")
            self.session.cursor.question = None
            self.session.cursor.practice = step.practice_id
        elif following is None:
            self._go_to_review()
        else:
            self._move_to(following)

    def _go_to_review(self) -> None:
        self.trigger("enter_review")
        self.session.cursor.question = None
        self.session.cursor.practice = None

    def _move_to(self, step: Step) -> None:
        wanted = Phase.CONTEXT if step.is_context else Phase.INTERVIEW
        if self.phase is not wanted:
            if wanted is Phase.CONTEXT:
                self.trigger("return_to_context")
            elif self.phase is Phase.CONTEXT:
                self.trigger("start_interview")
            else:
                self.trigger("return_to_interview")
        self.session.cursor.question = step.question_id
        self.session.cursor.practice = None

    def _restore_cursor(self) -> None:
        """On resume: keep the saved cursor if it still applies, else find the next question."""
        if self.phase not in (Phase.CONTEXT, Phase.INTERVIEW):
            return
        plan = self.plan()
        if step_index(plan, self.session.cursor.question) is not None:
            return
        following = self._next_open(plan, None)
        if following is None:
            self._go_to_review()
        else:
            self._move_to(following)

    def _unskip(self, question_id: str) -> None:
        if question_id in self.session.skipped:
            self.session.skipped.remove(question_id)

    def _apply(self, step: Step) -> None:
        """Carry an answer's consequences: context fields, target settings, dropped answers."""
        if step.is_context:
            self._apply_context(step.question_id)
        elif self.session.kind is SessionKind.TARGET:
            self._apply_target(step)
        else:
            self._drop_answers_that_no_longer_apply(step)

    def _apply_context(self, question_id: str) -> None:
        value = self.session.answers[question_id].value
        text = value if isinstance(value, str) else ", ".join(value)
        if question_id == "system_name":
            self.session.system = text
        elif question_id == "interviewee_name":
            self.session.interviewee = text
        elif question_id == "interviewee_role":
            self.session.role = text

    def _apply_target(self, step: Step) -> None:
        """Update the explicit setting of the item the answer is about.

        Settings are absolute once made, so a later change of a domain's goal moves only the
        sub-domains and practices that still inherit (the project's inheritance rule).
        """
        values = self._values()
        if step.practice_id is not None:
            setting = practice_setting(step.practice_id, self._baseline(step.practice_id), values)
            if setting is None:  # kept: the profile's value, if there is one
                setting = self.session.profile_targets.get(step.practice_id)
            self._set_target(step.practice_id, setting)
        elif step.subdomain_id is not None:
            inherited = self.targets()[step.domain_id or ""]
            setting = subdomain_setting(self.questionnaire, step.subdomain_id, inherited, values)
            self._set_target(step.subdomain_id, setting)
        elif step.domain_id is not None:
            setting = domain_setting(self.questionnaire, step.domain_id, values)
            from_profile = self.session.profile_targets.get(step.domain_id)
            if setting and from_profile and _same_level(setting, from_profile):
                setting = from_profile
            self._set_target(step.domain_id, setting)
            self._refresh_inheriting_subdomains(step.domain_id)

    def _refresh_inheriting_subdomains(self, domain_id: str) -> None:
        """Sub-domains without a setting re-read their needs against the new domain goal."""
        values = self._values()
        domain = self.targets()[domain_id]
        for subdomain_id in self.questionnaire.subdomain_ids(domain_id):
            if subdomain_id not in self.session.targets:
                setting = subdomain_setting(self.questionnaire, subdomain_id, domain, values)
                self._set_target(subdomain_id, setting)

    def _set_target(self, item_id: str, setting: TargetSetting | None) -> None:
        if setting is None:
            self.session.targets.pop(item_id, None)
        else:
            self.session.targets[item_id] = setting

    def _drop_answers_that_no_longer_apply(self, step: Step) -> None:
        """After a changed answer closes part of the staircase, forget the answers beyond it."""
        if step.practice_id is None:
            return
        practice = self.questionnaire.practices[step.practice_id]
        owned = {q.id for level in practice.levels.values() for q in level.questions}
        owned |= {
            industry_scope_question_id(step.practice_id),
            system_scope_question_id(step.practice_id),
        }
        applicable = {s.question_id for s in practice_steps(self.plan(), step.practice_id)}
        for question_id in owned - applicable:
            self.session.answers.pop(question_id, None)
            self._unskip(question_id)

    def _changed(self) -> None:
        self.session.updated = self._clock()
        self.session.levels = self.level_records()
        self._on_change(self.session)

    def level_records(self) -> dict[str, LevelRecord]:
        """The levels as written to the session file: targets, or assessed practice levels."""
        if self.session.imported_from is not None and self.session.kind is SessionKind.ASSESSMENT:
            return dict(self.session.levels)  # imported levels are the record, not derived
        if self.session.kind is SessionKind.TARGET:
            return {
                item_id: LevelRecord(
                    comprehensiveness=level.comprehensiveness,
                    scope=level.scope,
                    applicable=level.applicable,
                    origin=level.origin,
                    reason=level.reason or None,
                    complete=level.comprehensiveness is not None or level.not_applicable,
                )
                for item_id, level in self.targets().items()
            }
        return {
            practice_id: LevelRecord(
                comprehensiveness=level.comprehensiveness,
                scope=level.scope,
                origin=Origin.ASSESSED,
                complete=level.complete,
            )
            for practice_id, level in self.current_levels().items()
        }
