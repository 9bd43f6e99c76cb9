"""What a leader's save and the pages' reads cost the database does not grow with the day.

The venue server answers six leaders saving every second for an hour while the desk scans
arrivals: a save, a ``report.json`` read or the desk panel's status read that costs more with
every revision kept or every person checked in slows down by the hour. Cost is counted, not
timed: SQL statements issued (SQLAlchemy events) and SQLite virtual-machine steps (the
connection's progress handler), which grow with every row a statement walks through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, select

from db.models import CheckIn, Registration, SeatAssignment
from db.uow import Database
from desktop.services import group_report_compile as compiled
from desktop.services import group_reports as svc
from desktop.services import venue as access
from desktop.services.events import find_session
from tests.services.test_group_reports import T0, seat

STEPS_PER_CALL = 10  # SQLite calls the progress handler every this many VM instructions


@dataclass
class Cost:
    statements: int = 0
    steps: int = 0


@contextmanager
def counted(db: Database) -> Iterator[Cost]:
    cost = Cost()

    def step() -> int:
        cost.steps += 1
        return 0  # go on

    def on_execute(*_args: Any) -> None:
        cost.statements += 1

    def on_checkout(dbapi_connection: Any, *_args: Any) -> None:
        dbapi_connection.set_progress_handler(step, STEPS_PER_CALL)

    def on_checkin(dbapi_connection: Any, *_args: Any) -> None:
        dbapi_connection.set_progress_handler(None, STEPS_PER_CALL)

    db.engine.dispose()  # pooled connections pass through checkout, so all are counted
    event.listen(db.engine, "before_cursor_execute", on_execute)
    event.listen(db.engine, "checkout", on_checkout)
    event.listen(db.engine, "checkin", on_checkin)
    try:
        yield cost
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
        event.remove(db.engine, "checkout", on_checkout)
        event.remove(db.engine, "checkin", on_checkin)


def cost_of(db: Database, action: Callable[[], object]) -> Cost:
    with counted(db) as cost:
        action()
    return cost


def assert_same_cost(before: Cost, after: Cost) -> None:
    assert after.statements == before.statements
    # A few steps more for a deeper index are fine; a walk over the history is not (before the
    # fix, 500 revisions cost thousands of steps more).
    assert after.steps <= before.steps * 1.1 + 5, (before, after)


def test_a_save_and_the_reads_cost_the_same_after_500_revisions(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    seat(demo_db, session.id, 2, 6, checked_in=4)
    table = svc.find_table(demo_db, session.id, 2)
    revision = 0
    saved = 0

    def save() -> None:
        nonlocal revision, saved
        saved += 1
        text = f"第 {saved:04d} 次自動儲存"  # the same length every time
        result = svc.save_report(
            demo_db,
            table.id,
            {"topic": text, "points_for": text},
            base_revision=revision,
            author=f"現場裝置 #{saved % 2}",  # alternating devices: every save a new revision
            now=T0 + dt.timedelta(seconds=saved),  # all within the merge bases kept
            audit_detail={"device": saved % 2},
        )
        assert not result.conflicts
        revision = result.revision

    def measure() -> tuple[Cost, Cost, Cost]:
        return (
            cost_of(demo_db, save),
            cost_of(demo_db, lambda: compiled.public_report(demo_db, table.id)),
            cost_of(demo_db, lambda: access.table_reports(demo_db, session.id)),
        )

    for _ in range(5):
        save()
    early = measure()
    for _ in range(500):
        save()
    late = measure()
    assert len(svc.list_revisions(demo_db, table.id)) > 500
    for before, after in zip(early, late, strict=True):
        assert_same_cost(before, after)


def test_a_tables_report_reads_only_its_own_peoples_check_ins(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    seat(demo_db, session.id, 1, 5, checked_in=3)
    table = svc.find_table(demo_db, session.id, 1)
    before = cost_of(demo_db, lambda: compiled.public_report(demo_db, table.id))
    # The desk scans everyone else in (a hundred arrivals, each in and out twice).
    with demo_db.unit_of_work() as s:
        seated = set(s.scalars(select(SeatAssignment.registration_id)))
        others = [
            r
            for r in s.scalars(select(Registration.id).where(Registration.session_id == session.id))
            if r not in seated
        ]
        for reg_id in others:
            for action in ("in", "out", "in", "out"):
                s.add(CheckIn(registration_id=reg_id, action=action, at=T0))
    assert len(others) >= 20
    after = cost_of(demo_db, lambda: compiled.public_report(demo_db, table.id))
    assert_same_cost(before, after)
    present = [m.present for m in svc.load_report(demo_db, table.id).content.members]
    assert present == [True, True, True, False, False]
