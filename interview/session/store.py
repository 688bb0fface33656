"""Session files on disk: naming, atomic saving, strict loading, migration and locking.

One TOML file per session in the sessions folder; the file's stem is the session id. A save
writes a temporary file in the same folder, flushes and fsyncs it, then renames it over the old
file, so that a process killed at any instant leaves either the old or the new file, whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pydantic import TypeAdapter

from interview.errors import InputError, printable
from interview.filemodel import system_stem
from interview.files import fill_temporary, fsync_folder, status_of
from interview.questionnaire.model import Questionnaire
from interview.session.checks import check_session, reconcile
from interview.session.migrations import MIGRATIONS
from interview.session.model import (
    ASSESSMENT_ONLY_KEYS,
    SESSION_SCHEMA_VERSION,
    TARGET_ONLY_KEYS,
    AssessmentSession,
    Session,
    SessionKind,
    TargetSession,
)
from interview.temporaries import new_temporary, remove_leftovers
from interview.tomlfile import Problem, TomlDocument, read_toml
from interview.versioned import FileKind, checked_text, parse_versioned, versioned_text

AnySession = TargetSession | AssessmentSession
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")

FILE_HEADER = (
    "# An smm session: every answer given in one interview, saved after each answer.\n"
    "# Read it with `smm show ID`. The [levels] table is recomputed on every save.\n\n"
)
IMPORTED_FILE_HEADER = (
    "# An smm session imported with `smm import`: its levels are taken as given from the\n"
    "# imported file, not derived from answers. Read it with `smm report ID`.\n\n"
)


def _keys_of_the_other_kind(data: dict[str, Any]) -> list[Problem]:
    """A target with an assessment's key, or the reverse: named as such, not as unknown."""
    kind = data.get("kind")
    if kind == SessionKind.TARGET:
        foreign, whose, this = ASSESSMENT_ONLY_KEYS, "an assessment's", "a target"
    elif kind == SessionKind.ASSESSMENT:
        foreign, whose, this = TARGET_ONLY_KEYS, "a target's", "an assessment"
    else:  # named here, as the union's own error would name neither the key nor the kinds
        kinds = " or ".join(repr(str(each)) for each in SessionKind)
        what = "required key is missing; add it" if kind is None else "correct the value"
        return [Problem(("kind",), f"input should be {kinds}; {what}")]
    return [
        Problem((key,), f"{whose} key, not {this} session's; remove it")
        for key in sorted(foreign & data.keys())
    ]


def _dump_session(session: AnySession) -> dict[str, Any]:
    """The session as its file's data, the derived levels last: the record comes first; no
    empty imported_levels table outside an imported assessment."""
    data = session.model_dump(mode="python", exclude_none=True)
    if not data.get("imported_levels", True):
        del data["imported_levels"]
    data["levels"] = data.pop("levels")
    return data


SESSION_FILE: Final = FileKind[AnySession](
    name="session",
    model=TypeAdapter(Session),
    tag="kind",
    precheck=_keys_of_the_other_kind,
    dump=_dump_session,
    version=SESSION_SCHEMA_VERSION,
    markers=frozenset({"kind", "questionnaire", "answers"}),
    foreign={"practices": "a profile's or a questionnaire's", "items": "a plan's"},
    advice="see docs/SESSIONS.md",
    migrations=MIGRATIONS,
)


@dataclass
class LoadedSession:
    session: Session
    path: Path
    notices: list[str] = field(default_factory=list)
    """What the user should be told, e.g. that the questionnaire changed since."""


