"""Hostile inputs, each with the outcome it must have.

Most cases run the real command line in a child process (``python -m interview``), so that
reading, checking and printing the error are tested together; the API is used where a child
process cannot set the scene (a NUL in a path, a full disk inside the store). Bad input always
has the same outcome: exit code 2; on stderr one line per problem (at most 20 and a count),
each starting ``smm: `` and naming the file (or the id or option); no traceback; no raw
control character on stdout or stderr; and no file written or changed anywhere.

The corpus (``REFUSALS`` is the table of inputs that must be refused; the tests after it are
the inputs that must work, or be refused in a way a table cannot check):

* Huge and endless files: a 40 MB questionnaire, session and CSV (over the 32 MiB limit);
  /dev/zero and a named pipe as a questionnaire, a session, a CSV and a `smm validate` file
  (refused at once, never read); a session with a 5 MB line (read); a CSV of a million rows
  (the first 20 problems and one line more, in seconds); a session of 100,000 unknown keys
  (20 lines and a count); a session with a wrong value and a line of 20,000 spaces (the line
  finder took minutes on 3,000).
* Deep nesting: 100,000 nested arrays or inline tables in a questionnaire and a session
  (refused); a note of 100,000 brackets (just text).
* Encodings: invalid UTF-8, UTF-16 and a NUL byte in a questionnaire, a session, a CSV, a
  profile and a plan (refused, naming the line); a raw escape character in a session's
  string; a UTF-8 byte-order mark (read as if absent).
* Control characters and markup in names and notes: escape sequences, BEL, CR, an RTL
  override, a zero-width space, Rich markup, HTML, newlines, 10,000 characters, a spreadsheet
  formula; through `smm import`, the interview and the plan, then `list`, `show`, `gap`,
  `report`, `export`, `plan show` and `history` in every format: nothing raw on the terminal,
  HTML and Markdown escaped, JSON exact, CSV formulas quoted and the CSV round trip exact.
* Path tricks: session references ``../../etc/passwd``, ``/etc/passwd``, ``..``, ``.``, ``a/b``,
  ``con``, ``-``, the empty string, an escape sequence, a NUL (API); ``--id ../x`` and the like
  on `smm import` and `smm profile save`; ``../x`` as a practice in `smm plan set`; a session
  file and a lock file in the folder that are links to files outside it (read, never written
  through).
* The sessions folder: a symbolic link (followed), a link to nothing, a file, read-only (with
  chmod unless root, and simulated).
* A full disk, simulated (each write fails with ENOSPC half-way): `smm import`, `smm accept`,
  `smm plan set`, `smm report -o`, `SessionStore.save` and `write_text_atomically`: one line,
  the previous file byte for byte, no temporary file left; stdout on /dev/full.
* Two processes: a session held by another smm is refused to `smm accept` and to `smm resume`
  (in a terminal) and left unchanged; four `smm import` at once, and two processes saving two
  sessions at once, all succeed.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import inspect
import io
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from interview.errors import InputError
from interview.files import read_text_file, write_text_atomically
from interview.plan import load_plan, save_plan, update_item
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from tests.helpers.hostile import (
    CURRENT_CSV,
    PROFILE,
    READ_ONLY,
    SMALL,
    TARGET_CSV,
    TIMEOUT,
    Q,
    Rig,
    assert_clean,
    assert_refused,
    import_csv,
    interview_session,
    small,
    tree,
    write_csv,
)

IMPORT = ("import", str(CURRENT_CSV), "--kind", "assessment", "--system", "Rig", *Q)
IMPORT_X = ("--kind", "target", "--system", "x", *Q)
BIG = 40 * 1024 * 1024

ESCAPES = "\x1b[2J\x1b]0;pwned\x07"
MARKUP = "[bold red]x[/] [link=file:///etc/passwd]y[/link] <script>alert(1)</script> &amp; <b>"
HOSTILE = f"Evil {ESCAPES} {MARKUP} \r\u202e\u200b\nsecond line"
FORMULA = '=HYPERLINK("http://example.com","click")'


# --- Running smm -----------------------------------------------------------------------------


"""Bidi controls and interlinear annotation characters (issue 17 B10: other format characters,
such as the zero-width space and joiners, and the Unicode spaces are text, shown as typed)."""


# --- Sessions --------------------------------------------------------------------------------


# --- Building hostile files ------------------------------------------------------------------


def put(rig: Rig, name: str, content: bytes) -> str:
    """Write a file under the rig (``sessions/x.toml`` lands in the sessions folder)."""
    path = rig.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return name


def huge(rig: Rig, name: str) -> str:
    """A 40 MB file (sparse: cheap to make, as costly as any to read)."""
    with (rig.root / name).open("wb") as stream:
        stream.write(b"# a comment\n")
        stream.truncate(BIG)
    return name


def fifo(rig: Rig) -> str:
    os.mkfifo(rig.root / "pipe")
    return str(rig.root / "pipe")


def session_bytes(rig: Rig) -> bytes:
    """The assessment ``c`` as saved, for hand-edited copies."""
    return (rig.sessions / "c.toml").read_bytes()


def edited_session(rig: Rig, name: str, replacement: bytes) -> str:
    """A copy of ``c`` whose ``role = ""`` line is replaced; its id."""
    content = session_bytes(rig).replace(b'role = ""', replacement, 1)
    put(rig, f"sessions/{name}.toml", content)
    return name


def deep(opening: str, closing: str, value: str = "") -> bytes:
    return f"a = {opening * 100_000}{value}{closing * 100_000}\n".encode()


def plan_bytes(rig: Rig) -> bytes:
    plan = load_plan(rig.sessions, "Rig")
    update_item(plan, "D1.1", owner="Ana")
    return save_plan(rig.sessions, plan).read_bytes()


FileKind = tuple[Callable[[Rig], bytes], str, tuple[str, ...]]
"""The original content, where the broken copy goes, and the command that reads it."""

FILE_KINDS: dict[str, FileKind] = {
    "questionnaire": (lambda rig: SMALL.read_bytes(), "q.toml", ("validate", "q.toml")),
    "session": (session_bytes, "sessions/s.toml", ("show", "s", *Q)),
    "CSV": (lambda rig: CURRENT_CSV.read_bytes(), "l.csv", ("import", "l.csv", *IMPORT_X)),
    "profile": (
        lambda rig: PROFILE.read_bytes(),
        "p.toml",
        ("new", "target", "--profile", "p.toml", *Q),
    ),
    "plan": (
        plan_bytes,
        "sessions/plans/rig.toml",
        ("plan", "set", "t", "D1.1", "--owner", "Bo", *Q),
    ),
}


def bad_second_line(text: bytes) -> bytes:
    """Bytes that are not UTF-8 at the start of the second line."""
    first, rest = text.split(b"\n", 1)
    return first + b"\n\xff\xfe" + rest


ENCODINGS: dict[str, tuple[Callable[[bytes], bytes], int, str]] = {
    "invalid UTF-8": (bad_second_line, 2, "not valid UTF-8"),
    "UTF-16": (lambda text: text.decode("utf-8").encode("utf-16"), 1, "not valid UTF-8"),
    "a NUL byte": (lambda text: text.replace(b"\n", b"\x00\n", 1), 1, ""),
}
"""How to spoil a file, the line the error must name, and what it must say."""


def spoiled(kind: str, encoding: str) -> Callable[[Rig], tuple[str, ...]]:
    """A builder: the file of ``kind`` spoiled by ``encoding``; the command that reads it."""
    original, name, command = FILE_KINDS[kind]
    spoil = ENCODINGS[encoding][0]

    def build(rig: Rig) -> tuple[str, ...]:
        put(rig, name, spoil(original(rig)))
        return command

    return build


# --- The table of refusals -------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A hostile input that must be refused: exit 2, ``lines`` lines naming every needle."""

    name: str
    build: Callable[[Rig], tuple[str, ...]]
    """Makes the hostile input in the rig; gives the command's arguments."""
    needles: tuple[str, ...]
    lines: int = 1


