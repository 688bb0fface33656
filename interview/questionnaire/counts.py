"""How many questions the questionnaire asks, per practice, level and role, and how long a full
self-assessment is for each role: the tables of docs/QUESTIONNAIRE.md, which a test keeps true.

``python -m interview.questionnaire.counts`` prints them as Markdown.
"""

from __future__ import annotations

from interview.questionnaire.levels import TARGET_LEVELS
from interview.questionnaire.model import Questionnaire, Role
from interview.questionnaire.variants import ROLES_OF_ANSWER

SCOPE_QUESTIONS = 2
"""Industry, then system: both are asked when every level is met and the answers are yes."""


def level_counts(
    questionnaire: Questionnaire, practice_id: str, roles: frozenset[Role]
) -> list[int]:
    """The number of questions asked of these roles at each level 1-4."""
    practice = questionnaire.practice_for(practice_id, roles)
    return [len(practice.levels[number].questions) for number in TARGET_LEVELS]


def counts_table(questionnaire: Questionnaire) -> str:
    """Questions per practice and level, as ``maker / operator / both``."""
    header = "| practice | level 1 | level 2 | level 3 | level 4 | all levels |"
    lines = [header, "|---|---|---|---|---|---|"]
    answers = ("maker", "operator", "both")
    totals = {answer: [0] * len(TARGET_LEVELS) for answer in answers}
    for practice_id in questionnaire.practice_ids():
        per_role = {
            a: level_counts(questionnaire, practice_id, ROLES_OF_ANSWER[a]) for a in answers
        }
        for answer in answers:
            totals[answer] = [t + c for t, c in zip(totals[answer], per_role[answer], strict=True)]
        lines.append(_row(practice_id, per_role))
    lines.append(_row("**total**", totals))
    return "\n".join(lines)


def _row(label: str, per_role: dict[str, list[int]]) -> str:
    cells = [
        " / ".join(str(per_role[answer][index]) for answer in per_role)
        for index in range(len(TARGET_LEVELS))
    ]
    cells.append(" / ".join(str(sum(per_role[answer])) for answer in per_role))
    return f"| {label} | " + " | ".join(cells) + " |"


def lengths_table(questionnaire: Questionnaire) -> str:
    """The fewest and most answers a full self-assessment takes, per role."""
    context = len(questionnaire.context) - 1  # the system's name is given when it starts
    required = sum(1 for question in questionnaire.context if question.required) - 1
    lines = [
        "| role answer | fewest answers | most answers |",
        "|---|---|---|",
    ]
    for answer in ("maker", "operator", "both"):
        roles = ROLES_OF_ANSWER[answer]
        practices = questionnaire.practice_ids()
        most = sum(sum(level_counts(questionnaire, pid, roles)) for pid in practices)
        most += SCOPE_QUESTIONS * len(practices) + context
        fewest = len(practices) + required  # a "no" to each practice's first question
        lines.append(f"| {answer} | {fewest} | {most} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a helper for writing the docs
    from interview.questionnaire import load_questionnaire

    shipped = load_questionnaire()
    print(counts_table(shipped), "", lengths_table(shipped), sep="\n")
