"""``smm`` (the start screen), ``smm new`` and ``smm resume``: the terminal interview.

Textual is imported only here, and only when one of these commands runs, so that the other
commands start fast and the core stays free of it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from interview.engine.summary import summarise
from interview.errors import InputError, printable
from interview.profiles import find_profile
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore

if TYPE_CHECKING:
    from interview.tui.app import Launch

EXIT_OK = 0
EXIT_BAD_INPUT = 2
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"  # what textual-serve sets


def run_start(arguments: argparse.Namespace) -> int:
    """``smm`` alone: the start screen."""
    from interview.tui.app import ShowStart

    return _run_app(arguments, ShowStart())


def run_new(arguments: argparse.Namespace) -> int:
    """``smm new target|assessment [--system NAME] [--target SESSION]``."""
    from interview.tui.app import StartNew

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
    questionnaire = load_questionnaire(arguments.questionnaire)
    if arguments.profile:
        find_profile(arguments.profile, questionnaire)  # a bad profile is refused before the app
    system = (arguments.system or "").strip()
    if arguments.previous and not system:
        store = SessionStore(arguments.sessions_dir)
        system = store.load(arguments.previous, questionnaire).session.system
    launch = StartNew(kind, system, arguments.target, arguments.profile, arguments.previous)
    return _run_app(arguments, launch, questionnaire)


def run_resume(arguments: argparse.Namespace) -> int:
    """``smm resume [SESSION]``: the session named, or the most recent unfinished one."""
    from interview.tui.app import Resume

    questionnaire = load_questionnaire(arguments.questionnaire)
    store = SessionStore(arguments.sessions_dir)
    reference = arguments.session or _most_recent_unfinished(questionnaire, store)
    return _run_app(arguments, Resume(store.load(reference, questionnaire)), questionnaire)


def _most_recent_unfinished(questionnaire: Questionnaire, store: SessionStore) -> str:
    unfinished = []
    for path in store.session_files():
        try:
            loaded = store.load(str(path), questionnaire)
        except InputError:
            continue  # `smm list` names unreadable files; here they are simply not candidates
        summary = summarise(questionnaire, loaded.session)
        if not summary.finished:
            unfinished.append(summary)
    if not unfinished:
        raise InputError(
            [f"no unfinished session in {store.folder}; start one with `smm new target`"]
        )
    return max(unfinished, key=lambda summary: summary.updated).id


def _under_textual_serve() -> bool:
    """Whether this process is a browser tab of ``smm serve``: textual-serve runs it with
    pipes, not a terminal, and names Textual's web driver in the environment."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def _run_app(
    arguments: argparse.Namespace, launch: Launch, questionnaire: Questionnaire | None = None
) -> int:
    web = _under_textual_serve()
    if not web and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError(
            ["the interview needs a terminal; `smm list` and `smm show` work without one"]
        )
    from interview.tui.app import SmmApp

    questionnaire = questionnaire or load_questionnaire(arguments.questionnaire)
    app = SmmApp(questionnaire, SessionStore(arguments.sessions_dir), launch)
    report = app.run()
    if report is not None and report.error:
        print(f"smm: {printable(report.error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if report is not None and report.session_id and not web:  # stdout is the browser's
        print(f"Saved: {report.path}")
        print(f"Resume with: smm resume {report.session_id}")
    return EXIT_OK
