"""Backups of the SQLite database with SQLite's online backup API, and restoring them.

* ``backup_to(database, target)``: a consistent copy while the app keeps working (the backup
  API reads a snapshot, WAL content included). Written to a temporary file, checked with
  ``PRAGMA integrity_check``, fsynced and only then renamed into place (``atomic_target``), so a
  backup file is either complete and healthy or absent — never half-written.
* ``auto_backup(database)``: a timestamped copy in the backup folder the user picked (default
  ``<data folder>/backups``), keeping the newest ``keep``. The window runs it every few minutes
  and on close.
* ``restore(database, backup_file)``: checks the backup first, keeps a copy of the current file
  beside it (``<name>.before-restore-<time>.sqlite3``), then swaps the file atomically. The
  caller must hold the database's window lock (``desktop.lockfile``) and have closed its
  connections.

The backup folder, how many to keep and the interval are machine preferences (a USB stick path
means nothing on another laptop), stored in ``<data folder>/backup-settings.json``.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from db.integrity import UnreadableDatabase, check_file, has_tables
from desktop import paths
from desktop.core.atomicfile import JSON, SQLITE, atomic_target, write_atomic
from desktop.core.outcomes import backup as words
from desktop.core.problems import CodedError

SETTINGS_FILE = "backup-settings.json"
DEFAULT_KEEP = 20
DEFAULT_INTERVAL_MINUTES = 5
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(CodedError):
    """A backup or restore could not be done; nothing was changed."""


@dataclass(frozen=True)
class BackupSettings:
    folder: Path
    keep: int = DEFAULT_KEEP
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    bytes: int
    at: dt.datetime
    removed: tuple[Path, ...] = ()  # older automatic backups rotated away


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    previous_copy: Path | None  # the file as it was before the restore


# --- settings ---------------------------------------------------------------------------------


def default_folder() -> Path:
    return paths.data_dir() / "backups"


def load_settings() -> BackupSettings:
    file = paths.data_dir() / SETTINGS_FILE
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupSettings(default_folder())
    folder = Path(raw.get("folder") or default_folder())
    keep = max(1, int(raw.get("keep", DEFAULT_KEEP)))
    interval = max(1, int(raw.get("interval_minutes", DEFAULT_INTERVAL_MINUTES)))
    return BackupSettings(folder, keep, interval)


def save_settings(settings: BackupSettings) -> None:
    file = paths.data_dir() / SETTINGS_FILE
    data = {
        "folder": str(settings.folder),
        "keep": settings.keep,
        "interval_minutes": settings.interval_minutes,
    }
    write_atomic(file, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), JSON)


def set_folder(folder: Path) -> BackupSettings:
    folder = Path(folder).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / ".workshop-desk-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BackupError(words.FOLDER_NOT_WRITABLE, path=folder, detail=exc) from exc
    settings = replace(load_settings(), folder=folder)
    save_settings(settings)
    return settings


# --- backing up -------------------------------------------------------------------------------


def backup_to(database: Path, target: Path, *, now: dt.datetime | None = None) -> BackupInfo:
    """Copy ``database`` to ``target`` (complete and checked, or not at all)."""
    database, target = Path(database), Path(target).expanduser()
    if not database.is_file():
        raise BackupError(words.DATABASE_MISSING, path=database)
    if target.resolve() == database.resolve():
        raise BackupError(words.TARGET_IS_DATABASE, path=target)
    if target.is_dir():
        example = target / (database.stem + "-backup.sqlite3")
        raise BackupError(words.TARGET_IS_FOLDER, path=target, example=example)
    if target.exists() and not is_replaceable_backup(target):
        raise BackupError(words.TARGET_EXISTS, path=target)
    try:
        # replace_any: is_replaceable_backup above is the stricter "ours" for backups
        with atomic_target(target, SQLITE, replace_any=True) as partial:
            _copy_database(database, partial)
            problem = check_file(partial)
            if problem:
                raise BackupError(words.DAMAGED, detail=problem)
    except (sqlite3.Error, UnreadableDatabase) as exc:
        raise BackupError(words.FAILED, path=database, detail=exc) from exc
    return BackupInfo(target.resolve(), target.stat().st_size, now or dt.datetime.now())


def is_replaceable_backup(path: Path) -> bool:
    """May a backup overwrite ``path``? Only when it is a backup this program wrote: a Workshop
    Desk database in rollback-journal mode (backups are written that way) with no ``-wal``
    beside it. A live database (WAL mode), another program's file or a document is kept."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    if header[18] != 1 or header[19] != 1 or Path(f"{path}-wal").exists():
        return False  # WAL mode: a database in use, not a backup copy
    try:
        return has_tables(path, "alembic_version", "events", "check_ins")
    except sqlite3.Error:
        return False


