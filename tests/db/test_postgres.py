"""The data layer on PostgreSQL: migrations, the demo event and the summary, as on SQLite.

Runs when WORKSHOP_DESK_TEST_PG_URL names an empty database (the ``pg_db`` fixture in
``tests/conftest.py``; CI starts one in `.ci/run`); in CI a missing server is a failure, not a
skip.
"""

from __future__ import annotations

from db.uow import Database
from desktop.cli.basics import summary_json
from desktop.services.demo import build_demo
from desktop.services.events import list_events


def test_demo_event_on_postgres_matches_sqlite(pg_db: Database, demo_db: Database) -> None:
    build_demo(pg_db)
    on_postgres = summary_json(list_events(pg_db))
    on_sqlite = summary_json(list_events(demo_db))
    assert on_postgres == on_sqlite
