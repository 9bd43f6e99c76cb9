"""Four desks on one PostgreSQL server, 2,500 people each (issue 13).

Each desk is its own process with its own connection (as four laptops would be), scanning its
own quarter of 10,000 admitted people as fast as it can, all four at once; then every desk
scans the *first* desk's 2,500 passes again in lock-step (a second scan of the same pass at
every desk at the same moment). Reported: per-scan latency (median, p99), and from the log
afterwards ``lost`` (a person whose ``ok`` left no ``in`` row) and ``doubled`` (two ``in`` rows).

Needs ``WORKSHOP_DESK_BENCH_PG_URL`` naming an empty PostgreSQL database (it is wiped), e.g.
``postgresql+psycopg://wd:wd@localhost/wd_bench``.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import tempfile
import time

from bench.checkin import _percentile

URL_ENV = "WORKSHOP_DESK_BENCH_PG_URL"
DESKS = 4
PER_DESK = 2_500
TARGET_P99_MS = 100  # the desk's own scan target (bench/checkin.py)


def _desks(url: str, session_id: int, lists: list[list[str]], lockstep: bool):  # type: ignore[no-untyped-def]
    from bench.crowd import desk_process

    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(len(lists)) if lockstep else None
    results = spawn.Queue()
    procs = [
        spawn.Process(
            target=desk_process, args=(url, session_id, tokens, f"desk-{i + 1}", barrier, results)
        )
        for i, tokens in enumerate(lists)
    ]
    started = time.perf_counter()
    for p in procs:
        p.start()
    scans = [scan for _ in procs for scan in results.get(timeout=3600)]
    for p in procs:
        p.join()
    return scans, time.perf_counter() - started


def run() -> dict[str, object]:
    url = os.environ.get(URL_ENV)
    if not url:
        return {"skipped": f"set {URL_ENV} to an empty PostgreSQL database (it is wiped)"}
    with tempfile.TemporaryDirectory() as home:
        os.environ["WORKSHOP_DESK_HOME"] = home
        from sqlalchemy import create_engine, func, select, text

        from bench.crowd import add_people, doubles, tokens_for
        from db.models import CheckIn
        from desktop.app import open_database
        from desktop.services.demo import build_demo
        from desktop.services.events import list_events

        cleaner = create_engine(url)
        with cleaner.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        cleaner.dispose()
        db = open_database(url)
        build_demo(db)
        session_id = list_events(db)[0].sessions[0].id
        people = add_people(db, session_id, DESKS * PER_DESK)
        tokens = tokens_for(db, people)
        lists = [tokens[i * PER_DESK : (i + 1) * PER_DESK] for i in range(DESKS)]
        scans, wall = _desks(url, session_id, lists, lockstep=False)
        again, again_wall = _desks(url, session_id, [lists[0]] * DESKS, lockstep=True)
        ok = {s.token for s in scans if s.code == "ok"}
        with db.read() as s:
            with_in = (
                s.scalar(
                    select(func.count(func.distinct(CheckIn.registration_id))).where(
                        CheckIn.registration_id.in_(people), CheckIn.action == "in"
                    )
                )
                or 0
            )
        doubled = doubles(db, people)
        db.dispose()
    samples = [s.seconds for s in scans]
    p99 = _percentile(samples, 99) * 1000
    return {
        "desks": DESKS,
        "people_per_desk": PER_DESK,
        "scans": len(scans),
        "ok": len(ok),
        "lost": len(ok) - with_in,
        "doubled": doubled,
        "scans_per_second": round(len(scans) / wall, 1),
        "scan_median_ms": round(statistics.median(samples) * 1000, 2),
        "scan_p99_ms": round(p99, 2),
        "p99_ratio_to_target": round(p99 / TARGET_P99_MS, 3),
        "same_pass_rescans": len(again),
        "same_pass_rescans_ok": sum(1 for s in again if s.code == "ok"),
        "same_pass_p99_ms": round(_percentile([s.seconds for s in again], 99) * 1000, 2),
        "same_pass_wall_s": round(again_wall, 1),
    }
