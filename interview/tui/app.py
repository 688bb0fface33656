"""The Textual application: which screen comes first, opening and creating sessions, locks.

The app is handed everything it depends on (questionnaire, session store, what to open, a
clock) by :func:`interview.cli` or by a test; it reads and writes nothing else.

The gap, plan and history screens are imported when first opened, not at start-up, which
does not need them (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from interview.engine.interview import Interview
from interview.engine.summary import SessionSummary, summarise
from interview.errors import InputError, printable
from interview.profiles import (
    Profile,
    find_profile,
    load_profile,
    profile_paths,
    start_from_profile,
)
from interview.questionnaire.model import Questionnaire
from interview.scoring import TargetLevel, target_levels
from interview.session.model import (
    Session,
    SessionKind,
    new_session,
    start_from_previous,
    utc_now,
)
from interview.session.store import LoadedSession, SessionStore
from interview.tui.screens.interview import GapRequested, InterviewScreen
from interview.tui.screens.start import (
    CompareRequested,
    HistoryRequested,
    NewSessionScreen,
    OpenRequested,
    StartRequested,
    StartScreen,
)


@dataclass(frozen=True)
class ShowStart:
    """Open on the start screen."""


@dataclass(frozen=True)
class StartNew:
    """Open straight on a new interview."""

    kind: SessionKind
    system: str
    target_id: str | None = None
    profile_id: str | None = None
    previous_id: str | None = None


@dataclass(frozen=True)
class Resume:
    """Open straight on a saved session (already loaded by the caller)."""

    loaded: LoadedSession


Launch = ShowStart | StartNew | Resume


@dataclass(frozen=True)
class ExitReport:
    """What the command line prints after the app closes."""

    session_id: str | None = None
    path: Path | None = None
    error: str | None = None


if TYPE_CHECKING:
    from interview.tui.screens.gap import GapScreen


class SmmApp(App[ExitReport]):
    """smm's terminal interface."""

    CSS_PATH = ["smm.tcss", "gap.tcss"]
    TITLE = "smm"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),  # answers are saved already
    ]

    def __init__(
        self,
        questionnaire: Questionnaire,
        store: SessionStore,
        launch: Launch,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.store = store
        self.launch = launch
        self.clock = clock
        self._locks = contextlib.ExitStack()
        self._open: Session | None = None

    def on_mount(self) -> None:
        launch = self.launch
        if isinstance(launch, StartNew) and not launch.system:
            summaries, problems = self.summaries()
            profiles = self._profiles()
            self.push_screen(StartScreen(summaries, problems, profiles))
            targets = [s for s in summaries if s.kind is SessionKind.TARGET]
            assessments = [s for s in summaries if s.kind is SessionKind.ASSESSMENT]
            self.push_screen(NewSessionScreen(launch.kind, targets, profiles, assessments))
        elif isinstance(launch, StartNew):
            self.start_new(
                launch.kind, launch.system, launch.target_id, launch.profile_id, launch.previous_id
            )
        elif isinstance(launch, Resume):
            self._open_loaded(launch.loaded)
        else:
            self.push_screen(StartScreen(*self.summaries(), self._profiles()))

    def on_unmount(self) -> None:
        self._locks.close()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the interview's commands first, then Textual's own."""
        if isinstance(screen, InterviewScreen):
            yield from screen.palette_commands()
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        """Every answer is already saved: quitting only closes the session."""
        self.exit(self.report())

    def report(self, error: str | None = None) -> ExitReport:
        session = self._open
        if session is None:
            return ExitReport(error=error)
        return ExitReport(session.id, self.store.path_of(session.id), error)

    # --- Sessions ---------------------------------------------------------------------------

    def summaries(self) -> tuple[list[SessionSummary], list[str]]:
        """Every readable session in the folder, and a line for each unreadable one."""
        summaries, problems = [], []
        for path in self.store.session_files():
            try:
                loaded = self.store.load(str(path), self.questionnaire)
            except InputError as error:
                problems += error.lines
                continue
            summaries.append(summarise(self.questionnaire, loaded.session))
        return summaries, problems

    def on_start_requested(self, message: StartRequested) -> None:
        self.start_new(
            message.kind, message.system, message.target_id, message.profile_id, message.previous_id
        )

    def _profiles(self) -> list[Profile]:
        """The profiles that load; a broken one is simply not offered (`smm profiles` names it)."""
        profiles = []
        for path in profile_paths():
            with contextlib.suppress(InputError):
                profiles.append(load_profile(path, self.questionnaire))
        return profiles

    def on_open_requested(self, message: OpenRequested) -> None:
        try:
            loaded = self.store.load(message.session_id, self.questionnaire)
        except InputError as error:
            self.notify(printable(" ".join(error.lines)), severity="error", markup=False)
            return
        self._open_loaded(loaded)

    def on_compare_requested(self, message: CompareRequested) -> None:
        try:
            target = self.store.load(message.target_id, self.questionnaire).session
            current = self.store.load(message.current_id, self.questionnaire).session
        except InputError as error:
            self.notify(printable(" ".join(error.lines)), severity="error", markup=False)
            return
        self.show_gap(target, current)

    def on_history_requested(self, message: HistoryRequested) -> None:
        """One system's history, from every session of it in the folder."""
        from interview.history import build_history, find_system_sessions
        from interview.tui.screens.history import HistoryScreen

        try:
            found = find_system_sessions(self.store, self.questionnaire, message.system)
            history = build_history(self.questionnaire, found.sessions)
        except (InputError, ValueError) as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        self.push_screen(HistoryScreen(history))

    def on_gap_requested(self, message: GapRequested) -> None:
        target_id = message.assessment.target_session or ""
        try:
            target = self.store.load(target_id, self.questionnaire).session
        except InputError as error:
            self.notify(printable(" ".join(error.lines)), severity="error", markup=False)
            return
        self.show_gap(target, message.assessment)

    def show_gap(self, target: Session, current: Session) -> None:
        """Open the gap screen for a target and a self-assessment."""
        from interview.gap import compare_sessions
        from interview.plan import load_plan
        from interview.tui.screens.gap import GapScreen

        analysis = compare_sessions(self.questionnaire, target, current)
        try:
            plan = load_plan(self.store.folder, current.system)
        except InputError as error:
            self.notify(printable(" ".join(error.lines)), severity="error", markup=False)
            plan = None
        today = self.clock().date()
        screen = GapScreen(self.questionnaire, analysis, target, current, plan=plan, today=today)
        self.push_screen(screen)

    def on_gap_screen_plan_edited(self, message: GapScreen.PlanEdited) -> None:
        """Save one planned improvement into the system's plan, and show it."""
        from interview.plan import load_plan, save_plan, update_item
        from interview.tui.screens.gap import GapScreen

        edit = message.edit
        try:
            plan = load_plan(self.store.folder, message.system)
            update_item(plan, edit.practice_id, owner=edit.owner, due=edit.due,
                        status=edit.status, note=edit.note, now=self.clock())  # fmt: skip
            save_plan(self.store.folder, plan)
        except InputError as error:
            self.notify(printable(" ".join(error.lines)), severity="error", markup=False)
            return
        if isinstance(self.screen, GapScreen):
            self.screen.show_plan(plan)
        self.notify(f"Planned {edit.practice_id}: saved.", markup=False)

    def start_new(
        self,
        kind: SessionKind,
        system: str,
        target_id: str | None,
        profile_id: str | None = None,
        previous_id: str | None = None,
    ) -> None:
        """Create a session file (from a profile, or from an earlier assessment) and open it."""
        try:
            previous = self._previous_assessment(previous_id)
            target_id = target_id or (previous.target_session if previous else None)
            linked = self._linked_targets(target_id)
            profile = find_profile(profile_id, self.questionnaire) if profile_id else None
            session = new_session(
                self.questionnaire, kind, system, target_session=target_id, now=self.clock()
            )
            if profile is not None:
                start_from_profile(session, profile)
            if previous is not None:
                start_from_previous(session, previous)
            self.store.create(session)
        except InputError as error:
            self._fail(error)
            return
        self._open_interview(session, linked, notices=[], resumed=False, profile=profile)

    def _previous_assessment(self, previous_id: str | None) -> Session | None:
        if not previous_id:
            return None
        previous = self.store.load(previous_id, self.questionnaire).session
        if previous.kind is not SessionKind.ASSESSMENT or previous.imported_from:
            reason = "start from an earlier interviewed assessment, not a target or an import"
            raise InputError([f"{previous_id}: a new assessment can only {reason}"])
        return previous

    def _open_loaded(self, loaded: LoadedSession) -> None:
        session = loaded.session
        if session.imported_from is not None:
            reason = (
                f"{session.id}: imported from {session.imported_from}; its levels are taken as "
                f"given, so there is no interview to resume (see `smm report {session.id}`)"
            )
            self._fail(InputError([reason]))
            return
        try:
            linked = self._linked_targets(loaded.session.target_session)
        except InputError as error:
            self._fail(error)
            return
        notices = list(loaded.notices)
        profile = None
        if session.profile:
            try:
                profile = find_profile(session.profile, self.questionnaire)
            except InputError:
                notices.append(
                    f"The profile {session.profile} is no longer here: its notes are not shown."
                )
        self._open_interview(session, linked, notices, resumed=True, profile=profile)

    def _open_interview(
        self,
        session: Session,
        linked: dict[str, TargetLevel] | None,
        notices: list[str],
        resumed: bool,
        profile: Profile | None = None,
    ) -> None:
        try:
            self._locks.enter_context(self.store.locked(session))
        except InputError as error:
            self._fail(error)
            return
        self._open = session
        engine = Interview(
            self.questionnaire,
            session,
            linked_targets=linked,
            profile=profile,
            on_change=self.store.save,
            clock=self.clock,
        )
        self.push_screen(
            InterviewScreen(engine, notices=notices, resumed=resumed, clock=self.clock)
        )

    def _linked_targets(self, target_id: str | None) -> dict[str, TargetLevel] | None:
        if not target_id:
            return None
        target = self.store.load(target_id, self.questionnaire).session
        if target.kind is not SessionKind.TARGET:
            raise InputError([f"{target_id}: is a {target.kind.value} session, not a target"])
        return target_levels(self.questionnaire, target.targets)

    def _fail(self, error: InputError) -> None:
        """A problem opening a session: on the start screen a message; otherwise exit with it."""
        message = " ".join(error.lines)
        if isinstance(self.launch, ShowStart):
            self.notify(printable(message), severity="error", markup=False, timeout=15)
        else:
            self.exit(self.report(error=message), return_code=2)
