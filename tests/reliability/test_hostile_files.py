"""Hostile places to write: ``-o`` onto what smm reads or keeps, onto things that are not
files; the modes of what smm writes; temporary files that killed saves left behind; paths
too long to use. Each case with the outcome it must have (refusals: exit 2, one ``smm: `` line,
nothing written; the rig and helpers are test_hostile.py's).

* ``-o`` onto a file the command reads: the session (id or path), the questionnaire (also
  through a hard link and a symbolic link), the profile a target started from; with every
  command that takes ``-o`` (gap, report, export csv/json/xlsx, form, history): refused, the
  file byte for byte as it was.
* ``-o`` onto the sessions folder's own files: a session, a new ``x.toml`` there, a plan, a lock;
  also while another process holds the session's lock (the TUI): refused, nothing written.
* ``-o`` onto what is not a regular file: a character device (a mknod copy of /dev/null) and a
  named pipe are written into in place and stay what they were; a link to /proc/self/fd/1
  (and /dev/stdout) writes to standard output, the link kept; a block device and a folder are
  refused; a link to a regular file is replaced by the file, its target left alone (as before).
* Modes: every new file smm writes (a session, a plan, a profile, a report, an export, a form)
  is 0600 under a umask of 022; a file it replaces (a report, a session) keeps its mode.
* Leftovers of killed saves: ``.ID.saving-*.tmp`` in the sessions folder is removed by the next
  `smm list` or `smm import`, ``.NAME.*.tmp`` in the profiles folder by `smm profiles`, beside a
  plan or an ``-o`` file by the next write of that file; one a live save holds (its lock taken)
  is kept, and so are other files (a pipe named like a leftover is not opened).
* A 300-character folder name as ``--sessions-dir`` (list, import, show, report, gap, history,
  plan set, accept, profile save, serve), as $SMM_PROFILES_DIR (profiles, profile save) and in
  ``-o``: one line naming "File name too long", exit 2.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview.session.model import as_target
from interview.session.store import SessionStore
from tests.helpers.hostile import (
    PROFILE,
    SMALL,
    Q,
    Rig,
    assert_clean,
    assert_refused,
    tree,
)

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")

OUTPUT_COMMANDS = [
    ("report", "t", *Q),
    ("gap", "t", "c", *Q),
    ("export", "c", "--format", "csv", *Q),
    ("export", "c", "--format", "json", *Q),
    ("export", "c", "--format", "xlsx", *Q),
    ("history", "Rig", *Q),
    ("form", "--kind", "target", *Q),
]


def refused_unchanged(rig: Rig, *args: str, needle: str) -> None:
    before = tree(rig.root)
    assert_refused(rig.smm(*args), needle)
    assert tree(rig.root) == before


# --- -o onto an input or a file smm keeps ----------------------------------------------------


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: "-".join(c[:3]))
def test_output_onto_a_session_is_refused(rig: Rig, command: tuple[str, ...]) -> None:
    refused_unchanged(rig, *command, "-o", "sessions/c.toml", needle="sessions folder")


@pytest.mark.parametrize(
    "target",
    ["sessions/new.toml", "sessions/plans/rig.toml", "sessions/.t.lock", "sessions/X.TOML"],
)
def test_output_onto_the_sessions_folders_own_files_is_refused(rig: Rig, target: str) -> None:
    refused_unchanged(rig, "report", "t", *Q, "-o", target, needle="sessions folder")


def test_output_onto_a_session_held_by_another_smm_is_refused(rig: Rig) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(
            """
            import sys, time
            from pathlib import Path
            from interview.session.store import SessionStore
            with SessionStore(Path(sys.argv[1])).locked("t"):
                print("held", flush=True)
                time.sleep(60)
            """
        ), str(rig.sessions)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = tree(rig.root, skip_locks=True)
        assert_refused(rig.smm("report", "t", *Q, "-o", "sessions/t.toml"), "sessions folder")
        assert_refused(
            rig.smm("report", "t", *Q, "-o", str(rig.sessions / ".." / "sessions" / "t.toml"))
        )
        assert tree(rig.root, skip_locks=True) == before
    finally:
        holder.kill()
        holder.wait()


def test_output_onto_the_session_read_by_path_is_refused(rig: Rig) -> None:
    shutil.copy(rig.sessions / "c.toml", rig.root / "mine.toml")
    for command in (
        ("report", "mine.toml"),
        ("gap", "t", "mine.toml"),
        *(("export", "mine.toml", "--format", kind) for kind in ("csv", "json", "xlsx")),
    ):
        refused_unchanged(
            rig, *command, *Q, "-o", "mine.toml", needle="session file this command reads"
        )


@pytest.mark.slow
def test_output_onto_the_questionnaire_is_refused_by_any_name(rig: Rig) -> None:
    shutil.copy(SMALL, rig.root / "q.toml")
    os.link(rig.root / "q.toml", rig.root / "hard.toml")
    (rig.root / "soft.md").symlink_to(rig.root / "q.toml")
    for command in OUTPUT_COMMANDS:
        args = [arg for arg in command if arg not in Q]
        for name in ("q.toml", "hard.toml", "soft.md"):
            refused_unchanged(
                rig, *args, "--questionnaire", "q.toml", "-o", name, needle="questionnaire file"
            )


def test_output_onto_the_profile_a_target_started_from_is_refused(rig: Rig) -> None:
    (rig.root / "profiles").mkdir()
    shutil.copy(PROFILE, rig.root / "profiles" / "small-lab.toml")
    store = SessionStore(rig.sessions)
    session = as_target(store.read("t"))
    session.profile = "small-lab"
    store.save(session)
    for command in (("report", "t", *Q), ("gap", "t", "c", *Q)):
        refused_unchanged(
            rig, *command, "-o", "profiles/small-lab.toml", needle="profile file this command"
        )


# --- -o onto what is not a regular file ------------------------------------------------------


@ROOT_ONLY
@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: "-".join(c[:3]))
def test_output_into_a_character_device_writes_in_place(rig: Rig, command: tuple[str, ...]) -> None:
    device = rig.root / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = rig.smm(*command, "-o", "null")
    assert result.code == 0, result
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert "Wrote" not in result.out  # nothing to say about a device
    assert_clean(result)
    assert [p.name for p in rig.root.iterdir() if p.name.startswith(".")] == []


@ROOT_ONLY
def test_output_onto_a_block_device_is_refused(rig: Rig) -> None:
    device = rig.root / "disk"
    os.mknod(device, 0o600 | stat.S_IFBLK, os.makedev(7, 0))
    refused_unchanged(rig, "report", "t", *Q, "-o", "disk", needle="not a regular file")
    assert stat.S_ISBLK(device.lstat().st_mode)


def test_output_into_a_named_pipe_writes_to_its_reader(rig: Rig) -> None:
    pipe = rig.root / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = rig.smm("report", "t", *Q, "-o", "pipe")
    reader.join(timeout=30)
    assert result.code == 0, result
    assert b"Target: Rig" in received[0]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.parametrize("link_to", ["/proc/self/fd/1", "/dev/stdout"])
def test_output_through_a_link_to_standard_output_writes_there(rig: Rig, link_to: str) -> None:
    (rig.root / "stdout").symlink_to(link_to)
    for stdout in ("pipe", "file"):
        with contextlib.ExitStack() as stack:
            if stdout == "file":
                sink = stack.enter_context((rig.root / "out.txt").open("w"))
                done = subprocess.run(
                    rig.command("report", "t", *Q, "-o", "stdout"),
                    cwd=rig.root, env=rig.env(), stdout=sink, text=True, check=False,
                )  # fmt: skip
                text = (rig.root / "out.txt").read_text(encoding="utf-8")
            else:
                done = subprocess.run(
                    rig.command("report", "t", *Q, "-o", "stdout"),
                    cwd=rig.root, env=rig.env(), capture_output=True, text=True, check=False,
                )  # fmt: skip
                text = done.stdout
        assert done.returncode == 0, (stdout, done)
        assert text.startswith("Target: Rig"), (stdout, text[:200])
        assert (rig.root / "stdout").is_symlink(), stdout
        assert str((rig.root / "stdout").readlink()) == link_to


def test_output_onto_a_link_to_a_file_replaces_the_link(rig: Rig) -> None:
    """Case 23, kept: the link is replaced, the file it pointed to is left alone."""
    (rig.root / "elsewhere.md").write_text("keep me\n", encoding="utf-8")
    (rig.root / "report.md").symlink_to(rig.root / "elsewhere.md")
    result = rig.smm("report", "t", *Q, "-o", "report.md")
    assert result.code == 0, result
    assert not (rig.root / "report.md").is_symlink()
    assert (rig.root / "elsewhere.md").read_text(encoding="utf-8") == "keep me\n"


def test_output_onto_a_folder_is_refused(rig: Rig) -> None:
    (rig.root / "folder").mkdir()
    refused_unchanged(rig, "report", "t", *Q, "-o", "folder", needle="is a folder")


# --- Modes -----------------------------------------------------------------------------------


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_new_file_is_private_and_a_replaced_file_keeps_its_mode(rig: Rig) -> None:
    with umask(0o022):
        made = {
            "sessions/i.toml": ("import", *rig_csv(), "--id", "i"),
            "sessions/plans/rig.toml": ("plan", "set", "t", "D1.1", "--owner", "Ann", *Q),
            "profiles/mine.toml": ("profile", "save", "t", "--id", "mine", *Q),
            "report.md": ("report", "t", *Q, "--format", "md", "-o", "report.md"),
            "levels.csv": ("export", "c", "--format", "csv", *Q, "-o", "levels.csv"),
            "answers.xlsx": ("export", "c", "--format", "xlsx", *Q, "-o", "answers.xlsx"),
            "form.xlsx": ("form", "--kind", "target", *Q, "-o", "form.xlsx"),
            "gap.html": ("gap", "t", "c", *Q, "--format", "html", "-o", "gap.html"),
        }
        for name, command in made.items():
            result = rig.smm(*command)
            assert result.code == 0, (name, result)
            assert mode(rig.root / name) == 0o600, name
        (rig.root / "report.md").chmod(0o644)
        (rig.sessions / "t.toml").chmod(0o640)
        assert rig.smm("report", "t", *Q, "--format", "md", "-o", "report.md").code == 0
        store = SessionStore(rig.sessions)
        store.save(store.read("t"))
    assert mode(rig.root / "report.md") == 0o644
    assert mode(rig.sessions / "t.toml") == 0o640


def rig_csv() -> tuple[str, ...]:
    return (str(Path(__file__).parent.parent / "data" / "csv" / "assessment.csv"),
            "--kind", "assessment", "--system", "Rig", *Q)  # fmt: skip


# --- Leftovers of killed saves ---------------------------------------------------------------


@contextlib.contextmanager
def held_by_another_process(path: Path) -> Iterator[None]:
    """``path`` locked (flock) by a live process, as a save in progress holds its file."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(
            """
            import fcntl, os, sys, time
            descriptor = os.open(sys.argv[1], os.O_RDONLY)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            print("held", flush=True)
            time.sleep(60)
            """
        ), str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_leftovers_are_removed_by_the_next_command_but_not_a_live_save(rig: Rig) -> None:
    killed = rig.sessions / ".imp.saving-k1ll3d00.tmp"
    live = rig.sessions / ".t.saving-l1ve0000.tmp"
    other = rig.sessions / ".notes.tmp"
    pipe = rig.sessions / ".x.saving-p1pe0000.tmp"
    for path in (killed, live, other):
        path.write_text("half", encoding="utf-8")
    os.mkfifo(pipe)
    with held_by_another_process(live):
        result = rig.smm("list", *Q)
        assert result.code == 0, result
        assert not killed.exists()
        assert live.exists() and other.exists() and stat.S_ISFIFO(pipe.lstat().st_mode)
    killed.write_text("half", encoding="utf-8")
    assert rig.smm("import", *rig_csv(), "--id", "i2").code == 0
    assert not killed.exists() and not live.exists()


