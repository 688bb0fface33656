"""``smm`` (the start screen), ``smm new`` and ``smm resume``: the terminal interview.

Textual is imported only here, and only when one of these commands runs, so that the other
commands start fast and the core stays free of it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
import time
from typing import TYPE_CHECKING

from interview.cli.exit_codes import ExitCode
from interview.cli.exit_lines import closing_lines, crash_line, not_saved_line
from interview.cli.output import workspace_of
from interview.errors import InputError, printable
from interview.session.model import SessionKind

if TYPE_CHECKING:
    from interview.profiles import Profile
    from interview.services import Workspace
    from interview.services.workshop import Workshop
    from interview.tui.app import SmmApp
    from interview.tui.launch import Launch

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"  # what textual-serve sets


def run_start(arguments: argparse.Namespace) -> int:
    """``smm`` alone: the start screen."""
    from interview.tui.launch import ShowStart

    return _run_app(ShowStart(), workspace_of(arguments))


def run_tab(arguments: argparse.Namespace) -> int:
    """One browser tab of ``smm serve``: the start screen, showing what its seat may open."""
    from interview.services.workshop import Seat, Workshop, new_browser_id
    from interview.tui.launch import ShowStart

    # Without the server's seat (a tab started by hand), a browser of its own: it sees nothing.
    seat = Seat.parse(arguments.seat) if arguments.seat else Seat(new_browser_id())
    workspace = workspace_of(arguments)
    return _run_app(ShowStart(), workspace, Workshop(workspace.folder, seat))


def run_new(arguments: argparse.Namespace) -> int:
    """``smm new target|assessment [--system NAME] [--target SESSION] [--industry SECTOR]``."""
    from interview.tui.launch import StartNew

    kind = SessionKind(arguments.kind)
    if arguments.target and kind is not SessionKind.ASSESSMENT:
        raise InputError(
            ["--target links an assessment to a target; it needs `smm new assessment`"]
        )
    if arguments.previous and kind is not SessionKind.ASSESSMENT:
        raise InputError(
            ["--from starts an assessment from an earlier one; it needs `smm new assessment`"]
        )
    if arguments.profile and kind is not SessionKind.TARGET:
        raise InputError(["--profile starts a target from a profile; it needs `smm new target`"])
    if arguments.batch and not arguments.answers:
        raise InputError(["--batch replays an answers file; give it with --answers FILE"])
    workspace = workspace_of(arguments)
    # a bad profile or sector is refused before the app
    profile = workspace.profile(arguments.profile) if arguments.profile else None
    if arguments.industry is not None:
        _check_sector(workspace, kind, arguments.industry, profile)
    if arguments.answers:
        return _run_scripted(arguments, workspace, kind)
    system = (arguments.system or "").strip()
    if arguments.previous and not system:
        system = workspace.session(arguments.previous).system
    launch = StartNew(kind, system, arguments.target, arguments.profile, arguments.previous,
                      arguments.industry)  # fmt: skip
    return _run_app(launch, workspace)


def _check_sector(
    workspace: Workspace, kind: SessionKind, sector: str, profile: Profile | None
) -> None:
    """``--industry``: one of the questionnaire's sectors; for a target, one line naming the
    profiles made for it, or saying that the profile chosen was made for another sector."""
    from interview.cli.sector_advice import sector_advice
    from interview.sectors import check_sector

    check_sector(workspace.questionnaire, sector, given_as="--industry")
    advice = sector_advice(workspace, sector, profile) if kind is SessionKind.TARGET else None
    if advice is not None:
        print(f"smm: {advice}", file=sys.stderr)


def _run_scripted(arguments: argparse.Namespace, workspace: Workspace, kind: SessionKind) -> int:
    """``smm new KIND --answers FILE [--batch]``: the file's answers first, checked in memory;
    then the session is written, and the interview goes on unless ``--batch``."""
    from interview.cli.answers_commands import note_unused
    from interview.services.scripted import start_scripted
    from interview.tui.launch import Resume

    started = start_scripted(
        workspace,
        kind,
        arguments.answers,
        system=(arguments.system or "").strip(),
        target_id=arguments.target,
        profile_id=arguments.profile,
        previous_id=arguments.previous,
        sector=arguments.industry,
        batch=arguments.batch,
    )
    note_unused(started.replay)
    if arguments.batch:
        session = workspace.create(started.session)
        print(session.id)
        return ExitCode.OK
    if not _under_textual_serve() and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError(
            ["the interview needs a terminal; add --batch to replay the answers without one"]
        )
    session = workspace.create(started.session)
    return _run_app(Resume(session.id), workspace)


def run_resume(arguments: argparse.Namespace) -> int:
    """``smm resume [SESSION]``: the session named, or the most recent unfinished one."""
    from interview.tui.launch import Resume

    workspace = workspace_of(arguments)
    reference = arguments.session or workspace.most_recent_unfinished()
    workspace.load(reference)  # a bad file is refused in one line before any screen opens
    return _run_app(Resume(reference), workspace)


def _under_textual_serve() -> bool:
    """Whether this process is a browser tab of ``smm serve``: textual-serve runs it with
    pipes, not a terminal, and names Textual's web driver in the environment."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def _run_app(launch: Launch, workspace: Workspace, workshop: Workshop | None = None) -> int:
    web = _under_textual_serve()
    if not web and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError(
            ["the interview needs a terminal; `smm list` and `smm show` work without one"]
        )
    from interview.tui.app import SmmApp

    app = SmmApp(workspace, launch, workshop, in_browser=web)
    if web:
        _quit_when_orphaned(app)
    try:
        report = app.run()
    except OSError:
        raise  # the terminal or the browser tab went away: smm's main says it, or nothing
    except Exception as error:  # beyond what Textual handles itself: still one line
        app.crash = error
        report = None
    if app.crash is not None or app.return_code not in (None, ExitCode.OK, ExitCode.BAD_INPUT):
        print(crash_line(app.report(), app.crash), file=sys.stderr)
        return ExitCode.FAILURE
    if report is not None and report.error:
        print(f"smm: {printable(report.error)}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    if report is not None and report.unsaved is not None:
        print(not_saved_line(report), file=sys.stderr)
        return ExitCode.FAILURE
    if report is not None and report.session_id and not web:  # stdout is the browser's
        print("\n".join(closing_lines(report)))
    return ExitCode.OK


SERVER_CHECK_SECONDS = 1.0


def _quit_when_orphaned(app: SmmApp) -> None:
    """A browser tab quits when the ``smm serve`` that started it is gone: a server killed with
    SIGKILL cannot end its tabs, and textual's web driver does not quit when its input ends.
    The tab is the server's own child (the shell execs it), so a new parent means the server
    died. Answers are saved as they are given; nothing is lost by quitting."""
    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(SERVER_CHECK_SECONDS)
        with contextlib.suppress(RuntimeError):  # the app has already ended
            app.call_from_thread(lambda: app.exit(app.report()))

    threading.Thread(target=watch, name="smm-server-watch", daemon=True).start()
