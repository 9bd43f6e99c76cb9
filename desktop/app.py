"""Composition root: paths → engine → migrations → services → main window."""

from __future__ import annotations

import logging
from pathlib import Path

from db.engine import database_url, make_engine, sqlite_file
from db.integrity import DamagedDatabase, check_file
from db.migrate import upgrade_to_head
from db.uow import Database
from desktop import paths

log = logging.getLogger(__name__)


def open_database(target: str | Path) -> Database:
    """Open (creating if needed) and migrate the database at a path or URL.

    An existing SQLite file gets ``PRAGMA quick_check`` first; a damaged one raises
    ``DamagedDatabase`` naming the newest good backup instead of being opened.
    """
    url = database_url(target)
    engine = make_engine(url)  # no connection yet; refuses a URL no driver understands
    check_at_start(sqlite_file(url))
    backup = upgrade_to_head(engine, sqlite_file(url))
    if backup is not None:
        log.info("database upgraded; previous version kept at %s", backup)
    return Database(engine)


def check_at_start(path: Path | None) -> None:
    """The start-up integrity check (issue 8): quick, and it offers the newest good backup."""
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return
    problem = check_file(path, quick=True)
    if problem is not None:
        from desktop.services.backup import newest_good_backup

        log.error("damaged database %s: %s", path, problem)
        raise DamagedDatabase(path, problem, newest_good_backup(path))


def open_demo_database(path: Path | None = None) -> Database:
    """The demo database, built from the seed on first use."""
    from desktop.services.demo import build_demo
    from desktop.services.events import list_events

    db = open_database(path or paths.demo_database())
    if not list_events(db):
        build_demo(db)
    return db


def describe(db: Database) -> str:
    """What the status bar and logs call this database (never a password in a URL)."""
    path = sqlite_file(str(db.engine.url))
    return str(path) if path else db.engine.url.render_as_string(hide_password=True)
