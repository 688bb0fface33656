"""The content rules of questionnaire 2.0 (docs/QUESTIONNAIRE.md, "Writing content"), checked
over the shipped file, practice by practice, so that a new question must follow them too.

- Every question says whom it is for (``roles``), and no question asked of the operator role
  tests what only a maker can do, nor the reverse (by the words each role's facts use).
- Every to-do step names the questions that test it, and every question is tested by a step of
  its own level, so the roadmap can say what is left to do.
- A question id kept from questionnaire 1.0 keeps its meaning: same level, kind, words and
  options; anything else got a new id, so saved answers are asked again, never re-meant.
- Question, evidence and to-do texts are sector-neutral; sector material lives in examples
  tagged with their sectors; every scope question has a general example and evidence.
"""

import re
from pathlib import Path

import pytest

from interview.questionnaire import Questionnaire, default_questionnaire_path, load_questionnaire
from interview.questionnaire.counts import counts_table, lengths_table
from interview.questionnaire.model import Example, IndicatorQuestion, Role, ToDo

VERSION_1 = Path(__file__).parent.parent / "data" / "questionnaires" / "iic-smm-1.0.0.toml"

MAKER_ONLY_WORDS = re.compile(
    r"\b(ship|ships|shipped|shipping|source code|firmware images?|factory|factories|"
    r"manufacture[ds]?|manufacturing|each release|every release|per release|"
    r"produce[sd]? an? (sbom|software bill))\b",
    re.IGNORECASE,
)
"""Facts that only the maker of a product has (what it ships, builds, releases, makes)."""
OPERATOR_ONLY_WORDS = re.compile(
    r"\b(on site|premises|entry logs?|commissioning|service visits?|the site)\b", re.IGNORECASE
)
"""Facts that only the operator of a system has (its sites, rooms and visits)."""
SECTOR_WORDS = re.compile(
    r"\b(PLCs?|SCADA|substations?|PCI|cardholder|infusion|HL7|BACnet|Modbus|DNP3|hospitals?|"
    r"patients?|clinicians?|ECUs?|vehicles?|POS|point-of-sale|HVAC|pumping)\b"
)
"""Words that tie a text to one sector: they belong in tagged examples only."""


@pytest.fixture(scope="module")
def smm() -> Questionnaire:
    return load_questionnaire(default_questionnaire_path())


@pytest.fixture(scope="module")
def version_1() -> Questionnaire:
    return load_questionnaire(VERSION_1)


PRACTICES = [f"{domain}{sub}.{n}" for domain in "GEH" for sub in (1, 2, 3) for n in (1, 2)]


def questions_of(smm: Questionnaire, pid: str) -> list[tuple[int, IndicatorQuestion]]:
    practice = smm.practices[pid]
    return [(n, q) for n in sorted(practice.levels) for q in practice.levels[n].questions]


def words(question: IndicatorQuestion) -> str:
    return f"{question.text} {question.evidence}"


@pytest.mark.parametrize("pid", PRACTICES)
def test_every_question_says_its_roles_and_fits_them(smm: Questionnaire, pid: str) -> None:
    for _, question in questions_of(smm, pid):
        assert "roles" in question.model_fields_set, f"{question.id}: say roles = [...]"
        if Role.OPERATOR in question.roles:
            found = MAKER_ONLY_WORDS.search(words(question))
            assert not found, f"{question.id} is asked of operators but says {found[0]!r}"
        if Role.OPERATOR not in question.roles:
            found = OPERATOR_ONLY_WORDS.search(words(question))
            assert not found, f"{question.id} is for makers only but says {found[0]!r}"


@pytest.mark.parametrize("pid", PRACTICES)
def test_every_step_is_linked_and_every_question_tested(smm: Questionnaire, pid: str) -> None:
    for number, level in smm.practices[pid].levels.items():
        linked: set[str] = set()
        for entry in level.to_do:
            assert isinstance(entry, ToDo), f"{pid} level {number}: link {entry!r} to questions"
            linked.update(entry.questions)
        for question in level.questions:
            assert question.id in linked, f"{question.id}: no to-do of level {number} names it"


@pytest.mark.parametrize("pid", PRACTICES)
def test_kept_ids_keep_their_meaning(
    smm: Questionnaire, version_1: Questionnaire, pid: str
) -> None:
    old = {q.id: (n, q) for n, q in questions_of(version_1, pid)}
    for number, question in questions_of(smm, pid):
        assert re.fullmatch(rf"{re.escape(pid)}\.c{number}\.[a-z0-9-]+", question.id), question.id
        if question.id not in old:
            assert not re.fullmatch(r".*\.c\d\.\d+", question.id), (
                f"{question.id}: a numbered id that 1.0 did not have; give it a slug"
            )
            continue
        old_number, before = old[question.id]
        assert (number, question.kind) == (old_number, before.kind), question.id
        assert " ".join(question.text.split()) == " ".join(before.text.split()), (
            f"{question.id} was reworded: give it a new id so saved answers are asked again"
        )
        options = [(o.id, o.level) for o in question.options]
        assert options == [(o.id, o.level) for o in before.options], question.id


@pytest.mark.parametrize("pid", PRACTICES)
def test_texts_are_sector_neutral_and_examples_tagged(smm: Questionnaire, pid: str) -> None:
    practice = smm.practices[pid]
    for number, level in practice.levels.items():
        texts = [level.objective, level.why, *level.indicators]
        texts += [entry.text if isinstance(entry, ToDo) else entry for entry in level.to_do]
        texts += [words(question) for question in level.questions]
        for text in texts:
            found = SECTOR_WORDS.search(text)
            assert not found, f"{pid} level {number} names a sector ({found[0]}): {text!r}"
    for name, scope in (("industry", practice.scope.industry), ("system", practice.scope.system)):
        assert scope.evidence, f"{pid} scope.{name}: give evidence"
        general = [e for e in scope.examples if not isinstance(e, Example)]
        assert general, f"{pid} scope.{name}: give one example that fits any sector"
    sectors = {
        sector
        for example in practice.scope.industry.examples
        if isinstance(example, Example)
        for sector in example.sectors
    }
    assert len(sectors) >= 5, f"{pid} scope.industry: examples for 5 sectors, found {sectors}"


@pytest.mark.parametrize("pid", PRACTICES)
def test_choice_options_run_from_worst_to_best(smm: Questionnaire, pid: str) -> None:
    for _, question in questions_of(smm, pid):
        levels = [option.level for option in question.options]
        assert levels == sorted(levels), f"{question.id}: order the options worst first"


def test_the_counts_in_the_docs_are_the_questionnaire_s(smm: Questionnaire) -> None:
    docs = (Path(__file__).parents[2] / "docs" / "QUESTIONNAIRE.md").read_text("utf-8")
    hint = "run: python -m interview.questionnaire.counts, and paste"
    assert counts_table(smm) in docs, hint
    assert lengths_table(smm) in docs, hint
