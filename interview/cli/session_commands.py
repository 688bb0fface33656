"""``smm list`` and ``smm show``: saved sessions, at a glance and in full."""

from __future__ import annotations

import argparse
import sys

from interview.cli.exit_codes import ExitCode
from interview.cli.output import output_width, workspace_of
from interview.engine.follow_ups import answer_words
from interview.engine.summary import AnsweredQuestion, SessionSummary, answered_questions
from interview.engine.views import level_records
from interview.errors import printable
from interview.formatting import KIND_NAMES, plural, short_time
from interview.questionnaire import Questionnaire
from interview.questionnaire.levels import comprehensiveness_label, scope_label
from interview.render.plain import json_text, table
from interview.render.session_models import (
    ListedSession,
    QuestionnaireUsed,
    RecordedLevel,
    SessionListJson,
    SessionShowJson,
    ShownAnswer,
)
from interview.session.model import LevelRecord, Origin, Session, compared_target


def run_list(arguments: argparse.Namespace) -> int:
    """The sessions in the folder, most recent first; unreadable files named on stderr."""
    workspace = workspace_of(arguments)
    listing = workspace.list_sessions()
    summaries, problems = listing.summaries, listing.problems
    if arguments.format == "json":
        listed = SessionListJson(sessions=[_listed(summary) for summary in summaries])
        print(json_text(listed.model_dump(mode="json")))
    elif summaries:
        print("\n".join(_summary_table(summaries)))
    elif not problems:
        print(
            f"No sessions in {printable(str(workspace.folder))} yet. "
            "Start one with `smm new target`."
        )
    for line in problems:
        print(f"smm: {line}", file=sys.stderr)
    return ExitCode.BAD_INPUT if problems else ExitCode.OK


def _listed(summary: SessionSummary) -> ListedSession:
    return ListedSession(
        id=summary.id,
        kind=summary.kind.value,
        system=summary.system,
        interviewee=summary.interviewee,
        role=summary.role,
        phase=summary.phase.value,
        finished=summary.finished,
        practices_done=summary.practices_done,
        practices_total=summary.practices_total,
        answered=summary.answered,
        created=summary.created.isoformat(),
        updated=summary.updated.isoformat(),
    )


def _summary_table(summaries: list[SessionSummary]) -> list[str]:
    rows = [
        [
            summary.id,
            KIND_NAMES[summary.kind],
            summary.system,
            summary.interviewee,
            f"{summary.practices_done}/{summary.practices_total}"
            + (" done" if summary.finished else ""),
            short_time(summary.updated),
        ]
        for summary in summaries
    ]
    headers = ["ID", "KIND", "SYSTEM", "INTERVIEWEE", "PRACTICES", "LAST CHANGE"]
    id_width = max(len(summary.id) for summary in summaries)  # ids are copied: never cut them
    return table(headers, rows, [id_width, 15, 20, 18, 10, 20], output_width())


def run_show(arguments: argparse.Namespace) -> int:
    """One session's answers, notes and levels."""
    workspace = workspace_of(arguments)
    questionnaire = workspace.questionnaire
    loaded = workspace.load(arguments.session)
    session = loaded.session
    levels = level_records(questionnaire, session)
    answers = answered_questions(questionnaire, session)
    if arguments.format == "json":
        shown = _session_as_json(session, levels, answers, loaded.notices)
        print(json_text(shown.model_dump(mode="json")))
    else:
        lines = [*loaded.notices, *_session_lines(questionnaire, session, levels, answers)]
        print("\n".join(printable(line) for line in lines))
    return ExitCode.OK


def level_text(record: LevelRecord | None) -> str:
    """``3 Consistent, 2 Industry specific``; ``not applicable``; ``not set yet``."""
    if record is None:
        return "not set yet"
    if not record.applicable:
        return "not applicable"
    if record.comprehensiveness is None:
        return "not set yet"
    if record.scope is None and record.comprehensiveness > 0:
        return f"{comprehensiveness_label(record.comprehensiveness)}, scope not yet known"
    return f"{comprehensiveness_label(record.comprehensiveness)}, scope {scope_label(record.scope)}"


def _session_as_json(
    session: Session,
    levels: dict[str, LevelRecord],
    answers: list[AnsweredQuestion],
    notices: list[str],
) -> SessionShowJson:
    return SessionShowJson(
        id=session.id,
        kind=session.kind.value,
        system=session.system,
        interviewee=session.interviewee,
        role=session.role,
        phase=session.phase.value,
        created=session.created.isoformat(),
        updated=session.updated.isoformat(),
        questionnaire=QuestionnaireUsed(**session.questionnaire.model_dump()),
        target_session=compared_target(session),
        imported_from=session.imported_from,
        notices=notices,
        levels={
            item_id: RecordedLevel(**record.model_dump(mode="json"))
            for item_id, record in levels.items()
        },
        answers=[
            ShownAnswer(
                question=item.step.question_id,
                text=item.prompt.text,
                value=item.answer.value,
                label=answer_words(item.prompt, item.answer.value, item.answer.ask),
                note=item.answer.note,
                ask=item.answer.ask,
                answered_at=item.answer.answered_at.isoformat(),
            )
            for item in answers
        ],
    )


def _session_lines(
    questionnaire: Questionnaire,
    session: Session,
    levels: dict[str, LevelRecord],
    answers: list[AnsweredQuestion],
) -> list[str]:
    lines = [
        f"{session.system} — {KIND_NAMES[session.kind]} ({session.id})",
        f"Interviewee: {session.interviewee or '(not given)'}"
        + (f", {session.role}" if session.role else ""),
        f"Questionnaire {session.questionnaire.id} {session.questionnaire.version}; "
        f"created {short_time(session.created)}; last change {short_time(session.updated)}; "
        f"phase: {session.phase.value.replace('_', ' ')}; {plural(len(session.answers), 'answer')}",
    ]
    if target_id := compared_target(session):
        lines.append(f"Compared with target session {target_id}")
    if session.imported_from is not None:
        lines.append(
            f"Imported from {session.imported_from}: its levels are taken as given; "
            f"see them with `smm report {session.id}`"
        )
    heading: str | None = "(none yet)"
    for item in answers:
        item_id = item.step.practice_id or item.step.subdomain_id or item.step.domain_id
        if item_id != heading:
            heading = item_id
            lines += ["", _heading(questionnaire, item_id, levels)]
        lines.append(f"  {item.prompt.text}")
        lines.append(f"    → {answer_words(item.prompt, item.answer.value, item.answer.ask)}")
        if item.answer.note:
            lines += [f"    note: {note_line}" for note_line in item.answer.note.splitlines()]
    return lines


def _heading(
    questionnaire: Questionnaire, item_id: str | None, levels: dict[str, LevelRecord]
) -> str:
    if item_id is None:
        return "Context"
    names = {
        **{did: domain.name for did, domain in questionnaire.domains.items()},
        **{sid: subdomain.name for sid, subdomain in questionnaire.subdomains.items()},
        **{pid: practice.name for pid, practice in questionnaire.practices.items()},
    }
    record = levels.get(item_id)
    if record is None or record.origin is Origin.ASSESSED:
        origin = "" if record is None or record.complete else " (not finished)"
    else:
        origin = f" ({record.origin.value}{': ' + record.reason if record.reason else ''})"
    return f"{item_id}  {names[item_id]} — {level_text(record)}{origin}"
