"""The workspace: one questionnaire, one sessions folder, one profiles folder and a clock, and
the session use cases: list, load by kind, open for writing, start."""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interview.engine.views import level_records
from interview.errors import InputError, printable
from interview.filemodel import utc_now
from interview.profiles import (
    Profile,
    answer_from_profile,
    find_profile,
    load_listed_profile,
    profile_paths,
    start_from_profile,
)
from interview.questionnaire.model import Questionnaire
from interview.scoring import TargetLevel, target_levels
from interview.sectors import answer_sector
from interview.session.checks import check_session
from interview.session.model import (
    AssessmentSession,
    Session,
    SessionKind,
    TargetSession,
    compared_target,
    new_session,
    start_from_previous,
)
from interview.session.store import LoadedSession, SessionStore
from interview.tomlfile import dotted

if TYPE_CHECKING:
    from interview.engine.summary import SessionSummary

KIND_WITH_ARTICLE = {SessionKind.TARGET: "a target", SessionKind.ASSESSMENT: "an assessment"}
WANTED_WORDS = {
    SessionKind.TARGET: "a target",
    SessionKind.ASSESSMENT: "a self-assessment (current state)",
}


@dataclass(frozen=True)
class Listing:
    """Every readable session of the folder, most recent first, and a line per unreadable file."""

    summaries: list[SessionSummary]
    problems: list[str]

    def of_kind(self, kind: SessionKind) -> list[SessionSummary]:
        return [summary for summary in self.summaries if summary.kind is kind]


@dataclass(frozen=True)
class ProfileLibrary:
    """The profiles that load (with their files), and a line per profile that does not."""

    profiles: list[tuple[Profile, Path]]
    problems: list[str]
    other_questionnaires: int = 0
    """How many profile files were left out as made for another questionnaire."""


@dataclass(frozen=True)
class InterviewSetting:
    """What an interview of a session is shown with (see :meth:`Workspace.interview_setting`)."""

    linked_targets: dict[str, TargetLevel] | None
    profile: Profile | None
    notices: list[str]


