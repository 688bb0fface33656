"""Practice levels as CSV: exported for spreadsheets, imported from earlier assessments.

One row per practice under the header ``practice,comprehensiveness,scope,note``. In a target,
``na`` in the comprehensiveness column means the practice does not apply. Scope is empty when
comprehensiveness is 0 (and when the practice does not apply). Reading is strict: every
problem is reported as ``file:line: what is wrong; what to do``, and nothing is kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from interview.errors import InputError, printable
from interview.files import MAX_FILE_BYTES, read_text_file
from interview.questionnaire.levels import (
    HIGHEST_COMPREHENSIVENESS,
    LOWEST_TARGET,
    NO_COMPREHENSIVENESS,
    is_scope,
)
from interview.questionnaire.model import Questionnaire
from interview.session.limits import text_too_long
from interview.session.model import (
    LevelRecord,
    Origin,
    Phase,
    Session,
    SessionKind,
    TargetSetting,
    new_session,
)
from interview.standings import PracticeStanding

CSV_HEADER = ("practice", "comprehensiveness", "scope", "note")
NOT_APPLICABLE_CELL = "na"
SCOPE_HINT = "1 General, 2 Industry specific, 3 System specific"

Report = Callable[[int, str], None]
"""Receives each problem found: the line it is on, and what is wrong."""

MAX_PROBLEMS = 20
"""Reading stops at this many problems: a file of a million wrong rows must not print a
million lines (nor take minutes to check)."""

FORMULA_STARTS = ("=", "+", "-", "@")
"""What makes a spreadsheet take a cell as a formula: a note starting so is written after a
quote (``'=1+1``), which spreadsheets show as text and ``smm import`` removes."""


def allow_cells_as_large_as_a_file() -> None:
    """Let the csv module read a cell as long as a whole file may be (a note of 200 KiB is in
    smm's own export), not only its default 128 KiB.

    The limit is one setting for the whole process in CPython: each module that reads CSV calls
    this once, when it is imported; it only ever raises the limit, never lowers it.
    """
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))


allow_cells_as_large_as_a_file()


class _TooManyProblemsError(Exception):
    """Stops reading a CSV file that has MAX_PROBLEMS problems."""


@dataclass(frozen=True)
class LevelRow:
    """One practice's level as read from a CSV file."""

    practice_id: str
    comprehensiveness: int | None
    """None: not applicable (targets only)."""
    scope: int | None
    """None exactly when comprehensiveness is 0 or None."""
    note: str
    line: int


# --- Writing ---------------------------------------------------------------------------------


def standing_cells(standing: PracticeStanding) -> list[str]:
    """The four CSV cells of one practice's level."""
    if standing.level is None:
        comprehensiveness = "" if standing.applicable else NOT_APPLICABLE_CELL
        return [standing.practice_id, comprehensiveness, "", spreadsheet_text(standing.note)]
    scope = "" if standing.level.scope is None else str(standing.level.scope)
    note = spreadsheet_text(standing.note)
    return [standing.practice_id, str(standing.level.comprehensiveness), scope, note]


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """CSV with ``\\n`` line ends, every cell exactly as given, so that a file of it reads back
    exactly; on a terminal, the command escapes what could act on it (cli.output.print_text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def spreadsheet_text(text: str) -> str:
    """A cell of free text that a spreadsheet shows as text, never runs as a formula.

    ``=1+1`` becomes ``'=1+1``; a text that starts with quotes before one of FORMULA_STARTS
    gets one quote more, so that :func:`from_spreadsheet_text` gives back every text exactly.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def from_spreadsheet_text(text: str) -> str:
    """The text that :func:`spreadsheet_text` guarded: its one added quote removed."""
    guarded = text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS)
    return text[1:] if guarded else text


def levels_csv(standings: Sequence[PracticeStanding]) -> str:
    """A session's practice levels as CSV, the format that ``smm import`` reads."""
    return csv_text(CSV_HEADER, [standing_cells(standing) for standing in standings])


# --- Reading ---------------------------------------------------------------------------------


