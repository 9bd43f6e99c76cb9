"""Engine creation for SQLite (the embedded default) and PostgreSQL (several desks).

SQLite gets per-connection pragmas; every other backend gets SQLAlchemy's defaults. The pragmas
are the only SQLite-specific code in the data layer, and they exist because SQLite ships with
foreign keys off and a rollback journal, neither of which suits a desk that must not lose a
check-in.

A live SQLite database must be on a local disk: WAL needs shared memory that network file
systems do not give (SQLite's documentation: "WAL does not work over a network filesystem"),
and locking over SMB is unreliable. A file on a UNC path (``\\\\server\\share``) or a drive
letter mapped to a share is refused with a sentence (``NetworkDatabase``); backups, which are
plain copies, may go there.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath, PureWindowsPath

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry

# WAL lets the UI read while a check-in commits; synchronous=FULL makes each acknowledged
# commit survive a power cut (NORMAL would only survive an application crash).
# secure_delete=ON overwrites deleted content with zeros: without it a purged ID cipher (or any
# deleted row) lingers in the file's free space and would still be readable from a copy of the
# file. It costs a little extra I/O on deletes and updates, which this app does rarely.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",
)


def database_url(target: str | Path) -> str:
    """Turn ``--db`` input (a file path or a full SQLAlchemy URL) into a URL."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The database file behind an SQLite URL, or None for other backends and in-memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


class NetworkDatabase(ValueError):
    """The database file is on a network share, where SQLite's WAL mode is not safe."""

    def __init__(self, path: PurePath) -> None:
        super().__init__(
            f"資料庫檔案在網路磁碟上，無法安全使用：{path}；"
            "請把它複製到這台電腦的磁碟（例如「文件」資料夾）再開啟（備份可以存到網路磁碟）"
        )
        self.path = path


def on_network_drive(path: str | PurePath) -> bool:
    """Is ``path`` on a network share? On Windows: a UNC path (``\\\\server\\share\\…``,
    also in the ``\\\\?\\UNC\\`` form) or a drive letter that ``GetDriveTypeW`` calls
    remote (a mapped drive). Elsewhere False: a share mounted on Linux or macOS looks local."""
    if sys.platform != "win32":
        return False
    drive = PureWindowsPath(path).drive
    if drive[:8].upper() == "\\\\?\\UNC\\":
        return True
    if drive.startswith("\\\\?\\"):  # \\?\C: is the long form of a drive letter
        drive = drive[4:]
    elif drive.startswith("\\\\") and not drive.startswith("\\\\.\\"):
        return True  # \\server\share
    return len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == DRIVE_REMOTE


def drive_type(root: str) -> int:
    """Windows' ``GetDriveTypeW`` for a drive root such as ``Z:\\``."""
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


class UnsupportedDatabase(ValueError):
    """``--db`` names a URL no installed driver understands (a typo, ``http://``, MySQL)."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(
            f"不支援的資料庫網址：{safe_url(url)}：{problem}；"
            "請給 SQLite 檔案路徑或 postgresql+psycopg://使用者@主機/資料庫"
        )
        self.url = safe_url(url)
        self.problem = problem


def safe_url(url: str) -> str:
    """The URL as it may be shown or logged: never its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url


def make_engine(url: str) -> Engine:
    try:
        path = sqlite_file(url)
    except ArgumentError as exc:
        raise UnsupportedDatabase(url, str(exc)) from exc
    if path is not None:
        if on_network_drive(path):
            raise NetworkDatabase(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:  # no such dialect, or its driver is missing
        raise UnsupportedDatabase(url, str(exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _apply_sqlite_pragmas)
    return engine


def _apply_sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()
