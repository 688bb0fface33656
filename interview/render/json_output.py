"""The JSON documents of ``smm gap``, ``smm report``, ``smm export``, ``smm history`` and
``smm plan show``, built as the output models of :mod:`interview.render.json_models`."""

from __future__ import annotations

from collections.abc import Mapping, Set

from interview import consolidation as merged
from interview import gap as core
from interview import history as past
from interview.gap import LevelPair
from interview.plan import PlannedStep, Progress
from interview.questionnaire.model import Questionnaire
from interview.render import json_models as out
from interview.render.gap_evidence import resting_practices
from interview.render.gap_report import GapReport, PlanView
from interview.render.json_target import (
    approval_output,
    follow_up_outputs,
    gap_follow_ups,
    warning_output,
)
from interview.render.plain import json_text
from interview.render.rows import incomplete_practices, level_objective
from interview.render.words import movement_words
from interview.roadmap_phases import item_phase, step_phases
from interview.session.model import AssessmentSession, Phase, Session, TargetSession
from interview.standings import GroupStanding, group_standings, session_standings
from interview.target_review import TargetReview, review_target, session_profile_levels


def document_text(document: out.Output) -> str:
    """The document as JSON for stdout or a file (no trailing newline)."""
    return json_text(document.model_dump(mode="json", by_alias=True))


def level(pair: LevelPair | None) -> out.Level | None:
    return (
        None
        if pair is None
        else out.Level(comprehensiveness=pair.comprehensiveness, scope=pair.scope)
    )


def session_info(questionnaire: Questionnaire, session: Session) -> out.SessionInfo:
    """Who, what and when of one session."""
    return out.SessionInfo(
        id=session.id,
        kind=session.kind.value,
        system=session.system,
        interviewee=session.interviewee,
        role=session.role,
        created=session.created.isoformat(),
        updated=session.updated.isoformat(),
        finished=session.phase is Phase.DONE,
        imported_from=session.imported_from,
        questionnaire=out.QuestionnaireRef(
            id=session.questionnaire.id, version=session.questionnaire.version
        ),
        incomplete_practices=incomplete_practices(questionnaire, session),
    )


# --- The plan --------------------------------------------------------------------------------


PROGRESS_IDS: dict[Progress, out.Progress] = {
    Progress.OPEN: "open",
    Progress.IN_PROGRESS: "in-progress",
    Progress.LATE: "late",
    Progress.DONE: "done",
    Progress.DROPPED: "dropped",
    Progress.CLOSED: "gap-closed",
}
"""Each state as an identifier, spelt like the plan file's statuses (the words are for text)."""


def progress(state: Progress) -> out.Progress:
    return PROGRESS_IDS[state]


def plan_item(step: PlannedStep) -> out.PlanItem:
    """One practice of the plan; owner, due, status and note are null when not planned yet."""
    item = step.item
    return out.PlanItem(
        practice=step.practice_id,
        progress=progress(step.progress),
        in_roadmap=step.in_roadmap,
        owner=None if item is None else item.owner,
        due=None if item is None or item.due is None else item.due.isoformat(),
        status=None if item is None else item.status.value,
        note=None if item is None else item.note,
    )


def progress_counts(counts: dict[Progress, int]) -> dict[out.Progress, int]:
    return {progress(state): count for state, count in counts.items()}


def plan_output(system: str, steps: list[PlannedStep], counts: dict[Progress, int]) -> out.PlanJson:
    """``smm plan show --json``."""
    return out.PlanJson(
        system=system, items=[plan_item(step) for step in steps], progress=progress_counts(counts)
    )


def plan_progress(view: PlanView) -> out.PlanProgress:
    return out.PlanProgress(
        system=view.system,
        progress=progress_counts(view.counts),
        closed=[step.practice_id for step in view.closed],
    )


# --- The gap ---------------------------------------------------------------------------------


def gap_output(report: GapReport) -> out.GapJson:
    """``smm gap --format json`` (docs/GAP.md)."""
    questionnaire, sides, analysis = report.questionnaire, report.sides, report.analysis
    view = report.extras.plan
    resting: dict[out.Side, set[str]] = {
        "target": resting_practices(questionnaire, sides.target.sessions),
        "current": resting_practices(questionnaire, sides.current.sessions),
    }
    return out.GapJson(
        target=side_info(questionnaire, sides.target),
        current=side_info(questionnaire, sides.current),
        practices=[practice_gap(gap, resting) for gap in analysis.practices],
        subdomains=[group_gap(row) for row in analysis.subdomains],
        domains=[group_gap(row) for row in analysis.domains],
        roadmap=[roadmap_item(item, view) for item in analysis.roadmap],
        plan=None if view is None else plan_progress(view),
        consolidation=None
        if not sides.several
        else out.Consolidation(
            target=side_consolidation(sides.target), current=side_consolidation(sides.current)
        ),
        follow_ups=gap_follow_ups(questionnaire, sides),
    )


