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
        super().__init__(f"這個檔案不是可用的資料庫，或已損毀 (database file is damaged): {database}: {problem}{offer}")
        self.database = database
        self.problem = problem
        self.newest_backup = newest_backup


def check_file(path: Path, *, quick: bool = False) -> str | None:
    """None when SQLite finds ``path`` healthy, else the first problem in one line.

    ``quick`` runs ``PRAGMA quick_check`` (start-up: O(N), skips index cross-checks);
    otherwise ``PRAGMA integrity_check`` (backups, restores).
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        connection = sqlite3.connect(path, timeout=5)
        try:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
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
