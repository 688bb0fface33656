"""smm's commands run in-process on the small questionnaire and a test's sessions folder: imported
and interviewed sessions to compare."""

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.cli import main
from interview.engine.interview import Interview
from interview.questionnaire import load_questionnaire
from interview.session.model import KEEP, NO, NOT_APPLICABLE, YES, Phase, SessionKind, new_session
from interview.session.store import SessionStore

CSV_DIR = Path(__file__).parents[1] / "data" / "csv"


QUESTIONNAIRE = Path(__file__).parents[1] / "data" / "questionnaires" / "small.toml"


NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def smm(folder: Path, *args: str) -> int:
    """Run smm on the small questionnaire and the test's sessions folder."""
    return main([*args, "--sessions-dir", str(folder), "--questionnaire", str(QUESTIONNAIRE)])


def imported(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """Import target.csv and assessment.csv; return the two new session ids."""
    assert smm(folder, "import", str(CSV_DIR / "target.csv"), "--kind", "target",
               "--system", "Acme gateway") == 0  # fmt: skip
    assert smm(folder, "import", str(CSV_DIR / "assessment.csv"), "--kind", "assessment",
               "--system", "Acme gateway", "--id", "acme-now") == 0  # fmt: skip
    target_id, current_id = capsys.readouterr().out.split()
    return target_id, current_id


TARGET_ANSWERS: dict[str, str] = {
    "@D.goal": "3",
    "@D.scope": "1",
    "D1.needs.threats": "more",  # "More.": +1 (one raise stops at 3), scope at least 2
    "@D1.1.purpose": KEEP,
    "@D1.2.purpose": "2",
    "@F.goal": "2",
    "@F.scope": "3",
    "F1.needs.threats": "same",
    "@F1.1.purpose": NOT_APPLICABLE,
}


TARGET_NOTES: dict[str, str] = {
    "@D1.2.purpose": "Only used in the lab",  # a changed target needs its reason
    "@F1.1.purpose": "No physical devices",
}


NOTES = {"D1.1.c1.1": "Org chart, 2026-10", **TARGET_NOTES}


ASSESSMENT_ANSWERS: dict[str, str] = {
    "D1.1.c1.1": YES,
    "D1.1.c2.1": "yes-more",  # "Yes, and more.": up to 3
    "D1.1.c3.1": YES,
    "@D1.1.scope.industry": YES,
    "@D1.1.scope.system": NO,  # D1.1: 3/2
    "D1.2.c1.1": NO,  # D1.2: 0
    "F1.1.c1.1": YES,
    "F1.1.c2.1": "not-yet",  # "Not yet.": F1.1 stops at 1
    "@F1.1.scope.industry": NO,  # F1.1: 1/1
}


CONTEXT_ANSWERS = {
    "system_scope": "Gateway",
    "interviewee_name": "Dana",
    "interviewee_role": "Lead",
}


def interviewed(folder: Path) -> None:
    """Save a finished target ``acme-target`` and a finished assessment ``acme-current``."""
    questionnaire = load_questionnaire(QUESTIONNAIRE)
    store = SessionStore(folder)
    for kind, answers in (
        (SessionKind.TARGET, TARGET_ANSWERS),
        (SessionKind.ASSESSMENT, ASSESSMENT_ANSWERS),
    ):
        session = new_session(questionnaire, kind, "Acme gateway", now=NOW)
        store.create(session, "acme-target" if kind is SessionKind.TARGET else "acme-current")
        interview = Interview(questionnaire, session, on_change=store.save, clock=lambda: NOW)
        all_answers = {**CONTEXT_ANSWERS, **answers}
        while interview.phase is not Phase.REVIEW:
            if interview.phase is Phase.PRACTICE_SUMMARY:
                interview.continue_interview()
                continue
            prompt = interview.current()
            assert prompt is not None
            note = NOTES.get(prompt.question_id, "")
            assert interview.answer(all_answers[prompt.question_id], note=note).accepted
        interview.finish_interview()


# Three assessments, per practice (comprehensiveness/scope):
#   D1.1: Ann 3/2, Bo 1/3, Cy 2/1 -> lowest 1; scope among the accounts at 1 (Bo's): 3 -> 1/3.
#         Spread 3 - 1 = 2; scopes 2, 3, 1: 2.
#   D1.2: 1/2, 1/1, 1/2 -> 1/1. Spread 0; scope 1.
#   F1.1: 2/1, 0, 1/1 -> 0, scope n/a. Spread 2; scope 0 (Bo's 0 has no scope).
# target.csv: D1.1 3/2 "Sector rules apply", D1.2 na, F1.1 2/1.
# Gaps: D1.1 3/2 - 1/3 = 2/0 large; D1.2 n/a; F1.1 2/1 - 0 = 2/1 large.
# Discussion order: D1.1 (2, 2), F1.1 (2, 0), D1.2 (0, 1).
ASSESSMENTS = {
    "c1": ("Ann Lee", "Ops lead", ["3/2", "1/2", "2/1"]),
    "c2": ("Bo Chen", "Firmware lead", ["1/3", "1/1", "0/"]),
    "c3": ("Cy Diaz", "", ["2/1", "1/2", "1/1"]),
}


PRACTICE_IDS = ("D1.1", "D1.2", "F1.1")


def write_levels(path: Path, cells: list[str], notes: list[str] | None = None) -> Path:
    """A levels CSV for D1.1, D1.2 and F1.1 from cells like ``3/2``, ``0/`` or ``na/``."""
    notes = notes or ["", "", ""]
    rows = [
        (pid, *cell.split("/"), note)
        for pid, cell, note in zip(PRACTICE_IDS, cells, notes, strict=True)
    ]
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([("practice", "comprehensiveness", "scope", "note"), *rows])
    return path


def import_session(
    folder: Path, path: Path, kind: str, session_id: str, name: str, role: str, system: str
) -> None:
    """Import one CSV as the named interviewee's session."""
    assert smm(folder, "import", str(path), "--kind", kind, "--system", system, "--id", session_id,
               "--interviewee", name, "--role", role) == 0  # fmt: skip


def three_interviewees(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], system: str = "Acme"
) -> None:
    """Import target.csv as ``t`` (Dana Whitfield) and the three assessments c1, c2, c3."""
    import_session(folder, CSV_DIR / "target.csv", "target", "t", "Dana Whitfield",
                   "Product owner", "Acme")  # fmt: skip
    for session_id, (name, role, cells) in ASSESSMENTS.items():
        path = write_levels(tmp_path / f"{session_id}.csv", cells)
        import_session(folder, path, "assessment", session_id, name, role, system)
    capsys.readouterr()
