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
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from interview.engine.finished import KeepFinished
from interview.engine.interview import Interview
from interview.engine.summary import SessionSummary
from interview.errors import InputError, printable
from interview.profiles import Profile
from interview.questionnaire.model import Questionnaire
from interview.sectors import sector_options
from interview.services import Workspace
from interview.services.workshop import Workshop, shown_code
from interview.session.model import Session, SessionKind
from interview.tui import keys
from interview.tui.finished_on_file import finished_on_file
from interview.tui.launch import Launch, Resume, ShowStart, StartNew
from interview.tui.screens.dialogs import NoteDialog
from interview.tui.screens.interview import GapRequested, InterviewScreen
from interview.tui.screens.new_session import NewSessionScreen, StartGiven, StartRequested
from interview.tui.screens.start import (
    CompareRequested,
    HistoryRequested,
    OpenRequested,
    OpenWithCode,
    StartScreen,
)
from interview.tui.workshop_messages import OPEN_WITH_CODE, session_code_notice


@dataclass(frozen=True)
class ExitReport:
    """What the command line prints after the app closes."""

    session_id: str | None = None
    """How commands name the session: its id, or the path of a file outside the folder."""
    path: Path | None = None
    error: str | None = None
    unsaved: str | None = None
    """Why the last changes are not in the file (a failed save, tried again at quit)."""
    finished: Session | None = None
    """The session as its file holds it, when that says done (what comes next depends on it)."""


if TYPE_CHECKING:
    from interview.services.comparison import GapResult
    from interview.tui.screens.gap import GapScreen


