"""Two desks, one pass, the same moment: exactly one ``ok``, one ``in`` row (issue 13).

Each desk is its own ``Database`` (its own engine and connections, as two laptops would have);
``bench.crowd.race`` makes them wait at a barrier before every pass, so each pass is a race.
Before the write lock, 200 of 200 lock-step pairs on SQLite recorded two ``in`` rows.

Each race is a full check-in (~5–20 ms of CPU, GIL-bound): CI (``CI`` set) runs the issue's full
1,000 per engine, a local run 200; ``WD_RACES=N`` chooses.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select

from bench.crowd import add_people, desk_process, doubles, race, tokens_for
from db.models import CheckIn
from db.uow import Database
from desktop.app import open_database
from desktop.services import checkin as svc
from desktop.services import checkin_log
from desktop.services.demo import build_demo
from desktop.services.events import list_events

# CI runs the full 1,000 per engine; a local run 200 unless WD_RACES says otherwise.
RACES = int(os.environ.get("WD_RACES", "1000" if os.environ.get("CI") else "200"))


def _assert_exact(db: Database, scans, registration_ids) -> None:
    assert doubles(db, registration_ids) == 0
    by_token: dict[str, Counter[str]] = {}
    for scan in scans:
        by_token.setdefault(scan.token, Counter())[scan.code] += 1
    assert all(c == Counter(ok=1, already_checked_in=c.total() - 1) for c in by_token.values())


def _race_on(url: str, db: Database, desks: int) -> None:
    session_id = list_events(db)[0].sessions[0].id
    registration_ids = add_people(db, session_id, RACES)
    tokens = tokens_for(db, registration_ids)
    desk_dbs = [open_database(url) for _ in range(desks)]
    try:
        scans = race(desk_dbs, session_id, tokens)
    finally:
        for d in desk_dbs:
            d.dispose()
    assert len(scans) == desks * RACES
    _assert_exact(db, scans, registration_ids)


def test_same_pass_races_on_sqlite_record_one_check_in_each(
    demo_db: Database, demo_db_path: Path
) -> None:
    _race_on(str(demo_db_path), demo_db, desks=2)


def test_same_pass_races_on_postgres_record_one_check_in_each(pg_db: Database, pg_url: str) -> None:
    build_demo(pg_db)
    _race_on(pg_url, pg_db, desks=2)


def test_desks_in_separate_processes_record_one_check_in_each(
    demo_db: Database, demo_db_path: Path
) -> None:
    session_id = list_events(demo_db)[0].sessions[0].id
    registration_ids = add_people(demo_db, session_id, 100)
    tokens = tokens_for(demo_db, registration_ids)
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    desks = [
        spawn.Process(
            target=desk_process,
            args=(str(demo_db_path), session_id, tokens, f"desk-{i}", barrier, results),
        )
        for i in (1, 2)
    ]
    for p in desks:
        p.start()
    scans = [scan for _ in desks for scan in results.get(timeout=60)]
    for p in desks:
        p.join(timeout=10)
    assert [p.exitcode for p in desks] == [0, 0]
    _assert_exact(demo_db, scans, registration_ids)


def test_two_desks_voiding_the_same_row_leave_one_void(
    demo_db: Database, demo_db_path: Path
) -> None:
    session_id = list_events(demo_db)[0].sessions[0].id
    registration_ids = add_people(demo_db, session_id, 50)
    tokens = tokens_for(demo_db, registration_ids)
    rows = [svc.scan(demo_db, session_id, t).check_in_id for t in tokens]
    desk_dbs = [open_database(demo_db_path) for _ in range(2)]
    barrier = threading.Barrier(2)

    def desk(db: Database) -> list[str]:
        answers = []
        for row in rows:
            barrier.wait()
            try:
                checkin_log.void(db, row, "掃錯人")
                answers.append("ok")
            except svc.CheckInError:
                answers.append("refused")
        return answers

    try:
        with ThreadPoolExecutor(2) as pool:
            a, b = pool.map(desk, desk_dbs)
    finally:
        for d in desk_dbs:
            d.dispose()
    assert all(sorted(pair) == ["ok", "refused"] for pair in zip(a, b, strict=True))
    with demo_db.read() as s:
        voids = s.scalars(select(CheckIn.voids_id).where(CheckIn.action == "void")).all()
    assert sorted(voids) == sorted(rows)
