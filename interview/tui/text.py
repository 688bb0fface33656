"""What the interview says, as Rich ``Text``: literal text, never parsed as markup.

Everything the user or a questionnaire wrote goes through ``Text(...)`` (or ``Text.append``),
which shows ``[bold]`` as the characters it is. Control characters are shown escaped.
"""

from __future__ import annotations

from rich.text import Text

from interview.engine.plan import Step
from interview.engine.prompts import Prompt
from interview.engine.views import Progress
from interview.errors import printable
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.questionnaire.model import Practice, Questionnaire
from interview.scoring import CurrentLevel, TargetLevel
from interview.tui.note_folding import fold_note


def literal(text: str, style: str = "") -> Text:
    """User or questionnaire text, shown exactly as written (control characters escaped).

    The style covers these characters only (a span, not a base style), so that text appended
    later does not inherit it.
    """
    shown = Text(printable(text))
    if style:
        shown.stylize(style)
    return shown


def breadcrumb(
    questionnaire: Questionnaire, step: Step | None, practice_id: str | None = None
) -> Text:
    """``Security Governance › Security Strategy and Governance › G1.1 Security Program …``."""
    practice_id = practice_id or (step.practice_id if step else None)
    domain_id = step.domain_id if step else None
    subdomain_id = step.subdomain_id if step else None
    if practice_id:
        subdomain_id = questionnaire.practices[practice_id].subdomain
        domain_id = questionnaire.subdomains[subdomain_id].domain
    if domain_id is None:
        return literal("About the system and you")
    parts = [questionnaire.domains[domain_id].name]
    if subdomain_id:
        parts.append(questionnaire.subdomains[subdomain_id].name)
    if practice_id:
        parts.append(f"{practice_id} {questionnaire.practices[practice_id].name}")
    return literal(" › ".join(parts))


def progress_text(progress: Progress) -> Text:
    """``3/18 practices · about 42 questions left``: the stable count first.

    The questions left are those the answers so far lead to; each level met opens the next
    one's questions, so the number is an estimate (it can stay put while you answer).
    """
    practices = f"{progress.practices_done}/{progress.practices_total} practices"
    left = progress.total - progress.answered
    if left <= 0:
        return literal(f"{practices} · no questions left")
    plural = "s" if left != 1 else ""
    return literal(f"{practices} · about {left} question{plural} left")


def level_text(comprehensiveness: int | None, scope: int | None) -> str:
    """``3 Consistent, scope 2 Industry specific``; ``not applicable``."""
    if comprehensiveness is None:
        return "not applicable"
    if comprehensiveness > 0 and scope is None:
        return f"{comprehensiveness_label(comprehensiveness)}, scope not yet known"
    return f"{comprehensiveness_label(comprehensiveness)}, scope {scope_label(scope)}"


def question_message(prompt: Prompt) -> Text:
    """The bot's question, with the evidence hint or examples under it."""
    message = Text()
    message.append("smm  ", style="bold")
    message.append_text(literal(prompt.text, "bold"))
    for line in prompt.detail.splitlines():
        message.append("\n")
        message.append_text(literal(line, "italic"))
    return message


def answer_message(label: str, note: str | None = None) -> Text:
    """The user's answer, and the note attached to it (a long note folded)."""
    message = Text()
    message.append("you  ", style="bold")
    message.append_text(literal(label))
    for number, line in enumerate(fold_note(note or "").splitlines()):
        message.append("\n     note: " if number == 0 else "\n           ", style="italic")
        message.append_text(literal(line, "italic"))
    return message


def info_message(text: str) -> Text:
    """A line from smm that is not a question: a heading, a recap, a notice."""
    return literal(text, "italic")


def section_heading(questionnaire: Questionnaire, item_id: str) -> Text:
    """``── G1.1 Security Program Management ──``; a practice's purpose under its heading."""
    if item_id in questionnaire.practices:
        practice = questionnaire.practices[item_id]
        heading = literal(f"── {item_id} {practice.name} ──", "bold underline")
        heading.append("\n")
        heading.append_text(literal(practice.purpose, "italic"))
        return heading
    names = {
        **{did: domain.name for did, domain in questionnaire.domains.items()},
        **{sid: subdomain.name for sid, subdomain in questionnaire.subdomains.items()},
    }
    return literal(f"══ {item_id} {names[item_id]} ══", "bold")


def practice_summary_message(
    questionnaire: Questionnaire,
    practice_id: str,
    current: CurrentLevel | None,
    target: TargetLevel | None,
    previous: CurrentLevel | None = None,
    dont_knows: int = 0,
) -> Text:
    """After a practice: the level reached and what it means, last time's, the target's.

    ``dont_knows`` counts the practice's "don't know" answers: a level that rests on them is
    not a finding but a question to follow up, and the summary says so.
    """
    practice = questionnaire.practices[practice_id]
    lines = [f"{practice_id} {practice.name}"]
    if current is not None:
        lines += _current_lines(practice, current, previous)
        lines += _dont_know_lines(current, dont_knows)
    if target is not None:
        lines += _target_lines(current, target)
    return Text("\n").join([literal(lines[0], "bold"), *(literal(line) for line in lines[1:])])


def _current_lines(
    practice: Practice, current: CurrentLevel, previous: CurrentLevel | None
) -> list[str]:
    lines = [f"Current: {level_text(current.comprehensiveness, current.scope)}"]
    if previous is not None:
        before = level_text(previous.comprehensiveness, previous.scope)
        moved = _movement(previous.comprehensiveness, current.comprehensiveness)
        lines.append(f"Last time: {before} ({moved})")
    if current.comprehensiveness > 0:
        lines.append(f"That means: {practice.levels[current.comprehensiveness].objective}")
    return lines


def _dont_know_lines(current: CurrentLevel, dont_knows: int) -> list[str]:
    """What the level means when "don't know" answers (counted as not in place) hold it."""
    if current.comprehensiveness > 0 and not dont_knows:
        return []
    if not dont_knows:
        return ["That means: not even the minimum of this practice is in place yet."]
    answers = f'{dont_knows} "don\'t know" answer{"s" if dont_knows != 1 else ""}'
    if current.comprehensiveness == 0:
        return [
            f"That means: nothing is shown to be in place yet; this rests on {answers}, "
            "listed for follow-up."
        ]
    return [f"Rests on {answers}, listed for follow-up: the level may be higher."]


def _target_lines(current: CurrentLevel | None, target: TargetLevel) -> list[str]:
    unset = target.comprehensiveness is None and not target.not_applicable
    level = "not set yet" if unset else level_text(target.comprehensiveness, target.scope)
    lines = [f"Target:  {level}"]
    if target.reason and current is None:
        lines.append(f"Because: {target.reason}")
    if current is not None and target.comprehensiveness is not None:
        lines.append(gap_line(current, target))
    return lines


def gap_line(current: CurrentLevel, target: TargetLevel) -> str:
    """``Gap: comprehensiveness 1, scope 0 (small gap)``, or ``No gap`` (perhaps above target)."""
    from interview.gap import Severity, practice_gap  # only with a target: not at start-up

    gap = practice_gap("", "", target, current)
    if gap.severity is Severity.NONE:
        return "No gap" + (" (exceeds the target)" if gap.exceeds_target else "")
    return (
        f"Gap: comprehensiveness {gap.comprehensiveness_gap}, scope {gap.scope_gap} "
        f"({gap.severity.value} gap)"
    )


def _movement(before: int, now: int) -> str:
    """``up 1``, ``down 2`` or ``unchanged``."""
    if now == before:
        return "unchanged"
    return f"{'up' if now > before else 'down'} {abs(now - before)}"
