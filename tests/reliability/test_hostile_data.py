"""Hostile data in the files smm keeps: times, types, system names and plans changed at once.

The outcome of bad input is that of tests/reliability/test_hostile.py: exit 2, one ``smm: ``
line per problem naming the file, its line and the key, no traceback. A listing goes on with
the good files and names the bad one in one line.

The cases (each with its required outcome):

* Times (review case 43, B5): ``created``, ``updated``, ``answered_at``, ``approved_at``,
  ``accepted_as_baseline`` and a plan item's ``updated`` as a TOML local date-time
  (``2026-01-01 00:00:00``), a plain date, a local time or a string: refused in one line
  ("has no UTC offset"); `smm list` lists the good sessions, `smm history` goes on without the
  file, the TUI's Resume screen opens; a plan's ``due`` as a date-time: refused.
* Extreme years (case 44, B14): ``0001-01-01 00:00:00+05:00``, ``9999-12-31 23:59:59-05:00``
  and 1969: refused in one line (years 1970 to 9000); `smm history` (text and HTML) never
  crashes; 1970-01-01 and 9000-12-31 23:59:59-05:00 are read and drawn; `smm plan set --due`
  outside the years: refused.
* Types (case 45, B17): a level as ``true``, ``"2"`` or ``2.0`` in a session's
  ``imported_levels``, ``targets``, ``profile_targets`` and ``levels``, and in a profile's
  domains and practices, and in a questionnaire's options: refused; ``-0`` (TOML's 0): read
  as 0. A boolean as ``"yes"``, ``1`` or ``"false"`` in a session, a profile and a
  questionnaire: refused; a needs option's ``change`` as ``true`` or ``"1"``: refused;
  ``schema_version`` as ``true``, ``3.0`` or ``"3"`` in a session, a plan and a profile:
  refused (pydantic took ``true`` and ``1.0`` for 1).
* System names (case 65, B9): `智能网关`, `Шлюз А`, `泵站 fleet` and `水厂 fleet`, and two
  names alike in their first 40 characters: distinct, readable ASCII session ids, one plan
  file each, each plan and history their own; the TUI's history list offers every system. A
  plan an older smm kept under the slug alone (`plans/system.toml`) is read for the system it
  names only, and the next change moves it to the system's own file; a plan file under a
  system's name that holds another system's plan is refused by `smm plan set` (the file left
  as it was) and left out of `smm gap` with a warning.
* Plans changed at once (cases 33, 34, B2): 12 `smm plan set` at once on 12 practices: every
  change kept; the TUI's plan dialog saving while `smm plan set` runs (after the gap screen
  read the plan): both changes kept.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList

from interview.plan import load_plan, plan_path
from interview.questionnaire import load_questionnaire
from interview.services import Workspace
from interview.session.store import SessionStore
from tests.helpers.hostile import (
    CURRENT_CSV,
    PROFILE,
    SMALL,
    TARGET_CSV,
    Q,
    Result,
    Rig,
    assert_clean,
    assert_refused,
    small,
)

# --- Variants of the rig's sessions (the rig: tests/reliability/conftest.py) ----------------


def variant(rig: Rig, source: str, name: str, change: Callable[[str], str]) -> Path:
    """A copy of a session of the rig (or any file under it), changed, under a new name."""
    original = rig.sessions / f"{source}.toml" if "/" not in source else rig.root / source
    path = original.with_name(name)
    changed = change(original.read_text(encoding="utf-8"))
    assert changed != original.read_text(encoding="utf-8"), "the change changed nothing"
    path.write_text(changed, encoding="utf-8")
    return path


def set_key(key: str, value: str) -> Callable[[str], str]:
    """Give the first ``key = ...`` line (at any depth) the value ``value``."""
    return lambda text: re.sub(
        rf"^{re.escape(key)} = .*$", f"{key} = {value}", text, count=1, flags=re.M
    )


def add_after_updated(lines: str) -> Callable[[str], str]:
    """Add top-level keys after ``updated`` (before the first table)."""
    return lambda text: re.sub(r"^(updated = .*)$", rf"\1\n{lines}", text, count=1, flags=re.M)


def listed_ids(result: Result) -> list[str]:
    return sorted(line.split()[0] for line in result.out.splitlines()[1:] if line.strip())


# --- Times and dates (cases 43 and 44) -------------------------------------------------------

BAD_TIMES = {
    "local date-time": ("2026-01-01 00:00:00", "2026-01-01 00:00:00 has no UTC offset"),
    "plain date": ("2026-01-01", "2026-01-01 is a date without a time"),
    "local time": ("07:30:00", "a time without a date; write a date, time and UTC offset"),
    "string": ('"2026-01-01T00:00:00Z"', "text (in quotes); write a date, time and UTC offset"),
    "year 1": ("0001-01-01 00:00:00+05:00", "0001-01-01 00:00:00+05:00 is outside the years"),
    "year 9999": ("9999-12-31 23:59:59-05:00", "9999-12-31 23:59:59-05:00 is outside the years"),
    "1969": ("1969-12-31 23:59:59Z", "1969-12-31 23:59:59+00:00 is outside the years 1970"),
}


@pytest.mark.parametrize(("key", "line"), [("created", 9), ("updated", 10)])
@pytest.mark.parametrize("bad", BAD_TIMES.values(), ids=list(BAD_TIMES))
def test_a_bad_session_time_is_refused_and_the_rest_still_lists(
    rig: Rig, key: str, line: int, bad: tuple[str, str]
) -> None:
    """0.1: smm list crashed with TypeError (naive and aware times compared)."""
    value, message = bad
    variant(rig, "c", "d.toml", set_key(key, value))
    listing = rig.smm("list", *Q)
    assert_refused(listing, f"d.toml:{line}: {key}: {message}")
    assert listed_ids(listing) == ["c", "t"]
    assert_refused(rig.smm("show", "d", *Q), f"d.toml:{line}: {key}: {message}")


@pytest.mark.parametrize("bad", ["local date-time", "plain date", "year 1", "year 9999"])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_history_goes_on_without_a_session_of_a_bad_time(rig: Rig, bad: str, fmt: str) -> None:
    """0.1: TypeError (naive and aware times) or OverflowError, "unexpected error"."""
    variant(rig, "c", "d.toml", set_key("created", BAD_TIMES[bad][0]))
    report = rig.root / f"h.{fmt}"
    result = rig.smm("history", "c", "--format", fmt, "-o", str(report), *Q)
    assert_refused(result, f"d.toml:9: created: {BAD_TIMES[bad][1]}")  # named, and exit 2
    assert report.stat().st_size > 0  # the history of the others is written


APPROVAL = 'approved_by = "Ann"\napproved_at = 2026-01-01 10:00:00'
OTHER_TIMES = {
    "answered_at": ("c", set_key("answered_at", "2026-01-01"), "answers.system_name.answered_at"),
    "approved_at": ("t", add_after_updated(APPROVAL), "approved_at"),
    "accepted_as_baseline": (
        "c",
        add_after_updated("accepted_as_baseline = 2026-01-01"),
        "accepted_as_baseline",
    ),
}


@pytest.mark.parametrize("case", OTHER_TIMES.values(), ids=list(OTHER_TIMES))
def test_every_time_in_a_session_needs_an_offset(
    rig: Rig, case: tuple[str, Callable[[str], str], str]
) -> None:
    source, change, where = case
    variant(rig, source, "d.toml", change)
    assert_refused(rig.smm("show", "d", *Q), "d.toml:", f"{where}: 2026-01-01")


@pytest.mark.slow
def test_the_extreme_years_smm_reads_are_listed_and_drawn(rig: Rig) -> None:
    variant(rig, "c", "early.toml", set_key("created", "1970-01-01 00:00:00+00:00"))
    late = "9000-12-31 23:59:59-05:00"  # 9001 in UTC: still far from the end of Python's dates
    variant(
        rig, "c", "late.toml", lambda text: set_key("updated", late)(set_key("created", late)(text))
    )
    assert listed_ids(rig.smm("list", *Q)) == ["c", "early", "late", "t"]
    for fmt in ("text", "html", "json"):
        result = rig.smm("history", "c", "--format", fmt, *Q)
        assert (result.code, result.err) == (0, ""), result
    assert "9001-01-01" in rig.smm("history", "c", *Q).out  # shown in UTC


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("due = 2027-03-31 10:00:00", "due: 2027-03-31 10:00:00 is a date and time"),
        ("due = 0001-01-01", "due: 0001-01-01 is outside the years"),
        ("updated = 2026-11-25", "updated: 2026-11-25 is a date without a time"),
        ("updated = 2026-11-25 10:00:00", "updated: 2026-11-25 10:00:00 has no UTC offset"),
    ],
)
def test_a_bad_time_in_a_plan_is_refused(rig: Rig, item: str, message: str) -> None:
    assert rig.smm("plan", "set", "c", "D1.1", "--owner", "Ana", *Q).code == 0
    path = plan_path(rig.sessions, "Rig")
    key = item.split(" = ")[0]
    text, found = re.subn(rf"^{key} = .*$", item, path.read_text(), flags=re.M)
    path.write_text(text if found else text + item + "\n")  # [items."D1.1"] is the last table
    assert_refused(rig.smm("plan", "show", "t", "c", *Q), "rig.toml:", f"items.D1.1.{message}")


@pytest.mark.parametrize("due", ["0001-01-01", "1969-12-31", "9001-01-01"])
def test_plan_set_refuses_a_due_date_outside_the_years(rig: Rig, due: str) -> None:
    result = rig.smm("plan", "set", "c", "D1.1", "--due", due, *Q)
    assert (result.code, len(result.err_lines)) == (2, 1), result  # argparse's "smm plan set: "
    assert f"{due}: a due date is in the years 1970 to 9000" in result.err
    assert_clean(result)
    assert not plan_path(rig.sessions, "Rig").exists()


async def test_the_resume_screen_opens_beside_a_session_of_a_local_time(rig: Rig) -> None:
    """0.1: the Resume screen sorted naive and aware times and the TUI crashed."""
    from interview.tui.app import SmmApp
    from interview.tui.launch import ShowStart
    from interview.tui.screens.start import ResumeScreen

    variant(rig, "c", "d.toml", set_key("updated", "2026-01-01 00:00:00"))
    app = SmmApp(Workspace(small(), SessionStore(rig.sessions)), ShowStart())
    async with app.run_test() as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        listed = app.screen.query_one("#resume-list", OptionList)
        ids = [listed.get_option_at_index(n).id for n in range(listed.option_count)]
        assert sorted(ids, key=str) == ["c", "t"]


# --- Types (case 45) -------------------------------------------------------------------------

NOT_INTEGERS = ["true", '"2"', "2.0"]


@pytest.mark.parametrize("value", NOT_INTEGERS)
@pytest.mark.parametrize(
    ("source", "table"),
    [
        ("c", 'imported_levels."D1.1"'),
        ("c", 'levels."D1.1"'),
        ("t", 'targets."D1.1"'),
        ("t", 'profile_targets."D1.1"'),
    ],
)
def test_a_level_that_is_no_integer_is_refused_in_a_session(
    rig: Rig, source: str, table: str, value: str
) -> None:
    def change(text: str) -> str:
        header = f"[{table}]\ncomprehensiveness = "
        if header not in text:  # the target started from no profile: give it one setting
            return text + f'\n{header}{value}\nscope = 2\norigin = "profile"\n'
        return re.sub(rf"^{re.escape(header)}\d+$", f"{header}{value}", text, count=1, flags=re.M)

    variant(rig, source, "d.toml", change)
    key = table.replace('"', "")
    assert_refused(rig.smm("show", "d", *Q), f"{key}.comprehensiveness: ", "valid integer")


def test_minus_zero_is_zero(rig: Rig) -> None:
    """TOML's -0 is the integer 0: an assessment's level 0."""
    variant(
        rig,
        "c",
        "d.toml",
        lambda text: text.replace("comprehensiveness = 0", "comprehensiveness = -0"),
    )
    result = rig.smm("show", "d", "--json", *Q)
    assert result.code == 0, result
    assert '"comprehensiveness": 0' in result.out


@pytest.mark.parametrize("value", ['"yes"', "1", '"false"'])
@pytest.mark.parametrize("key", ["applicable", "complete"])
def test_a_boolean_that_is_no_boolean_is_refused_in_a_session(
    rig: Rig, key: str, value: str
) -> None:
    """0.1 read "yes" and 1 as true, "false" as false."""
    variant(rig, "c", "d.toml", set_key(key, value))
    assert_refused(rig.smm("show", "d", *Q), f".{key}: ", "valid boolean", lines=1)


def profile_with(rig: Rig, old: str, new: str) -> Result:
    """`smm new target --profile` with the test profile changed: it is read before the TUI."""
    text = PROFILE.read_text(encoding="utf-8")
    assert old in text
    (rig.root / "p.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return rig.smm("new", "target", "--profile", "p.toml", *Q)


@pytest.mark.parametrize("value", NOT_INTEGERS)
@pytest.mark.parametrize(
    ("old", "key"),
    [
        ("[domains.D]\ncomprehensiveness = 3\n", "domains.D.comprehensiveness"),
        ("comprehensiveness = 4\nscope = 3\n", "practices.D1.1.scope"),
    ],
)
def test_a_level_that_is_no_integer_is_refused_in_a_profile(
    rig: Rig, old: str, key: str, value: str
) -> None:
    result = profile_with(rig, old, old.replace(old.rstrip("\n")[-1] + "\n", f"{value}\n"))
    assert_refused(result, "p.toml:", f"{key}: ", "valid integer")


@pytest.mark.parametrize("value", ['"false"', "0"])
def test_a_boolean_that_is_no_boolean_is_refused_in_a_profile(rig: Rig, value: str) -> None:
    result = profile_with(rig, "applicable = false", f"applicable = {value}")
    assert_refused(result, "p.toml:", "practices.F1.1.applicable: ", "valid boolean")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("required = false }", 'required = "no" }', "required"),
        ('label = "More.", change = 1,', 'label = "More.", change = true,', "change"),
        ('label = "More.", change = 1,', 'label = "More.", change = "1",', "change"),
        ('label = "Yes, and more.", level = 3', 'label = "Yes, and more.", level = 3.0', "level"),
        ('{ scope = 2, label = "Industry." }', '{ scope = "2", label = "Industry." }', "scope"),
    ],
)
def test_a_questionnaire_number_or_boolean_of_another_type_is_refused(
    rig: Rig, old: str, new: str, key: str
) -> None:
    text = SMALL.read_text(encoding="utf-8")
    assert old in text
    path = rig.root / "q.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = rig.smm("validate", str(path))
    assert result.code == 2, result
    assert f".{key}: " in result.err and "q.toml:" in result.err, result.err
    assert_clean(result)


@pytest.mark.parametrize("value", ["true", "3.0", '"3"'])
def test_schema_version_must_be_an_integer_in_a_session(rig: Rig, value: str) -> None:
    variant(rig, "c", "d.toml", set_key("schema_version", value))
    assert_refused(rig.smm("show", "d", *Q), "d.toml:4: schema_version: ")


@pytest.mark.parametrize("value", ["true", "1.0"])
def test_schema_version_must_be_an_integer_in_a_plan_and_a_profile(rig: Rig, value: str) -> None:
    """pydantic's Literal[1] took true and 1.0 as 1."""
    assert rig.smm("plan", "set", "c", "D1.1", "--owner", "Ana", *Q).code == 0
    path = plan_path(rig.sessions, "Rig")
    path.write_text(path.read_text().replace("schema_version = 1", f"schema_version = {value}"))
    assert_refused(rig.smm("plan", "show", "t", "c", *Q), "schema_version: should be an integer")
    result = profile_with(rig, "schema_version = 1", f"schema_version = {value}")
    assert_refused(result, "p.toml:2: schema_version: should be an integer")