def huge_session(rig: Rig) -> str:
    huge(rig, "sessions/big.toml")
    return "big"


def deep_session(rig: Rig) -> str:
    put(rig, "sessions/deep.toml", deep("[", "]"))
    return "deep"


def million_rows(rig: Rig) -> str:
    return put(rig, "rows.csv", CURRENT_CSV.read_bytes() + b"D1.1,2,1,\n" * 1_000_000)


def unknown_keys(rig: Rig) -> str:
    keys = b"".join(b"k%d = 1\n" % number for number in range(100_000))
    return edited_session(rig, "keys", b'role = ""\n' + keys)


def spaces(rig: Rig) -> str:
    return edited_session(rig, "spaces", b"role = 5\n" + b" " * 20_000 + b"# a comment")


def own_profile_not_utf8(rig: Rig) -> tuple[str, ...]:
    put(rig, "profiles/mine.toml", b"\xff")
    return ("profiles",)  # with the shipped questionnaire, which the shipped profiles fit


def as_folder_file(rig: Rig) -> None:
    shutil.rmtree(rig.sessions)
    rig.sessions.write_text("not a folder\n")


def as_dangling_link(rig: Rig) -> None:
    shutil.rmtree(rig.sessions)
    rig.sessions.symlink_to(rig.root / "nowhere")


