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
* Text people write: non-breaking spaces (French), a zero-width non-joiner (Persian), a ZWJ
  emoji sequence, a variation selector and a tag sequence, an ideographic space (Japanese), a
  soft hyphen, a zero-width space and an unassigned code point, in a system name and notes:
  shown as typed by `show`, `report` and `gap` in text, Markdown and HTML, and by `list`. What
  could act on a terminal or move text (ESC, BEL, DEL, a C1 control, the line and paragraph
  separators, RLO, RLM, an isolate, an interlinear annotation) is escaped there. JSON holds
  every note exactly, escaped only as JSON escapes. `smm export --format csv -o` then
  `smm import` gives every note back exactly, tabs, newlines and control characters included
  (on standard output the acting characters are escaped). The answers form (`smm export
  --format xlsx` then `smm import`) gives back notes with all the above, a tab, a newline, bidi
  controls and a C1 control exactly.
* A session in the TUI's Resume and compare lists, its name and interviewee written so: the
  details on a line of their own (a real line break), as typed but for ESC and RLO (escaped).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview import profiles
from interview.cli import main
from interview.engine.summary import SessionSummary
from interview.errors import InputError
from interview.profiles import load_profile
from interview.questionnaire import load_questionnaire
from interview.services.questions import QuestionInfo
from interview.session.model import Phase, SessionKind
from interview.session.store import SessionStore
from interview.tui.screens.start import _session_label as session_label
from tests.helpers.hostile import (
    CURRENT_CSV,
    PROFILE,
    SMALL,
    TARGET_CSV,
    TIMEOUT,
    Q,
    Rig,
    assert_clean,
    assert_refused,
    unprintable,
)
from tests.helpers.report_sessions import SYSTEM, Answer, answers_file, assessment_answer

ESCAPE_AND_BELL = "\x1b]0;pwned\x07"
RAW_CONTROLS = (b"\x1b", b"\x07")


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
    rows = ["system_name,X,", "interviewee_name,A,", "interviewee_role,R,"]
    rows += [f"{practice}.c1.1,no," for practice in ("D1.1", "D1.2", "F1.1")]
    rows[3] += "n" * 200_000
    answers.write_text("\n".join(["question,answer,note", *rows, ""]), encoding="utf-8")
    refused = rig.smm("new", "assessment", "--answers", str(answers), "--batch", *Q)
    assert_refused(refused, "answers.csv:5: D1.1.c1.1: the note is too long: 200,000 characters")


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


@pytest.mark.parametrize(
    "header",
    ['industry = "injected-sector"\n', "# Lab\x1b[2J\n", "[domains.G]\nscope = 9\n"],
    ids=["a key", "a raw escape", "a table"],
)
def test_the_profile_writer_reads_back_the_text_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: str
) -> None:
    """Comment lines that would add a key or break the file (were the name written raw) are
    caught before the file is written, not by the next reader."""
    questionnaire = load_questionnaire(SMALL)
    profile = load_profile(PROFILE, questionnaire)
    path = tmp_path / f"{profile.id}.toml"
    monkeypatch.setattr(profiles, "_header", lambda _: header)
    with pytest.raises(InputError, match="not written"):
        profiles.write_profile(profile, path, questionnaire)
    assert not path.exists()


# --- Text people write: shown and exported as typed ----------------------------------------------

WRITTEN = (
    "Prix\u00a05\u00a0%",  # French: non-breaking spaces
    "سامانه\u200cی ما",  # Persian: a zero-width non-joiner inside a word
    "dev 👩\u200d💻 team ❤\ufe0f 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "会議\u3000資料",  # Japanese: an ideographic space
    "co\u00adop\u200bera\u0378tion",  # a soft hyphen, a zero-width space, an unassigned point
)
NOTE = " / ".join(WRITTEN) + "\tafter a tab\nand a second line"
ACTING = "\x1b[2J\x07\x7f\x85\u2028\u2029\u202e\u200f\u2066\ufff9"
"""What could act on a terminal or move text: escaped wherever text is shown."""
TEXT_OUTPUTS: list[tuple[str, ...]] = [
    ("report", "w"),
    ("report", "w", "--format", "md"),
    ("report", "w", "--format", "html"),
    ("gap", "t", "w"),
    ("gap", "t", "w", "--format", "md"),
    ("gap", "t", "w", "--format", "html"),
    ("list",),
    ("show", "w"),  # the system name (an imported session's notes are in its report)
]
ESCAPED = {"text": (r"\x1b[2J\x07\x7f\x85", r"\u202e\u200f\u2066\ufff9"),
           "md": (r"\\x1b\[2J\\x07\\x7f", r"\\u202e\\u200f\\u2066\\ufff9"),
           "html": (r"\x1b[2J\x07\x7f", r"\u202e\u200f\u2066\ufff9")}  # fmt: skip
"""How ACTING is shown in each format (HTML breaks the line at the separators)."""