# --- System names: ids, plans and histories (case 65) -----------------------------------------

NORTH = "Acme building management gateway firmware North"
SOUTH = "Acme building management gateway firmware South"
SYSTEMS = ["智能网关", "Шлюз А", "泵站 fleet", "水厂 fleet", NORTH, SOUTH]


def import_system(rig: Rig, system: str, kind: str = "assessment") -> str:
    """Import the rig's levels for ``system``; the new session's id."""
    source = CURRENT_CSV if kind == "assessment" else TARGET_CSV
    result = rig.smm("import", str(source), "--kind", kind, "--system", system, *Q)
    assert result.code == 0, result
    return result.out.strip()


@pytest.mark.slow
def test_every_system_has_its_own_ids_plan_and_history(rig: Rig) -> None:
    """0.1: 智能网关 and Шлюз А shared plans/system.toml and ids "system-…"; North and South
    (alike in their first 40 characters) shared one plan and one history."""
    ids = {system: import_system(rig, system) for system in SYSTEMS}
    assert len(set(ids.values())) == len(SYSTEMS)
    assert all(re.fullmatch(r"[a-z0-9-]+-assessment-\d{4}-\d\d-\d\d", i) for i in ids.values())
    assert ids["泵站 fleet"].startswith("fleet-") and ids["智能网关"].startswith("system-")
    for system, session_id in ids.items():
        result = rig.smm("plan", "set", session_id, "D1.1", "--owner", f"Owner of {system}", *Q)
        assert result.code == 0, result
    plans = sorted((rig.sessions / "plans").glob("*.toml"))
    assert len(plans) == len(SYSTEMS)
    for system, session_id in ids.items():
        assert plan_owners(rig, session_id) == {"D1.1": f"Owner of {system}"}
    history = rig.smm("history", NORTH, "--format", "json", *Q)
    assert history.code == 0, history
    assert ids[NORTH] in history.out and ids[SOUTH] not in history.out


