"""Is an SQLite file healthy? Used at start-up (quick check) and for backups (full check)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class DamagedDatabase(RuntimeError):
    """The database file failed SQLite's check; ``newest_backup`` is the best file to restore."""

    def __init__(self, database: Path, problem: str, newest_backup: Path | None) -> None:
        offer = (
            f"；最新的完好備份：{newest_backup}（可用 workshop-desk restore 還原）"
            if newest_backup
            else "；找不到可用的備份"
        )
        super().__init__(
            "這個檔案不是可用的資料庫，或已損毀 (database file is damaged): "
            f"{database}: {problem}{offer}"
        )
        self.database = database
        self.problem = problem
        self.newest_backup = newest_backup


class UnreadableDatabase(RuntimeError):
    """SQLite could not read the file for a reason that is not damage (a read-only file or
    folder, no permission, locked by another program): nothing to restore, the file is fine."""

    def __init__(self, database: Path, problem: str) -> None:
        lowered = problem.lower()
        if "readonly" in lowered or "read-only" in lowered:
            what = "資料庫檔案或所在資料夾是唯讀的 (database file or its folder is read-only)"
        elif "locked" in lowered or "busy" in lowered:
            what = "資料庫檔案被另一個程式鎖住 (database is locked by another program)"
        else:
            what = "無法讀取資料庫檔案 (cannot read database file)"
        super().__init__(f"{what}: {database}: {problem}")
        self.database = database
        self.problem = problem


# SQLite's primary result codes that mean the bytes themselves are bad. Every other error
# (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_BUSY, SQLITE_PERM, ...) is about the surroundings:
# calling such a file "damaged" would offer to restore an older backup over good data.
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
BUSY_TIMEOUT = 5.0  # seconds to wait for another program's write lock


def is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _DAMAGE_CODES
    return not isinstance(exc, sqlite3.OperationalError)


def check_file(path: Path, *, quick: bool = False) -> str | None:
    """None when SQLite finds ``path`` healthy, else the first problem in one line.

    ``quick`` runs ``PRAGMA quick_check`` (start-up: O(N), skips index cross-checks);
    otherwise ``PRAGMA integrity_check`` (backups, restores). A file SQLite cannot read for
    another reason than damage (read-only folder, permissions, locked) raises
    ``UnreadableDatabase`` instead: it is not damaged and must not be "restored".
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
        try:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        if is_damage(exc):
            return str(exc)
        raise UnreadableDatabase(Path(path), str(exc)) from exc
    if rows == [("ok",)]:
        return None
    return "; ".join(str(row[0]) for row in rows[:3])


def has_tables(path: Path, *names: str) -> bool:
    connection = sqlite3.connect(path, timeout=5)
    try:
        found = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    return set(names) <= found
