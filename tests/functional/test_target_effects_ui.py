"""Effects shown as they happen: in a target interview the regulator answers that the
regulations named give in advance are shown at once, and each sub-domain's resulting level and
why are shown when its needs are answered."""

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.app import SmmApp
from interview.tui.launch import Resume
from tests.helpers.pilot import CONTEXT, AppFactory, press, started, transcript_text


async def test_the_regulations_and_each_sub_domain_say_what_they_did(
    make_app: AppFactory, store: SessionStore
) -> None:
    smm: Questionnaire = load_questionnaire()
    session_id = started(store, smm, SessionKind.TARGET, CONTEXT)  # up to the regulations
    app: SmmApp = make_app(Resume(session_id), questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "6", "enter")  # EU NIS2 directive
        shown = transcript_text(app)
        assert "From the regulations you named, 9 regulator questions are answered" in shown
        assert "H2: Yes, within hours, for example under NIS2" in shown
        await press(pilot, "3", "2")  # G goal 3 Consistent, scope 2 Industry specific
        await press(pilot, "3", "3")  # G1: severe; certificate (two raises: still 3)
        shown = transcript_text(app)
    assert "G1 Security Strategy and Governance: 3 Consistent, 2 Industry specific, held at 3" in (
        " ".join(shown.split())
    )