def test_leftovers_of_profiles_plans_and_outputs_are_removed(rig: Rig) -> None:
    (rig.root / "profiles").mkdir()
    (rig.sessions / "plans").mkdir()
    leftovers = [
        rig.root / "profiles" / ".p.toml.k1ll3d00.tmp",
        rig.sessions / "plans" / ".rig.toml.k1ll3d00.tmp",
        rig.root / ".report.md.k1ll3d00.tmp",
    ]
    kept = [rig.root / ".other.md.k1ll3d00.tmp", rig.root / ".report.md.tmp"]
    for path in leftovers + kept:
        path.write_text("half", encoding="utf-8")
    rig.smm("profiles", *Q)  # exit 2: the shipped profiles are not for this questionnaire
    assert rig.smm("plan", "set", "t", "D1.1", "--owner", "Ann", *Q).code == 0
    assert rig.smm("report", "t", *Q, "-o", "report.md").code == 0
    assert [path.name for path in leftovers if path.exists()] == []
    assert all(path.exists() for path in kept)


# --- Paths too long to use -------------------------------------------------------------------


LONG = "d" * 300


@pytest.mark.parametrize(
    "command",
    [
        ("list", *Q),
        ("import", *rig_csv()),
        ("show", "t", *Q),
        ("report", "t", *Q),
        ("gap", "t", "c", *Q),
        ("history", "Rig", *Q),
        ("plan", "set", "t", "D1.1", "--owner", "Ann", *Q),
        ("accept", "c", *Q),
        ("profile", "save", "t", "--id", "p", *Q),
        ("serve", "--port", "0", *Q),
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_a_sessions_folder_name_too_long_is_one_line(rig: Rig, command: tuple[str, ...]) -> None:
    result = rig.smm(*command, "--sessions-dir", str(rig.root / LONG))
    assert_refused(result, "File name too long")


def test_a_profiles_folder_or_output_name_too_long_is_one_line(rig: Rig) -> None:
    long = rig.root / LONG
    env = rig.env() | {"SMM_PROFILES_DIR": str(long)}
    for command in (("profiles", *Q), ("profile", "save", "t", "--id", "p", *Q)):
        done = subprocess.run(
            rig.command(*command), cwd=rig.root, env=env, capture_output=True, text=True,
            check=False,
        )  # fmt: skip
        assert done.returncode == 2, (command, done)
        lines = [line for line in done.stderr.splitlines() if "File name too long" in line]
        assert len(lines) == 1 and lines[0].startswith("smm: "), done.stderr
        assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    for target in (f"{long}/x.md", f"{long}/sub/x.md"):
        assert_refused(rig.smm("report", "t", *Q, "-o", target), "File name too long")
