"""The needs of target setting discriminate: over the shipped questionnaire, any two answers of
one needs question that call for different things give different targets for at least one
combination of the sub-domain's other answers (no dead option: in 0.1 no answer could lower a
sub-domain, whatever it said); and rules and contracts raise by one level at most."""

import itertools

import pytest

from interview.questionnaire import load_questionnaire
from interview.questionnaire.model import NeedsOption, NeedsTopic, needs_adjustment

SMM = load_questionnaire()


def weight(option: NeedsOption) -> tuple[int, int | None]:
    return option.change, option.scope_at_least


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
                needs_adjustment([first, *rest]) != needs_adjustment([second, *rest])
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
