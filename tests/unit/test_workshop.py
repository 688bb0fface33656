"""A served workshop's seats: each browser sees its own sessions, a code opens one elsewhere."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.summary import SessionSummary
from interview.errors import InputError
from interview.services.workshop import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Seat,
    Workshop,
    shown_code,
    typed_code,
)
from interview.session.model import Phase, SessionKind

ANN = "ann-browser-0123456789"
BOB = "bob-browser-0123456789"
WHEN = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def summary(session_id: str, phase: Phase = Phase.INTERVIEW) -> SessionSummary:
    return SessionSummary(
        id=session_id,
        kind=SessionKind.TARGET,
        system="Pump",
        interviewee="",
        role="",
        phase=phase,
        practices_done=0,
        practices_total=18,
        answered=0,
        created=WHEN,
        updated=WHEN,
    )


def test_a_browser_sees_the_sessions_it_started_and_no_other(tmp_path: Path) -> None:
    ann, bob = Workshop(tmp_path, Seat(ANN)), Workshop(tmp_path, Seat(BOB))
    ann.claim("pump-target")
    bob.claim("gateway-target")
    everything = [summary("pump-target"), summary("gateway-target"), summary("other")]
    assert [s.id for s in ann.visible(everything)] == ["pump-target"]
    assert [s.id for s in bob.visible(everything)] == ["gateway-target"]
    assert ann.may_open("pump-target")
    assert not ann.may_open("gateway-target")
    assert not bob.may_open("pump-target")


def test_the_consultant_sees_every_session(tmp_path: Path) -> None:
    consultant = Workshop(tmp_path, Seat(ANN, consultant=True))
    everything = [summary("pump-target"), summary("other", Phase.DONE)]
    assert consultant.visible(everything) == everything
    assert consultant.may_open("other")


def test_a_code_is_drawn_once_per_session_and_readable(tmp_path: Path) -> None:
    ann = Workshop(tmp_path, Seat(ANN))
    code = ann.claim("pump-target")
    assert len(code) == CODE_LENGTH
    assert set(code) <= set(CODE_ALPHABET)
    assert not set(code) & set("01OIL")
    assert ann.claim("pump-target") == code  # claimed again: the same code
    assert ann.code_of("pump-target") == code
    assert ann.claim("gateway-target") != code
    assert shown_code("K7P4QX2M") == "K7P4-QX2M"


def test_the_code_opens_the_session_in_another_browser_from_then_on(tmp_path: Path) -> None:
    code = Workshop(tmp_path, Seat(ANN)).claim("pump-target")
    bob = Workshop(tmp_path, Seat(BOB))
    assert not bob.may_open("pump-target")
    typed = f"  {shown_code(code).lower()} "  # as read out and typed by hand
    assert bob.open_with_code(typed) == "pump-target"
    assert bob.may_open("pump-target")
    assert [s.id for s in bob.visible([summary("pump-target")])] == ["pump-target"]


@pytest.mark.parametrize("typed", ["", "K7P4", "K7P4-QX2M-9", "O0I1-L234", "<b>x</b>"])
def test_a_wrong_code_opens_nothing_and_says_so_in_one_line(tmp_path: Path, typed: str) -> None:
    Workshop(tmp_path, Seat(ANN)).claim("pump-target")
    bob = Workshop(tmp_path, Seat(BOB))
    with pytest.raises(InputError) as refused:
        bob.open_with_code(typed)
    (line,) = refused.value.lines
    assert line.startswith("no session has the code")
    assert not bob.may_open("pump-target")


def test_typed_codes_ignore_case_spaces_and_dashes() -> None:
    assert typed_code("k7p4-qx2m") == "K7P4QX2M"
    assert typed_code("K7P4 QX2M") == "K7P4QX2M"
    assert typed_code("K7P4QX2") is None
    assert typed_code("K7P4QX20") is None  # 0 is never drawn


def test_two_tabs_claiming_at_once_lose_neither_claim(tmp_path: Path) -> None:
    seats = [Workshop(tmp_path, Seat(f"browser-{n:02d}-0123456789")) for n in range(8)]
    threads = [
        threading.Thread(target=seat.claim, args=(f"session-{n}",)) for n, seat in enumerate(seats)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, seat in enumerate(seats):
        assert seat.may_open(f"session-{n}")
        assert seat.code_of(f"session-{n}") is not None


def test_a_damaged_seats_file_is_one_line_naming_it(tmp_path: Path) -> None:
    ann = Workshop(tmp_path, Seat(ANN))
    ann.claim("pump-target")
    ann.path.write_text('schema_version = 1\n[codes]\n"bad code" = "x"\n', encoding="utf-8")
    with pytest.raises(InputError) as refused:
        ann.may_open("pump-target")
    assert str(ann.path) in refused.value.lines[0]


@pytest.mark.parametrize(
    "given", ["", "browser:", "browser:short", "admin:" + ANN, "browser:../../etc/pass-word1"]
)
def test_only_the_seats_the_server_gives_are_taken(given: str) -> None:
    with pytest.raises(InputError):
        Seat.parse(given)


def test_a_seat_survives_its_round_trip_through_the_tab_command() -> None:
    for seat in (Seat(ANN), Seat(BOB, consultant=True)):
        assert Seat.parse(seat.argument()) == seat
