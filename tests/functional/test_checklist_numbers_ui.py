"""Items past the ninth of a checklist have a key too: 0, then the item's number (issue 15: the
regulations checklist has 14 items, and items 10-14 could be reached only by the arrows)."""

from textual.widgets import Static

from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from interview.tui.launch import Resume
from interview.tui.widgets.choice_lists import Checklist
from tests.helpers.pilot import CONTEXT, AppFactory, press, started


def at_regulations(store: SessionStore) -> tuple[Questionnaire, str]:
    smm = load_questionnaire()
    return smm, started(store, smm, SessionKind.ASSESSMENT, CONTEXT)


async def test_items_ten_and_twelve_ticked_by_keys(
    make_app: AppFactory, store: SessionStore
) -> None:
    smm, session_id = at_regulations(store)
    app = make_app(Resume(session_id), questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "0", "1", "0")  # item 10
        await press(pilot, "0", "1", "2")  # item 12
        await press(pilot, "enter")
    answer = store.read(session_id).answers["regulations"].value
    assert answer == ["pci-dss", "iso-27001"]


async def test_every_item_shows_its_number_and_the_hint_says_how(
    make_app: AppFactory, store: SessionStore
) -> None:
    smm, session_id = at_regulations(store)
    app = make_app(Resume(session_id), questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        labels = [str(checklist.get_option_at_index(i).prompt) for i in range(14)]
        hint = app.screen.query_one("#panel-hint", Static)
        assert str(hint.render()).startswith("Tick: 1-9, or 0 then 10-14;")
        await press(pilot, "0", "1")
        typing = str(hint.render())
        await press(pilot, "1")
        ticked = list(checklist.ticked)
        after = str(hint.render())
    assert labels[0].startswith("[ ]  1. ETSI") and labels[9].startswith("[ ] 10. PCI DSS")
    assert labels[13].startswith("[ ] 14. NIST")
    assert typing.startswith("Typing an item's number: 0 1…")
    assert ticked == ["unece-r155-r156"] and after.startswith("Tick: 1-9")


async def test_an_unfinished_number_gives_way_to_the_next_key(
    make_app: AppFactory, store: SessionStore
) -> None:
    smm, session_id = at_regulations(store)
    app = make_app(Resume(session_id), questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "0", "space")  # the space ticks the highlighted item, as always
        await press(pilot, "0", "3", "enter")  # no item 3x: Enter confirms what is ticked
    answer = store.read(session_id).answers["regulations"].value
    assert answer == ["etsi-en-303-645"]


async def test_a_note_kept_before_the_answer_keeps_the_ticks(
    make_app: AppFactory, store: SessionStore
) -> None:
    """Ticked, then a note (Ctrl+N, Ctrl+S), then Enter: the items ticked are the answer."""
    smm, session_id = at_regulations(store)
    app = make_app(Resume(session_id), questionnaire=smm)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "2", "ctrl+n", *"CRA file", "ctrl+s", "enter")
    answer = store.read(session_id).answers["regulations"]
    assert answer.value == ["etsi-en-303-645", "eu-cra"]
    assert answer.note == "CRA file"
