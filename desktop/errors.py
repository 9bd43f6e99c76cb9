"""Problems of the environment, told to the user in one clear sentence.

Each is a ``CodedError``: the CLI prints its zh-TW sentence, the window words its code in the
window's language (``desktop.ui.messages.error_text``). Bugs are not handled here: they reach
the crash handler, which logs the traceback.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.engine import NetworkDatabase, UnsupportedDatabase
from db.integrity import DamagedDatabase, UnreadableDatabase
from db.migrate import MigrationError
from desktop.core.problems import CodedError
from desktop.lockfile import DatabaseInUse


def environment_problem(exc: BaseException, where: str | None = None) -> CodedError | None:
    """``exc`` as a coded refusal when it is an environment problem, or None for a bug.

    ``where`` (the database file or URL) is added to messages that do not name it already.
    """
    if isinstance(exc, CodedError):  # BackupError and the like say it already
        return exc
    if isinstance(exc, MigrationError):
        if exc.backup:
            return CodedError(
                "migration_failed_backup",
                f"{exc}；原檔未變更，升級前備份：{exc.backup}",
                detail=exc.__cause__ or exc,
                backup=exc.backup,
            )
        return CodedError("migration_failed", f"{exc}；原檔未變更", detail=exc.__cause__ or exc)
    if isinstance(exc, DamagedDatabase):
        if exc.newest_backup:
            return CodedError(
                "database_damaged_backup",
                f"這個檔案不是可用的資料庫，或已損毀：{exc.database}（{exc.problem}）；"
                f"最新的完好備份：{exc.newest_backup}（可用 workshop-desk restore 還原）",
                path=exc.database,
                detail=exc.problem,
                backup=exc.newest_backup,
            )
        return CodedError(
            "database_damaged",
            f"這個檔案不是可用的資料庫，或已損毀：{exc.database}（{exc.problem}）；"
            "找不到可用的備份",
            path=exc.database,
            detail=exc.problem,
        )
    if isinstance(exc, DatabaseInUse):
        return CodedError(
            "database_in_use",
            f"這個資料庫已在另一個視窗開啟，請切換到那個視窗，或先關閉它：{exc.database}",
            path=exc.database,
        )
    if isinstance(exc, NetworkDatabase):
        return CodedError("database_on_network_drive", str(exc), path=exc.path)
    if isinstance(exc, UnsupportedDatabase):
        return CodedError("unsupported_database", str(exc), url=exc.url, detail=exc.problem)
    at = where or ""
    if isinstance(exc, UnreadableDatabase):
        text, at = exc.problem, str(exc.database)
    elif isinstance(exc, DBAPIError):
        text = str(exc.orig) if exc.orig is not None else str(exc)
    elif isinstance(
        exc, PermissionError | FileNotFoundError | IsADirectoryError | NotADirectoryError
    ):
        return CodedError(
            "os_error",
            f"{exc.strerror or exc}：{exc.filename}",
            detail=exc.strerror or exc,
            path=exc.filename,
        )
    else:
        return None
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return CodedError(
            "database_read_only", f"資料庫檔案或所在資料夾是唯讀的，無法寫入：{at}", path=at
        )
    if "locked" in lowered or "busy" in lowered:
        return CodedError("database_locked", f"資料庫檔案被另一個程式鎖住：{at}", path=at)
    if "not a database" in lowered or "malformed" in lowered:
        return CodedError("not_a_database", f"這個檔案不是可用的資料庫，或已損毀：{at}", path=at)
    return CodedError(
        "cannot_open_database", f"無法開啟資料庫：{at}（{text}）", path=at, detail=text
    )
