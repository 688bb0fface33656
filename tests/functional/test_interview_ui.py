"""The interview through the real UI, driven by Textual's Pilot.

Levels are checked against the small questionnaire's hand-worked values (see
tests/unit/test_engine.py): D1.1 yes / "Yes, and more." / yes → 3; D1.2 no → 0; F1.1 yes /
don't know → 1.
"""

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from interview.session.model import Phase, SessionKind, as_assessment, as_target
from interview.session.store import SessionStore
from interview.tui.app import ExitReport
from interview.tui.launch import Resume, StartNew
from interview.tui.screens.dialogs import HelpDialog, JumpDialog, NoteDialog
from interview.tui.screens.interview import InterviewScreen
from interview.tui.screens.new_session import NewSessionScreen
from interview.tui.widgets.answer_panel import AnswerPanel
from interview.tui.widgets.text_input import NoteEditor
from tests.helpers.pilot import AppFactory, press, transcript_text, type_answer

SESSION = "acme-gate-assessment-2026-11-25"


async def test_a_complete_self_assessment(make_app: AppFactory, store: SessionStore) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "Gateway and cloud API")
        await type_answer(pilot, "Dana [red]W[/red]")
        await type_answer(pilot, "Firmware lead")
        # No key after a practice's summary: the next question follows it at once.
        await press(pilot, "1", "2", "1", "1", "2")  # D1.1 → 3, industry yes, system no
        await press(pilot, "2")  # D1.2 → 0
        await press(pilot, "1", "3", "2")  # F1.1: yes, don't know; industry no
        assert "F1.1 (don't know)" in str(
            app.screen.query_one("#choices", OptionList).get_option_at_index(0).prompt
        )
        await press(pilot, "2")  # finish
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.engine.phase is Phase.DONE
        shown = transcript_text(app)
        await press(pilot, "3")  # quit from the final menu (1 accept, 2 review, 3 quit)
    report = app.return_value
    assert report is not None and report.finished is not None  # no "resume" for it
    assert (report.session_id, report.path) == (SESSION, store.path_of(SESSION))
    session = store.read(SESSION)
    levels = {pid: (r.comprehensiveness, r.scope) for pid, r in session.levels.items()}
    assert levels == {"D1.1": (3, 2), "D1.2": (0, None), "F1.1": (1, 1)}
    assert session.phase is Phase.DONE
    assert "you  Dana [red]W[/red]" in shown
    assert "Current: 3 Consistent, scope 2 Industry specific" in shown
    assert "Done. Here is where every practice stands:" in shown


async def test_a_complete_target(make_app: AppFactory, store: SessionStore) -> None:
    app = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Owner"):
            await type_answer(pilot, text)
        await press(pilot, "2", "1", "3")  # D goal 2, scope 1; D1 needs "More." → 3, 2
        await press(pilot, "3")  # D1.1: keep 3 (a digit is its level), no reason asked
        await press(pilot, "1")  # D1.2: lower to 1
        await type_answer(pilot, "Lab only")  # the reason a change needs
        await press(pilot, "2", "3", "2")  # F goal 2, scope 3; F1 needs "Same."
        await press(pilot, "n")  # F1.1: not applicable
        await type_answer(pilot, "No devices")
        await press(pilot, "1")  # finish from the review
    session = store.read("acme-gate-target-2026-11-25")
    levels = {i: (r.comprehensiveness, r.scope, r.applicable) for i, r in session.levels.items()}
    assert levels["D1"] == (3, 2, True)
    assert levels["D1.1"] == (3, 2, True)
    assert levels["D1.2"] == (1, 2, True)
    assert levels["F1.1"] == (None, None, False)
    assert session.levels["D1.2"].reason == "Lab only"
    assert session.phase is Phase.DONE


