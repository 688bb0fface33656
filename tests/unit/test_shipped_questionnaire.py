"""The shipped questionnaire is the product: it validates and follows MODEL.md exactly."""

from pathlib import Path

import pytest

from interview.questionnaire import (
    Questionnaire,
    default_questionnaire_path,
    load_questionnaire,
    shipped_questionnaire_paths,
)
from interview.questionnaire.model import QuestionKind
from interview.questionnaire.variants import to_do_text
from tests.helpers.model import MODEL_HIERARCHY


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire(default_questionnaire_path())


def test_there_are_shipped_questionnaires() -> None:
    assert default_questionnaire_path() in shipped_questionnaire_paths()


@pytest.mark.parametrize("path", shipped_questionnaire_paths(), ids=lambda path: path.name)
def test_every_shipped_questionnaire_validates(path: Path) -> None:
    load_questionnaire(path)


def test_hierarchy_matches_the_model_exactly(smm: Questionnaire) -> None:
    found = {
        did: (domain.name, {
            sid: (smm.subdomains[sid].name, {
                pid: smm.practices[pid].name for pid in smm.practice_ids(sid)
            })
            for sid in smm.subdomain_ids(did)
        })
        for did, domain in smm.domains.items()
    }  # fmt: skip
    assert found == MODEL_HIERARCHY
    assert list(found) == ["G", "E", "H"]
    assert len(smm.practice_ids()) == 18


def test_every_practice_has_its_own_content(smm: Questionnaire) -> None:
    """No level text, question or help is repeated from one practice to another."""
    seen: dict[str, str] = {}
    for pid, practice in smm.practices.items():
        texts = [practice.purpose, practice.why, practice.target.text,
                 practice.scope.industry.text, practice.scope.system.text]  # fmt: skip
        for level in practice.levels.values():
            steps = [to_do_text(entry) for entry in level.to_do]
            texts += [level.objective, level.why, *steps, *level.indicators]
            texts += [question.text for question in level.questions]
        for text in texts:
            assert seen.setdefault(text, pid) == pid, f"{pid} repeats {seen[text]}: {text!r}"


def test_every_practice_asks_about_each_level_with_evidence(smm: Questionnaire) -> None:
    for pid, practice in smm.practices.items():
        kinds = set()
        for level in practice.levels.values():
            for question in level.questions:
                assert question.evidence, f"{question.id} says no evidence to look for"
                kinds.add(question.kind)
        assert QuestionKind.CHOICE in kinds, f"{pid} has no multiple-choice question"
        assert len(practice.scope.industry.examples) >= 2, pid
        assert len(practice.scope.system.examples) >= 2, pid


def test_subdomain_needs_cover_threats_compliance_and_regulators(smm: Questionnaire) -> None:
    for did in smm.domains:
        topics = {
            need.topic.value for sid in smm.subdomain_ids(did) for need in smm.subdomains[sid].needs
        }
        assert {"threats", "compliance", "regulators"} <= topics, did


def test_context_asks_the_essentials_first(smm: Questionnaire) -> None:
    ids = [question.id for question in smm.context]
    for needed in ("system_name", "system_scope", "industry", "regulations",
                   "interviewee_name", "interviewee_role"):  # fmt: skip
        assert needed in ids