def side_info(questionnaire: Questionnaire, side: merged.Side) -> out.SessionInfo | out.MergedSide:
    """One session's info; for several, the kind, the system, the rule and each session."""
    if not side.several:
        return session_info(questionnaire, side.sessions[0])
    return out.MergedSide(
        kind=side.kind.value,
        system=side.sessions[0].system,
        rule=side.rule.name,
        sessions=[session_info(questionnaire, session) for session in side.sessions],
    )


def practice_gap(gap: core.PracticeGap, resting: Mapping[out.Side, Set[str]]) -> out.PracticeGap:
    target = gap.target
    return out.PracticeGap(
        id=gap.practice_id,
        name=gap.name,
        target=None
        if target.comprehensiveness is None
        else out.Level(comprehensiveness=target.comprehensiveness, scope=target.scope),
        current=out.Level(comprehensiveness=gap.current.comprehensiveness, scope=gap.current.scope),
        gap=None
        if gap.comprehensiveness_gap is None
        else out.OptionalLevel(comprehensiveness=gap.comprehensiveness_gap, scope=gap.scope_gap),
        severity=gap.severity.value,
        exceeds_target=gap.exceeds_target,
        rests_on_dont_know=[side for side, found in resting.items() if gap.practice_id in found],
    )


def group_gap(row: core.GroupGap) -> out.GroupGap:
    return out.GroupGap(
        id=row.item_id,
        severity=row.severity.value,
        target_mean=row.target_mean,
        current_mean=row.current_mean,
    )


def roadmap_item(item: core.RoadmapItem, view: PlanView | None) -> out.RoadmapItem:
    """One roadmap item; with a plan, the item's plan (progress ``open`` when not planned)."""
    step = None if view is None else view.step(item.practice_id)
    if view is not None and step is None:
        step = PlannedStep(item.practice_id, None, Progress.OPEN, in_roadmap=True)
    phases = step_phases(item)
    return out.RoadmapItem(
        practice=item.practice_id,
        phase=item_phase(item).word,
        from_=level(item.start),
        to=level(item.goal),
        steps=[
            out.RoadmapStep(
                measure=step.measure,
                level=step.level,
                label=step.label,
                to_do=list(step.to_do),
                phase=phase.word,
            )
            for step, phase in zip(item.steps, phases, strict=True)
        ],
        reason=item.reason,
        held_by=item.held_by,
        plan=None if step is None else plan_item(step),
    )


def stated(level: merged.StatedLevel) -> out.StatedLevel:
    return out.StatedLevel(
        comprehensiveness=level.comprehensiveness, scope=level.scope, applicable=level.applicable
    )


def side_consolidation(side: merged.Side) -> out.SideConsolidation:
    """One side's rule, sessions, and per practice the accounts and the spread."""
    return out.SideConsolidation(
        rule=side.rule.name,
        rule_text=side.rule.text,
        sessions=[session.id for session in side.sessions],
        practices=[practice_consolidation(practice) for practice in side.practices],
        disagreements=[practice.practice_id for practice in side.disagreements()],
    )


def practice_consolidation(practice: merged.PracticeConsolidation) -> out.PracticeConsolidation:
    return out.PracticeConsolidation(
        id=practice.practice_id,
        level=stated(practice.level),
        accounts=[
            out.Account(
                session=account.interviewee.session_id,
                interviewee=account.interviewee.name,
                role=account.interviewee.role,
                **stated(account.level).model_dump(),
            )
            for account in practice.accounts
        ],
        spread=out.Spread(
            comprehensiveness=practice.comprehensiveness_spread, scope=practice.scope_spread
        ),
        disagree=practice.disagrees,
    )


# --- One session -----------------------------------------------------------------------------


