"""Cross-reference checks that a field-by-field schema cannot express.

Each check yields :class:`Problem` values keyed by the dotted location of the offending value,
so that the loader can name the file, the line and the key.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from interview.questionnaire.engine_ids import ENGINE_ID_PREFIX, is_engine_question_id
from interview.questionnaire.levels import HIGHEST_COMPREHENSIVENESS, SCOPE_LEVELS, TARGET_LEVELS
from interview.questionnaire.model import (
    EVERY_ROLE,
    SECTOR_QUESTION_ID,
    ContextKind,
    Example,
    ExampleEntry,
    IndicatorQuestion,
    QuestionKind,
    Questionnaire,
    ToDo,
)
from interview.questionnaire.prefill import NO_REGULATION, OTHER_REGULATION, REGULATIONS_QUESTION_ID
from interview.questionnaire.variants import ROLE_QUESTION_ID, ROLES_OF_ANSWER
from interview.tomlfile import Location, Problem

REQUIRED_CONTEXT_IDS = ("system_name", "interviewee_name", "interviewee_role")


def check_questionnaire(questionnaire: Questionnaire) -> list[Problem]:
    """Every cross-reference problem in a questionnaire that passed the schema."""
    checks = (
        _check_context,
        _check_hierarchy,
        _check_domain_goals,
        _check_practice_levels,
        _check_unique_question_ids,
        _check_unique_option_ids,
        _check_role_answers,
        _check_roles_per_level,
        _check_not_applicable,
        _check_to_do_links,
        _check_example_sectors,
        _check_implied_by,
    )
    return [problem for check in checks for problem in check(questionnaire)]


def _check_context(questionnaire: Questionnaire) -> Iterator[Problem]:
    present = {question.id for question in questionnaire.context}
    for required_id in REQUIRED_CONTEXT_IDS:
        if required_id not in present:
            yield Problem(
                ("context",),
                f'no question with id "{required_id}"; add one (sessions are named and '
                "listed by it)",
            )
    for index, question in enumerate(questionnaire.context):
        location: Location = ("context", index, "options")
        has_choices = question.kind is not ContextKind.TEXT
        if has_choices and not question.options:
            yield Problem(location, f'a "{question.kind}" question needs options; add them')
        if not has_choices and question.options:
            yield Problem(location, 'a "text" question takes no options; remove them')
        values = [option.value for option in question.options]
        for value in sorted({v for v in values if values.count(v) > 1}):
            yield Problem(location, f'option value "{value}" is used twice; make it unique')


def _check_hierarchy(questionnaire: Questionnaire) -> Iterator[Problem]:
    for sid, subdomain in questionnaire.subdomains.items():
        location: Location = ("subdomains", sid, "domain")
        if subdomain.domain not in questionnaire.domains:
            known = ", ".join(questionnaire.domains)
            yield Problem(location, f'unknown domain "{subdomain.domain}" (known: {known})')
        elif not sid.startswith(subdomain.domain):
            yield Problem(
                ("subdomains", sid),
                f'sub-domain id should start with its domain id "{subdomain.domain}"',
            )
    for pid, practice in questionnaire.practices.items():
        location = ("practices", pid, "subdomain")
        if practice.subdomain not in questionnaire.subdomains:
            known = ", ".join(questionnaire.subdomains)
            yield Problem(location, f'unknown sub-domain "{practice.subdomain}" (known: {known})')
        elif not pid.startswith(practice.subdomain + "."):
            yield Problem(
                ("practices", pid),
                f'practice id should be "{practice.subdomain}.<n>", after its sub-domain',
            )
    for did in questionnaire.domains:
        if not questionnaire.subdomain_ids(did):
            yield Problem(("domains", did), "domain has no sub-domains; add one or remove it")
    for sid in questionnaire.subdomains:
        if not any(p.subdomain == sid for p in questionnaire.practices.values()):
            yield Problem(("subdomains", sid), "sub-domain has no practices; add one or remove it")


def _check_domain_goals(questionnaire: Questionnaire) -> Iterator[Problem]:
    for did, domain in questionnaire.domains.items():
        goal = domain.goal
        yield from _exact_keys(
            ("domains", did, "goal", "statements"), goal.statements, TARGET_LEVELS, "statement"
        )
        scopes = [option.scope for option in goal.scope_options]
        if sorted(scopes) != list(SCOPE_LEVELS):
            yield Problem(
                ("domains", did, "goal", "scope_options"),
                f"needs exactly one option for each scope 1, 2 and 3 (found {scopes})",
            )


def _check_practice_levels(questionnaire: Questionnaire) -> Iterator[Problem]:
    for pid, practice in questionnaire.practices.items():
        levels_location: Location = ("practices", pid, "levels")
        yield from _exact_keys(levels_location, practice.levels, TARGET_LEVELS, "level")
        for level_number, level in practice.levels.items():
            for index, question in enumerate(level.questions):
                location = (*levels_location, level_number, "questions", index)
                yield from _check_indicator_options(location, level_number, question)


def _check_indicator_options(
    location: Location, level_number: int, question: IndicatorQuestion
) -> Iterator[Problem]:
    """A choice question's options must be able to both meet and miss its level."""
    options_location = (*location, "options")
    if question.kind is QuestionKind.YES_NO:
        if question.options:
            yield Problem(options_location, "a yes_no question takes no options; remove them")
        return
    if len(question.options) < 2:
        yield Problem(options_location, "a choice question needs at least two options")
        return
    for index, option in enumerate(question.options):
        if not level_number - 1 <= option.level <= HIGHEST_COMPREHENSIVENESS:
            yield Problem(
                (*options_location, index, "level"),
                f"level {option.level} does not exist for a level-{level_number} question; "
                f"use {level_number - 1} (not met) up to 4",
            )
    levels = [option.level for option in question.options]
    if not any(level >= level_number for level in levels):
        yield Problem(options_location, f"no option meets level {level_number}; add one")
    if not any(level < level_number for level in levels):
        yield Problem(
            options_location, f"every option meets level {level_number}; add one that does not"
        )


