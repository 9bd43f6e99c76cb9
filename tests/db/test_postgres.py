"""The data layer on PostgreSQL: migrations, the demo event and the summary, as on SQLite.

Runs when WORKSHOP_DESK_TEST_PG_URL names an empty database (CI starts one in `.ci/run`);
in CI a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from db.uow import Database
from desktop.app import open_database
from desktop.cli.basics import summary_json
from desktop.services.demo import build_demo
from desktop.services.events import list_events

PG_URL = os.environ.get("WORKSHOP_DESK_TEST_PG_URL")


@pytest.fixture
def pg_db() -> Iterator[Database]:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must provide WORKSHOP_DESK_TEST_PG_URL (scripts/ci-postgres.sh)")
        pytest.skip("no PostgreSQL: set WORKSHOP_DESK_TEST_PG_URL to an empty database")
    cleaner = create_engine(PG_URL)
    with cleaner.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    cleaner.dispose()
    db = open_database(PG_URL)
    yield db
    db.dispose()


def test_demo_event_on_postgres_matches_sqlite(pg_db: Database, demo_db: Database) -> None:
    build_demo(pg_db)
    on_postgres = summary_json(list_events(pg_db))
    on_sqlite = summary_json(list_events(demo_db))
    assert on_postgres == on_sqlite


def test_dashboard_figures_on_postgres_match_sqlite(pg_db: Database, demo_db: Database) -> None:
    """The aggregates (window function over the check-in log) give the same day on both."""
    from desktop.services.dashboard import day_figures
    from tests.services.test_dashboard import play_the_morning

    build_demo(pg_db)
    figures = []
    for db in (pg_db, demo_db):
        session_id = play_the_morning(db)
        event_id = next(e.id for e in list_events(db) for s in e.sessions if s.id == session_id)
        figures.append([(f.name, f.figures, [(t.number, t.figures) for t in f.tables])
                        for f in day_figures(db, event_id)])
    assert figures[0] == figures[1]