FOLDER_TRICKS: list[tuple[Callable[[Rig], None], str, str]] = [
    (as_folder_file, "a file", "sessions: the sessions folder is a file, not a folder"),
    (as_dangling_link, "a link to nothing", "the sessions folder is a symbolic link to nothing"),
]
"""How the sessions folder is spoiled, in words, and what the refusal says."""


def in_folder(
    how: Callable[[Rig], None], what: str, says: str, command: tuple[str, ...]
) -> Refusal:
    """``command`` run with the sessions folder made hostile by ``how``."""

    def build(rig: Rig) -> tuple[str, ...]:
        how(rig)
        return command

    return Refusal(f"sessions folder is {what}, {command[0]}", build, (says,))


def show(reference: str, says: str) -> Refusal:
    return Refusal(f"session reference {reference!r}", lambda rig: ("show", reference, *Q), (says,))


def import_as(new_id: str) -> Refusal:
    command = (*IMPORT, "--id", new_id)
    return Refusal(f"import --id {new_id!r}", lambda rig: command, ("not a session id",))


HUGE_AND_ENDLESS = [
    Refusal(
        "40MB questionnaire, validate",
        lambda rig: ("validate", huge(rig, "big.toml")),
        ("big.toml: too large for a questionnaire file",),
    ),
    Refusal(
        "40MB questionnaire, option",
        lambda rig: ("list", "--questionnaire", huge(rig, "big.toml")),
        ("big.toml: too large",),
    ),
    Refusal(
        "40MB session",
        lambda rig: ("show", huge_session(rig), *Q),
        ("big.toml: too large for a session file",),
    ),
    Refusal(
        "40MB CSV",
        lambda rig: ("import", huge(rig, "big.csv"), *IMPORT_X),
        ("big.csv: too large for a CSV file",),
    ),
    Refusal(
        "/dev/zero, validate",
        lambda rig: ("validate", "/dev/zero"),
        ("/dev/zero: is not a regular file",),
    ),
    Refusal(
        "/dev/zero as questionnaire",
        lambda rig: ("list", "--questionnaire", "/dev/zero"),
        ("/dev/zero: is not a regular file; give a questionnaire file",),
    ),
    Refusal(
        "/dev/zero as session",
        lambda rig: ("show", "/dev/zero", *Q),
        ("/dev/zero: is not a regular file; give a session file",),
    ),
    Refusal(
        "/dev/zero as CSV",
        lambda rig: ("import", "/dev/zero", *IMPORT_X),
        ("/dev/zero: is not a regular file; give a CSV file",),
    ),
    Refusal("pipe, validate", lambda rig: ("validate", fifo(rig)), ("pipe: is not a regular",)),
    Refusal(
        "pipe as questionnaire",
        lambda rig: ("model", "--questionnaire", fifo(rig)),
        ("pipe: is not a regular file",),
    ),
    Refusal(
        "pipe as session", lambda rig: ("gap", fifo(rig), "c", *Q), ("pipe: is not a regular",)
    ),
    Refusal(
        "pipe as CSV", lambda rig: ("import", fifo(rig), *IMPORT_X), ("pipe: is not a regular",)
    ),
    Refusal(
        "CSV of a million rows",
        lambda rig: ("import", million_rows(rig), "--kind", "assessment", "--system", "x", *Q),
        ("rows.csv:5: practice D1.1 again", "rows.csv: 20 problems; the rest of the file"),
        lines=21,
    ),
    Refusal(
        "session of 100,000 unknown keys",
        lambda rig: ("show", unknown_keys(rig), *Q),
        ("keys.toml:9: k0: unknown key", "keys.toml: and 99980 more problems not listed"),
        lines=21,
    ),
    Refusal(
        "a wrong value and 20,000 spaces",
        lambda rig: ("show", spaces(rig), *Q),
        ("spaces.toml:8: role: input should be a valid string",),
    ),
]

