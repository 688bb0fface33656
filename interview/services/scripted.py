"""A scripted interview: an answers file replayed through the same engine and rules as a
person answering, before (or instead of) the screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from interview.engine.context import is_prefilled
from interview.engine.interview import Interview
from interview.engine.plan import every_step
from interview.engine.prompts import Prompt, PromptKind
from interview.errors import InputError, printable
from interview.questionnaire.model import SECTOR_QUESTION_ID
from interview.services.answers_file import LIST_SEPARATOR, ScriptedAnswer, answers_and_kind
from interview.services.workspace import Workspace
from interview.session.model import (
    DONT_KNOW,
    NO,
    NOT_APPLICABLE,
    YES,
    AnswerValue,
    Phase,
    Session,
    SessionKind,
)

WORDS = {
    "yes": YES,
    "no": NO,
    "dont-know": DONT_KNOW,
    "dont_know": DONT_KNOW,
    "n/a": NOT_APPLICABLE,
    "not-applicable": NOT_APPLICABLE,
}
"""How yes, no and don't know may be written in an answers file (any case)."""


@dataclass
class Replay:
    """What replaying a file did: its problems, the questions it left open, what it did not use."""

    problems: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScriptedStart:
    """A session started from an answers file (not written yet), and how the replay went."""

    session: Session
    replay: Replay

    @property
    def complete(self) -> bool:
        return self.session.phase is Phase.DONE


def value_for(prompt: Prompt, given: str | list[str]) -> AnswerValue:
    """The file's answer as the engine takes it for this prompt."""
    if prompt.kind is PromptKind.MULTI_CHOICE:
        if isinstance(given, list):
            return given
        return [item.strip() for item in given.split(LIST_SEPARATOR) if item.strip()]
    if isinstance(given, list) or prompt.kind is PromptKind.TEXT:
        return given
    return WORDS.get(given.strip().casefold(), given.strip())


def replay(interview: Interview, answers: Mapping[str, ScriptedAnswer], *, batch: bool) -> Replay:
    """Answer every question the file answers, in interview order. Without ``batch`` it stops
    at the first question the file does not answer; with it, a missing answer is listed (and
    skipped where it may be) and an optional one is left empty."""
    result = Replay()
    known = {step.question_id for step in every_step(interview.questionnaire, _kind(interview))}
    for answer in answers.values():
        if answer.question_id not in known:
            result.problems.append(
                f"{answer.where}: {printable(answer.question_id)}: no such question in a "
                f"{_kind(interview).value} interview; see `smm questions --kind "
                f"{_kind(interview).value}`"
            )
    used: set[str] = set()
    while not result.problems:
        if interview.phase is Phase.PRACTICE_SUMMARY:
            interview.continue_interview()
            continue
        prompt = interview.current()
        if prompt is None:
            break
        given = answers.get(prompt.question_id)
        if given is None and not _left_open(interview, prompt, result, batch=batch):
            break
        if given is None:
            continue
        value = value_for(prompt, given.value)
        outcome = interview.answer(value, note=given.note, ask=given.ask or None)
        used.add(given.question_id)
        if outcome.refused is not None:
            result.problems.append(f"{given.where}: {_refusal(prompt, given, outcome.refused)}")
    if not result.problems:
        _overrule_prefilled(interview, answers, result, used)
    given_by_new_session = {"system_name"}  # the session's name, set before any question
    result.unused = [
        qid for qid in answers if qid in known and qid not in used | given_by_new_session
    ]
    if batch and not result.problems and not result.missing:
        interview.finish_interview()
    return result


def _overrule_prefilled(
    interview: Interview, answers: Mapping[str, ScriptedAnswer], result: Replay, used: set[str]
) -> None:
    """The file's own answers to questions the context answered in advance (not asked, so
    not replayed above) replace the context's."""
    session = interview.session
    was_asking = session.cursor.question if interview.phase is not Phase.REVIEW else None
    for question_id, given in answers.items():
        earlier = session.answers.get(question_id)
        if question_id in used or earlier is None or not is_prefilled(earlier):
            continue
        interview.revisit(question_id)
        prompt = interview.current()
        if prompt is None or prompt.question_id != question_id:
            continue
        value = value_for(prompt, given.value)
        outcome = interview.answer(value, note=given.note, ask=given.ask or None)
        used.add(question_id)
        if outcome.refused is not None:
            result.problems.append(f"{given.where}: {_refusal(prompt, given, outcome.refused)}")
    if was_asking is not None and was_asking not in session.answers:
        interview.revisit(was_asking)  # where the file stopped, for the interview to go on