def read_level_rows(path: Path, questionnaire: Questionnaire, kind: SessionKind) -> list[LevelRow]:
    """Every practice's row from a CSV file, in questionnaire order; InputError on any problem."""
    where = printable(str(path))
    text = read_csv_text(path)
    problems: list[str] = []

    def report(line: int, message: str) -> None:
        problems.append(f"{where}:{line}: {message}")
        if len(problems) == MAX_PROBLEMS:
            raise _TooManyProblemsError

    try:
        table = parse_rows(text, questionnaire, kind, report)
        if table.whole:  # the missing rows count towards the limit too
            last_line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
            for practice_id in questionnaire.practice_ids():
                if practice_id not in table.mentioned:
                    report(
                        last_line,
                        f"practice {practice_id} has no row; "
                        "give every practice of the questionnaire one row",
                    )
    except _TooManyProblemsError:
        stopped = f"{where}: {MAX_PROBLEMS} problems; the rest of the file was not checked"
        raise InputError([*problems, f"{stopped}; fix these first"]) from None
    if problems:
        raise InputError(problems)
    order = questionnaire.practice_ids()
    return sorted(table.rows, key=lambda row: order.index(row.practice_id))


def read_csv_text(path: Path) -> str:
    """The file's text (UTF-8, a byte-order mark allowed); InputError when it is not text."""
    where = printable(str(path))
    text = read_text_file(
        path, "CSV", encoding="utf-8-sig", save_as="save the spreadsheet as CSV UTF-8"
    )
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError([f"{where}:{line}: not CSV text (a NUL byte); save it as CSV"])
    return text


@dataclass
class ParsedRows:
    rows: list[LevelRow] = field(default_factory=list)
    """The rows without a problem."""
    mentioned: dict[str, int] = field(default_factory=dict)
    """Every practice id named in a row, with or without a problem → its first line."""
    whole: bool = False
    """Whether the header was right and the file was read to its end."""


def parse_rows(
    text: str, questionnaire: Questionnaire, kind: SessionKind, report: Report
) -> ParsedRows:
    """The rows of a CSV text; each problem goes to ``report(line, message)``."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    parsed = ParsedRows()
    previous_end = 0
    try:
        for cells in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if line == 1:
                header_problem = check_header(cells)
                if header_problem:
                    report(1, header_problem)
                    return parsed
                continue
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, and the empty rows spreadsheets leave at the end
            practice_id = cells[0].strip()
            if practice_id in parsed.mentioned:
                report(
                    line,
                    f"practice {printable(practice_id)} again (first on line "
                    f"{parsed.mentioned[practice_id]}); give each practice one row",
                )
                continue
            parsed.mentioned[practice_id] = line
            row = parse_row(cells, line, questionnaire, kind, report)
            if row is not None:
                parsed.rows.append(row)
    except csv.Error as error:
        report(previous_end + 1, f"not valid CSV ({printable(str(error))}); check the quoting")
        return parsed
    if previous_end == 0:
        report(1, f"the file is empty; it needs the header {','.join(CSV_HEADER)}")
        return parsed
    parsed.whole = True
    return parsed


def check_header(cells: Sequence[str]) -> str | None:
    """What is wrong with the header row, or None when it is right."""
    found = [cell.strip() for cell in cells]
    if tuple(found) == CSV_HEADER:
        return None
    shown = printable(",".join(cells))
    hint = (
        "; the cells seem to be separated by ';' but smm reads commas"
        if len(cells) == 1 and ";" in cells[0]
        else ""
    )
    return f"header is {shown!r}; it must be {','.join(CSV_HEADER)}{hint}"


def parse_row(
    cells: Sequence[str],
    line: int,
    questionnaire: Questionnaire,
    kind: SessionKind,
    report: Report,
) -> LevelRow | None:
    """One practice's row, or None after reporting each problem in it."""
    if len(cells) != len(CSV_HEADER):
        report(line, f"{len(cells)} cells; a row has 4: {','.join(CSV_HEADER)}")
        return None
    practice_cell, comprehensiveness_cell, scope_cell, note = cells
    practice_id = practice_cell.strip()
    problems: list[str] = []
    if practice_id not in questionnaire.practices:
        problems.append(
            f"unknown practice {printable(practice_id)!r}; see `smm model` for the practice ids"
        )
    level_problems: list[str] = []
    comprehensiveness = parse_comprehensiveness(comprehensiveness_cell, kind, level_problems)
    scope = None
    if not level_problems:  # a scope is judged against a valid comprehensiveness only
        scope = parse_scope(scope_cell, comprehensiveness, level_problems)
    problems += level_problems
    for problem in problems:
        report(line, problem)
    if problems:
        return None
    note = unix_line_ends(from_spreadsheet_text(note))
    if (too_long := text_too_long(note)) is not None:
        report(line, f"the note is {too_long}")
        return None
    return LevelRow(practice_id, comprehensiveness, scope, note, line)