def plan_owners(rig: Rig, session_id: str) -> dict[str, str]:
    """The owners in the plan `smm plan show` gives with the session, by practice."""
    shown = rig.smm("plan", "show", "t", session_id, "--json", *Q)
    assert shown.code == 0, shown
    items = json.loads(shown.out)["items"]
    return {item["practice"]: item["owner"] for item in items if item["owner"] is not None}


def old_plan(rig: Rig, name: str, system: str, owner: str) -> Path:
    """A plan as smm 0.1 wrote it, under the slug alone (``plans/system.toml``)."""
    path = rig.sessions / "plans" / f"{name}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f'schema_version = 1\nsystem = "{system}"\n\n[items."D1.1"]\nowner = "{owner}"\n'
        'status = "open"\nnote = ""\nupdated = 2026-11-25 09:00:00+00:00\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_a_plan_an_older_smm_kept_under_the_slug_is_read_for_its_system_only(rig: Rig) -> None:
    ivan, other = import_system(rig, "Шлюз А"), import_system(rig, "智能网关")
    old = old_plan(rig, "system", "Шлюз А", "Ivan")
    assert plan_owners(rig, ivan) == {"D1.1": "Ivan"}
    assert plan_owners(rig, other) == {}
    assert rig.smm("plan", "set", ivan, "D1.2", "--owner", "Olga", *Q).code == 0
    assert not old.exists()  # moved to the system's own file
    moved = load_plan(rig.sessions, "Шлюз А")
    assert plan_path(rig.sessions, "Шлюз А").name.startswith("system-")
    assert {pid: item.owner for pid, item in moved.items.items()} == {
        "D1.1": "Ivan",
        "D1.2": "Olga",
    }


