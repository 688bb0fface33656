"""Hostile and legitimate text, each with the outcome it must have (issue 17, the text cases).

* Arguments argparse does not know, holding an escape sequence and a BEL (``smm list
  $'\\e]0;pwned\\a'``), and an ambiguous option holding one: one line on stderr, exit 2, the
  control characters escaped (checked byte by byte, as ``od -c`` would).
* A level CSV whose note cell is longer than the csv module's default 128 KiB limit (a note of
  Windows line ends that is within the note bound once read): imported. A note over the note
  bound: refused in one line naming the line, not blamed on the quoting. An answers CSV with
  such a cell: one line, never an unexpected error.
* `smm profile save` of an imported target whose system name holds a newline and TOML (a key,
  a table), control characters and a bidi override, or nothing odd: the profile holds the name
  as written, no key comes from it, and `smm profiles` lists it (exit 0, nothing on stderr);
  the shipped profiles, made for another questionnaire, are left out with a note. A profile
  whose text would not read back as the profile saved is not written.
"""

from __future__ import annotations

import csv
import io
import subprocess
import tomllib
from pathlib import Path

import pytest

from interview import profiles
from interview.errors import InputError
from interview.profiles import load_profile
from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore
from tests.reliability.test_hostile import (
    CURRENT_CSV,
    PROFILE,
    SMALL,
    TARGET_CSV,
    TIMEOUT,
    Q,
    Rig,
    assert_clean,
    assert_refused,
    import_csv,
)

ESCAPE_AND_BELL = "\x1b]0;pwned\x07"
RAW_CONTROLS = (b"\x1b", b"\x07")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def rig(tmp_path: Path, cache_dir: Path) -> Rig:
    made = Rig(tmp_path, cache_dir)
    store = SessionStore(made.sessions)
    import_csv(store, SessionKind.TARGET, "Rig", TARGET_CSV, "t")
    import_csv(store, SessionKind.ASSESSMENT, "Rig", CURRENT_CSV, "c")
    return made


def stderr_bytes(rig: Rig, *args: str) -> tuple[int, bytes]:
    """The exit code and the raw bytes smm wrote on stderr."""
    done = subprocess.run(
        rig.command(*args), cwd=rig.root, env=rig.env(), capture_output=True, timeout=TIMEOUT
    )
    return done.returncode, done.stderr


def level_csv(path: Path, note: str) -> Path:
    """The assessment CSV of the tests, with ``note`` on its first practice."""
    rows = list(csv.reader(io.StringIO(CURRENT_CSV.read_text(encoding="utf-8"))))
    rows[1][3] = note
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode())
    return path


# --- Arguments argparse does not know ----------------------------------------------------------


@pytest.mark.parametrize(
    "arguments",
    [("list", ESCAPE_AND_BELL), ("list", f"--x{ESCAPE_AND_BELL}"), (f"--ses{ESCAPE_AND_BELL}",)],
    ids=["unknown argument", "unknown option", "unknown command option"],
)
def test_arguments_argparse_refuses_are_echoed_escaped(
    rig: Rig, arguments: tuple[str, ...]
) -> None:
    code, err = stderr_bytes(rig, *arguments)
    assert code == 2, err
    assert not [raw for raw in RAW_CONTROLS if raw in err], err
    assert err.count(b"\n") == 1 and err.startswith(b"smm"), err
    assert rb"\x1b]0;pwned\x07" in err, err


# --- CSV cells longer than the csv module's default limit --------------------------------------


def test_a_note_cell_over_128_kib_within_the_note_bound_is_imported(rig: Rig) -> None:
    note = "x\r\n" * 45_000  # 135,000 characters in the cell, 90,000 once read
    source = level_csv(rig.root / "long.csv", note)
    made = rig.smm("import", str(source), "--kind", "assessment", "--system", "L", "--id", "l", *Q)
    assert made.code == 0, made
    imported = SessionStore(rig.sessions).read("l")
    assert imported.levels["D1.1"].reason == note.replace("\r\n", "\n")


def test_a_note_over_the_bound_is_refused_as_too_long_not_as_bad_quoting(rig: Rig) -> None:
    source = level_csv(rig.root / "huge.csv", "n" * 200_000)
    refused = rig.smm("import", str(source), "--kind", "assessment", "--system", "H", *Q)
    assert_refused(refused, "huge.csv:2: the note is too long: 200,000 characters")
    assert "quoting" not in refused.err


def test_an_answers_csv_with_a_cell_over_128_kib_is_refused_in_one_line(rig: Rig) -> None:
    answers = rig.root / "answers.csv"
    answers.write_text(f"question,answer,note\nsystem_name,x,{'n' * 200_000}\n", encoding="utf-8")
    refused = rig.smm("new", "assessment", "--answers", str(answers), "--batch", *Q)
    assert refused.code == 2, refused
    assert "unexpected error" not in refused.err and "answers.csv" in refused.err


# --- Profiles saved from targets ---------------------------------------------------------------

INJECTED_NAME = 'Lab\nindustry = "injected-sector"\n[domains.G]\nscope = 9'
CONTROLS_NAME = "Esc\x1b[2J\x07 lab\u2028x\u202e"


@pytest.mark.parametrize("system", [INJECTED_NAME, CONTROLS_NAME, "Plain lab"])
def test_a_profile_saved_from_an_imported_target_is_listed(rig: Rig, system: str) -> None:
    made = rig.smm("import", str(TARGET_CSV), "--kind", "target", "--system", system, *Q)
    assert made.code == 0, made
    saved = rig.smm("profile", "save", made.out.strip(), "--id", "mine", *Q)
    assert saved.code == 0, saved
    data = tomllib.loads((rig.root / "profiles" / "mine.toml").read_text(encoding="utf-8"))
    assert data["name"] == f"Target of {system}" and "industry" not in data
    listed = rig.smm("profiles", *Q)  # the shipped profiles, for iic-smm, are left out
    assert (listed.code, listed.err) == (0, ""), listed
    assert "mine" in listed.out and "for another questionnaire and left out" in listed.out
    assert_clean(listed)


def test_the_profile_writer_reads_back_the_text_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comment lines that would add a key (were the name written raw) are caught before the
    file is written, not by the next reader."""
    questionnaire = load_questionnaire(SMALL)
    profile = load_profile(PROFILE, questionnaire)
    path = tmp_path / f"{profile.id}.toml"
    monkeypatch.setattr(profiles, "_header", lambda _: 'industry = "injected-sector"\n')
    with pytest.raises(InputError, match="not written"):
        profiles.write_profile(profile, path, questionnaire)
    assert not path.exists()
