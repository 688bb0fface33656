"""The questionnaire as data: ordering helpers, the needs rule, and the content hash."""

import copy
import tomllib
from pathlib import Path

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.questionnaire.checks import check_questionnaire
from interview.questionnaire.model import NeedsOption, needs_adjustment


def test_minimal_questionnaire_loads_in_order(minimal_questionnaire_path: Path) -> None:
    questionnaire = load_questionnaire(minimal_questionnaire_path)
    assert list(questionnaire.domains) == ["D"]
    assert questionnaire.subdomain_ids("D") == ["D1"]
    assert questionnaire.practice_ids() == ["D1.1"]
    assert questionnaire.domain_of("D1.1") == "D"
    assert sorted(questionnaire.practices["D1.1"].levels) == [1, 2, 3, 4]


def test_practice_order_follows_the_hierarchy_not_the_file(
    minimal_questionnaire_path: Path,
) -> None:
    """A practice written before another sub-domain's practices still sorts under its own."""
    data = tomllib.loads(minimal_questionnaire_path.read_text())
    second_subdomain = copy.deepcopy(data["subdomains"]["D1"])
    second_subdomain["needs"][0]["id"] = "D2.needs.threats"
    second_practice = copy.deepcopy(data["practices"]["D1.1"])
    second_practice["subdomain"] = "D2"
    for level in second_practice["levels"].values():
        for question in level["questions"]:
            question["id"] = question["id"].replace("D1.1", "D2.1")
    data["subdomains"]["D2"] = second_subdomain
    data["practices"] = {"D2.1": second_practice, **data["practices"]}

    questionnaire = Questionnaire.model_validate(data)
    assert check_questionnaire(questionnaire) == []
    assert questionnaire.subdomain_ids("D") == ["D1", "D2"]
    assert questionnaire.practice_ids() == ["D1.1", "D2.1"]
    assert questionnaire.practice_ids("D2") == ["D2.1"]


def option(change: int, scope: int | None = None) -> NeedsOption:
    return NeedsOption(id="x", label="x", change=change, scope_at_least=scope)


def test_needs_raises_do_not_pile_up() -> None:
    assert needs_adjustment([option(1), option(1), option(1)]) == (1, None)
    assert needs_adjustment([option(2), option(0), option(0)]) == (1, None)  # alone: +1
    assert needs_adjustment([option(2), option(1), option(-1)]) == (2, None)  # confirmed


def test_needs_lowering_works_when_nothing_calls_for_more() -> None:
    assert needs_adjustment([option(-1), option(0), option(0)]) == (-1, None)
    assert needs_adjustment([option(-1), option(-1)]) == (-1, None)
    assert needs_adjustment([option(-1), option(1)]) == (1, None)


def test_needs_narrowest_scope_wins() -> None:
    assert needs_adjustment([option(0, 2), option(0, 3), option(0)]) == (0, 3)
    assert needs_adjustment([]) == (0, None)


def test_content_hash_ignores_comments_and_layout(
    minimal_questionnaire_path: Path, tmp_path: Path
) -> None:
    original = load_questionnaire(minimal_questionnaire_path).content_hash
    reformatted = tmp_path / "reformatted.toml"
    text = minimal_questionnaire_path.read_text()
    reformatted.write_text(
        "# another comment\n\n" + text.replace('name = "Domain"', 'name =   "Domain"')
    )
    assert load_questionnaire(reformatted).content_hash == original

    changed = tmp_path / "changed.toml"
    changed.write_text(text.replace('text = "Three?"', 'text = "Three, really?"'))
    assert load_questionnaire(changed).content_hash != original
    assert len(original) == 64