DEEP = [
    Refusal(
        "100,000 nested arrays, validate",
        lambda rig: ("validate", put(rig, "deep.toml", deep("[", "]"))),
        ("deep.toml: not valid TOML: arrays or inline tables nested too deeply",),
    ),
    Refusal(
        "100,000 nested inline tables as questionnaire",
        lambda rig: ("list", "--questionnaire", put(rig, "deep.toml", deep("{b = ", "}", "1"))),
        ("deep.toml: not valid TOML", "nested too deeply"),
    ),
    Refusal(
        "100,000 nested arrays in a session",
        lambda rig: ("show", deep_session(rig), *Q),
        ("deep.toml: not valid TOML", "nested too deeply"),
    ),
]

ENCODING_REFUSALS = [
    Refusal(
        f"{kind} with {encoding}",
        spoiled(kind, encoding),
        tuple(n for n in (f"{Path(FILE_KINDS[kind][1]).name}:{line}: ", says) if n),
    )
    for kind in FILE_KINDS
    for encoding, (_, line, says) in ENCODINGS.items()
] + [
    Refusal(
        "raw escape in a session string",
        lambda rig: ("show", edited_session(rig, "esc", b'role = "\x1b[2J"'), *Q),
        ("esc.toml:8: not valid TOML: Illegal character '\\x1b'",),
    ),
    Refusal("own profile not UTF-8", own_profile_not_utf8, ("mine.toml:1: not valid UTF-8",)),
]

PATH_TRICKS = [
    show("../../etc/passwd", "../../etc/passwd: "),
    show("/etc/passwd", "/etc/passwd"),
    show("..", "..: not a session id"),
    show(".", ".: not a session id"),
    show("a/b", "a/b: no such file"),
    show("con", "con: no such session in"),
    show("-", "-: not a session id"),
    show("", "'': not a session id"),
    show("\x1b[2Jx", "\\x1b[2Jx: not a session id"),
    Refusal(
        "gap with ../../etc/passwd",
        lambda rig: ("gap", "../../etc/passwd", "c", *Q),
        ("../../etc/passwd",),
    ),
    Refusal("resume ../x", lambda rig: ("resume", "../x", *Q), ("../x: no such file",)),
    *(import_as(new_id) for new_id in ["../x", "/tmp/x", "..", "x.toml", "", "a\nb"]),
    Refusal(
        "profile save --id ../x",
        lambda rig: ("profile", "save", "t", "--id", "../x", *Q),
        ("--id '../x': not a profile id",),
    ),
    Refusal(
        "plan set ../x",
        lambda rig: ("plan", "set", "t", "../x", "--owner", "x", *Q),
        ("../x: no such practice",),
    ),
]

FOLDERS = [
    in_folder(how, what, says, command)
    for how, what, says in FOLDER_TRICKS
    for command in (("list", *Q), IMPORT, ("show", "c", *Q))
]

REFUSALS = [*HUGE_AND_ENDLESS, *DEEP, *ENCODING_REFUSALS, *PATH_TRICKS, *FOLDERS]


@pytest.mark.parametrize("case", REFUSALS, ids=lambda case: case.name)
def test_hostile_input_is_refused_in_one_line_and_changes_nothing(rig: Rig, case: Refusal) -> None:
    arguments = case.build(rig)
    before = tree(rig.root)
    assert_refused(rig.smm(*arguments), *case.needles, lines=case.lines)
    assert tree(rig.root) == before


# --- Inputs that must work -------------------------------------------------------------------


BOM = b"\xef\xbb\xbf"


def test_a_utf8_byte_order_mark_is_read_as_if_absent(rig: Rig) -> None:
    put(rig, "q.toml", BOM + SMALL.read_bytes())
    put(rig, "sessions/bom.toml", BOM + session_bytes(rig))
    put(rig, "bom.csv", BOM + CURRENT_CSV.read_bytes())
    for arguments in [
        ("validate", "q.toml"),
        ("show", "bom", *Q),
        ("import", "bom.csv", "--kind", "assessment", "--system", "x", *Q),
    ]:
        result = rig.smm(*arguments)
        assert (result.code, result.err) == (0, ""), (arguments, result)