def unix_line_ends(text: str) -> str:
    """Text with the Windows or old Mac line ends that spreadsheets write turned into newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_comprehensiveness(cell: str, kind: SessionKind, problems: list[str]) -> int | None:
    """A comprehensiveness cell: 0-4 in an assessment, 1-4 or ``na`` in a target."""
    value = cell.strip()
    allowed = "0-4" if kind is SessionKind.ASSESSMENT else f"1-4, or {NOT_APPLICABLE_CELL}"
    lowest = NO_COMPREHENSIVENESS if kind is SessionKind.ASSESSMENT else LOWEST_TARGET
    if value.lower() == NOT_APPLICABLE_CELL:
        if kind is SessionKind.TARGET:
            return None
        problems.append(
            f"comprehensiveness {NOT_APPLICABLE_CELL!r} (not applicable) is for targets only; "
            "an assessment gives 0-4"
        )
        return 0
    if not value:
        problems.append(f"comprehensiveness is empty; give {allowed}")
        return 0
    number = cell_number(value)
    if number is None or not lowest <= number <= HIGHEST_COMPREHENSIVENESS:
        problems.append(
            f"comprehensiveness {printable(value)!r} is out of range; give {allowed}"
            + ("; a target is at least 1 Minimum" if value == "0" else "")
        )
        return 0
    return number


def parse_scope(cell: str, comprehensiveness: int | None, problems: list[str]) -> int | None:
    """A scope cell: 1-3, and empty exactly when comprehensiveness is 0 or not applicable."""
    value = cell.strip()
    if comprehensiveness is None or comprehensiveness == 0:
        if value:
            why = "the practice is not applicable" if comprehensiveness is None else "it is 0"
            problems.append(
                f"scope {printable(value)!r} given with comprehensiveness "
                f"{NOT_APPLICABLE_CELL if comprehensiveness is None else 0}; "
                f"leave scope empty when {why}"
            )
        return None
    if not value:
        problems.append(f"scope is empty; give 1-3 ({SCOPE_HINT})")
        return None
    number = cell_number(value)
    if number is None or not is_scope(number):
        problems.append(f"scope {printable(value)!r} is out of range; give 1-3 ({SCOPE_HINT})")
        return None
    return number


def cell_number(value: str) -> int | None:
    """The number a cell of ASCII digits stands for, else None.

    Not ``str.isdigit`` alone: "²" is a digit to it but no number to ``int``, and thousands of
    digits are more than ``int`` converts.
    """
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


# --- Imported sessions -----------------------------------------------------------------------


def imported_session(
    questionnaire: Questionnaire,
    kind: SessionKind,
    system: str,
    source_name: str,
    rows: Sequence[LevelRow],
    *,
    interviewee: str = "",
    role: str = "",
    now: datetime | None = None,
) -> Session:
    """A finished session whose levels are the rows, taken as given and marked imported."""
    session = new_session(questionnaire, kind, system, interviewee=interviewee, role=role, now=now)
    session.imported_from = source_name
    session.phase = Phase.DONE
    for row in rows:
        if session.kind is SessionKind.TARGET:
            session.targets[row.practice_id] = TargetSetting(
                comprehensiveness=row.comprehensiveness,
                scope=row.scope,
                origin=Origin.IMPORTED,
                reason=row.note,
            )
        else:
            session.imported_levels[row.practice_id] = LevelRecord(
                comprehensiveness=row.comprehensiveness,
                scope=row.scope,
                applicable=row.comprehensiveness is not None,
                origin=Origin.IMPORTED,
                reason=row.note or None,
                complete=True,
            )
    return session  # its levels for readers are derived when it is saved
