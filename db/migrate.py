"""Bring a database to the newest schema at start-up, safely.

Before an SQLite file is migrated it is copied aside with SQLite's online backup API; if the
migration fails the copy is put back, so the user's data is never lost to a failed upgrade.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# ``revision = '0004'`` / ``down_revision: str | None = '0001'`` in a migration file.
_REVISION_LINE = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=\n]*)?=\s*['"]([^'"]+)['"]""", re.MULTILINE
)


class MigrationError(RuntimeError):
    """The database could not be upgraded; the original file is untouched."""

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__(message)
        self.backup = backup


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The revision no other revision builds on, read from the migration files' assignment
    lines: a start-up on a database already at head then never loads Alembic (a third of the
    window's start-up). The migration tests check it against Alembic's own answer."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for kind, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else parents).add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise MigrationError(f"migrations have {len(heads)} heads: {sorted(heads)}", None)
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not engine.dialect.has_table(connection, "alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def migration_connection(engine: Engine) -> Iterator[tuple[Config, Connection]]:
    """An Alembic config bound to one connection in one transaction, for up- or downgrades.

    On SQLite, foreign keys are off while it runs: a batch migration rebuilds a table by copying
    it and dropping the old one, and with foreign keys on that DROP cascades into every child
    row (dropping a column of ``events`` deleted every session and attendee). The PRAGMA only
    takes effect outside a transaction, so it is set before ``begin``; the keys are checked
    before the commit and switched back on for the pooled connection afterwards.
    """
    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                yield config, connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"foreign key check failed: {broken[:3]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def upgrade_to_head(engine: Engine, sqlite_path: Path | None) -> Path | None:
    """Migrate to head; returns the pre-migration copy of an SQLite file, if one was made."""
    if current_revision(engine) == head_revision():
        return None
    from alembic import command

    backup = _copy_aside(sqlite_path) if sqlite_path and _has_tables(engine) else None
    try:
        with migration_connection(engine) as (config, _connection):
            command.upgrade(config, "head")
    except Exception as exc:
        engine.dispose()
        if backup is not None and sqlite_path is not None:
            _restore(backup, sqlite_path)
        raise MigrationError(f"資料庫升級失敗：{exc}", backup) from exc
    return backup


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(engine.dialect.get_table_names(connection))


def _copy_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{stamp}{path.suffix}")
    _sqlite_backup(path, target)
    return target


def _restore(backup: Path, path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _sqlite_backup(backup, path)


def _sqlite_backup(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