def _refusal(prompt: Prompt, given: ScriptedAnswer, refused: str) -> str:
    """Why the file's answer was refused, with the answers that would be taken."""
    allowed_values = {option.value for option in prompt.options}
    taken = value_for(prompt, given.value)
    if prompt.kind is PromptKind.TEXT or not prompt.options or taken in allowed_values:
        return printable(refused)
    allowed = [option.value for option in prompt.options]
    if prompt.allow_dont_know:
        allowed.append("dont-know")
    shown = printable(repr(given.value))
    return (
        f"{prompt.question_id}: {shown} is not an answer to this question; "
        f"the answers allowed: {', '.join(allowed)} (see `smm questions`)"
    )


def _left_open(interview: Interview, prompt: Prompt, result: Replay, *, batch: bool) -> bool:
    """Deal with a question the file does not answer; whether the replay goes on."""
    if not batch:
        return False
    if not prompt.required and prompt.kind is PromptKind.TEXT:
        interview.answer("")
        return True
    if not prompt.required and prompt.kind is PromptKind.MULTI_CHOICE:
        interview.answer([])  # an optional checklist left out: nothing ticked
        return True
    result.missing.append(f"{prompt.question_id}: no answer ({printable(prompt.text)})")
    if interview.can_skip():
        interview.skip()
        return True
    return False


def _kind(interview: Interview) -> SessionKind:
    return interview.session.kind


def start_scripted(
    workspace: Workspace,
    kind: SessionKind | None,
    answers_file: Path,
    *,
    system: str = "",
    target_id: str | None = None,
    profile_id: str | None = None,
    previous_id: str | None = None,
    sector: str | None = None,
    batch: bool = False,
) -> ScriptedStart:
    """A new session with the file's answers given, checked in memory; nothing is written.

    Unknown questions and answers a question does not allow are refused (InputError, one
    line each) in both modes; in batch mode missing answers are refused too. ``sector``
    answers the sector question ahead; a file that answers it otherwise is refused. Without
    ``kind``, the interview is the kind a workbook form names."""
    named_kind, answers = answers_and_kind(answers_file, kind)
    kind = kind or named_kind
    if kind is None:
        where = printable(str(answers_file))
        raise InputError([f"{where}: say which interview it answers: --kind target|assessment"])
    if sector is not None:
        _refuse_other_sector(answers, sector)
    named = answers.get("system_name")
    system = system or (named.value if named and isinstance(named.value, str) else "")
    if not system.strip():
        raise InputError(
            [f"{printable(str(answers_file))}: no system_name answer; give one, or --system"]
        )
    session = workspace.prepare(kind, system.strip(), target_id=target_id,
                                profile_id=profile_id, previous_id=previous_id,
                                sector=sector)  # fmt: skip
    interview = Interview(workspace.questionnaire, session, clock=workspace.clock)
    result = replay(interview, answers, batch=batch)
    if result.problems:
        raise InputError(result.problems)
    if sector is not None:  # the file's own sector answer, the same as --industry's
        result.unused = [qid for qid in result.unused if qid != SECTOR_QUESTION_ID]
    if batch and result.missing:
        where = printable(str(answers_file))
        raise InputError([f"{where}: {line}" for line in result.missing])
    return ScriptedStart(session, result)


def _refuse_other_sector(answers: Mapping[str, ScriptedAnswer], sector: str) -> None:
    """The sector given ahead and a different one in the file: say where, in one line."""
    given = answers.get(SECTOR_QUESTION_ID)
    if given is not None and given.value != sector:
        raise InputError(
            [
                f"{given.where}: {SECTOR_QUESTION_ID} is {printable(repr(given.value))}, but "
                f"--industry is {printable(repr(sector))}; give the sector once"
            ]
        )