@dataclass
class Workspace:
    """Where smm works: the questionnaire, the sessions folder, the profiles and the clock."""

    questionnaire: Questionnaire
    store: SessionStore
    clock: Callable[[], datetime] = utc_now
    profile_files: Callable[[], list[Path]] = field(default=profile_paths)

    @classmethod
    def at(
        cls,
        questionnaire: Questionnaire,
        sessions_dir: Path,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> Workspace:
        return cls(questionnaire, SessionStore(Path(sessions_dir)), clock)

    @property
    def folder(self) -> Path:
        return self.store.folder

    # --- Reading ----------------------------------------------------------------------------

    def list_sessions(self) -> Listing:
        """Every session in the folder, summarised, most recent first."""
        from interview.engine.summary import summarise  # the views: only listings need them

        self.store.check_folder()
        summaries, problems = [], []
        for path in self.store.session_files():
            try:
                loaded = self.store.load(str(path), self.questionnaire)
            except InputError as error:
                problems += error.lines
                continue
            summaries.append(summarise(self.questionnaire, loaded.session))
        summaries.sort(key=lambda summary: summary.updated, reverse=True)
        return Listing(summaries, problems)

    def most_recent_unfinished(self) -> str:
        """The id of the unfinished session changed last (unreadable files are not candidates)."""
        unfinished = [s for s in self.list_sessions().summaries if not s.finished]
        if not unfinished:
            raise InputError(
                [
                    f"no unfinished session in {printable(str(self.folder))}; "
                    "start one with `smm new target`"
                ]
            )
        return unfinished[0].id

    def load(self, reference: str) -> LoadedSession:
        """A session read strictly and brought in line with the questionnaire."""
        return self.store.load(reference, self.questionnaire)

    def session(self, reference: str) -> Session:
        return self.load(reference).session

    def session_of_kind(
        self, reference: str, kind: SessionKind, given_as: str | None = None
    ) -> Session:
        """A session, refused in one line when it is not of the kind wanted."""
        session = self.session(reference)
        if session.kind is not kind:
            role = given_as or ("TARGET" if kind is SessionKind.TARGET else "CURRENT")
            raise InputError(
                [
                    f"{printable(reference)}: is {KIND_WITH_ARTICLE[session.kind]} session, "
                    f"but {role} must be {WANTED_WORDS[kind]}; see `smm list` for the kinds"
                ]
            )
        return session

    def profiles(self) -> ProfileLibrary:
        """Every profile file of the questionnaire: those that load, and a line for each one
        that does not; the profiles of other questionnaires are only counted."""
        profiles, problems, elsewhere = [], [], 0
        for path in self.profile_files():
            try:
                loaded = load_listed_profile(path, self.questionnaire)
            except InputError as error:
                problems += error.lines
                continue
            if loaded is None:
                elsewhere += 1
            else:
                profiles.append((loaded, path))
        return ProfileLibrary(profiles, problems, elsewhere)

    def profile(self, reference: str) -> Profile:
        return find_profile(reference, self.questionnaire)

    def linked_targets(self, target_id: str | None) -> dict[str, TargetLevel] | None:
        """The levels of the target an assessment is compared with as it goes, if any."""
        if not target_id:
            return None
        target = self.session(target_id)
        if target.kind is not SessionKind.TARGET:
            raise InputError([f"{target_id}: is a {target.kind.value} session, not a target"])
        return target_levels(self.questionnaire, target.targets)

    def interview_setting(self, loaded: LoadedSession) -> InterviewSetting:
        """What an interview of the session is shown with: the linked target's levels, the
        profile it started from, and the notices to give first. An imported session, whose
        levels are taken as given, has no interview."""
        session = loaded.session
        if session.imported_from is not None:
            reason = (
                f"{session.reference}: imported from {session.imported_from}; its levels are "
                "taken as given, so there is no interview to resume (see `smm report "
                f"{shlex.quote(session.reference)}`)"
            )
            raise InputError([reason])
        linked = self.linked_targets(compared_target(session))
        notices = list(loaded.notices)
        profile = None
        if isinstance(session, TargetSession) and session.profile:
            try:
                profile = self.profile(session.profile)
            except InputError:
                notices.append(
                    f"The profile {session.profile} is no longer here: its notes are not shown."
                )
        return InterviewSetting(linked, profile, notices)

    def previous_assessment(self, previous_id: str | None) -> AssessmentSession | None:
        """The earlier interviewed assessment a new one starts from, if any."""
        if not previous_id:
            return None
        previous = self.session(previous_id)
        if not isinstance(previous, AssessmentSession) or previous.imported_from:
            reason = "start from an earlier interviewed assessment, not a target or an import"
            raise InputError([f"{previous_id}: a new assessment can only {reason}"])
        return previous

    # --- Writing ----------------------------------------------------------------------------

    def start(
        self,
        kind: SessionKind,
        system: str,
        *,
        target_id: str | None = None,
        profile_id: str | None = None,
        previous_id: str | None = None,
        sector: str | None = None,
    ) -> Session:
        """Create a session file, from a profile or an earlier assessment, and return it."""
        session = self.prepare(
            kind,
            system,
            target_id=target_id,
            profile_id=profile_id,
            previous_id=previous_id,
            sector=sector,
        )
        return self.create(session)

    def prepare(
        self,
        kind: SessionKind,
        system: str,
        *,
        target_id: str | None = None,
        profile_id: str | None = None,
        previous_id: str | None = None,
        sector: str | None = None,
    ) -> Session:
        """A new session as ``start`` makes it, not yet written anywhere; ``sector`` answers
        the sector question ahead (one of the questionnaire's values)."""
        previous = self.previous_assessment(previous_id)
        target_id = target_id or (previous.target_session if previous else None)
        self.linked_targets(target_id)  # a missing or wrong target is refused before creating
        profile = self.profile(profile_id) if profile_id else None
        session = new_session(self.questionnaire, kind, system, now=self.clock())
        if sector is not None:
            answer_sector(self.questionnaire, session, sector, now=session.created)
        if isinstance(session, TargetSession):
            if profile is not None:
                start_from_profile(session, profile)
                answer_from_profile(self.questionnaire, session, profile)
            return session
        session.target_session = target_id
        if previous is not None:
            start_from_previous(session, previous)
        return session

    @contextlib.contextmanager
    def open(self, reference: str) -> Iterator[LoadedSession]:
        """A session held against other writers: locked first, then loaded and reconciled, so
        that no other process can save between the reading and the lock."""
        with self.store.locked(reference):
            yield self.load(reference)

    def create(self, session: Session, session_id: str | None = None) -> Session:
        """Write a new session's first file under ``session_id`` or a new id, never over
        another session."""
        return self.store.create(self._with_derived_levels(session), session_id)

    def save(self, session: Session) -> None:
        self.store.save(self._with_derived_levels(session))

    def _with_derived_levels(self, session: Session) -> Session:
        """The session with its levels derived afresh: every save writes them for readers
        from the record (answers, targets or imported levels), never from what was read.
        A session that the reader would refuse against this questionnaire is not written."""
        if session.questionnaire.content_hash == self.questionnaire.content_hash:
            problems = check_session(session, self.questionnaire)
            if problems:
                raise InputError(
                    [
                        f"{session.id or session.system}: {dotted(problem.location)}: "
                        f"{problem.message}; nothing was written"
                        for problem in problems
                    ]
                )
        session.levels = level_records(self.questionnaire, session)
        return session

    def path_of(self, session: Session) -> Path:
        """Where the session is saved (see :meth:`SessionStore.file_of`)."""
        return self.store.file_of(session)

    def refuse_repeats(self, sessions: Sequence[Session]) -> None:
        """One session given twice would count one interviewee twice: refuse it in one line.
        Sessions are told apart by their files, not their ids: two interviewees' files of one
        name in two folders are two sessions; one file by two paths or a link is one."""
        seen: set[object] = set()
        for session in sessions:
            file = _file_identity(self.path_of(session))
            if file in seen:
                raise InputError(
                    [
                        f"{printable(session.reference)}: given twice; name each "
                        "interviewee's session once"
                    ]
                )
            seen.add(file)


def _file_identity(path: Path) -> object:
    """What tells two files apart however they are named: device and inode (links and other
    spellings of a path are the same file); the absolute path when it cannot be read."""
    try:
        found = path.stat()
    except OSError:
        return path.absolute()
    return (found.st_dev, found.st_ino)