def backup_prefix(database: Path) -> str:
    """The name automatic backups of ``database`` start with: its file name plus a short tag
    of its full path, so two databases with the same file name in different folders never
    rotate (delete) or restore each other's backups in a shared backup folder."""
    tag = hashlib.sha256(str(Path(database).resolve()).encode("utf-8")).hexdigest()[:6]
    return f"{Path(database).stem}-{tag}"


def auto_backup(
    database: Path, settings: BackupSettings | None = None, *, now: dt.datetime | None = None
) -> BackupInfo:
    """A timestamped backup in the backup folder; older ones beyond ``keep`` are removed."""
    settings = settings or load_settings()
    at = now or dt.datetime.now()
    database = Path(database)
    prefix = backup_prefix(database)
    target = settings.folder / f"{prefix}-{at.strftime(_STAMP)}.sqlite3"
    counter = 2
    while target.exists():
        target = settings.folder / f"{prefix}-{at.strftime(_STAMP)}-{counter}.sqlite3"
        counter += 1
    info = backup_to(database, target, now=at)
    removed = tuple(list_backups(database, settings.folder)[settings.keep :])
    for old in removed:
        old.unlink(missing_ok=True)
    return replace(info, removed=removed)


def list_backups(database: Path, folder: Path) -> list[Path]:
    """This database's automatic backups in ``folder``, newest first."""
    pattern = re.compile(
        re.escape(backup_prefix(database)) + r"-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$"
    )
    found = []
    if Path(folder).is_dir():
        for file in Path(folder).iterdir():
            match = pattern.match(file.name)
            if match:
                found.append(((match.group(1), int(match.group(2) or 1)), file))
    return [file for _key, file in sorted(found, reverse=True)]


def newest_good_backup(database: Path, folders: list[Path] | None = None) -> Path | None:
    """The newest backup of ``database`` that passes ``integrity_check``, or None."""
    if folders is None:
        folders = [load_settings().folder, default_folder()]
    candidates: list[Path] = []
    for folder in dict.fromkeys(Path(f).resolve() for f in folders):
        candidates.extend(list_backups(database, folder))
    candidates.sort(key=lambda p: p.name, reverse=True)
    for candidate in candidates:
        try:
            if check_file(candidate) is None:
                return candidate
        except UnreadableDatabase:
            continue  # e.g. no permission to read it: not one to offer
    return None


def remove_leftovers(database: Path, settings: BackupSettings | None = None) -> tuple[Path, ...]:
    """Delete the hidden partial copies a killed backup or restore of ``database`` left behind
    (each a whole copy of the database: names and phones in clear). Failures clean up after
    themselves; a SIGKILL cannot, so the window calls this at start-up, holding the database's
    window lock: automatic backups and restores of this database run only in that window, so
    no live process is still writing one of these files."""
    settings = settings or load_settings()
    leftovers = list(database.parent.glob(f".{glob.escape(database.name)}.*.partial"))
    if settings.folder.is_dir():
        leftovers += settings.folder.glob(f".{glob.escape(backup_prefix(database))}-*.partial")
    removed = tuple(file for file in leftovers if file.is_file())
    for file in removed:
        file.unlink(missing_ok=True)
    return removed


def database_signature(database: Path) -> tuple[tuple[int, int], ...]:
    """Changes whenever the database (or its WAL) is written: lets auto-backup skip idle spells."""
    result = []
    for suffix in ("", "-wal"):
        try:
            stat = Path(f"{database}{suffix}").stat()
            result.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            result.append((0, 0))
    return tuple(result)