@pytest.mark.slow
def test_a_plan_file_of_another_system_is_refused_and_kept(rig: Rig) -> None:
    """``System`` is kept in plans/system.toml, where 0.1 put every non-Latin system's plan."""
    session_id = import_system(rig, "System")
    import_system(rig, "System", "target")
    old = old_plan(rig, "system", "Шлюз А", "Ivan")
    before = old.read_bytes()
    result = rig.smm("plan", "set", session_id, "D1.1", "--owner", "Bo", *Q)
    assert_refused(result, 'plans/system.toml:2: system: this is the plan of "Шлюз А"')
    assert old.read_bytes() == before
    target = next(path.stem for path in rig.sessions.glob("system-target-*.toml"))
    gap = rig.smm("gap", target, session_id, *Q)
    assert gap.code == 0, gap
    assert gap.err.startswith("smm: warning: the plan is left out: "), gap.err


async def test_the_tui_offers_the_history_of_every_system(rig: Rig) -> None:
    """0.1 keyed the list by the slug: every non-Latin system but one disappeared from it."""
    from interview.tui.app import SmmApp
    from interview.tui.launch import ShowStart
    from interview.tui.screens.start import SystemPicker

    for system in SYSTEMS:
        import_system(rig, system)
    app = SmmApp(Workspace(small(), SessionStore(rig.sessions)), ShowStart())
    async with app.run_test() as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, SystemPicker)
        offered = app.screen.query_one("#system-list", OptionList)
        assert offered.option_count == len(SYSTEMS) + 1  # and "Rig"


