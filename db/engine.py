"""Engine creation for SQLite (the embedded default) and PostgreSQL (several desks).

SQLite gets per-connection pragmas; every other backend gets SQLAlchemy's defaults. The pragmas
are the only SQLite-specific code in the data layer, and they exist because SQLite ships with
foreign keys off and a rollback journal, neither of which suits a desk that must not lose a
check-in.
"""

from __future__ import annotations

from pathlib import Path

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