# --- restoring --------------------------------------------------------------------------------


def validate_backup(backup_file: Path) -> None:
    """Raise ``BackupError`` unless ``backup_file`` is a healthy Workshop Desk database."""
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise BackupError(words.BACKUP_MISSING, path=backup_file)
    try:
        problem = check_file(backup_file)
    except UnreadableDatabase as exc:
        raise BackupError(words.UNREADABLE, detail=exc) from exc
    if problem:
        raise BackupError(words.FILE_DAMAGED, path=backup_file, detail=problem)
    if not has_tables(backup_file, "alembic_version", "events", "check_ins"):
        raise BackupError(words.NOT_OURS, path=backup_file)


@dataclass(frozen=True)
class EventStamp:
    """An event in a database file, as ``restore`` needs to know it."""

    name: str
    token_secret: bytes  # random per event: tells two events apart (ids and names may repeat)
    sealed_key: bytes | None  # the organiser's sealed ID key (checks the passphrase)


def events_in(file: Path) -> tuple[EventStamp, ...]:
    """The events in a database file, read without writing to it; () when it cannot be read."""
    uri = f"{Path(file).resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            rows = connection.execute(
                "SELECT name, token_secret, id_private_key_sealed FROM events ORDER BY id"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return ()
    return tuple(EventStamp(name, bytes(secret), sealed) for name, secret, sealed in rows)


def other_event(database: Path, backup_file: Path) -> str | None:
    """The backup's event name when it holds another event than ``database`` (restoring it
    would swap the whole event, not go back in time); None for the same event, or when the
    current file holds no event or cannot be read (then there is nothing to mix up)."""
    current = {e.token_secret for e in events_in(database)}
    theirs = events_in(backup_file)
    if not current or not theirs or current & {e.token_secret for e in theirs}:
        return None
    return "、".join(e.name for e in theirs)


def restore(database: Path, backup_file: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace ``database`` with ``backup_file``; the current file is kept beside it first."""
    database, backup_file = Path(database).resolve(), Path(backup_file).resolve()
    if backup_file == database:
        raise BackupError(words.IS_DATABASE)
    validate_backup(backup_file)
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    previous: Path | None = None
    try:
        if database.exists():
            previous = database.with_name(
                f"{database.stem}.before-restore-{stamp}{database.suffix}"
            )
            _keep_copy(database, previous)
        # replace_any: the live database is replaced on purpose (a copy was kept above)
        with atomic_target(database, SQLITE, replace_any=True) as partial:
            _copy_database(backup_file, partial)
            # The old WAL belongs to the old file: replaying it onto the restored one would
            # corrupt it. Its content is in ``previous`` already.
            for suffix in ("-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
    except (sqlite3.Error, OSError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise BackupError(
            words.RESTORE_FAILED, path=database, backup=backup_file, detail=reason
        ) from exc
    return RestoreResult(database, backup_file, previous)


def _keep_copy(database: Path, target: Path) -> None:
    """Copy the current file aside: with the backup API when it is readable, else byte for byte
    (a damaged file cannot be read by SQLite, but its bytes may still matter to someone)."""
    try:
        readable = check_file(database, quick=True) is None
    except UnreadableDatabase:
        readable = False
    if readable:
        try:
            _copy_database(database, target)
            return
        except sqlite3.Error:
            target.unlink(missing_ok=True)
    for suffix in ("", "-wal"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            shutil.copy2(source, Path(f"{target}{suffix}"))


# --- helpers ----------------------------------------------------------------------------------


def _copy_database(source: Path, target: Path) -> None:
    """Online backup of ``source`` into a fresh single file ``target`` (rollback journal mode,
    so the copy is self-contained), fsynced."""
    target.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=5)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    # A writable handle: Windows flushes (FlushFileBuffers) only through one, and refuses
    # a read-only handle with EBADF.
    with open(target, "r+b") as handle:
        os.fsync(handle.fileno())
