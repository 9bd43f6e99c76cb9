"""Problems of the environment, told to the user in one clear sentence.

Bugs are not handled here: they reach the crash handler, which logs the traceback.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.engine import UnsupportedDatabase
from db.integrity import DamagedDatabase, UnreadableDatabase
from db.migrate import MigrationError
from desktop.lockfile import DatabaseInUse


def user_message(exc: BaseException, where: str | None = None) -> str | None:
    """A one-line explanation for an environment problem, or None for a bug.

    ``where`` (the database file or URL) is added to messages that do not name it already.
    """
    message = _message(exc, where)
    return None if message is None else " ".join(message.split())


def _message(exc: BaseException, where: str | None) -> str | None:
    if isinstance(exc, MigrationError):
        kept = f"; 原檔未變更，升級前備份：{exc.backup}" if exc.backup else "; 原檔未變更"
        return f"{exc}{kept}"
    if isinstance(exc, DamagedDatabase | UnreadableDatabase | DatabaseInUse | UnsupportedDatabase):
        return str(exc)
    from desktop.services.backup import BackupError

    if isinstance(exc, BackupError):
        return str(exc)
    if isinstance(exc, DBAPIError):
        text = str(exc.orig) if exc.orig is not None else str(exc)
        at = f": {where}" if where else ""
        if "readonly" in text or "read-only" in text:
            return f"資料庫檔案或所在資料夾是唯讀的，無法寫入 (database is read-only){at}"
        if "locked" in text:
            return f"資料庫檔案被另一個程式鎖住 (database is locked by another program){at}"
        if "not a database" in text or "malformed" in text:
            return f"這個檔案不是可用的資料庫，或已損毀 (file is not a database or is damaged){at}"
        return f"無法開啟資料庫 (cannot open database){at}: {text}"
    if isinstance(exc, PermissionError | FileNotFoundError | IsADirectoryError
                  | NotADirectoryError):
        return f"{exc.strerror or exc}: {exc.filename}"
    return None
