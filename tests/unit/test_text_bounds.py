"""One answer, note or name holds at most MAX_TEXT_LENGTH characters: the engine refuses more,
the writer will not save more and the reader will not load more, each in one line (0.1 saved a
50 MB session from three pasted answers that resume then refused)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.errors import InputError
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.session.limits import MAX_TEXT_LENGTH
from interview.session.model import DONT_KNOW, YES, SessionKind, new_session
from interview.session.store import SessionStore
from interview.tui.note_folding import fold_note

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
TOO_LONG = "x" * (MAX_TEXT_LENGTH + 1)


@pytest.fixture
def small(small_questionnaire_path: Path) -> Questionnaire:
    return load_questionnaire(small_questionnaire_path)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def started(store: SessionStore, small: Questionnaire) -> Interview:
    session = store.create(new_session(small, SessionKind.ASSESSMENT, "Rig", now=NOW))
    return Interview(small, session, on_change=store.save, clock=lambda: NOW)


def test_the_engine_refuses_an_answer_or_note_over_the_bound(
    store: SessionStore, small: Questionnaire
) -> None:
    interview = started(store, small)
    refused = interview.answer(TOO_LONG)
    assert refused.refused is not None
    assert "too long: 100,001 characters, over the 100,000" in refused.refused
    assert interview.answer("x" * MAX_TEXT_LENGTH).accepted  # the bound itself is kept
    interview.answer("Dana")
    interview.answer("Lead")
    refused = interview.answer(YES, note=TOO_LONG)
    assert refused.refused is not None and "the note is too long" in refused.refused
    refused = interview.answer(DONT_KNOW, ask=TOO_LONG)
    assert refused.refused is not None and '"ask" (who can answer) is too long' in refused.refused


def test_the_writer_refuses_a_note_over_the_bound_in_one_line(
    store: SessionStore, small: Questionnaire
) -> None:
    interview = started(store, small)
    interview.answer("Gateway")
    path = store.path_of(interview.session.id)
    before = path.read_bytes()
    interview.session.answers["system_scope"].note = TOO_LONG  # beside the engine's check
    with pytest.raises(InputError) as raised:
        store.save(interview.session)
    (line,) = raised.value.lines
    assert line.startswith(f"{path}: not written, as smm could not read it back")
    assert "too long: 100,001 characters" in line
    assert path.read_bytes() == before


@pytest.mark.parametrize("key", ["note", "value"])
def test_the_reader_refuses_a_text_over_the_bound_in_one_line(
    store: SessionStore, small: Questionnaire, key: str
) -> None:
    interview = started(store, small)
    interview.answer("Gateway", note="short")
    path = store.path_of(interview.session.id)
    written = {"note": 'note = "short"', "value": 'value = "Gateway"'}[key]
    path.write_text(path.read_text().replace(written, f'{key} = "{TOO_LONG}"'))
    with pytest.raises(InputError) as raised:
        store.load(interview.session.id, small)
    (line,) = raised.value.lines
    assert line.startswith(str(path))
    assert f"answers.system_scope.{key}: too long: 100,001 characters" in line
    assert len(line) < 400  # the text itself is not repeated


def test_a_short_note_is_shown_whole() -> None:
    note = "Prix\u00a0: 5\u00a0%\nRACI in the wiki\nline 3\nline 4"
    assert fold_note(note) == note


def test_a_long_note_is_folded_to_its_first_lines_as_typed() -> None:
    note = "\n".join(f"line {number}\u00a0x\u200dy" for number in range(1, 31))
    folded = fold_note(note).splitlines()
    assert folded == [
        *(f"line {number}\u00a0x\u200dy" for number in range(1, 5)),
        "… (26 more of its 30 lines; the whole note is saved)",
    ]


def test_one_long_paragraph_is_folded_after_a_word() -> None:
    folded = fold_note("word " * 600, width=64).splitlines()  # 3,000 characters: 47 lines
    assert len(folded) == 2
    assert folded[0].endswith("word…") and len(folded[0]) <= 4 * 64
    assert folded[1] == "… (the rest is saved with the note)"


def test_a_line_cut_short_counts_as_not_shown() -> None:
    folded = fold_note("word " * 100 + "\nsecond line", width=64).splitlines()
    assert folded[-1] == "… (2 more of its 2 lines; the whole note is saved)"
