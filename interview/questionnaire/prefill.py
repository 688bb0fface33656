"""Needs answers the context already gives: a regulation named in the context answers the
regulator questions of the target interview in advance (``implied_by`` on a needs option),
so that a business owner is not asked nine times what they said once. The user sees each
answer so given, with where it came from, and can change it.

Pure functions over the questionnaire model and a session's answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interview.questionnaire.model import NeedsOption, NeedsQuestion, Questionnaire

REGULATIONS_QUESTION_ID = "regulations"
"""The context question whose answers fill needs questions in advance (``implied_by``)."""
NO_REGULATION = "none"
"""``implied_by``: the regulations answer names none of the regulations that imply another."""
OTHER_REGULATION = "other"
"""``implied_by``: a regulation typed in, not one of the question's options."""

FROM_CONTEXT = "From the context:"
"""How a prefilled answer's note starts: such an answer follows the context until the user
gives one of their own."""


@dataclass(frozen=True)
class Prefill:
    """A needs question answered from the context, and the regulations that answer it."""

    question_id: str
    subdomain_id: str
    option: NeedsOption
    because: tuple[str, ...]
    """The labels of the regulations that imply the answer (empty: none was named)."""


def prefilled_needs(
    questionnaire: Questionnaire, answers: Mapping[str, object]
) -> dict[str, Prefill]:
    """The needs answers the regulations answer gives, by question id; none before it is
    answered. Where several regulations imply different answers, the strongest wins (the
    largest change, then the narrowest scope, then the later option)."""
    named = answers.get(REGULATIONS_QUESTION_ID)
    if not isinstance(named, list):
        return {}
    question = questionnaire.context_question(REGULATIONS_QUESTION_ID)
    labels = {option.value: option.label for option in question.options} if question else {}
    given = [value if value in labels else OTHER_REGULATION for value in named]
    found = {}
    for subdomain_id, subdomain in questionnaire.subdomains.items():
        for need in subdomain.needs:
            prefill = _prefill(subdomain_id, need, given, named, labels)
            if prefill is not None:
                found[need.id] = prefill
    return found


def _prefill(
    subdomain_id: str,
    need: NeedsQuestion,
    given: list[str],
    named: Sequence[str],
    labels: Mapping[str, str],
) -> Prefill | None:
    ranked = sorted(
        enumerate(need.options),
        key=lambda item: (item[1].change, item[1].scope_at_least or 0, item[0]),
        reverse=True,
    )
    for _position, option in ranked:
        because = [
            labels.get(value, value)
            for value, kind in zip(named, given, strict=True)
            if kind in option.implied_by
        ]
        if because:
            return Prefill(need.id, subdomain_id, option, tuple(because))
    for option in need.options:
        if NO_REGULATION in option.implied_by:
            return Prefill(need.id, subdomain_id, option, ())
    return None


def prefill_note(prefill: Prefill) -> str:
    """The note a prefilled answer carries: where it came from, in words."""
    if not prefill.because:
        return f"{FROM_CONTEXT} none of the regulations this question is about was named."
    return f"{FROM_CONTEXT} {'; '.join(prefill.because)}."