def test_a_session_with_a_long_line_is_read_and_one_over_the_bound_refused(rig: Rig) -> None:
    """A role of 100,000 characters (the bound on one text) is read; one of 5 MB is refused
    in one line, quickly (smm never writes it: the interview refuses it first)."""
    edited_session(rig, "long", b'role = "' + b"r" * 100_000 + b'"')
    started = time.monotonic()
    result = rig.smm("list", *Q)
    assert (result.code, result.err) == (0, "")
    assert "long" in result.out and len(result.out) < 2000
    shown = rig.smm("show", "long", "--json", *Q)
    assert json.loads(shown.out)["role"] == "r" * 100_000
    edited_session(rig, "huge", b'role = "' + b"r" * 5_000_000 + b'"')
    refused = rig.smm("show", "huge", *Q)
    assert refused.code != 0 and refused.err.count("\n") == 1
    assert "role: too long: 5,000,000 characters" in refused.err
    assert time.monotonic() - started < 20


def test_a_note_of_100000_brackets_is_text(rig: Rig) -> None:
    note = "[" * 50_000 + "{" * 50_000
    interview_session(SessionStore(rig.sessions), "brackets", "Rig", note)
    result = rig.smm("show", "brackets", "--json", *Q)
    assert result.code == 0, result
    assert [answer["note"] for answer in json.loads(result.out)["answers"]][-1] == note


# --- Control characters and markup in names and notes ----------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Rig:
    """Sessions whose system, interviewee, role, notes, reasons and plan are all HOSTILE or
    FORMULA: an imported target and assessment, an interview, and a plan."""
    made = Rig(tmp_path_factory.mktemp("hostile"), cache_dir)
    store = SessionStore(made.sessions)
    target = write_csv(
        made.root / "target.csv",
        [("D1.1", "3", "2", HOSTILE), ("D1.2", "2", "1", FORMULA), ("F1.1", "2", "1", "")],
    )
    current = write_csv(
        made.root / "current.csv",
        [("D1.1", "1", "1", FORMULA), ("D1.2", "0", "", HOSTILE), ("F1.1", "0", "", "")],
    )
    import_csv(store, SessionKind.TARGET, HOSTILE, target, "evil-target")
    import_csv(store, SessionKind.ASSESSMENT, HOSTILE, current, "evil-current")
    interview_session(store, "evil-interview", HOSTILE, HOSTILE)
    plan = load_plan(made.sessions, HOSTILE)
    update_item(plan, "D1.1", owner=HOSTILE, note=FORMULA, due=date(2026, 1, 1))
    save_plan(made.sessions, plan)
    return made


GAP = ("gap", "evil-target", "evil-current")
OUTPUTS: list[tuple[str, tuple[str, ...]]] = [
    ("text", ("list",)),
    ("json", ("list", "--json")),
    ("text", ("show", "evil-interview")),
    ("json", ("show", "evil-interview", "--json")),
    ("text", GAP),
    ("md", (*GAP, "--format", "md")),
    ("html", (*GAP, "--format", "html")),
    ("json", (*GAP, "--format", "json")),
    ("csv", (*GAP, "--format", "csv")),
    ("text", ("report", "evil-current")),
    ("md", ("report", "evil-target", "--format", "md")),
    ("html", ("report", "evil-target", "--format", "html")),
    ("json", ("report", "evil-current", "--format", "json")),
    ("csv", ("export", "evil-current", "--format", "csv")),
    ("json", ("export", "evil-current", "--format", "json")),
    ("text", ("plan", "show", "evil-target", "evil-current")),
    ("json", ("plan", "show", "evil-target", "evil-current", "--json")),
    ("text", ("history", "evil-current")),
]


