"""Changing what is on record: accepting a baseline, importing levels, saving a profile; and a
session's own report data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from interview.engine.interview import Interview
from interview.errors import InputError, printable
from interview.files import make_folder, status_of
from interview.levels_csv import imported_session, read_level_rows
from interview.profiles import (
    Profile,
    profile_from_target,
    profile_in_use,
    user_profiles_dir,
    write_profile,
)
from interview.scoring import target_levels
from interview.services.review import target_review
from interview.services.workspace import Workspace
from interview.session.model import (
    AssessmentSession,
    Phase,
    Session,
    SessionKind,
    TargetSession,
    as_assessment,
)
from interview.target_review import TargetReview


def accept(workspace: Workspace, reference: str) -> AssessmentSession:
    """Accept a finished assessment as the new baseline; the session as saved."""
    with workspace.open(reference) as loaded:
        session = loaded.session
        interview = Interview(
            workspace.questionnaire, session, on_change=workspace.save, clock=workspace.clock
        )
        outcome = interview.accept_as_baseline()
        if outcome.refused is not None:
            raise InputError([f"{printable(session.reference)}: {outcome.refused}"])
    return as_assessment(session)


def import_levels(
    workspace: Workspace,
    file: Path,
    kind: SessionKind,
    system: str,
    *,
    session_id: str | None = None,
    interviewee: str = "",
    role: str = "",
) -> Session:
    """A new finished session whose levels are the CSV's, taken as given."""
    system = system.strip()
    if not system:
        raise InputError(["--system: give the system's name"])
    rows = read_level_rows(file, workspace.questionnaire, kind)
    session = imported_session(
        workspace.questionnaire,
        kind,
        system,
        file.name,
        rows,
        interviewee=interviewee.strip(),
        role=role.strip(),
    )
    return workspace.create(session, session_id)


def save_profile(
    workspace: Workspace, reference: str, profile_id: str, output: Path | None = None
) -> tuple[Profile, Path]:
    """Write a finished target's levels and reasons as a profile file; the profile and where."""
    questionnaire = workspace.questionnaire
    session = workspace.session(reference)
    if session.kind is not SessionKind.TARGET:
        raise InputError(
            [f"{session.id}: is a self-assessment; only a target can become a profile"]
        )
    if session.phase is not Phase.DONE and session.imported_from is None:
        raise InputError([f"{session.id}: is not finished; finish the target interview first"])
    base = workspace.profile(session.profile) if session.profile else None
    levels = target_levels(questionnaire, session.targets)
    try:
        profile = profile_from_target(
            questionnaire, session, levels, profile_id=profile_id, base=base
        )
    except ValidationError:  # the id: the rest is made from a finished target
        raise InputError(
            [
                f"--id {printable(profile_id)!r}: not a profile id; use letters, digits, '.', "
                "'_' or '-' (at most 64), starting with a letter or digit"
            ]
        ) from None
    path = output or user_profiles_dir() / f"{profile.id}.toml"
    if status_of(path, "the profile file") is not None:
        raise InputError([f"{printable(str(path))}: already exists; choose another --id or -o"])
    make_folder(path.parent)
    write_profile(profile, path, questionnaire)
    return profile, path


@dataclass(frozen=True)
class SessionReport:
    """What ``smm report`` shows of one session: the session, its target profile if any, and
    a target's review (approval and warnings)."""

    session: Session
    profile: Profile | None
    review: TargetReview | None = None


def session_report(workspace: Workspace, reference: str) -> SessionReport:
    session = workspace.session(reference)
    if not isinstance(session, TargetSession):
        return SessionReport(session, None)
    review = target_review(workspace.questionnaire, session)
    return SessionReport(session, profile_in_use(workspace.questionnaire, [session]), review)