@pytest.fixture
def written(rig: Rig) -> Rig:
    """The rig with ``w``: an assessment of the system WRITTEN[1] whose notes are NOTE (and,
    on one practice, NOTE and ACTING)."""
    rows = [("D1.1", "2", "1", NOTE), ("D1.2", "1", "2", NOTE + ACTING), ("F1.1", "0", "", NOTE)]
    source = rig.root / "written.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([("practice", "comprehensiveness",
        "scope", "note"), *rows])  # fmt: skip
    source.write_text(buffer.getvalue(), encoding="utf-8")
    system = ("--system", WRITTEN[1], "--id", "w")
    assert rig.smm("import", str(source), "--kind", "assessment", *system, *Q).code == 0
    return rig


@pytest.mark.parametrize("arguments", TEXT_OUTPUTS, ids=" ".join)
def test_what_people_write_is_shown_as_typed(written: Rig, arguments: tuple[str, ...]) -> None:
    result = written.smm(*arguments, *Q)
    assert result.code == 0, result
    assert_clean(result)
    assert WRITTEN[1] in result.out
    if arguments[0] in ("report", "gap"):
        for words in WRITTEN:
            assert words in result.out, words
        for escapes in ESCAPED[arguments[-1] if "--format" in arguments else "text"]:
            assert escapes in result.out, escapes


def test_json_holds_the_text_exactly_and_escapes_only_as_json_does(written: Rig) -> None:
    result = written.smm("export", "w", "--format", "json", *Q)
    assert_clean(result)
    notes = [practice["note"] for practice in json.loads(result.out)["practices"]]
    assert notes == [NOTE, NOTE + ACTING, NOTE]
    assert all(words in result.out for words in WRITTEN)


def test_the_csv_export_reads_back_exactly(written: Rig) -> None:
    exported = written.smm("export", "w", "--format", "csv", "-o", "w.csv", *Q)
    assert exported.code == 0, exported
    again = ("--kind", "assessment", "--system", WRITTEN[1], "--id", "again")
    assert written.smm("import", "w.csv", *again, *Q).code == 0
    store = SessionStore(written.sessions)
    original, back = store.read("w"), store.read("again")
    assert [level.reason for level in back.levels.values()] == [NOTE, NOTE + ACTING, NOTE]
    assert back.levels == original.levels
    shown = written.smm("export", "w", "--format", "csv", *Q)  # on a terminal or a pipe
    assert unprintable(shown.out) == ["'\\t'"], shown.out  # the tab is kept: `> file` keeps it
    assert NOTE in shown.out and r"\x1b[2J\x07\x7f\x85\u2028\u2029\u202e" in shown.out


def test_the_answers_form_reads_back_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def answer(question: QuestionInfo) -> Answer | None:
        given = assessment_answer(question)
        if given is None or question.question_id not in NOTED:
            return given
        return given[0], NOTED[question.question_id], given[2]

    folder = tmp_path / "sessions"
    script = answers_file(tmp_path / "answers.csv", SessionKind.ASSESSMENT, answer)
    made = main(["new", "assessment", "--answers", str(script), "--batch", "--sessions-dir",
                 str(folder)])  # fmt: skip
    assert made == 0
    original = capsys.readouterr().out.split()[-1]
    form = tmp_path / "form.xlsx"
    assert main(["export", original, "--format", "xlsx", "-o", str(form), "--sessions-dir",
                 str(folder)]) == 0  # fmt: skip
    assert main(["import", str(form), "--id", "again", "--sessions-dir", str(folder)]) == 0
    store = SessionStore(folder)
    notes = {qid: answer.note for qid, answer in store.read("again").answers.items()}
    assert {qid: notes[qid] for qid in NOTED} == NOTED
    assert store.read("again").system == SYSTEM


NOTED = {"G1.2.c1.2": NOTE, "E1.1.c1.admin-accounts": NOTE + "\u200f\u202e\x85"}
"""The notes the answers form round trip gives: what people write, and (which a cell can hold)
bidi controls and a C1 control."""


def test_a_session_label_in_the_tui_breaks_its_line_and_keeps_what_people_write() -> None:
    """The Resume and compare lists: the name, then the details on a line of their own (a real
    line break, never a literal ``\\n``), as typed but for what acts on a terminal."""
    moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    summary = SessionSummary(
        id="gw",
        kind=SessionKind.TARGET,
        system=f"{WRITTEN[0]}\x1b[2J",
        interviewee=f"{WRITTEN[1]}\u202e",
        role="",
        phase=Phase.DONE,
        practices_done=3,
        practices_total=3,
        answered=3,
        created=moment,
        updated=moment,
    )
    name, details = session_label(1, summary).plain.split("\n")
    assert name == rf"1. {WRITTEN[0]}\x1b[2J — target"
    assert details.startswith(rf"   {WRITTEN[1]}\u202e · done · ") and details.endswith(" · gw")