class SessionStore:
    """The sessions folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    # --- Ids and paths -------------------------------------------------------------------

    def path_of(self, session_id: str) -> Path:
        return self.folder / f"{session_id}.toml"

    def file_of(self, session: Session) -> Path:
        """Where the session is saved: the file it was read from when that is outside the
        folder, otherwise the folder's file of its id."""
        return session.outside_file or self.path_of(session.id)

    def holds(self, path: Path) -> bool:
        """Whether a session file is in this folder (however the path is spelled), so that
        its stem is its id here."""
        try:
            return path.parent.resolve() == self.folder.resolve()
        except (OSError, RuntimeError):  # a link loop: as spelled
            return path.parent.absolute() == self.folder.absolute()

    def resolve(self, reference: str) -> Path:
        """The file for a session id (a name in the folder) or a path to a session file."""
        looks_like_path = os.sep in reference or "/" in reference or reference.endswith(".toml")
        if looks_like_path:
            return Path(reference)
        if not _ID_PATTERN.fullmatch(reference) or ".." in reference:
            raise InputError(
                [
                    f"{printable(reference) or repr(reference)}: not a session id (letters, "
                    "digits, '.', '_', '-'); give an id from `smm list` or a path to a session file"
                ]
            )
        return self.path_of(reference)

    def _existing(self, reference: str) -> Path:
        """The file of an existing session, or an error that says where smm looked."""
        path = self.resolve(reference)
        if path.parent == self.folder and not path.exists():
            self.check_folder()
            raise InputError(
                [
                    f"{printable(reference)}: no such session in {printable(str(self.folder))}; "
                    "see `smm list` (or pass --sessions-dir)"
                ]
            )
        return path

    def _unique_id(self, session: Session) -> str:
        """``acme-gateway-assessment-2026-11-25``, numbered from 2 when taken; a name the slug
        cannot say whole gets a hash in it (``system-5f1c0e2a9b-target-…``)."""
        system = system_stem(session.system)
        base = f"{system}-{session.kind.value}-{session.created.date().isoformat()}"
        candidate, number = base, 1
        while self.path_of(candidate).exists():
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    # --- Writing ---------------------------------------------------------------------------

    def create(self, session: Session, session_id: str | None = None) -> Session:
        """Give the session an id (``session_id``, or a new unique one) and write its first
        file, never over another one."""
        if session_id is not None:
            self._check_new_id(session_id)
        self._ensure_folder()
        while True:
            session.id = session_id or self._unique_id(session)
            file = self.path_of(session.id)
            with self._temporary(session, file) as temporary:
                try:
                    os.link(temporary, file)  # fails if the name was taken
                except FileExistsError:
                    if session_id is not None:
                        raise self._taken(session_id) from None
                    continue
                finally:
                    temporary.unlink(missing_ok=True)
            fsync_folder(self.folder)
            return session

    def _check_new_id(self, session_id: str) -> None:
        """Refuse an id that is not one, or that another session already has."""
        if (
            not _ID_PATTERN.fullmatch(session_id)
            or ".." in session_id
            or session_id.endswith(".toml")
        ):
            raise InputError(
                [
                    f"{printable(session_id) or repr(session_id)}: not a session id; use "
                    "letters, digits, '.', '_' and '-', starting with a letter or digit (and no "
                    ".toml at the end)"
                ]
            )
        if self.path_of(session_id).exists():
            raise self._taken(session_id)

    def _taken(self, session_id: str) -> InputError:
        return InputError(
            [
                f"{session_id}: a session with this id already exists in "
                f"{printable(str(self.folder))}; choose another id"
            ]
        )

    def save(self, session: Session) -> None:
        """Replace the session's file atomically (keeping its permissions)."""
        if not session.id:
            raise ValueError("a session must be created before it is saved")
        file = self.file_of(session)
        with self._temporary(session, file) as temporary:
            try:
                temporary.replace(file)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        fsync_folder(file.parent)

    @contextlib.contextmanager
    def _temporary(self, session: Session, file: Path) -> Iterator[Path]:
        """The session's file, checked as the reader checks it, written beside its place and
        held (against the removal of leftovers) while the block puts it there."""
        header = FILE_HEADER if session.imported_from is None else IMPORTED_FILE_HEADER
        text = checked_text(session, file, SESSION_FILE, header=header)
        existing = status_of(file, "the session file")
        mode = None if existing is None else stat.S_IMODE(existing.st_mode)
        where = printable(str(file.parent))
        with contextlib.ExitStack() as held:
            try:
                handle, temporary = held.enter_context(
                    new_temporary(file.parent, _temporary_prefix(file.stem))
                )
            except OSError as error:
                raise InputError(
                    [f"{where}: cannot save a session here ({error.strerror})"]
                ) from None
            try:
                fill_temporary(handle, temporary, text, mode=mode)
            except OSError as error:
                kept = "the previous save is intact" if existing else "nothing was written"
                raise InputError(
                    [f"{where}: cannot save the session ({error.strerror}); {kept}"]
                ) from None
            yield temporary

    def check_folder(self) -> None:
        """Refuse, in one line, a sessions folder that is a file or a broken symbolic link,
        or whose path cannot be used (a name too long)."""
        found = status_of(self.folder, "the sessions folder")
        if found is not None and stat.S_ISDIR(found.st_mode):
            return
        if found is None and not self.folder.is_symlink():
            return  # made by the first save
        what = "a file" if found is not None else "a symbolic link to nothing"
        raise InputError(
            [
                f"{printable(str(self.folder))}: the sessions folder is {what}, not a folder; "
                "give a folder with --sessions-dir (or SMM_SESSIONS_DIR)"
            ]
        )

    def _ensure_folder(self) -> None:
        self.check_folder()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            where = printable(str(self.folder))
            raise InputError(
                [f"{where}: cannot create the sessions folder ({error.strerror})"]
            ) from None
        remove_leftovers(self.folder)

    # --- Reading ---------------------------------------------------------------------------

    def load(self, reference: str, questionnaire: Questionnaire) -> LoadedSession:
        """Read a session strictly and bring it in line with the questionnaire."""
        path = self._existing(reference)
        document = read_toml(path, "session")
        session = self._identified(parse_session(document), path)
        if session.questionnaire.id != questionnaire.id:
            raise InputError(
                [
                    f"{document.where}: questionnaire: this session was made with questionnaire "
                    f"{printable(session.questionnaire.id)!r}, not {questionnaire.id!r}; "
                    "pass that questionnaire with --questionnaire"
                ]
            )
        if session.questionnaire.content_hash == questionnaire.content_hash:
            problems = check_session(session, questionnaire)
            if problems:
                raise document.error(problems)
            return LoadedSession(session, path)
        return LoadedSession(session, path, reconcile(session, questionnaire))

    def read(self, reference: str) -> Session:
        """Read a session file without checking it against a questionnaire (for lists)."""
        path = self._existing(reference)
        return self._identified(parse_session(read_toml(path, "session")), path)

    def _identified(self, session: Session, path: Path) -> Session:
        """The session read from ``path``, with its id (the file's stem) and, for a file
        outside the folder, that file: saving it there never replaces the folder's session
        of the same id."""
        session.id = path.stem
        if not self.holds(path):
            session.outside_file = path
        return session

    def session_files(self) -> list[Path]:
        """Every session file in the folder (not the temporary or lock files)."""
        self.check_folder()
        if not self.folder.is_dir():
            return []
        remove_leftovers(self.folder)  # the folder is being listed: a good time to tidy it
        return sorted(path for path in self.folder.glob("*.toml") if not path.name.startswith("."))

    # --- Locking ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self, reference: str) -> Iterator[None]:
        """Hold the session (an id, or a path) against writers in other processes while the
        block runs. The lock is beside the file it is saved to: a file outside the folder is
        locked in its own folder, not under its stem here.

        The lock is an OS-level lock on a side file: it is released when the process ends,
        however it ends, so a killed smm never blocks the next one. (filelock is imported
        here: only the interview takes locks, and commands that only read start faster.)
        """
        from filelock import FileLock, Timeout

        file = self.resolve(reference)
        if self.holds(file):
            file = self.path_of(file.stem)
        lock = FileLock(file.parent / f".{file.stem}.lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise InputError(
                [
                    f"{printable(str(file))}: this session is open in another smm; "
                    "finish or quit it there first"
                ]
            ) from None
        except OSError as error:  # a read-only folder; a lock file that is a link (refused)
            raise InputError([self._unlockable(file, lock.lock_file, error)]) from None
        remove_leftovers(file.parent)
        try:
            yield
        finally:
            lock.release()

    def _unlockable(self, file: Path, lock: str, error: OSError) -> str:
        """Why a session cannot be locked, and so not changed, in one line."""
        if not self.holds(file):
            return (
                f"{printable(str(file))}: cannot change this session here ({error.strerror} "
                f"on {printable(lock)}): a session file outside the sessions folder is saved "
                "back into its own file, so its folder must be writable; copy the file to a "
                "folder you can write to and give that path"
            )
        return (
            f"{printable(lock)}: cannot lock the session ({error.strerror}); "
            "the sessions folder must be writable and the lock a plain file"
        )


def _temporary_prefix(session_id: str) -> str:
    """How a save's temporary file is named: hidden, and after its session."""
    return f".{session_id}.saving-"


def session_text(session: Session) -> str:
    """The session as TOML (without the header comment)."""
    return versioned_text(session, SESSION_FILE)


def parse_session(document: TomlDocument) -> Session:
    """Validate a parsed session file, upgrading an older format first."""
    return parse_versioned(document, SESSION_FILE)
