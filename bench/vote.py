"""The room's PB vote under load, and the count.

* 200 browsers (HTTP clients over loopback) sign in with their room codes
  (``/me/api/sign-in``), read their ballot and cast and replace basket ballots through
  ``/vote/api`` for ``WD_BENCH_VOTE_SECONDS`` (default 20 s; the issue's
  figure is 120). Target: request p99 under 100 ms; after the vote, the stored ballots must be
  exactly each browser's last accepted ballot (zero lost, zero counted twice).
* Counting both rules (greedy, Equal Shares via pabutools) for 40 proposals and 1,000 ballots.
  Target: under 1 s.

The server runs in its own process (as the desk's window process would host it), the clients
in this one, so client work does not inflate the server's latencies. All clients share the
loopback address, so the per-address rate limit is raised here; in the room every phone has
its own address. (Right codes cost no sign-in attempt: the room code's limits only count
wrong ones.)
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

CLIENTS = int(os.environ.get("WD_BENCH_VOTE_CLIENTS", "200"))
PROPOSALS_FOR_COUNT = 40
BALLOTS_FOR_COUNT = 1000


def _prepare(path: Path) -> tuple[int, dict[int, str], list[tuple[int, int]]]:
    """A demo database with CLIENTS checked-in walk-ins and an open basket vote."""
    import datetime as dt

    from desktop.app import open_database
    from desktop.core.vote import Method, Rules
    from desktop.services import room
    from desktop.services import vote as svc
    from desktop.services.checkin import check_in_registration
    from desktop.services.demo import build_demo
    from desktop.services.walkins import add_walk_in
    from scenarios import vote_day

    db = open_database(path)
    build_demo(db)
    day = vote_day.prepare(db, checked_in=0)
    at = dt.datetime(2019, 3, 15, 9, 0)
    added_ids: list[int] = []
    for i in range(CLIENTS):
        phone = f"09{random.randrange(10**8):08d}"
        added = add_walk_in(
            db, day.session_id, name=f"來賓{i:03d}", agency="壓力測試", phone=phone, now=at
        )
        check_in_registration(db, day.session_id, added.registration_id, now=at)
        added_ids.append(added.registration_id)
    with db.read() as s:
        codes = room.codes_for(s, added_ids)  # a walk-in gets their code at the desk
    state = svc.open_vote(db, day.session_id, Rules(Method.BASKET, 1_000_000))
    projects = [(p.id, p.cost) for p in state.on_ballot]
    db.dispose()
    return day.session_id, codes, projects


def _serve(path: str, ready: Any, stop: Any) -> None:
    from desktop.app import open_database
    from desktop.core.room_code import AttemptLimits
    from desktop.server.app import create_app
    from desktop.server.runner import VenueServer
    from desktop.services import room
    from desktop.services.events import find_session

    # Every client signs in from 127.0.0.1: an attempt in flight counts against its address
    # until its code is found, so one address's allowance is raised as the rate limit is.
    room.LIMITS = AttemptLimits(per_address=10_000)
    db = open_database(path)
    app = create_app(db, find_session(db, "臺北"), rate_per_second=10_000, rate_burst=10_000)
    server = VenueServer(app, "127.0.0.1", 0)
    server.start()
    ready.put(server.address.rstrip("/"))
    stop.wait()
    server.stop()
    db.dispose()


def _basket(projects: list[tuple[int, int]], budget: int) -> list[int]:
    chosen, total = [], 0
    for pid, cost in random.sample(projects, len(projects)):
        if total + cost <= budget and random.random() < 0.6:
            chosen.append(pid)
            total += cost
    return chosen or [min(projects, key=lambda p: p[1])[0]]


async def _voter(
    client: Any,
    rid: int,
    code: str,
    projects: list[tuple[int, int]],
    seconds: float,
    until: float,
    latencies: list[float],
    last: dict[int, tuple[int, ...]],
    errors: list[str],
    uncertain: set[int],
) -> None:
    """One browser: its own device cookie and CSRF token, sent by hand on the shared client
    (one HTTP client for all: building 200 clients costs the client process seconds of CPU
    that would show up as server latency)."""
    import httpx2 as httpx

    async def send(
        method: str, path: str, body: dict[str, Any] | None, headers: dict[str, str]
    ) -> Any:
        t0 = time.perf_counter()
        try:
            answer = await client.request(method, path, json=body, headers=headers)
        except httpx.HTTPError as exc:
            errors.append(f"{path}: {type(exc).__name__}")
            return None
        latencies.append(time.perf_counter() - t0)
        return answer

    # People open the page during the first quarter of the vote, then cast and change their
    # mind about three times: the same ballots per browser whatever the duration.
    await asyncio.sleep(random.uniform(0, 0.25 * seconds))
    answer = await send("POST", "/me/api/sign-in", {"code": code}, {})
    if answer is None or answer.status_code != 200:
        errors.append(f"sign-in {rid}: {answer.status_code if answer else 'no answer'}")
        return
    device = answer.cookies.get("wd_room") or ""
    headers = {"X-CSRF-Token": answer.json()["csrf"], "Cookie": f"wd_room={device}"}
    answer = await send("GET", "/vote/api/ballot", None, headers)
    if answer is None or answer.status_code != 200:
        errors.append(f"ballot of {rid}: {answer.status_code if answer else 'no answer'}")
        return
    revision = answer.json()["revision"]
    while time.perf_counter() < until:
        await asyncio.sleep(random.uniform(0.1, 0.4) * seconds)
        ballot = _basket(projects, 1_000_000)
        answer = await send(
            "POST", "/vote/api/ballot", {"revision": revision, "approve": ballot}, headers
        )
        if answer is None:
            # Whether it counted is unknown here: the check asks the server afterwards.
            uncertain.add(rid)
            return
        data = answer.json()
        if data.get("ok"):
            revision = data["revision"]
            last[rid] = tuple(sorted(ballot))
        else:
            errors.append(f"ballot {rid}: {data['error']['code']}")


def _load(seconds: float) -> dict[str, Any]:
    from sqlalchemy import select

    from db.models import PbBallot
    from desktop.app import open_database
    from desktop.services import vote_ballots as ballots

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vote.sqlite3"
        session_id, codes, projects = _prepare(path)
        context = multiprocessing.get_context("spawn")
        ready, stop = context.Queue(), context.Event()
        server = context.Process(target=_serve, args=(str(path), ready, stop))
        server.start()
        try:
            base = ready.get(timeout=60)
            latencies: list[float] = []
            last: dict[int, tuple[int, ...]] = {}
            errors: list[str] = []
            uncertain: set[int] = set()
            until = time.perf_counter() + seconds

            async def everyone() -> None:
                import httpx2 as httpx

                limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
                async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
                    await asyncio.gather(
                        *(
                            _voter(
                                client,
                                rid,
                                code,
                                projects,
                                seconds,
                                until,
                                latencies,
                                last,
                                errors,
                                uncertain,
                            )
                            for rid, code in codes.items()
                        )
                    )

            asyncio.run(everyone())
        finally:
            stop.set()
            server.join(timeout=20)
        db = open_database(path)
        with db.read() as s:
            stored = sorted(tuple(sorted(b)) for b in s.scalars(select(PbBallot.approvals)))
        for rid in uncertain:  # a request that failed in transit
            held = ballots.voter_ballot(db, session_id, rid).approvals
            if held:
                last[rid] = tuple(sorted(held))
        db.dispose()
    expected = sorted(last.values())
    lost = len([b for b in expected if b not in stored]) if stored != expected else 0
    from bench.checkin import _percentile

    return {
        "clients": len(codes),
        "seconds": seconds,
        "requests": len(latencies),
        "request_median_ms": round(statistics.median(latencies) * 1000, 1),
        "request_p99_ms": round(_percentile(latencies, 99) * 1000, 1),
        "target_p99_ms": 100,
        "ballots_expected": len(expected),
        "ballots_stored": len(stored),
        "identical": stored == expected,
        "lost_or_differing": lost,
        "double_counted": max(len(stored) - len(expected), 0),
        "failed_in_transit": len(uncertain),
        "errors": len(errors),
        "error_examples": errors[:3],
    }


def _count() -> dict[str, Any]:
    from desktop.core.vote import Project, count

    rng = random.Random(16)
    projects = [
        Project(i, f"提案{i}", (i % 6 + 1,), rng.randint(5, 40) * 10_000)
        for i in range(1, PROPOSALS_FOR_COUNT + 1)
    ]
    ballots = [
        tuple(rng.sample(range(1, PROPOSALS_FOR_COUNT + 1), rng.randint(1, 8)))
        for _ in range(BALLOTS_FOR_COUNT)
    ]
    count(projects, 1_000_000, ballots[:10])  # imports pabutools once, as the desk has by then
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        count(projects, 1_000_000, ballots)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    return {
        "proposals": PROPOSALS_FOR_COUNT,
        "ballots": BALLOTS_FOR_COUNT,
        "count_median_s": round(median, 3),
        "count_max_s": round(max(times), 3),
        "target_s": 1.0,
        "ratio_to_target": round(median / 1.0, 2),
    }


def run() -> dict[str, object]:
    seconds = float(os.environ.get("WD_BENCH_VOTE_SECONDS", "20"))
    return {"count": _count(), "load": _load(seconds)}
