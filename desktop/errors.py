"""Problems of the environment, told to the user in one clear sentence.

Bugs are not handled here: they reach the crash handler, which logs the traceback.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.integrity import DamagedDatabase, UnreadableDatabase
from db.migrate import MigrationError
from desktop.lockfile import DatabaseInUse


def user_message(exc: BaseException) -> str | None:
    """A one-line explanation for an environment problem, or None for a bug."""
    if isinstance(exc, MigrationError):
        kept = f"; 原檔未變更，升級前備份：{exc.backup}" if exc.backup else "; 原檔未變更"
        return f"{exc}{kept}"
    if isinstance(exc, DamagedDatabase | UnreadableDatabase | DatabaseInUse):
        return str(exc)
    from desktop.services.backup import BackupError

    if isinstance(exc, BackupError):
        return str(exc)
    if isinstance(exc, DBAPIError):
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if "locked" in text:
            return "資料庫檔案被另一個程式鎖住 (database is locked by another program)"
        if "not a database" in text or "malformed" in text:
            return "這個檔案不是可用的資料庫，或已損毀 (file is not a database or is damaged)"
        return f"無法開啟資料庫 (cannot open database): {text}"
    if isinstance(exc, PermissionError | FileNotFoundError | IsADirectoryError):
        return f"{exc.strerror or exc}: {exc.filename}"
    return None