def strings(data: Any) -> Iterator[str]:
    """Every string in a JSON document, keys and values."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def check_format(kind: str, out: str) -> None:
    """User text in each format: escaped for a terminal, HTML, Markdown; exact in JSON."""
    if kind == "json":
        assert HOSTILE in set(strings(json.loads(out)))
    elif kind == "html":
        assert "<script>" not in out and "<b>" not in out and "&lt;script&gt;" in out
    elif kind == "md":
        assert "<script>" not in out and "\\<script\\>" in out and "\\[bold red\\]" in out
    elif kind == "csv":
        cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    else:
        assert "\\x1b[2J" in out or "\\x1b]0" in out or "Evil \\x1b" in out


@pytest.mark.parametrize(("kind", "arguments"), OUTPUTS, ids=lambda x: str(x))
def test_names_and_notes_are_shown_as_text_in_every_output(
    hostile: Rig, kind: str, arguments: tuple[str, ...]
) -> None:
    result = hostile.smm(*arguments, *Q)
    assert (result.code, result.err) == (0, ""), result
    assert_clean(result)
    check_format(kind, result.out)


def test_the_csv_guards_formulas_and_round_trips_exactly(hostile: Rig) -> None:
    first = hostile.smm("export", "evil-current", "--format", "csv", *Q).out
    assert ["D1.1", "1", "1", f"'{FORMULA}"] in list(csv.reader(io.StringIO(first)))
    put(hostile, "exported.csv", first.encode())
    again = hostile.smm(
        "import", "exported.csv", "--kind", "assessment", "--system", "Again", "--id", "again", *Q
    )
    assert again.code == 0, again
    assert SessionStore(hostile.sessions).read("again").levels["D1.1"].reason == FORMULA
    assert hostile.smm("export", "again", "--format", "csv", *Q).out == first


def test_a_name_of_10000_characters_and_lines(rig: Rig) -> None:
    system = "x" * 10_000 + "\nline two\x1b[2J"
    made = rig.smm("import", str(TARGET_CSV), "--kind", "target", "--system", system, *Q)
    assert made.code == 0, made
    session_id = made.out.strip()
    assert session_id.startswith(f"{'x' * 40}-")  # a slug of 40, a hash of the whole name,
    assert "-target-" in session_id  # the kind and the date
    listed = rig.smm("list", *Q)
    assert listed.code == 0 and max(len(line) for line in listed.out.splitlines()) < 200
    shown = rig.smm("show", session_id, *Q)
    assert shown.code == 0 and "x\\nline two\\x1b[2J" in shown.out
    assert_clean(listed)
    assert_clean(shown)


def test_a_broken_session_named_with_an_escape_is_named_escaped(rig: Rig) -> None:
    put(rig, "sessions/bad\x1b[2J.toml", b"kind = \n")
    result = rig.smm("list", *Q)
    assert result.code == 2 and len(result.err_lines) == 1, result
    assert "bad\\x1b[2J.toml" in result.err and "Rig" in result.out
    assert_clean(result)


# --- Links in and around the sessions folder -------------------------------------------------


def test_a_sessions_folder_that_is_a_link_is_followed(rig: Rig) -> None:
    real = rig.root / "real"
    rig.sessions.rename(real)
    rig.sessions.symlink_to(real)
    made = rig.smm(*IMPORT, "--id", "through-link")
    assert made.code == 0, made
    assert (real / "through-link.toml").is_file() and rig.sessions.is_symlink()
    assert "through-link" in rig.smm("list", *Q).out


def test_a_session_file_linked_from_outside_is_read_but_never_written_through(rig: Rig) -> None:
    outside = rig.root / "outside" / "victim.toml"
    outside.parent.mkdir()
    outside.write_bytes(session_bytes(rig))
    (rig.sessions / "linked.toml").symlink_to(outside)
    before = outside.read_bytes()
    assert "linked" in rig.smm("list", *Q).out
    accepted = rig.smm("accept", "linked", *Q)  # reads the session, then saves it
    assert accepted.code == 0, accepted
    assert outside.read_bytes() == before
    assert not (rig.sessions / "linked.toml").is_symlink()


def test_a_lock_file_linked_to_a_file_outside_is_refused_and_left_alone(rig: Rig) -> None:
    precious = rig.root / "precious.txt"
    precious.write_text("keep me\n")
    (rig.sessions / ".c.lock").symlink_to(precious)
    before = tree(rig.root)
    assert_refused(rig.smm("accept", "c", *Q), ".c.lock: cannot lock the session")
    assert tree(rig.root) == before


# --- A read-only sessions folder -------------------------------------------------------------


WRITERS = [
    pytest.param(IMPORT, "sessions: cannot save a session here (Permission", id="import"),
    pytest.param(
        ("plan", "set", "t", "D1.1", "--owner", "Bo", *Q),
        "plans: cannot create this folder (Permission denied)",
        id="plan set",
    ),
    pytest.param(
        ("accept", "c", *Q), ".c.lock: cannot lock the session (Permission denied)", id="accept"
    ),
    pytest.param(
        ("report", "c", "--format", "md", "-o", "sessions/c.md", *Q),
        "c.md: cannot write here (Permission denied)",
        id="report -o",
    ),
]


@pytest.mark.parametrize(("arguments", "says"), WRITERS)
def test_a_read_only_sessions_folder_simulated(
    rig: Rig, arguments: tuple[str, ...], says: str
) -> None:
    before = tree(rig.root)
    argv = [sys.executable, "-c", READ_ONLY, str(rig.sessions), *arguments]
    assert_refused(rig.run(argv), says)
    assert tree(rig.root) == before


@pytest.mark.parametrize(("arguments", "says"), WRITERS)
def test_a_read_only_sessions_folder_for_real(
    rig: Rig, arguments: tuple[str, ...], says: str
) -> None:
    rig.sessions.chmod(0o555)
    try:
        if os.access(rig.sessions, os.W_OK):
            pytest.skip("running as root: chmod does not stop root writing (see the simulation)")
        before = tree(rig.root)
        assert_refused(rig.smm(*arguments), says)
        assert tree(rig.root) == before
    finally:
        rig.sessions.chmod(0o755)


# --- A full disk (simulated) -----------------------------------------------------------------


class FullDisk:
    """A file on a full disk: half of what is written lands, then ENOSPC."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exception: object) -> None:
        self.stream.close()

    def write(self, text: str) -> int:
        self.stream.write(text[: len(text) // 2])
        self.stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


FULL_DISK = f"""
from __future__ import annotations
import errno, os, sys
from typing import Any
{inspect.getsource(FullDisk)}
real_fdopen = os.fdopen
os.fdopen = lambda *args, **kwargs: FullDisk(real_fdopen(*args, **kwargs))
from interview.cli import main
sys.exit(main(sys.argv[1:]))
"""

FILLERS = [
    pytest.param(
        IMPORT,
        "sessions: cannot save the session (No space left on device); nothing was written",
        id="import",
    ),
    pytest.param(("accept", "c", *Q), "the previous save is intact", id="accept"),
    pytest.param(
        ("plan", "set", "t", "D1.1", "--owner", "Cy", *Q),
        "rig.toml: cannot write the file (No space left on device); nothing was changed",
        id="plan set",
    ),
    pytest.param(
        ("report", "c", "-o", "report.txt", *Q),
        "report.txt: cannot write the file (No space left on device)",
        id="report -o",
    ),
]


@pytest.mark.parametrize(("arguments", "says"), FILLERS)
def test_a_full_disk_leaves_every_file_as_it_was(
    rig: Rig, arguments: tuple[str, ...], says: str
) -> None:
    assert rig.smm("plan", "set", "t", "D1.1", "--owner", "Ana", *Q).code == 0
    assert rig.smm("report", "c", "-o", "report.txt", *Q).code == 0
    before = tree(rig.root, skip_locks=True)
    argv = [sys.executable, "-c", FULL_DISK, *arguments]
    assert_refused(rig.run(argv), says)
    assert tree(rig.root, skip_locks=True) == before  # no temporary file left, either


def test_a_full_disk_in_the_store_and_in_write_text_atomically(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SessionStore(rig.sessions)
    session = store.load("c", small()).session
    session.role = "changed"
    target = rig.root / "out.txt"
    target.write_text("old\n")
    before = tree(rig.root)
    real_fdopen = os.fdopen

    def full_fdopen(*args: Any, **kwargs: Any) -> FullDisk:
        return FullDisk(real_fdopen(*args, **kwargs))

    monkeypatch.setattr(os, "fdopen", full_fdopen)
    attempts: list[Callable[[], None]] = [
        lambda: store.save(session),
        lambda: write_text_atomically(target, "new"),
    ]
    for attempt in attempts:
        with pytest.raises(InputError) as refused:
            attempt()
        assert len(refused.value.lines) == 1 and "No space left" in refused.value.lines[0]
    assert tree(rig.root) == before


def test_stdout_on_a_full_disk_is_one_line(rig: Rig) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            rig.command("report", "c", *Q),
            stdout=full,
            stderr=subprocess.PIPE,
            env=rig.env(),
            cwd=rig.root,
            timeout=TIMEOUT,
            encoding="utf-8",
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "smm: cannot write the output (No space left on device)\n"


# --- NUL characters in names (the API: a command line cannot hold one) ------------------------


@pytest.mark.parametrize("reference", ["a\x00b", "x/a\x00b", "a\x00b.toml"])
def test_a_nul_in_a_session_reference_is_refused(rig: Rig, reference: str) -> None:
    with pytest.raises(InputError) as refused:
        SessionStore(rig.sessions).load(reference, small())
    assert len(refused.value.lines) == 1 and "\\x00" in refused.value.lines[0]


def test_a_nul_in_a_file_name_is_refused(rig: Rig) -> None:
    for attempt in (
        lambda: read_text_file(rig.root / "a\x00b.csv", "CSV"),
        lambda: write_text_atomically(rig.root / "a\x00b.txt", "x"),
    ):
        with pytest.raises(InputError) as refused:
            attempt()
        assert len(refused.value.lines) == 1
        assert (
            "a\\x00b" in refused.value.lines[0] and "cannot contain a NUL" in refused.value.lines[0]
        )


# --- Two processes ---------------------------------------------------------------------------


HOLD = """
import sys
from pathlib import Path
from interview.session.store import SessionStore
store = SessionStore(Path(sys.argv[1]))
with store.locked(store.read(sys.argv[2]).id):
    print("locked", flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@contextlib.contextmanager
def held(rig: Rig, session_id: str) -> Iterator[None]:
    """Another process holds the session's lock, as an open interview does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(rig.sessions), session_id],
        env=rig.env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline() == "locked\n"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=TIMEOUT)


def test_a_session_open_in_another_smm_is_refused_to_accept(rig: Rig) -> None:
    before = tree(rig.root, skip_locks=True)
    with held(rig, "c"):
        result = rig.smm("accept", "c", *Q)
    assert_refused(result, "c.toml: this session is open in another smm; finish or quit it")
    assert tree(rig.root, skip_locks=True) == before


def in_a_terminal(rig: Rig, *args: str) -> tuple[int, str]:
    """Run smm in a pseudo-terminal (the interview needs one); its code and all it wrote."""
    main_end, child_end = pty.openpty()
    child = subprocess.Popen(
        rig.command(*args),
        stdin=child_end,
        stdout=child_end,
        stderr=child_end,
        env=rig.env() | {"TERM": "xterm"},
        cwd=rig.root,
    )
    os.close(child_end)
    written = bytearray()
    deadline = time.monotonic() + TIMEOUT
    with contextlib.suppress(OSError):  # EIO once the child has closed the terminal
        while time.monotonic() < deadline:
            if select.select([main_end], [], [], 0.1)[0]:
                chunk = os.read(main_end, 65536)
                if not chunk:
                    break
                written += chunk
            elif child.poll() is not None:
                break
    os.close(main_end)
    if child.poll() is None:
        child.kill()
    return child.wait(timeout=5), written.decode("utf-8", "replace")


def test_a_session_open_in_another_smm_is_refused_to_resume(rig: Rig) -> None:
    interview_session(SessionStore(rig.sessions), "open", "Rig", "a note")
    before = tree(rig.root, skip_locks=True)
    with held(rig, "open"):
        code, written = in_a_terminal(rig, "resume", "open", *Q)
    message = written[written.rindex("smm: ") :].strip()
    assert code == 2 and "Traceback" not in written
    assert message.startswith("smm: ") and "\n" not in message and "\x1b" not in message
    assert "open.toml: this session is open in another smm" in message
    assert tree(rig.root, skip_locks=True) == before


def test_four_imports_at_once_all_succeed(rig: Rig) -> None:
    arguments = ("import", str(CURRENT_CSV), "--kind", "assessment", "--system", "Same", *Q)
    children = [
        subprocess.Popen(
            rig.command(*arguments),
            env=rig.env(),
            cwd=rig.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    finished = [child.communicate(timeout=TIMEOUT) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], finished
    ids = {out.strip() for out, _ in finished}
    assert len(ids) == 4
    store = SessionStore(rig.sessions)
    assert all(store.load(session_id, small()).session.system == "Same" for session_id in ids)


SAVE_MANY = """
import sys
from pathlib import Path
from interview.session.store import SessionStore
store = SessionStore(Path(sys.argv[1]))
session = store.read(sys.argv[2])
for number in range(100):
    session.role = f"save {number}"
    store.save(session)
"""


def test_two_processes_saving_two_sessions_at_once(rig: Rig) -> None:
    children = [
        subprocess.Popen([sys.executable, "-c", SAVE_MANY, str(rig.sessions), name], env=rig.env())
        for name in ("t", "c")
    ]
    assert [child.wait(timeout=TIMEOUT) for child in children] == [0, 0]
    store = SessionStore(rig.sessions)
    assert [store.load(name, small()).session.role for name in ("t", "c")] == ["save 99"] * 2
    assert sorted(path.name for path in rig.sessions.iterdir()) == ["c.toml", "t.toml"]