# --- Plans changed at once (cases 33 and 34) --------------------------------------------------


def test_twelve_plan_sets_at_once_keep_every_change(rig: Rig) -> None:
    """0.1: 18 at once kept 6."""
    practices = load_questionnaire().practice_ids()[:12]  # the shipped questionnaire's
    levels = rig.root / "all.csv"
    levels.write_text(
        "practice,comprehensiveness,scope,note\n"
        + "".join(f"{pid},1,1,\n" for pid in load_questionnaire().practice_ids())
    )
    made = rig.smm("import", str(levels), "--kind", "assessment", "--system", "Race")
    assert made.code == 0, made
    runs = [
        subprocess.Popen(
            rig.command("plan", "set", made.out.strip(), pid, "--owner", f"Owner of {pid}"),
            cwd=rig.root,
            env=rig.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for pid in practices
    ]
    assert [run.wait(timeout=120) for run in runs] == [0] * len(practices)
    plan = load_plan(rig.sessions, "Race")
    assert {pid: item.owner for pid, item in plan.items.items()} == {
        pid: f"Owner of {pid}" for pid in practices
    }


async def test_the_tui_plan_dialog_and_plan_set_at_once_keep_both(rig: Rig) -> None:
    """The gap screen read the plan when it opened; a `smm plan set` changes it since (one
    finished, one running while the dialog saves): the dialog's save keeps both."""
    from textual.widgets import Input

    from interview.tui.app import SmmApp
    from interview.tui.launch import ShowStart
    from interview.tui.screens.gap import GapScreen
    from interview.tui.screens.plan import PlanDialog

    app = SmmApp(Workspace(small(), SessionStore(rig.sessions)), ShowStart())
    async with app.run_test() as pilot:
        for key in ("4", "1", "1"):  # compare t with c
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, GapScreen)
        assert rig.smm("plan", "set", "c", "D1.2", "--owner", "Before", *Q).code == 0
        running = subprocess.Popen(
            rig.command("plan", "set", "c", "D1.1", "--owner", "During", *Q),
            cwd=rig.root,
            env=rig.env(),
            stdout=subprocess.DEVNULL,
        )
        for key in ("p", "1"):  # plan the first roadmap item, F1.1 (0 of 2)
            await pilot.press(key)
            await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PlanDialog)
        dialog.query_one("#plan-owner", Input).value = "TUI"
        dialog.query_one("#plan-status").focus()
        await pilot.press("1")
        await pilot.pause()
        assert running.wait(timeout=60) == 0
    owners = {pid: item.owner for pid, item in load_plan(rig.sessions, "Rig").items.items()}
    assert owners == {"F1.1": "TUI", "D1.2": "Before", "D1.1": "During"}