async def test_quit_and_resume_where_it_stopped(make_app: AppFactory, store: SessionStore) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        await press(pilot, "1", "ctrl+q")
    assert app.return_value == ExitReport(SESSION, store.path_of(SESSION))

    resumed = make_app(Resume(SESSION))
    async with resumed.run_test() as pilot:
        screen = resumed.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.1.c2.1"
        shown = transcript_text(resumed)
        assert "Welcome back." in shown
        assert "you  Yes" in shown
        await press(pilot, "2")
    assert (
        store.read(SESSION).answers["D1.1.c2.1"].value == "yes-more"
    )  # the second option, by its id


async def test_back_skip_jump_note_and_why(make_app: AppFactory, store: SessionStore) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await press(pilot, "1")  # D1.1.c1.1 yes
        await press(pilot, "escape")  # back to it
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "D1.1.c1.1"

        await press(pilot, "ctrl+n")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(NoteEditor).text = "RACI [link]here[/link]"
        await press(pilot, "ctrl+s")  # Enter starts a new line in a note; Ctrl+S keeps it
        assert store.read(SESSION).answers["D1.1.c1.1"].note == "RACI [link]here[/link]"

        await press(pilot, "f1")
        assert isinstance(app.screen, HelpDialog)
        await press(pilot, "escape")

        await press(pilot, "1", "ctrl+s")  # answer again, then skip D1.1.c2.1
        assert "D1.1.c2.1" in store.read(SESSION).skipped

        await press(pilot, "ctrl+g")
        assert isinstance(app.screen, JumpDialog)
        await press(pilot, "3")  # F1.1
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "F1.1.c1.1"
        shown = transcript_text(app)
    assert "note: RACI [link]here[/link]" in shown
    assert "(skipped: it comes back in the review)" in shown


async def test_start_screen_starts_a_target(make_app: AppFactory, store: SessionStore) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1")
        assert isinstance(app.screen, NewSessionScreen)
        await type_answer(pilot, "Plant [b]7[/b]")
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.engine.session.system == "Plant [b]7[/b]"
    assert [path.name for path in store.session_files()] == ["plant-b-7-b-target-2026-11-25.toml"]


async def test_start_screen_resumes_a_session(make_app: AppFactory, store: SessionStore) -> None:
    first = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with first.run_test() as pilot:
        await type_answer(pilot, "Gateway")
        await press(pilot, "ctrl+q")
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "3", "1")
        assert isinstance(app.screen, InterviewScreen)
        prompt = app.screen.engine.current()
        assert prompt is not None and prompt.question_id == "interviewee_name"


async def test_a_session_open_elsewhere_is_refused(
    make_app: AppFactory, store: SessionStore
) -> None:
    first = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with first.run_test() as pilot:
        await press(pilot, "ctrl+q")
    loaded = store.load(SESSION, first.questionnaire)
    with store.locked(loaded.session.id):
        app = make_app(Resume(SESSION))
        async with app.run_test() as pilot:
            await pilot.pause()
        assert app.return_value is not None
        assert "open in another smm" in (app.return_value.error or "")
        assert app.return_code == 2


