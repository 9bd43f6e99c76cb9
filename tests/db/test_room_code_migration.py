"""Migration 0010 gives every admitted person and walk-in a room code of their own."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alembic import command

from db import migrate
from db.engine import make_engine


def test_the_upgrade_gives_every_seat_holder_a_code_and_nobody_else(demo_db_path: Path) -> None:
    engine = make_engine(f"sqlite:///{demo_db_path}")
    with migrate.migration_connection(engine) as (config, _connection):
        command.downgrade(config, "0008")
    with sqlite3.connect(demo_db_path) as connection:
        walk_in = connection.execute(
            "SELECT min(id) FROM registrations WHERE status = 'waitlisted'"
        ).fetchone()[0]
        connection.execute("UPDATE registrations SET status = 'walk_in' WHERE id = ?", (walk_in,))
    connection.close()
    with migrate.migration_connection(engine) as (config, _connection):
        command.upgrade(config, "head")
    engine.dispose()
    with sqlite3.connect(demo_db_path) as connection:
        rows = connection.execute("SELECT id, status, room_code FROM registrations").fetchall()
    connection.close()
    holders = [code for _, status, code in rows if status in ("admitted", "walk_in")]
    assert len(holders) == 121 and len(set(holders)) == len(holders)
    assert all(re.fullmatch(r"[2-9A-HJKMNP-Z]{9}", code) for code in holders)
    assert all(code is None for _, status, code in rows if status not in ("admitted", "walk_in"))
    assert next(code for rid, _, code in rows if rid == walk_in) is not None
