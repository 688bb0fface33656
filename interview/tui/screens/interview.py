"""The interview as a chat: the transcript above, the answers below, the keys in the footer.

The screen turns each user action into one engine call and then redraws from the engine's
state; no rule about levels or order lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input

from interview.engine import views
from interview.engine.follow_ups import answer_words
from interview.engine.interview import Interview
from interview.engine.outcome import ACCEPTED, EngineError, Outcome
from interview.engine.plan import Step
from interview.engine.prompts import Prompt
from interview.engine.summary import answered_questions
from interview.errors import InputError, printable
from interview.formatting import KIND_NAMES
from interview.session.model import (
    AnswerValue,
    AssessmentSession,
    Phase,
    SessionKind,
    as_assessment,
)
from interview.tui import interview_messages, keys, text
from interview.tui.interview_messages import FINISH
from interview.tui.keys import key_name
from interview.tui.screens.answer_dialogs import answer_after_dialog
from interview.tui.screens.dialogs import HelpDialog, JumpDialog, NoteDialog
from interview.tui.screens.interview_guards import FinishedGuard, MenuTypedAhead
from interview.tui.screens.interview_keys import INTERVIEW_BINDINGS, FooterKeys, palette_commands
from interview.tui.screens.target_overview import TargetOverviewScreen
from interview.tui.widgets.answer_panel import AnswerPanel
from interview.tui.widgets.status_line import StatusLine
from interview.tui.widgets.transcript import Transcript
from interview.tui.workshop_messages import come_back_line


@dataclass
class GapRequested(Message):
    """A linked assessment is done and the user wants its gap analysis."""

    assessment: AssessmentSession


class InterviewScreen(Screen[None]):
    """One session's interview."""

    BINDINGS = INTERVIEW_BINDINGS

    def __init__(
        self,
        engine: Interview,
        *,
        notices: list[str],
        resumed: bool,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__()
        self.engine = engine
        self._notices = notices
        self._resumed = resumed
        self._clock = clock
        self._shown: tuple[object, ...] | None = None
        self._section: tuple[str | None, ...] = ()
        self._pending_note: str | None = None
        self._saved = Text("✓ every answer is saved", style="italic")
        self._menu_keys, self._footer_keys = MenuTypedAhead(), FooterKeys()
        self._finished = FinishedGuard()

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Transcript()
        yield AnswerPanel()
        yield Footer()

    def on_mount(self) -> None:
        transcript = self.query_one(Transcript)
        if self._resumed:
            self._replay()
            transcript.say(text.info_message(interview_messages.welcome_back(self.engine)))
        else:
            why_key = key_name(self.app, keys.WHY)
            transcript.say(text.info_message(interview_messages.welcome(self.engine, why_key)))
        for notice in self._notices:
            transcript.say(text.info_message(notice))
        self.show_state()

    # --- Drawing ----------------------------------------------------------------------------

    def show_state(self) -> None:
        """Bring the status line, the transcript and the answer panel up to the engine's state."""
        self._show_status()
        self._footer_keys.refresh(self)  # the footer offers only the keys that work now
        phase = self.engine.phase
        self._finished.saw(phase)
        if phase in (Phase.CONTEXT, Phase.INTERVIEW):
            self._show_question()
        elif phase is Phase.PRACTICE_SUMMARY:
            self._show_practice_summary()
        elif phase is Phase.REVIEW:
            self._show_review()
        else:
            self._show_done()

    def _show_status(self) -> None:
        session = self.engine.session
        prompt = self.engine.current()
        step = prompt.step if prompt else None
        place = text.breadcrumb(self.engine.questionnaire, step, session.cursor.practice)
        if self.engine.phase is Phase.REVIEW:
            place = text.literal("Review: open questions")
        elif self.engine.phase is Phase.DONE:
            place = text.literal("Finished")
        title = text.literal(f"{session.system} · {KIND_NAMES[session.kind]}", "bold")
        progress = text.progress_text(views.progress(self.engine.questionnaire, session))
        self.query_one(StatusLine).show(title, self._saved, place, progress)

    def _once(self, key: tuple[object, ...]) -> bool:
        """True the first time a state is shown, so that redraws do not repeat messages."""
        if key == self._shown:
            return False
        self._shown = key
        return True

    def _show_question(self) -> None:
        prompt = self.engine.current()
        if prompt is None:  # the engine found nothing to ask: show what is still open
            self._show_review()
            return
        transcript = self.query_one(Transcript)
        if self._once((prompt.question_id,)):
            self._announce_sections(prompt.step)
            transcript.say(text.question_message(prompt))
        suggested = self.engine.suggested_value(prompt.question_id)
        marked = interview_messages.answer_marker(self.engine, prompt.question_id)
        self.query_one(AnswerPanel).ask(prompt, suggested, marked)
        self._menu_keys.question_shown()

    def _announce_sections(self, step: Step) -> None:
        """A heading when the interview enters a new domain, sub-domain or practice."""
        section = (step.domain_id, step.subdomain_id, step.practice_id)
        if section == self._section:
            return
        transcript = self.query_one(Transcript)
        for depth, item_id in enumerate(section):
            if item_id and (len(self._section) <= depth or self._section[depth] != item_id):
                transcript.say(text.section_heading(self.engine.questionnaire, item_id))
        self._section = section

    def _show_practice_summary(self) -> None:
        summary = self.engine.practice_summary()
        if summary is not None and self._once((Phase.PRACTICE_SUMMARY, summary.practice_id)):
            message = text.practice_summary_message(
                self.engine.questionnaire,
                summary.practice_id,
                summary.current,
                summary.target,
                summary.previous,
                interview_messages.dont_knows_in(self.engine, summary.practice_id),
            )
            self.query_one(Transcript).say(message)
        # A message, not a menu: the next question follows at once, so every digit answers the
        # question on show (a menu here made an answer typed ahead "go back"); Esc goes back.
        self._run(self.engine.continue_interview)
        self.show_state()

    def _show_review(self) -> None:
        items = views.review_items(self.engine.questionnaire, self.engine.session)
        if self._once((Phase.REVIEW, len(items))):
            count = len(items)
            message = (
                "Everything is answered. Finish now, or go back to any answer with "
                f"{key_name(self.app, keys.BACK)} or {key_name(self.app, keys.JUMP)}."
                if not items
                else f"Review: {count} question{'s' if count != 1 else ''} still open. "
                "Pick one to answer it now, or finish and come back later."
            )
            self.query_one(Transcript).say(text.info_message(message))
        self.query_one(AnswerPanel).menu(None, interview_messages.review_entries(self.engine))
        self._menu_keys.menu_shown()

    def _show_done(self) -> None:
        if self._once((Phase.DONE,)):
            come_back = come_back_line(self.app, self.engine.session.reference)
            for line in interview_messages.final_summary(self.engine, come_back):
                self.query_one(Transcript).say(line)
        if self.engine.session.kind is SessionKind.TARGET and self.app.screen is self:
            overview = TargetOverviewScreen(self.engine, self._clock)
            self.app.push_screen(overview, lambda _: self.show_state())
        self.query_one(AnswerPanel).menu(None, interview_messages.done_entries(self.engine))
        self._menu_keys.menu_shown()

    def _replay(self) -> None:
        """On resume: the questions answered so far and their answers, in order."""
        transcript = self.query_one(Transcript)
        for item in answered_questions(self.engine.questionnaire, self.engine.session):
            self._announce_sections(item.step)
            transcript.say(text.question_message(item.prompt))
            label = answer_words(item.prompt, item.answer.value, item.answer.ask)
            transcript.say(text.answer_message(label, item.answer.note))

    # --- Answers and menus ---------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """A key on its way from the answer panel: dropped if typed before the menu on show."""
        if self._menu_keys.drops(event):
            event.stop()
            event.prevent_default()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._menu_keys.clicked(event)

    def _unless_kept_finished(self, what: str, change: Callable[[], object]) -> None:
        """Make a change; to a finished session, only once the user chooses to reopen it
        (else the answer panel shows again what the session holds)."""
        say = self.query_one(Transcript).say
        system = self.engine.session.system
        self._finished.change(self.app, system, what, change, self.show_state, say)

    def on_answer_panel_answered(self, event: AnswerPanel.Answered) -> None:
        prompt, value = self.engine.current(), self.query_one(AnswerPanel).resolve(event)
        if prompt is None or value is None:
            return  # a key that gave no answer, or a click on a question no longer on show
        answer = partial(self._answer, prompt, value)
        self._unless_kept_finished("Changing this answer", answer)

    def _answer(self, prompt: Prompt, value: AnswerValue) -> None:
        """Record an answer to the prompt, after the dialog it needs first, if any."""
        note = self._pending_note or ""
        record = partial(self._record_answer, prompt, value)
        answer_after_dialog(self.app, self.engine, prompt, value, note, record)

    def _record_answer(self, prompt: Prompt, value: AnswerValue, note: str, ask: str = "") -> None:
        outcome = self._run(lambda: self.engine.answer(value, note=note, ask=ask))
        if not outcome.accepted:
            return  # the question stays, with the reason shown
        self._pending_note = None
        label = answer_words(prompt, value, ask)
        self.query_one(Transcript).say(text.answer_message(label, note or None))
        for line in interview_messages.effects_of(self.engine, prompt):
            self.query_one(Transcript).say(text.info_message(line))
        self._say_if_left_for_later(prompt)
        self.show_state()

    def _say_if_left_for_later(self, left: Prompt) -> None:
        """A practice moved on from without its summary (a skipped question) is not silent."""
        line = interview_messages.left_for_later(self.engine, left.step)
        if line is not None:
            self.query_one(Transcript).say(text.info_message(line))

    async def on_answer_panel_menu_chosen(self, event: AnswerPanel.MenuChosen) -> None:
        if event.showing != self.query_one(AnswerPanel).showing:
            return  # typed ahead, for a menu no longer on show
        if not self._menu_keys.choice_allowed():
            return  # typed before the menu was put up (MenuTypedAhead)
        choice = event.value
        if choice == "quit":
            await self.app.run_action("quit")  # the app's quit, which reports where it saved
            return
        if choice == "gap":
            self.post_message(GapRequested(as_assessment(self.engine.session)))
            return
        actions: dict[str, Callable[[], Outcome | None]] = {
            "review": self.engine.open_review,
            FINISH: self.engine.finish_interview,
            "accept": self._accept_baseline,
        }
        self._run(actions.get(choice) or (lambda: self.engine.revisit(choice)))
        self.show_state()

    def _accept_baseline(self) -> Outcome:
        outcome = self.engine.accept_as_baseline()
        if not outcome.accepted:
            return outcome
        moment = as_assessment(self.engine.session).accepted_as_baseline
        when = f"{moment:%Y-%m-%d %H:%M} UTC" if moment else ""
        self.query_one(Transcript).say(text.info_message(f"Accepted as the new baseline ({when})."))
        return outcome

    def _run(self, action: Callable[[], Outcome | None]) -> Outcome:
        """Call the engine; refusals and failed saves become notifications, not crashes.

        A failed save leaves the command done in memory (accepted, marked not saved)."""
        try:
            outcome = action() or ACCEPTED
        except EngineError as error:
            outcome = Outcome(refused=str(error))
        except InputError as error:
            self._saved = Text("✗ NOT SAVED: see the message", style="bold reverse")
            self.notify(
                printable(" ".join(error.lines)), severity="error", markup=False, timeout=30
            )
            return ACCEPTED
        if outcome.refused is not None:
            self.notify(printable(outcome.refused), severity="warning", markup=False)
            return outcome
        now = self._clock().astimezone().strftime("%H:%M:%S")
        self._saved = Text(f"✓ saved {now}", style="italic")
        return outcome

    # --- Commands ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that would do nothing now are hidden from the footer and left unbound."""
        if action == "scroll_transcript" and len(parameters) > 1:  # Home, End: a text field's
            return not isinstance(self.focused, Input)
        allowed: dict[str, Callable[[], bool]] = {
            "skip": self.engine.can_skip,
            "note": lambda: self.engine.current() is not None,
            "why": lambda: interview_messages.why_asked(self.engine) is not None,
        }
        return allowed[action]() if action in allowed else True

    palette_commands = palette_commands  # the app's palette asks the screen for them

    def action_scroll_transcript(self, where: str, _typing_key: bool = False) -> None:
        self.query_one(Transcript).scroll_by_key(where)

    def action_back(self) -> None:
        if not self.engine.can_go_back():
            self.notify("This is the first question.", markup=False)
            return
        self._run(self.engine.back)
        self._shown = None
        self.query_one(Transcript).say(text.info_message("(back to the previous question)"))
        self.show_state()

    def action_skip(self) -> None:
        if not self.engine.can_skip():
            self.notify("This question cannot be skipped.", markup=False)
            return
        self._unless_kept_finished("Skipping this question", self._skip)

    def _skip(self) -> None:
        skipped = self.engine.current()
        self._run(self.engine.skip)
        self.query_one(Transcript).say(
            text.answer_message("(skipped: it comes back in the review)")
        )
        if skipped is not None:
            self._say_if_left_for_later(skipped)
        self.show_state()

    def action_review(self) -> None:
        self._run(self.engine.open_review)
        self.show_state()

    def action_jump(self) -> None:
        self.app.push_screen(
            JumpDialog(interview_messages.jump_entries(self.engine)), self._jump_to
        )

    def _jump_to(self, item_id: str | None) -> None:
        if item_id:
            self._run(lambda: self.engine.jump(item_id))
            self.show_state()

    def action_note(self) -> None:
        prompt = self.engine.current()
        if prompt is None:
            self.notify("Notes go with a question: go back to it first (Esc).", markup=False)
            return
        answer = self.engine.session.answers.get(prompt.question_id)
        existing = (answer.note if answer else self._pending_note) or ""
        dialog = NoteDialog(prompt.text, existing)
        note_dialog = partial(self.app.push_screen, dialog, self._keep_note)
        if answer is None:  # the note waits for the answer, which asks if need be
            note_dialog()
        else:  # asked before the note is typed, so that no typed note is thrown away
            self._unless_kept_finished("A note on this answer", note_dialog)

    def _keep_note(self, note: str | None) -> None:
        prompt = self.engine.current()
        if note is None or prompt is None:
            return
        if prompt.question_id in self.engine.session.answers:
            self._run(lambda: self.engine.set_note(prompt.question_id, note))
            self.query_one(Transcript).say(text.answer_message("(note updated)", note))
        else:
            self._pending_note = note
            self.notify("The note will be saved with your answer.", markup=False)
        self.show_state()

    def action_why(self) -> None:
        body = interview_messages.why_asked(self.engine)
        if body is not None:  # else the key is hidden (check_action)
            self.app.push_screen(HelpDialog("Why is this asked?", body))
