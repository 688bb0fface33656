"""The needs of target setting discriminate: over the shipped questionnaire, any two answers of
one needs question that call for different things give different targets for at least one
combination of the sub-domain's other answers (no dead option: in 0.1 no answer could lower a
sub-domain, whatever it said); and rules and contracts raise by one level at most."""

import itertools

import pytest

from interview.engine.plan import Step, StepKind
from interview.engine.prompts import NEEDS_RULE, build_prompt
from interview.questionnaire import load_questionnaire
from interview.questionnaire.model import NeedsOption, NeedsTopic, needs_adjustment, needs_level

SMM = load_questionnaire()


def weight(option: NeedsOption) -> tuple[int, int | None]:
    return option.change, option.scope_at_least


def outcome(chosen: list[NeedsOption]) -> tuple[object, ...]:
    """What the answers do: the level reached from each domain goal, and the scope asked."""
    return (*(needs_level(goal, chosen) for goal in (1, 2, 3, 4)), needs_adjustment(chosen)[1])


def option(change: int) -> NeedsOption:
    return NeedsOption(id=f"c{change}", label="An answer.", change=change)


@pytest.mark.parametrize(
    ("inherited", "changes", "level"),
    [
        (3, [1], 3),  # one raise from 3 stops at 3: no single need reaches the top
        (3, [1, 1], 3),  # ordinary raises do not pile up
        (3, [2], 3),  # a two-level need alone is not confirmed
        (3, [2, 1], 4),  # confirmed by a second raise: the top level
        (2, [2, 1], 4),
        (2, [1, 1, 1], 3),
        (4, [1], 4),  # a goal of 4 chosen by the owner stays
        (4, [-1], 3),
        (4, [-1, 1], 4),  # a raise cancels the lowering
        (1, [-1], 1),  # never below 1
        (2, [0, 0, -1], 1),  # "no change" answers do not veto a lowering
    ],
)
def test_the_level_the_needs_reach(inherited: int, changes: list[int], level: int) -> None:
    assert needs_level(inherited, [option(change) for change in changes]) == level


@pytest.mark.parametrize("subdomain_id", list(SMM.subdomains))
def test_no_needs_answer_is_dead(subdomain_id: str) -> None:
    needs = SMM.subdomains[subdomain_id].needs
    for index, question in enumerate(needs):
        others = [need.options for position, need in enumerate(needs) if position != index]
        weights = {weight(option) for option in question.options}
        assert len(weights) >= 2, f"{question.id}: every answer does the same"
        for first, second in itertools.combinations(question.options, 2):
            if weight(first) == weight(second):
                continue
            assert any(
                outcome([first, *rest]) != outcome([second, *rest])
                for rest in itertools.product(*others)
            ), f"{question.id}: {first.id} and {second.id} never give different targets"


@pytest.mark.parametrize("subdomain_id", list(SMM.subdomains))
def test_each_sub_domain_can_be_lowered_and_raised(subdomain_id: str) -> None:
    needs = SMM.subdomains[subdomain_id].needs
    outcomes = {
        needs_adjustment(list(answers))[0]
        for answers in itertools.product(*(need.options for need in needs))
    }
    assert {-1, 0, 1} <= outcomes, f"{subdomain_id}: can reach {sorted(outcomes)}"


def test_rules_and_contracts_raise_by_one_at_most() -> None:
    for subdomain in SMM.subdomains.values():
        for need in subdomain.needs:
            if need.topic in (NeedsTopic.COMPLIANCE, NeedsTopic.REGULATORS):
                assert max(option.change for option in need.options) <= 1, need.id


def test_each_needs_option_says_what_it_does_and_the_help_gives_the_rule() -> None:
    step = Step("G1.needs.compliance", "G", "G1", kind=StepKind.NEED)
    prompt = build_prompt(SMM, step, {})
    labels = {option.value: option.label for option in prompt.options}
    assert labels["no-requirement"].endswith("(no change)")
    assert labels["certificate"].endswith("(raises the target one level, up to 3)")
    assert labels["yes-sector"].endswith("(no change; tailored to the sector)")
    assert labels["yes-customers"].endswith("up to 3; tailored to this system)")
    assert NEEDS_RULE in prompt.help and "top level 4" in NEEDS_RULE
