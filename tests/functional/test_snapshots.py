"""Pictures of the key screens at 80x24 (and one large), compared with the approved SVGs in
__snapshots__/. After a deliberate change of the look: pytest --snapshot-update, then look at
the new pictures before committing them."""

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from interview.engine.interview import Interview
from interview.profiles import find_profile, start_from_profile
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.services import Workspace
from interview.services.workshop import Seat, Workshop
from interview.session.model import (
    NO,
    YES,
    Answer,
    AnswerValue,
    Origin,
    Phase,
    SessionKind,
    TargetSetting,
    new_session,
)
from interview.session.store import SessionStore
from interview.tui.app import ExitReport, SmmApp
from interview.tui.launch import Resume, ShowStart
from tests.helpers.pilot import CONTEXT, FROZEN, AppFactory, started

SnapCompare = Callable[..., bool]


@pytest.fixture
def smm() -> Questionnaire:
    return load_questionnaire()


async def no_blink(pilot: Pilot[ExitReport]) -> None:
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def resumed(
    make_app: AppFactory, store: SessionStore, questionnaire: Questionnaire, session_id: str
) -> SmmApp:
    return make_app(Resume(session_id), questionnaire)


def test_start_screen(snap_compare: SnapCompare, make_app: AppFactory, smm: Questionnaire) -> None:
    assert snap_compare(make_app(questionnaire=smm), run_before=no_blink)


def test_checklist_question(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    session_id = started(store, smm, SessionKind.ASSESSMENT, CONTEXT)
    app = resumed(make_app, store, smm, session_id)
    assert snap_compare(app, press=["5", "6"], run_before=no_blink)


def test_first_practice_question(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    session_id = started(store, smm, SessionKind.ASSESSMENT, [*CONTEXT, ["iec-62443"]])
    assert snap_compare(resumed(make_app, store, smm, session_id), run_before=no_blink)


def test_practice_summary(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    # G1.1: level 1 met, level 2 not
    answers: list[AnswerValue] = [*CONTEXT, ["iec-62443"], YES, YES, YES, NO]
    session_id = started(store, smm, SessionKind.ASSESSMENT, answers)
    app = resumed(make_app, store, smm, session_id)
    assert snap_compare(app, press=["1", "2"], run_before=no_blink)  # industry yes, system no


def test_help_dialog(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    session_id = started(store, smm, SessionKind.ASSESSMENT, [*CONTEXT, ["iec-62443"]])
    assert snap_compare(
        resumed(make_app, store, smm, session_id), press=["f1"], run_before=no_blink
    )


def test_target_purpose_question_large(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    # G goal 3, scope 2; G1 needs
    answers: list[AnswerValue] = [*CONTEXT, [], "3", "2", "noticeable", "yes-sector", "yes-sector"]
    session_id = started(store, smm, SessionKind.TARGET, answers)
    app = resumed(make_app, store, smm, session_id)
    assert snap_compare(app, terminal_size=(160, 50), run_before=no_blink)


def test_who_can_answer_dialog(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    # G goal 3, scope 2; then "Don't know" (the 4th answer) to the first G1 needs question
    session_id = started(store, smm, SessionKind.TARGET, [*CONTEXT, [], "3", "2"])
    app = resumed(make_app, store, smm, session_id)
    assert snap_compare(app, press=["4", *"Jo", "space", *"Smith"], run_before=no_blink)


def test_review(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, small: Questionnaire
) -> None:
    session_id = started(store, small, SessionKind.ASSESSMENT, ["Gateway"])
    app = resumed(make_app, store, small, session_id)
    assert snap_compare(app, press=["ctrl+r"], run_before=no_blink)


def test_first_practice_question_light_theme(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    session_id = started(store, smm, SessionKind.ASSESSMENT, [*CONTEXT, ["iec-62443"]])

    async def light(pilot: Pilot[ExitReport]) -> None:
        pilot.app.theme = "textual-light"
        await no_blink(pilot)

    assert snap_compare(resumed(make_app, store, smm, session_id), press=["1"], run_before=light)


def test_target_overview(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, smm: Questionnaire
) -> None:
    """A finished target from the medical-device profile, one practice raised two levels above
    it: the warning, the actions and the first rows."""
    session = new_session(smm, SessionKind.TARGET, "Infusion pumps", interviewee="Dana", now=FROZEN)
    start_from_profile(session, find_profile("medical-device", smm))
    session.answers["industry"] = Answer(value="medical", answered_at=FROZEN)
    session.answers["@E2.2.purpose"] = Answer(value="4", answered_at=FROZEN)
    reason = "Pumps stand in public wards."
    session.answers["@E2.2.purpose.reason"] = Answer(value=reason, answered_at=FROZEN)
    session.targets["E2.2"] = TargetSetting(
        comprehensiveness=4, scope=3, origin=Origin.PURPOSE, reason=reason
    )
    session.phase = Phase.DONE
    session_id = store.create(session).id
    assert snap_compare(resumed(make_app, store, smm, session_id), run_before=no_blink)


def served_tab(store: SessionStore, questionnaire: Questionnaire, seat: Seat) -> SmmApp:
    workspace = Workspace(questionnaire, store, clock=lambda: FROZEN)
    workshop = Workshop(workspace.folder, seat)
    return SmmApp(workspace, ShowStart(), workshop, in_browser=True)


def test_workshop_participant_start_page(
    snap_compare: SnapCompare, store: SessionStore, smm: Questionnaire
) -> None:
    """A participant's tab: their own session only, and "Open a session with its code"."""
    mine, theirs = Seat("ann-browser-0123456789"), Seat("bob-browser-0123456789")
    Workshop(store.folder, mine).claim(started(store, smm, SessionKind.TARGET, []))
    Workshop(store.folder, theirs).claim("someone-else-s-session")
    assert snap_compare(served_tab(store, smm, mine), run_before=no_blink)


def test_workshop_consultant_start_page(
    snap_compare: SnapCompare, store: SessionStore, smm: Questionnaire
) -> None:
    """The consultant's tab: every session, how many are finished, and the history."""
    started(store, smm, SessionKind.TARGET, [])
    app = served_tab(store, smm, Seat("con-browser-0123456789", consultant=True))
    assert snap_compare(app, run_before=no_blink)


def test_reopen_dialog(
    snap_compare: SnapCompare, make_app: AppFactory, store: SessionStore, small: Questionnaire
) -> None:
    """A finished session, looked back at: the first change asks, "keep it finished" first."""
    session_id = started(store, small, SessionKind.ASSESSMENT, ["Gateway"])
    interview = Interview(small, store.read(session_id), on_change=store.save, clock=lambda: FROZEN)
    while interview.phase is not Phase.REVIEW:  # every practice "no"
        if interview.phase is Phase.PRACTICE_SUMMARY:
            interview.continue_interview()
        else:
            interview.answer("no")
    interview.finish_interview()
    assert store.read(session_id).phase is Phase.DONE
    app = resumed(make_app, store, small, session_id)
    assert snap_compare(app, press=["escape", "1"], run_before=no_blink)
