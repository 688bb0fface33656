"""Turning a step of the plan into a prompt: the text, the choices and the help to show.

A prompt is all a user interface needs to ask one question; it carries no rule. Which values
are valid is decided here too, so that every interface accepts the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from interview.engine.plan import Step, StepKind
from interview.questionnaire.levels import (
    SCOPE_LEVELS,
    TARGET_LEVELS,
    comprehensiveness_label,
    scope_label,
    scoped_level,
)
from interview.questionnaire.model import ContextKind, NeedsOption, QuestionKind, Questionnaire
from interview.questionnaire.variants import examples_for
from interview.scoring import TargetLevel
from interview.session.limits import text_too_long, value_too_long
from interview.session.model import (
    DONT_KNOW,
    KEEP,
    NO,
    NOT_APPLICABLE,
    YES,
    AnswerValue,
    Origin,
)


class PromptKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Prompt:
    """One question, ready to be shown."""

    question_id: str
    kind: PromptKind
    text: str
    help: str
    """Why this is asked (the "why?" command)."""
    options: tuple[Option, ...] = ()
    detail: str = ""
    """What counts as evidence, or examples of a "yes"."""
    required: bool = True
    allow_dont_know: bool = False
    allow_other: bool = False
    placeholder: str = ""
    needs_reason_for: frozenset[str] = frozenset()
    """Answers that are taken only with a one-line justification (the answer's note)."""
    reason_request: str = ""
    """What to ask for when an answer needs a justification."""
    step: Step = field(default_factory=lambda: Step(""))

    def accepts(self, value: AnswerValue) -> str | None:
        """None when the value is a valid answer; otherwise what is wrong with it."""
        values = {option.value for option in self.options}
        if (too_long := value_too_long(value)) is not None:
            return too_long
        if self.allow_dont_know and value == DONT_KNOW:
            return None
        if self.kind is PromptKind.MULTI_CHOICE:
            if not isinstance(value, list):
                return "choose a list of options"
            unknown = [item for item in value if item not in values]
            if unknown and not self.allow_other:
                return f"unknown option {unknown[0]!r}"
            if self.required and not value:
                return "choose at least one option"
            return None
        if not isinstance(value, str):
            return "give one value"
        if self.kind is PromptKind.CHOICE and value not in values and not self.allow_other:
            return f"choose one of {', '.join(sorted(values))}"
        if self.required and not value.strip():
            return "an answer is needed here"
        return None

    def accepts_note(self, value: AnswerValue, note: str) -> str | None:
        """None when the note is enough for the value; "not applicable" needs a reason."""
        if (too_long := text_too_long(note)) is not None:
            return f"the note is {too_long}"
        if isinstance(value, str) and value in self.needs_reason_for and not note.strip():
            return f"{self.reason_request} (one line, kept as the answer's note)"
        return None


YES_NO_OPTIONS: tuple[Option, ...] = (Option(YES, "Yes"), Option(NO, "No"))
NOT_APPLICABLE_WORDS = "Not applicable here"
NOT_APPLICABLE_OPTION = Option(NOT_APPLICABLE, f"{NOT_APPLICABLE_WORDS} (you will be asked why)")
REASON_FOR_NOT_APPLICABLE = frozenset({NOT_APPLICABLE})
WHY_NOT_APPLICABLE = "Why does this not exist here? N/A needs a justification"
WHY_THIS_TARGET = "Why this target? The reason goes with it into every report"


def build_prompt(
    questionnaire: Questionnaire,
    step: Step,
    targets: Mapping[str, TargetLevel],
    sector: str | None = None,
) -> Prompt:
    """The prompt for a step; ``targets`` gives the inherited levels a purpose question needs,
    ``sector`` (the context's industry) the examples to show first."""
    if step.kind is StepKind.LEVEL:
        return _level_prompt(questionnaire, step, sector)
    if step.kind in (StepKind.SCOPE_INDUSTRY, StepKind.SCOPE_SYSTEM):
        return _scope_prompt(questionnaire, step, sector)
    if step.kind is StepKind.PURPOSE:
        practice_id = step.practice_id or ""
        own = targets.get(practice_id)
        from_profile = own is not None and own.origin is Origin.PROFILE
        inherited = own if from_profile else targets.get(step.subdomain_id or "")
        return _purpose_prompt(questionnaire, step, inherited)
    return PROMPT_BUILDERS[step.kind](questionnaire, step)


def _context_prompt(questionnaire: Questionnaire, step: Step) -> Prompt:
    question = questionnaire.context_question(step.question_id)
    assert question is not None, step  # the plan only holds ids from the questionnaire
    kinds = {
        ContextKind.TEXT: PromptKind.TEXT,
        ContextKind.CHOICE: PromptKind.CHOICE,
        ContextKind.MULTI_CHOICE: PromptKind.MULTI_CHOICE,
    }
    return Prompt(
        question_id=question.id,
        kind=kinds[question.kind],
        text=question.prompt,
        help=question.help,
        options=tuple(Option(option.value, option.label) for option in question.options),
        required=question.required,
        allow_other=question.allow_other,
        placeholder=question.placeholder,
        step=step,
    )


def _goal_prompt(questionnaire: Questionnaire, step: Step) -> Prompt:
    assert step.domain_id is not None
    domain = questionnaire.domains[step.domain_id]
    return Prompt(
        question_id=step.question_id,
        kind=PromptKind.CHOICE,
        text=f"{domain.name}: {domain.goal.prompt}",
        help=f"{domain.purpose} {domain.goal.help}",
        options=tuple(
            Option(str(level), statement)
            for level, statement in sorted(domain.goal.statements.items())
        ),
        allow_dont_know=True,
        step=step,
    )


def _goal_scope_prompt(questionnaire: Questionnaire, step: Step) -> Prompt:
    assert step.domain_id is not None
    goal = questionnaire.domains[step.domain_id].goal
    return Prompt(
        question_id=step.question_id,
        kind=PromptKind.CHOICE,
        text=goal.scope_prompt,
        help=(
            "Scope says how closely the practices must be tailored: to any IT system (General), "
            "to your sector (Industry specific) or to this system (System specific)."
        ),
        options=tuple(
            Option(str(option.scope), option.label)
            for option in sorted(goal.scope_options, key=lambda option: option.scope)
        ),
        allow_dont_know=True,
        step=step,
    )


def _needs_prompt(questionnaire: Questionnaire, step: Step) -> Prompt:
    assert step.subdomain_id is not None
    subdomain = questionnaire.subdomains[step.subdomain_id]
    need = next(need for need in subdomain.needs if need.id == step.question_id)
    return Prompt(
        question_id=need.id,
        kind=PromptKind.CHOICE,
        text=f"{subdomain.name}: {need.text}",
        help=f"{need.help}\n\n{NEEDS_RULE}",
        options=tuple(
            Option(option.id, f"{option.label} ({needs_effect(option)})") for option in need.options
        ),
        allow_dont_know=True,
        step=step,
    )


NEEDS_RULE = (
    "How the answers combine: any answer that raises lifts this sub-domain one level. Two levels, "
    "and the top level 4, only when an answer asks for two and another answer raises too. "
    'When nothing raises, one answer that lowers lowers it one level; "no change" answers '
    "do not stop that. The most tailored scope asked for wins."
)
"""The needs rule (questionnaire.model.needs_level) in words, shown with every needs question."""


def needs_effect(option: NeedsOption) -> str:
    """What a needs answer does to the target, in words (the rule is needs_adjustment's)."""
    words = {
        -1: "lowers the target one level if no answer raises it",
        0: "no change",
        1: "raises the target one level, up to 3",
        2: "raises it two levels, up to 4, if another answer raises it too",
    }[option.change]
    tailored = {2: "tailored to the sector", 3: "tailored to this system"}
    if option.scope_at_least in tailored:
        return f"{words}; {tailored[option.scope_at_least]}"
    return words


def _purpose_prompt(
    questionnaire: Questionnaire, step: Step, inherited: TargetLevel | None
) -> Prompt:
    """Keep the level in force, choose another level, tailor its scope, or mark the practice
    not applicable; every change needs a reason, a keep may carry one (a note)."""
    assert step.practice_id is not None
    practice = questionnaire.practices[step.practice_id]
    current = inherited.comprehensiveness if inherited else None
    scope = inherited.scope if inherited else None
    from_profile = inherited is not None and inherited.origin is Origin.PROFILE
    source = "from the profile" if from_profile else "as the sub-domain"

    def meaning(level: int) -> str:  # what the level is, in the practice's words (D-T04)
        objective = practice.levels[level].objective if level in practice.levels else ""
        return f": {objective}" if objective else ""

    options = []  # in level order, the keep in its level's place (a digit is its level)
    for level in TARGET_LEVELS:
        if level == current:
            kept = f"{comprehensiveness_label(current)}, {scope_label(scope)}"
            options.append(Option(KEEP, f"Keep {kept} ({source}){meaning(current)}"))
            continue
        verb = "Set to"
        if current is not None:
            verb = "Raise to" if level > current else "Lower to"
        options.append(
            Option(str(level), f"{verb} {comprehensiveness_label(level)}{meaning(level)}")
        )
    if current is not None and scope is not None:
        for other in SCOPE_LEVELS:
            if other != scope:
                label = f"Keep {comprehensiveness_label(current)}, but {SCOPE_WORDS[other]}"
                options.append(Option(scoped_level(current, other), label))
    if inherited is not None and inherited.not_applicable:
        options.append(Option(KEEP, f"Keep: not applicable ({source})"))
    else:
        options.append(Option(NOT_APPLICABLE, "Not applicable to this system"))
    return Prompt(
        question_id=step.question_id,
        kind=PromptKind.CHOICE,
        text=f"{practice.name}: {practice.target.text}",
        help=f"{practice.purpose} {practice.target.help} {PURPOSE_RULE}",
        options=tuple(options),
        needs_reason_for=frozenset(option.value for option in options) - {KEEP},
        reason_request=WHY_THIS_TARGET,
        allow_dont_know=True,
        step=step,
    )


SCOPE_WORDS = {
    1: "general good practice is enough (1 General)",
    2: "tailored to our sector (2 Industry specific)",
    3: "tailored to this system (3 System specific)",
}
PURPOSE_RULE = (
    'A change of level or scope, or "not applicable", needs a one-line reason; a keep may '
    "carry a note (the Note key in the footer, before choosing). The reason goes with the "
    "target into every report."
)


def _scope_prompt(questionnaire: Questionnaire, step: Step, sector: str | None) -> Prompt:
    assert step.practice_id is not None
    practice = questionnaire.practices[step.practice_id]
    industry = step.kind is StepKind.SCOPE_INDUSTRY
    question = practice.scope.industry if industry else practice.scope.system
    return Prompt(
        question_id=step.question_id,
        kind=PromptKind.CHOICE,
        text=question.text,
        help=(
            "Scope measures how closely the practice is tailored: to your sector (industry) "
            "and then to this particular system."
        ),
        options=YES_NO_OPTIONS,
        detail="\n".join(
            [
                *([f"Evidence: {question.evidence}"] if question.evidence else []),
                "For example: " + " ".join(examples_for(question.examples, sector)),
            ]
        ),
        allow_dont_know=True,
        step=step,
    )


def _level_prompt(questionnaire: Questionnaire, step: Step, sector: str | None) -> Prompt:
    assert step.practice_id is not None and step.level is not None
    practice = questionnaire.practices[step.practice_id]
    level = practice.levels[step.level]
    question = next(q for q in level.questions if q.id == step.question_id)
    if question.kind is QuestionKind.YES_NO:
        options = YES_NO_OPTIONS
    else:
        options = tuple(Option(option.id, option.label) for option in question.options)
    details = [f"Evidence: {question.evidence}"] if question.evidence else []
    if question.allow_not_applicable:
        options = (*options, NOT_APPLICABLE_OPTION)
        details.append(f"Not applicable only when: {question.not_applicable_when}")
    examples = examples_for(question.examples, sector)
    if examples:
        details.append("For example: " + " ".join(examples))
    return Prompt(
        question_id=question.id,
        kind=PromptKind.CHOICE,
        text=question.text,
        help=f"{practice.why} Level {comprehensiveness_label(step.level)}: {level.why}",
        options=options,
        detail="\n".join(details),
        allow_dont_know=True,
        needs_reason_for=(
            REASON_FOR_NOT_APPLICABLE if question.allow_not_applicable else frozenset()
        ),
        reason_request=WHY_NOT_APPLICABLE,
        step=step,
    )


PROMPT_BUILDERS: dict[StepKind, Callable[[Questionnaire, Step], Prompt]] = {
    StepKind.CONTEXT: _context_prompt,
    StepKind.GOAL: _goal_prompt,
    StepKind.GOAL_SCOPE: _goal_scope_prompt,
    StepKind.NEED: _needs_prompt,
}
"""The prompt of each kind of step but the purpose (which also needs the inherited level) and
the level and scope questions (which also need the sector)."""


def answer_label(prompt: Prompt, value: AnswerValue) -> str:
    """An answer as a person reads it: the option's label, "Don't know", or the text."""
    if value == DONT_KNOW:
        return "Don't know"
    if value == NOT_APPLICABLE and prompt.step.kind is StepKind.LEVEL:
        return NOT_APPLICABLE_WORDS
    labels = {option.value: option.label for option in prompt.options}
    if isinstance(value, list):
        return "; ".join(labels.get(item, item) for item in value) or "(none)"
    return labels.get(value, value)