class SmmApp(App[ExitReport]):
    """smm's terminal interface."""

    CSS_PATH = ["smm.tcss", "gap.tcss"]
    TITLE = "smm"
    BINDINGS = [
        keys.QUIT.binding("quit", "Quit", priority=True),
        keys.INTERRUPT.binding("quit", "Quit", show=False, priority=True),  # answers are saved
    ]

    def __init__(
        self,
        workspace: Workspace,
        launch: Launch,
        workshop: Workshop | None = None,
        *,
        in_browser: bool = False,
    ) -> None:
        super().__init__()
        self.in_browser = in_browser
        """A browser tab of ``smm serve``: the keys a browser passes on (tui/keys.py)."""
        if in_browser:
            self.set_keymap(keys.browser_keymap())
        self.workspace = workspace
        self.launch = launch
        self.workshop = workshop
        """In ``smm serve``: the browser this tab is for, which decides what it may open."""
        self._locks = contextlib.ExitStack()
        self._open: Session | None = None
        self._unsaved: str | None = None
        """Why the last save failed, until a save succeeds."""
        self.crash: BaseException | None = None
        """The unexpected error that stopped the app, for the command line's one line."""

    @property
    def questionnaire(self) -> Questionnaire:
        return self.workspace.questionnaire

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.workspace.clock

    def on_mount(self) -> None:
        launch = self.launch
        sectors = sector_options(self.questionnaire)
        if isinstance(launch, StartNew) and not launch.system:
            summaries, problems = self.summaries()
            profiles = self._profiles()
            self.push_screen(StartScreen(summaries, problems, profiles, sectors, self.workshop))
            targets = [s for s in summaries if s.kind is SessionKind.TARGET]
            assessments = [s for s in summaries if s.kind is SessionKind.ASSESSMENT]
            self.push_screen(
                NewSessionScreen(
                    launch.kind,
                    targets,
                    profiles,
                    assessments,
                    sectors=sectors,
                    sector=launch.sector,
                    given=StartGiven(launch.profile_id, launch.target_id),
                )
            )
        elif isinstance(launch, StartNew):
            self.start_new(
                launch.kind,
                launch.system,
                launch.target_id,
                launch.profile_id,
                launch.previous_id,
                launch.sector,
            )
        elif isinstance(launch, Resume):
            self.open_session(launch.reference)
        else:
            start = StartScreen(*self.summaries(), self._profiles(), sectors, self.workshop)
            self.push_screen(start)

    def on_unmount(self) -> None:
        self._locks.close()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: the interview's commands first, then Textual's own."""
        if isinstance(screen, InterviewScreen):
            yield from screen.palette_commands()
        for command in super().get_system_commands(screen):
            if self.workshop is None or command.title != "Screenshot":  # it would be saved on
                yield command  # the server, not in the participant's browser

    async def action_quit(self) -> None:
        """Every answer is saved as it is given; after a failed save it is tried once more,
        and the exit report says what is still not written. A note being typed is not thrown
        away by a quit: it is kept or cancelled first."""
        if isinstance(self.screen, NoteDialog) and self.screen.changed:
            self.notify(self.screen.before_quitting, markup=False)
            return
        if self._unsaved is not None and self._open is not None:
            with contextlib.suppress(InputError):
                self._save(self._open)
        self.exit(self.report())

    def report(self, error: str | None = None) -> ExitReport:
        session = self._open
        if session is None:
            return ExitReport(error=error)
        finished = finished_on_file(self.workspace, session, self._unsaved)
        path = self.workspace.path_of(session)
        return ExitReport(session.reference, path, error, self._unsaved, finished)

    def _save(self, session: Session) -> None:
        """The engine's save: a failure is remembered for the exit report, and shown by the
        screen as an InputError (an OSError from the last rename becomes one too)."""
        try:
            self.workspace.save(session)
        except InputError as error:
            self._unsaved = " ".join(error.lines)
            raise
        except OSError as error:
            self._unsaved = f"cannot save the session ({error.strerror or error})"
            raise InputError([self._unsaved]) from None
        self._unsaved = None

    def _tell_still_finished(self, session: Session) -> None:
        self.notify(
            f"{session.id} stays finished while you look back; a change asks before it reopens it.",
            markup=False,
            timeout=10,
        )

    def _tell_reopened(self, session: Session) -> None:
        self.notify(
            f"{session.id} was finished: this change reopens it. Finish it again from the "
            "review (Ctrl+R) when you are done.",
            severity="warning",
            markup=False,
            timeout=15,
        )

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: Textual stops the app with return code 1; its traceback is
        kept for the command line's log file instead of being printed on the screen."""
        self.crash = error
        super()._handle_exception(error)
        self._exit_renderables.clear()

    # --- Sessions ---------------------------------------------------------------------------

    def summaries(self) -> tuple[list[SessionSummary], list[str]]:
        """Every readable session this tab may see, and a line for each unreadable file (not
        for a workshop's participants: those files are not theirs)."""
        listing = self.workspace.list_sessions()
        if self.workshop is None or self.workshop.seat.consultant:
            return listing.summaries, listing.problems
        return self.workshop.visible(listing.summaries), []

    def _profiles(self) -> list[Profile]:
        """The profiles that load; a broken one is simply not offered (`smm profiles` names it)."""
        return [profile for profile, _ in self.workspace.profiles().profiles]

    def _notify_error(self, error: InputError) -> None:
        self.notify(printable(" ".join(error.lines)), severity="error", markup=False)

    def on_start_requested(self, message: StartRequested) -> None:
        self.start_new(
            message.kind,
            message.system,
            message.target_id,
            message.profile_id,
            message.previous_id,
            message.sector,
        )

    def on_open_requested(self, message: OpenRequested) -> None:
        self.open_session(message.session_id)

    def on_open_with_code(self, message: OpenWithCode) -> None:
        """A workshop participant typed a session's code: open it in this browser from now on."""
        if self.workshop is None:
            return
        try:
            session_id = self.workshop.open_with_code(message.code)
        except InputError as error:
            self._notify_error(error)
            return
        self.open_session(session_id)

    def on_compare_requested(self, message: CompareRequested) -> None:
        from interview.services.comparison import gap

        try:
            result = gap(self.workspace, [message.target_id], message.current_ids)
        except InputError as error:
            self._notify_error(error)
            return
        self.show_gap(result)

    def on_history_requested(self, message: HistoryRequested) -> None:
        """One system's history, from every session of it in the folder."""
        from interview.services.history import history
        from interview.tui.screens.history import HistoryScreen

        try:
            found = history(self.workspace, message.system)
        except (InputError, ValueError) as error:
            self.notify(printable(str(error)), severity="error", markup=False)
            return
        if found.history is None:
            self.notify(printable(" ".join(found.problems)), severity="error", markup=False)
            return
        self.push_screen(HistoryScreen(found.history))

    def on_gap_requested(self, message: GapRequested) -> None:
        from interview.services.comparison import gap_of_sessions

        target_id = message.assessment.target_session or ""
        try:
            target = self.workspace.session_of_kind(target_id, SessionKind.TARGET)
            result = gap_of_sessions(self.workspace, [target], [message.assessment])
        except InputError as error:
            self._notify_error(error)
            return
        self.show_gap(result)

    def show_gap(self, result: GapResult) -> None:
        """Open the gap screen: the target side against the current side, each merged."""
        from interview.tui.screens.gap import GapScreen

        for warning in result.warnings:
            self.notify(printable(warning), severity="warning", markup=False, timeout=10)
        report = result.report
        screen = GapScreen(
            self.questionnaire,
            report.analysis,
            result.targets[0],
            result.currents[0],
            consolidation=report.sides,
            plan=result.plan,
            today=self.clock().date(),
            profile=report.profile,
        )
        self.push_screen(screen)

    def on_gap_screen_plan_edited(self, message: GapScreen.PlanEdited) -> None:
        """Save one planned improvement into the system's plan, and show it."""
        from interview.services.comparison import set_plan_item
        from interview.tui.screens.gap import GapScreen

        edit = message.edit
        try:
            saved = set_plan_item(self.workspace, message.system, edit.practice_id,
                                  owner=edit.owner, due=edit.due, status=edit.status,
                                  note=edit.note)  # fmt: skip
        except InputError as error:
            self._notify_error(error)
            return
        if isinstance(self.screen, GapScreen):
            self.screen.show_plan(saved.plan)
        self.notify(f"Planned {edit.practice_id}: saved.", markup=False)

    def start_new(
        self,
        kind: SessionKind,
        system: str,
        target_id: str | None,
        profile_id: str | None = None,
        previous_id: str | None = None,
        sector: str | None = None,
    ) -> None:
        """Create a session file (from a profile, or from an earlier assessment, with the
        sector answered ahead) and open it."""
        try:
            session = self.workspace.start(
                kind,
                system,
                target_id=target_id,
                profile_id=profile_id,
                previous_id=previous_id,
                sector=sector,
            )
            if self.workshop is not None:
                self.workshop.claim(session.id)  # started in this browser: it may open it
        except InputError as error:
            self._fail(error)
            return
        self.open_session(session.id, resumed=False)

    def open_session(self, reference: str, *, resumed: bool = True) -> None:
        """Lock, load and open a session in the interview; a problem is shown, not raised."""
        with contextlib.ExitStack() as held:
            try:
                self._refuse_unless_seated(reference)
                loaded = held.enter_context(self.workspace.open(reference))
                setting = self.workspace.interview_setting(loaded)
                if self.workshop is not None:
                    code = shown_code(self.workshop.claim(loaded.session.id))
                    setting.notices.append(session_code_notice(code))
            except InputError as error:
                self._fail(error)
                return
            self._locks.enter_context(held.pop_all())
        self._open = loaded.session
        engine = Interview(
            self.questionnaire,
            loaded.session,
            linked_targets=setting.linked_targets,
            profile=setting.profile,
            on_change=KeepFinished(
                self._save, loaded.session, self._tell_reopened, self._tell_still_finished
            ),
            clock=self.clock,
        )
        self.push_screen(
            InterviewScreen(engine, notices=setting.notices, resumed=resumed, clock=self.clock)
        )

    def _refuse_unless_seated(self, session_id: str) -> None:
        """In a workshop, a participant opens only the sessions of their browser or code."""
        if self.workshop is not None and not self.workshop.may_open(session_id):
            raise InputError(
                [f"{session_id}: not started in this browser; open it with its code "
                 f'("{OPEN_WITH_CODE}" on the first page)']
            )  # fmt: skip

    def _fail(self, error: InputError) -> None:
        """A problem opening a session: on the start screen a message; otherwise exit with it.
        In a workshop the server's folder is not named (participants' browsers are not on it)."""
        message = " ".join(error.lines)
        if self.workshop is not None:
            message = message.replace(f"{printable(str(self.workspace.folder))}/", "")
        if isinstance(self.launch, ShowStart):
            self.notify(printable(message), severity="error", markup=False, timeout=15)
        else:
            self.exit(self.report(error=message), return_code=2)
