"""A crowd at the check-in desks, shared by the check-in benchmarks and the race tests.

``add_people`` puts N admitted people into a session in two bulk inserts. ``race`` has several
desks (each its own ``Database``, as separate laptops would) scan the same passes in lock-step:
before every pass all desks wait at a barrier, then scan at once, so every pass is a race.
``desk_process`` is the same desk in a child process (``multiprocessing`` spawn), for races
between processes rather than threads.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from db.uow import Database

T = dt.datetime(2019, 3, 15, 8, 40)


def add_people(db: Database, session_id: int, count: int) -> list[int]:
    """``count`` admitted people in ``session_id``; their registration ids, in queue order."""
    from sqlalchemy import insert, select

    from db.models import Attendee, EventSession, Registration

    now = dt.datetime(2019, 3, 1, 9, 0)
    with db.unit_of_work() as s:
        event_id = s.get_one(EventSession, session_id).event_id
        start = (s.scalar(select(Attendee.id).order_by(Attendee.id.desc()).limit(1)) or 0) + 1
        s.execute(
            insert(Attendee),
            [
                {
                    "id": start + i,
                    "event_id": event_id,
                    "name": f"測試{i:05d}",
                    "agency": f"臺北市第{i % 300}機關",
                    "phone": f"09{i:08d}",
                    "email": f"u{i}@example.gov.tw",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(count)
            ],
        )
        s.execute(
            insert(Registration),
            [
                {
                    "attendee_id": start + i,
                    "session_id": session_id,
                    "status": "admitted",
                    "registered_at": now,
                    "queue": 100 + i,
                    "lunch": "葷",
                }
                for i in range(count)
            ],
        )
        return list(
            s.scalars(
                select(Registration.id)
                .where(Registration.session_id == session_id, Registration.attendee_id >= start)
                .order_by(Registration.queue)
            )
        )


def tokens_for(db: Database, registration_ids: Sequence[int]) -> list[str]:
    from sqlalchemy import select

    from db.models import Event
    from desktop.core.tokens import make_token

    with db.read() as s:
        secret = s.scalars(select(Event.token_secret)).one()
    return [make_token(secret, r) for r in registration_ids]


@dataclass(frozen=True)
class Scan:
    desk: str
    token: str
    code: str
    seconds: float


def scan_all(
    db: Database, session_id: int, tokens: Sequence[str], desk: str, wait: Callable[[], Any] | None
) -> list[Scan]:
    """One desk scanning ``tokens`` in order, calling ``wait()`` (a barrier) before each
    when given (lock-step desks), else as fast as it can."""
    from desktop.services.checkin import scan

    out = []
    for token in tokens:
        if wait is not None:
            wait()
        started = time.perf_counter()
        code = scan(db, session_id, token, desk=desk, now=T).code
        out.append(Scan(desk, token, code, time.perf_counter() - started))
    return out


def race(dbs: Sequence[Database], session_id: int, tokens: Sequence[str]) -> list[Scan]:
    """Every desk scans every token, all desks at once for each token (threads)."""
    barrier = threading.Barrier(len(dbs))
    with ThreadPoolExecutor(len(dbs)) as pool:
        runs = pool.map(
            lambda i: scan_all(dbs[i], session_id, tokens, f"desk-{i + 1}", barrier.wait),
            range(len(dbs)),
        )
        return [scan for run in runs for scan in run]


def desk_process(
    url: str, session_id: int, tokens: Sequence[str], desk: str, barrier: Any, results: Any
) -> None:
    """A desk in its own process (the ``target`` of a spawned ``multiprocessing.Process``):
    opens ``url`` the way the app does and puts its list of ``Scan``s on ``results``. With a
    ``barrier`` it scans in lock-step with the other desks, else at its own pace."""
    from desktop.app import open_database

    db = open_database(url)
    try:
        results.put(
            scan_all(db, session_id, tokens, desk, barrier.wait if barrier is not None else None)
        )
    finally:
        db.dispose()


def doubles(db: Database, registration_ids: Sequence[int]) -> int:
    """How many of these people have more than one ``in`` row in the log."""
    from sqlalchemy import func, select

    from db.models import CheckIn

    with db.read() as s:
        counts = s.execute(
            select(CheckIn.registration_id, func.count())
            .where(CheckIn.registration_id.in_(list(registration_ids)), CheckIn.action == "in")
            .group_by(CheckIn.registration_id)
        ).all()
    return sum(1 for _, n in counts if n > 1)