def _check_unique_question_ids(questionnaire: Questionnaire) -> Iterator[Problem]:
    seen: dict[str, Location] = {}
    for location, question_id in _question_ids(questionnaire):
        if is_engine_question_id(question_id):
            yield Problem(
                location,
                f'question id "{question_id}" starts with "{ENGINE_ID_PREFIX}", which smm keeps '
                "for the questions it asks itself; remove the prefix",
            )
        elif question_id in seen:
            first = ".".join(str(part) for part in seen[question_id])
            yield Problem(location, f'question id "{question_id}" is already used at {first}')
        else:
            seen[question_id] = location


def _check_unique_option_ids(questionnaire: Questionnaire) -> Iterator[Problem]:
    """Answers store option ids, so two options of one question must not share one."""
    for sid, subdomain in questionnaire.subdomains.items():
        for index, need in enumerate(subdomain.needs):
            location: Location = ("subdomains", sid, "needs", index, "options")
            yield from _duplicate_option_ids(location, [option.id for option in need.options])
    for pid, practice in questionnaire.practices.items():
        for level_number, level in practice.levels.items():
            for index, question in enumerate(level.questions):
                location = ("practices", pid, "levels", level_number, "questions", index, "options")
                yield from _duplicate_option_ids(
                    location, [option.id for option in question.options]
                )


def _duplicate_option_ids(location: Location, option_ids: list[str]) -> Iterator[Problem]:
    for option_id in sorted({i for i in option_ids if option_ids.count(i) > 1}):
        yield Problem(
            location,
            f'option id "{option_id}" is used twice in this question; give each option its own',
        )


def _check_role_answers(questionnaire: Questionnaire) -> Iterator[Problem]:
    """The role question's answers must be roles smm knows how to apply."""
    for index, question in enumerate(questionnaire.context):
        if question.id != ROLE_QUESTION_ID:
            continue
        for option_index, option in enumerate(question.options):
            if option.value not in ROLES_OF_ANSWER:
                yield Problem(
                    ("context", index, "options", option_index, "value"),
                    f'"{option.value}" is not a role smm knows; use '
                    + ", ".join(f'"{role}"' for role in ROLES_OF_ANSWER),
                )


def _check_roles_per_level(questionnaire: Questionnaire) -> Iterator[Problem]:
    """Each role must have a question at each level, or the level would pass unasked."""
    for pid, practice in questionnaire.practices.items():
        for number, level in practice.levels.items():
            for role in EVERY_ROLE:
                if not any(role in question.roles for question in level.questions):
                    yield Problem(
                        ("practices", pid, "levels", number, "questions"),
                        f'no question for the "{role}" role; add one, or give an existing '
                        f'question roles = ["maker", "operator"]',
                    )