def session_report_output(
    questionnaire: Questionnaire, session: Session, review: TargetReview | None = None
) -> out.SessionReportJson:
    """``smm report --format json`` (docs/GAP.md); ``review`` as for the session document."""
    if isinstance(session, TargetSession) and review is None:
        review = review_target(questionnaire, session, session_profile_levels(session))
    standings = session_standings(questionnaire, session)
    subdomains, domains = group_standings(questionnaire, standings)
    return out.SessionReportJson(
        session=session_info(questionnaire, session),
        practices=[
            out.PracticeStanding(
                id=standing.practice_id,
                name=standing.name,
                level=level(standing.level),
                applicable=standing.applicable,
                complete=standing.complete,
                origin=standing.origin.value,
                note=standing.note,
                objective=level_objective(questionnaire, standing),
            )
            for standing in standings
        ],
        subdomains=[group_standing(row) for row in subdomains],
        domains=[group_standing(row) for row in domains],
        approval=approval_output(review.approval) if review else None,
        warnings=[warning_output(warning) for warning in review.warnings] if review else [],
        follow_ups=follow_up_outputs(questionnaire, session),
    )


def group_standing(row: GroupStanding) -> out.GroupStanding:
    return out.GroupStanding(id=row.item_id, name=row.name, mean=row.mean)


def export_output(questionnaire: Questionnaire, session: Session) -> out.ExportJson:
    """``smm export --format json``: the session and each practice's level, as in the CSV."""
    return out.ExportJson(
        session=session_info(questionnaire, session),
        practices=[
            out.ExportedPractice(
                practice=standing.practice_id,
                comprehensiveness=None
                if standing.level is None
                else standing.level.comprehensiveness,
                scope=None if standing.level is None else standing.level.scope,
                applicable=standing.applicable,
                note=standing.note,
            )
            for standing in session_standings(questionnaire, session)
        ],
    )


# --- History ---------------------------------------------------------------------------------


def history_output(questionnaire: Questionnaire, history: past.History) -> out.HistoryJson:
    """``smm history --format json`` (docs/HISTORY.md)."""
    target = history.current_target
    return out.HistoryJson(
        system=history.system,
        sessions=[history_session(questionnaire, history, s) for s in history.sessions],
        assessments=[session.id for session in history.assessments],
        targets=[session.id for session in history.targets],
        current_target=None
        if target is None
        else out.CurrentTarget(
            id=target.session.id, finished=target.finished, reason=target.reason
        ),
        baseline=None if history.baseline is None else history.baseline.id,
        practices=[
            out.PracticeHistory(
                id=practice.practice_id,
                name=practice.name,
                levels=[level_in_time(point) for point in practice.levels],
            )
            for practice in history.practices
        ],
        gaps=[gaps_in_time(point) for point in history.gaps],
    )


def history_session(
    questionnaire: Questionnaire, history: past.History, session: Session
) -> out.HistorySession:
    """The session's info, its label, where it started from and when it was accepted."""
    assessment = session if isinstance(session, AssessmentSession) else None
    accepted = assessment.accepted_as_baseline if assessment else None
    return out.HistorySession(
        **session_info(questionnaire, session).model_dump(),
        label=history.label_of(session),
        previous_session=assessment.previous_session if assessment else None,
        accepted_as_baseline=None if accepted is None else accepted.isoformat(),
    )


def level_in_time(point: past.LevelInTime) -> out.LevelInTime:
    return out.LevelInTime(
        comprehensiveness=point.level.comprehensiveness,
        scope=point.level.scope,
        complete=point.level.complete,
        change=None if point.change is None else point.change.value,
    )


def gap_counts(counts: past.GapCounts | past.GapMovement) -> out.GapCounts:
    return out.GapCounts(
        large=counts.large,
        small=counts.small,
        none=counts.none,
        comprehensiveness_gap=counts.comprehensiveness_gap,
        current_mean=counts.current_mean,
    )


def gaps_in_time(point: past.GapsInTime) -> out.GapsInTime:
    """One assessment's counts against the current target, and their movement."""
    movement = point.movement
    return out.GapsInTime(
        session=point.session.id,
        created=point.session.created.isoformat(),
        **gap_counts(point.counts).model_dump(),
        target_mean=point.counts.target_mean,
        change=None
        if movement is None
        else out.GapMovement(**gap_counts(movement).model_dump(), words=movement_words(movement)),
    )


# --- As text ---------------------------------------------------------------------------------


def gap_json(report: GapReport) -> str:
    return document_text(gap_output(report))


def report_json(
    questionnaire: Questionnaire, session: Session, review: TargetReview | None = None
) -> str:
    return document_text(session_report_output(questionnaire, session, review))


def export_json(questionnaire: Questionnaire, session: Session) -> str:
    return document_text(export_output(questionnaire, session))


def history_json(questionnaire: Questionnaire, history: past.History) -> str:
    return document_text(history_output(questionnaire, history))