async def test_required_text_cannot_be_empty(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        await type_answer(pilot, "Gateway")
        await type_answer(pilot, "   ")  # the interviewee's name is required
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "interviewee_name"
        assert app.screen.query_one("#text", Input).display


async def test_the_command_palette_offers_the_interview_commands(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:6] == [
            "Back (Esc)", "Skip (Ctrl+S)", "Jump (Ctrl+G)", "Note (Ctrl+N)",
            "Why is this asked? (F1)", "Review (Ctrl+R)",
        ]  # fmt: skip
        await press(pilot, "ctrl+p")
        await pilot.press(*"skip")
        await press(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert "system_scope" in screen.engine.session.skipped


async def test_ctrl_c_quits_without_losing_answers(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        await type_answer(pilot, "Gateway")
        await press(pilot, "ctrl+c")
    assert app.return_value == ExitReport(SESSION, store.path_of(SESSION))
    assert store.read(SESSION).answers["system_scope"].value == "Gateway"


async def test_an_imported_session_is_not_resumed(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from interview.cli import main

    levels = tmp_path / "levels.csv"
    levels.write_text("practice,comprehensiveness,scope,note\nD1.1,2,1,\nD1.2,0,,\nF1.1,1,2,\n")
    small_path = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
    arguments = [
        *("import", str(levels), "--kind", "assessment", "--system", "Old sheet"),
        *("--sessions-dir", str(store.folder), "--questionnaire", str(small_path)),
    ]
    assert main(arguments) == 0
    (session_file,) = store.session_files()
    app = make_app(Resume(session_file.stem))
    async with app.run_test() as pilot:
        await pilot.pause()
    assert app.return_code == 2
    report = app.return_value
    assert report is not None and "no interview to resume" in (report.error or "")


async def test_an_assessment_linked_to_a_target_shows_both(
    make_app: AppFactory, store: SessionStore
) -> None:
    target = make_app(StartNew(SessionKind.TARGET, "Acme Gate"))
    async with target.run_test() as pilot:
        for text in ("Gateway", "Dana", "Owner"):
            await type_answer(pilot, text)
        await press(pilot, "3", "1", "2", "1")  # D goal 3, scope 1; D1 "Same."; D1.1 keep
        await press(pilot, "ctrl+q")

    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "2")  # assess the current state
        await type_answer(pilot, "Acme Gate")
        await press(pilot, "2")  # the target (1 is "No target for now")
        assert isinstance(app.screen, InterviewScreen)
        assessment = as_assessment(app.screen.engine.session)
        assert assessment.target_session == "acme-gate-target-2026-11-25"
        for text in ("Gateway", "Sam", "Engineer"):
            await type_answer(pilot, text)
        await press(pilot, "2")  # D1.1: no at level 1
        shown = transcript_text(app)
    assert "Current: 0 None, scope n/a" in shown
    assert "Target:  3 Consistent, scope 1 General" in shown
    assert "Gap: comprehensiveness 3, scope 1 (large gap)" in shown


def import_levels(store: SessionStore, tmp_path: Path, kind: str, rows: str) -> None:
    """A session made with `smm import` from CSV rows, for the small questionnaire."""
    from interview.cli import main

    levels = tmp_path / f"{kind}.csv"
    levels.write_text("practice,comprehensiveness,scope,note\n" + rows)
    small_path = Path(__file__).parent.parent / "data" / "questionnaires" / "small.toml"
    arguments = [
        *("import", str(levels), "--kind", kind, "--system", "Acme Gate"),
        *("--sessions-dir", str(store.folder), "--questionnaire", str(small_path)),
    ]
    assert main(arguments) == 0


TARGET_ROWS = "D1.1,3,2,\nD1.2,2,1,\nF1.1,na,,\n"
"""A target: D1.1 3/2, D1.2 2/1, F1.1 not applicable."""


def import_pair(store: SessionStore, tmp_path: Path) -> None:
    """That target, and an assessment with a large gap on D1.1 and none on D1.2."""
    import_levels(store, tmp_path, "target", TARGET_ROWS)
    import_levels(store, tmp_path, "assessment", "D1.1,1,1,\nD1.2,2,1,\nF1.1,0,,\n")


async def test_compare_from_the_start_screen(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from interview.tui.screens.gap import GapScreen

    import_pair(store, tmp_path)
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "4", "1", "1")  # compare; the target; the assessment
        screen = app.screen
        assert isinstance(screen, GapScreen)
        severities = {gap.practice_id: gap.severity.value for gap in screen.analysis.practices}
        assert severities == {"D1.1": "large", "D1.2": "none", "F1.1": "none"}
        await press(pilot, "escape")
        assert not isinstance(app.screen, GapScreen)


async def test_a_finished_linked_assessment_opens_its_gaps(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from interview.tui.screens.gap import GapScreen

    import_levels(store, tmp_path, "target", TARGET_ROWS)
    (target_file,) = store.session_files()
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate", target_file.stem))
    async with app.run_test() as pilot:
        for text in ("Gateway", "Sam", "Engineer"):
            await type_answer(pilot, text)
        await press(pilot, "2", "2", "2")  # every practice at level 0
        await press(pilot, "1")  # finish from the review
        await press(pilot, "1")  # open the gap analysis
        assert isinstance(app.screen, GapScreen)
        assert app.screen.analysis.roadmap[0].practice_id == "D1.1"


async def test_a_target_started_from_a_profile(
    make_app: AppFactory, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMM_PROFILES_DIR", str(Path(__file__).parent.parent / "data" / "profiles"))
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1")  # set a target
        await type_answer(pilot, "Lab rig")
        await press(pilot, "2")  # the Small lab profile (1 is "Start from scratch")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        for text in ("Bench", "Ana", "Owner"):
            await type_answer(pilot, text)
        await press(pilot, "3", "2")  # D goal and scope, as the profile
        prompt = screen.engine.current()
        assert prompt is not None
        assert prompt.options[3].label.startswith(  # the keep in its level's place
            "Keep 4 Formalized, 3 System specific (from the profile): "
        )
        await press(pilot, "4")
        shown = transcript_text(app)
    session = as_target(store.read("lab-rig-target-2026-11-25"))
    assert session.profile == "small-lab"
    assert session.levels["D1.1"].origin.value == "profile"
    assert "The Small lab profile: Audited [yearly]." in shown


async def test_an_assessment_started_from_the_previous_one(
    make_app: AppFactory, store: SessionStore
) -> None:
    first = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with first.run_test() as pilot:
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        await press(pilot, "1", "2", "1", "1", "2")  # D1.1 → 3/2
        await press(pilot, "ctrl+q")

    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate", previous_id=SESSION))
    async with app.run_test() as pilot:
        for _ in range(3):
            await press(pilot, "enter")  # confirm scope, name and role as they were
        for _ in range(5):
            await press(pilot, "enter")  # confirm D1.1's answers as they were
        shown = transcript_text(app)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert as_assessment(screen.engine.session).previous_session == SESSION
    assert "Last time (2026-11-25): Yes" in shown
    assert "Last time: 3 Consistent, scope 2 Industry specific (unchanged)" in shown
    second = store.read(SESSION + "-2")
    assert second.levels["D1.1"].comprehensiveness == 3
    assert second.answers["interviewee_name"].value == "Dana"


async def test_the_start_screen_offers_the_earlier_assessment(
    make_app: AppFactory, store: SessionStore
) -> None:
    first = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with first.run_test() as pilot:
        for text in ("Gateway", "Dana", "Lead"):
            await type_answer(pilot, text)
        await press(pilot, "2", "2", "2", "1")  # all at level 0; finish
        await press(pilot, "ctrl+q")

    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "2")  # assess the current state
        await type_answer(pilot, "acme gate")  # the same system, however it is typed
        await press(pilot, "2")  # the earlier assessment (1 is "Start fresh")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert as_assessment(screen.engine.session).previous_session == SESSION
        assert screen.engine.suggested_value("system_scope") == "Gateway"


async def test_planning_an_improvement_from_the_gap_screen(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from textual.widgets import Input as Field

    from interview.plan import PlanStatus, load_plan
    from interview.tui.screens.gap import GapScreen
    from interview.tui.screens.plan import PlanDialog

    import_pair(store, tmp_path)
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "4", "1", "1")  # compare the target with the assessment
        assert isinstance(app.screen, GapScreen)
        await press(pilot, "p", "1")  # plan the first (only) roadmap item, D1.1
        dialog = app.screen
        assert isinstance(dialog, PlanDialog)
        dialog.query_one("#plan-owner", Field).value = "Ana [b]K[/b]"
        dialog.query_one("#plan-due", Field).value = "2027-03-31"
        dialog.query_one("#plan-status").focus()
        await press(pilot, "2")  # in progress
        screen = app.screen
        assert isinstance(screen, GapScreen)
        assert screen.active_tab == "roadmap"
    item = load_plan(store.folder, "Acme Gate").items["D1.1"]
    assert (item.owner, item.status, str(item.due)) == (
        "Ana [b]K[/b]",
        PlanStatus.IN_PROGRESS,
        "2027-03-31",
    )


async def test_a_bad_due_date_keeps_the_plan_dialog_open(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from textual.widgets import Input as Field

    from interview.tui.screens.plan import PlanDialog

    import_pair(store, tmp_path)
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "4", "1", "1", "p", "1")
        dialog = app.screen
        assert isinstance(dialog, PlanDialog)
        dialog.query_one("#plan-due", Field).value = "next spring"
        dialog.query_one("#plan-status").focus()
        await press(pilot, "1")
        assert app.screen is dialog
    assert not (store.folder / "plans").exists()


async def test_a_systems_history_from_the_start_screen(
    make_app: AppFactory, store: SessionStore, tmp_path: Path
) -> None:
    from interview.tui.screens.history import HistoryScreen

    import_pair(store, tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await press(pilot, "5", "1")  # history; the only system
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert sorted(s.kind.value for s in screen.history.sessions) == ["assessment", "target"]
        (gaps,) = screen.history.gaps
        assert (gaps.counts.large, gaps.counts.small, gaps.counts.none) == (1, 0, 1)
        await press(pilot, "escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_a_key_typed_ahead_never_answers_the_wrong_question(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("Gateway", "Dana", "Firmware lead"):
            await type_answer(pilot, text)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        panel = screen.query_one(AnswerPanel)
        asked = screen.engine.current()
        assert asked is not None
        # An answer given to what the panel showed before the current question: dropped.
        panel.post_message(AnswerPanel.Answered("no", panel.showing - 1))
        await pilot.pause()
        assert screen.engine.current() == asked
        assert asked.question_id not in store.read(SESSION).answers
        panel.post_message(AnswerPanel.Answered("yes", panel.showing))
        await pilot.pause()
        assert store.read(SESSION).answers[asked.question_id].value == "yes"


async def test_a_refused_answer_to_an_answered_question_is_not_written_down(
    make_app: AppFactory, store: SessionStore
) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        for text in ("Gateway", "Dana"):
            await type_answer(pilot, text)
        await press(pilot, "escape")  # back to the name, already answered
        before = transcript_text(app)
        await type_answer(pilot, "")  # a name is needed: refused
        after = transcript_text(app)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        prompt = screen.engine.current()
        assert prompt is not None and prompt.question_id == "interviewee_name"
    assert after == before
    assert store.read(SESSION).answers["interviewee_name"].value == "Dana"


async def test_the_palette_offers_only_what_the_engine_allows(make_app: AppFactory) -> None:
    app = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with app.run_test() as pilot:
        await press(pilot, "ctrl+r")  # the review
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.engine.phase is Phase.REVIEW
        titles = [command.title for command in app.get_system_commands(screen)]
    assert "Review (Ctrl+R)" not in titles
    assert "Skip (Ctrl+S)" not in titles


async def test_a_practice_summary_without_a_practice_is_refused_not_crashed(
    make_app: AppFactory, store: SessionStore
) -> None:
    """smm 0.1 read this file, then the screen failed an assert on resume (a traceback, and
    status 0)."""
    first = make_app(StartNew(SessionKind.ASSESSMENT, "Acme Gate"))
    async with first.run_test() as pilot:
        await press(pilot, "ctrl+q")
    path = store.path_of(SESSION)
    text = path.read_text().replace('phase = "context"', 'phase = "practice_summary"')
    path.write_text(text.replace('question = "system_scope"\n', ""))
    app = make_app(Resume(SESSION))
    async with app.run_test() as pilot:
        await pilot.pause()
    assert app.return_code == 2
    report = app.return_value
    assert report is not None
    assert "the practice_summary phase needs cursor.practice" in (report.error or "")
