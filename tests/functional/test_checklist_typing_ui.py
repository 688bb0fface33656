"""Typing a regulation the checklist does not list: the letters go to the "other" field, and
the space between words never ticks the highlighted item (issue 15: "HIPAA Security" saved the
wrong regulation)."""

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import Resume
from tests.helpers.pilot import CONTEXT, AppFactory, press, started


async def test_typed_words_go_to_the_other_field(make_app: AppFactory, store: SessionStore) -> None:
    smm: Questionnaire = load_questionnaire()
    session_id = started(store, smm, SessionKind.ASSESSMENT, CONTEXT)  # at the regulations
    app = make_app(Resume(session_id), questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "6")  # tick EU NIS2 with its digit
        await pilot.press(*"HIPAA", "space", *"Security")  # typed fast, no pause
        await pilot.pause()
        await press(pilot, "enter")
    answer = store.read(session_id).answers["regulations"].value
    assert answer == ["eu-nis2", "HIPAA Security"]
