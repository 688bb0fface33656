"""A target from a profile says first what it asks: no needs questions, and how many in all
(issue 15: its welcome promised the needs of every sub-domain, which it never asks)."""

from interview.engine.interview import Interview
from interview.engine.views import session_plan
from interview.questionnaire import load_questionnaire
from interview.services import Workspace
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.interview_messages import welcome
from interview.tui.launch import StartNew
from tests.helpers.pilot import AppFactory, transcript_text


async def test_a_profile_target_welcome_says_what_it_asks(
    make_app: AppFactory, store: SessionStore
) -> None:
    smm = load_questionnaire()
    launch = StartNew(SessionKind.TARGET, "Infusion pumps", profile_id="medical-device")
    app = make_app(launch, questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = " ".join(transcript_text(app).split())  # as one line, however it wrapped
    assert "starting from the profile Connected medical device" in shown
    assert "so there are no needs questions: first 4 questions about the system and you" in shown
    assert "for each of the 3 domains, the goal and its scope, starting at the profile's" in shown
    assert "for each of the 18 practices, keep the profile's level or change it" in shown
    assert "28 questions at most" in shown  # as README and docs/TARGETS.md say
    assert "your needs" not in shown


def test_the_count_is_what_the_plan_leaves_to_ask(store: SessionStore) -> None:
    """A profile that does not say whom it is for leaves the role question: one more."""
    smm = load_questionnaire()
    session = Workspace(smm, store).prepare(
        SessionKind.TARGET, "Pumps", profile_id="medical-device"
    )
    session.answers.pop("organisation_role")
    left = [s for s in session_plan(smm, session) if s.question_id not in session.answers]
    words = welcome(Interview(smm, session), "F1")
    assert len(left) == 29
    assert "first 5 questions about the system and you" in words
    assert "29 questions at most" in words


def test_a_target_from_scratch_still_promises_the_needs(store: SessionStore) -> None:
    smm = load_questionnaire()
    session = Workspace(smm, store).prepare(SessionKind.TARGET, "Pumps")
    assert "for each sub-domain, your needs" in welcome(Interview(smm, session), "F1")