def _check_not_applicable(questionnaire: Questionnaire) -> Iterator[Problem]:
    """An N/A answer needs a stated rule for when it is honest, and only with the answer."""
    for location, question in _level_questions(questionnaire):
        if question.allow_not_applicable and not question.not_applicable_when.strip():
            yield Problem(
                (*location, "allow_not_applicable"),
                "N/A is allowed but not_applicable_when does not say when it is honest; add "
                "one line that says it",
            )
        if question.not_applicable_when.strip() and not question.allow_not_applicable:
            yield Problem(
                (*location, "not_applicable_when"),
                "says when N/A applies, but allow_not_applicable is not true; set it, or "
                "remove this line",
            )


def _check_to_do_links(questionnaire: Questionnaire) -> Iterator[Problem]:
    """A to-do step must name questions of its own practice."""
    for pid, practice in questionnaire.practices.items():
        own = {q.id for level in practice.levels.values() for q in level.questions}
        for number, level in practice.levels.items():
            for index, entry in enumerate(level.to_do):
                if not isinstance(entry, ToDo):
                    continue
                for question_id in entry.questions:
                    if question_id not in own:
                        yield Problem(
                            ("practices", pid, "levels", number, "to_do", index, "questions"),
                            f'"{question_id}" is not a question of practice {pid}; name one '
                            "of its questions",
                        )


def _check_example_sectors(questionnaire: Questionnaire) -> Iterator[Problem]:
    """Example sectors must be answers of the sector question, or they would never show."""
    sector_question = questionnaire.context_question(SECTOR_QUESTION_ID)
    known = {option.value for option in sector_question.options} if sector_question else set()
    for location, entries in _example_lists(questionnaire):
        for index, entry in enumerate(entries):
            if not isinstance(entry, Example):
                continue
            for sector in entry.sectors:
                if sector not in known:
                    shown = ", ".join(sorted(known)) or "none: add an industry context question"
                    yield Problem(
                        (*location, index, "sectors"),
                        f'unknown sector "{sector}" (the industry question offers: {shown})',
                    )


def _check_implied_by(questionnaire: Questionnaire) -> Iterator[Problem]:
    """Regulations that fill a needs answer must be answers of the regulations question."""
    question = questionnaire.context_question(REGULATIONS_QUESTION_ID)
    known = {option.value for option in question.options} if question else set()
    known |= {NO_REGULATION, OTHER_REGULATION}
    for subdomain_id, subdomain in questionnaire.subdomains.items():
        for index, need in enumerate(subdomain.needs):
            for position, option in enumerate(need.options):
                for value in option.implied_by:
                    if question is None or value not in known:
                        offered = ", ".join(sorted(known))
                        yield Problem(
                            ("subdomains", subdomain_id, "needs", index, "options", position),
                            f'implied_by: unknown regulation "{value}" (the regulations '
                            f"question offers: {offered}; add that question for any)",
                        )


def _level_questions(
    questionnaire: Questionnaire,
) -> Iterator[tuple[Location, IndicatorQuestion]]:
    for pid, practice in questionnaire.practices.items():
        for number, level in practice.levels.items():
            for index, question in enumerate(level.questions):
                yield ("practices", pid, "levels", number, "questions", index), question


def _example_lists(
    questionnaire: Questionnaire,
) -> Iterator[tuple[Location, tuple[ExampleEntry, ...]]]:
    for pid, practice in questionnaire.practices.items():
        yield ("practices", pid, "scope", "industry", "examples"), practice.scope.industry.examples
        yield ("practices", pid, "scope", "system", "examples"), practice.scope.system.examples
    for location, question in _level_questions(questionnaire):
        yield (*location, "examples"), question.examples


def _question_ids(questionnaire: Questionnaire) -> Iterator[tuple[Location, str]]:
    for index, context_question in enumerate(questionnaire.context):
        yield ("context", index, "id"), context_question.id
    for sid, subdomain in questionnaire.subdomains.items():
        for index, needs_question in enumerate(subdomain.needs):
            yield ("subdomains", sid, "needs", index, "id"), needs_question.id
    for pid, practice in questionnaire.practices.items():
        for level_number, level in practice.levels.items():
            for index, question in enumerate(level.questions):
                yield (
                    ("practices", pid, "levels", level_number, "questions", index, "id"),
                    question.id,
                )


def _exact_keys(
    location: Location, mapping: Mapping[int, object], expected: tuple[int, ...], noun: str
) -> Iterator[Problem]:
    for missing in sorted(set(expected) - set(mapping)):
        wanted = ", ".join(str(n) for n in expected)
        yield Problem(location, f"{noun} {missing} is missing; every one of {wanted} is needed")
    for extra in sorted(set(mapping) - set(expected)):
        yield Problem((*location, extra), f"{noun} {extra} does not exist; remove it")
