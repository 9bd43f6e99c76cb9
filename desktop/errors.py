"""Problems of the environment, told to the user in one clear sentence.

Each is a ``CodedError`` naming an outcome of ``desktop.core.outcomes.database``: the CLI
prints its zh-TW sentence, the window words it in the window's language
(``desktop.ui.messages.error_text``). Bugs are not handled here: they reach
the crash handler, which logs the traceback.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.engine import NetworkDatabase, UnsupportedDatabase
from db.integrity import DamagedDatabase, UnreadableDatabase
from db.migrate import MigrationError
from desktop.core.outcomes import database
from desktop.core.problems import CodedError
from desktop.lockfile import DatabaseInUse


def environment_problem(exc: BaseException, where: str | None = None) -> CodedError | None:
    """``exc`` as a coded refusal when it is an environment problem, or None for a bug.

    ``where`` (the database file or URL) names the file in messages whose error does not.
    """
    if isinstance(exc, CodedError):  # BackupError and the like say it already
        return exc
    if isinstance(exc, MigrationError):
        detail = exc.__cause__ or exc
        if exc.backup:
            return CodedError(database.MIGRATION_FAILED_BACKUP, detail=detail, backup=exc.backup)
        return CodedError(database.MIGRATION_FAILED, detail=detail)
    if isinstance(exc, DamagedDatabase):
        if exc.newest_backup:
            return CodedError(
                database.DAMAGED_BACKUP,
                path=exc.database,
                detail=exc.problem,
                backup=exc.newest_backup,
            )
        return CodedError(database.DAMAGED, path=exc.database, detail=exc.problem)
    if isinstance(exc, DatabaseInUse):
        return CodedError(database.IN_USE, path=exc.database)
    if isinstance(exc, NetworkDatabase):
        return CodedError(database.ON_NETWORK_DRIVE, path=exc.path)
    if isinstance(exc, UnsupportedDatabase):
        return CodedError(database.UNSUPPORTED, url=exc.url, detail=exc.problem)
    at = where or ""
    if isinstance(exc, UnreadableDatabase):
        text, at = exc.problem, str(exc.database)
    elif isinstance(exc, DBAPIError):
        text = str(exc.orig) if exc.orig is not None else str(exc)
    elif isinstance(
        exc, PermissionError | FileNotFoundError | IsADirectoryError | NotADirectoryError
    ):
        return CodedError(database.OS_ERROR, detail=exc.strerror or exc, path=exc.filename)
    else:
        return None
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return CodedError(database.READ_ONLY, path=at)
    if "locked" in lowered or "busy" in lowered:
        return CodedError(database.LOCKED, path=at)
    if "not a database" in lowered or "malformed" in lowered:
        return CodedError(database.NOT_A_DATABASE, path=at)
    return CodedError(database.CANNOT_OPEN, path=at, detail=text)
