"""The course questionnaire at the end of the day: ``WD_BENCH_SURVEY_CLIENTS`` attendees
(default 40) sign in with their room codes, open their day, answer the questionnaire through
``/me/api/survey`` and a third of them change an answer, all within
``WD_BENCH_SURVEY_SECONDS`` (default 300: the issue's five minutes), while the desk signs
people out at a scanner's pace (one every ``DESK_INTERVAL`` seconds, round the list, through
the check-in service on its own connection to the same file, as the window does). Target:
request p99 under 200 ms; afterwards exactly one stored response per attendee, each the last
one sent.

The server runs in its own process (as the desk's window process would host it), the phones
and the desk in this one. All phones share the loopback address, so the per-address rate limit
is raised here; in the room every phone has its own address.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

CLIENTS = int(os.environ.get("WD_BENCH_SURVEY_CLIENTS", "40"))
DESK_INTERVAL = 1.0  # seconds between two sign-out scans at the desk
AT = dt.datetime(2019, 3, 15, 16, 0)


def _prepare(path: Path) -> tuple[int, dict[int, str], list[int]]:
    """A demo database with CLIENTS checked-in walk-ins (room codes) and the questionnaire
    open; returns (session, registration → room code, everyone the desk will sign out)."""
    from db.models import Registration
    from desktop.app import open_database
    from desktop.services import survey as svc
    from desktop.services.checkin import check_in_registration
    from desktop.services.demo import build_demo
    from desktop.services.walkins import add_walk_in
    from scenarios import vote_day

    db = open_database(path)
    build_demo(db)
    day = vote_day.prepare(db, checked_in=12)
    codes: dict[int, str] = {}
    for i in range(CLIENTS):
        added = add_walk_in(db, day.session_id, name=f"來賓{i:03d}", agency="壓力測試", now=AT)
        check_in_registration(db, day.session_id, added.registration_id, now=AT)
        with db.read() as s:
            code = s.get_one(Registration, added.registration_id).room_code
        assert code is not None
        codes[added.registration_id] = code
    svc.open_survey(db, day.session_id)
    db.dispose()
    return day.session_id, codes, list(day.present) + list(codes)


def _serve(path: str, ready: Any, stop: Any) -> None:
    from desktop.app import open_database
    from desktop.server.app import create_app
    from desktop.server.runner import VenueServer
    from desktop.services.events import find_session

    db = open_database(path)
    app = create_app(db, find_session(db, "臺北"), rate_per_second=10_000, rate_burst=10_000)
    server = VenueServer(app, "127.0.0.1", 0)
    server.start()
    ready.put(server.address.rstrip("/"))
    stop.wait()
    server.stop()
    db.dispose()


def _answers() -> dict[str, object]:
    answers: dict[str, object] = {
        key: random.randint(1, 5)
        for key in ("content", "clarity", "timing", "venue", "admin", "overall")
    }
    if random.random() < 0.5:
        answers["gain"] = random.choice(["分組討論", "案例分享", "投票系統實作"])
    return answers


async def _attendee(
    client: Any,
    code: str,
    seconds: float,
    latencies: list[float],
    last: dict[str, dict[str, object]],
    errors: list[str],
) -> None:
    """One phone: its own device cookie and CSRF token, sent by hand on the shared client."""
    import httpx2 as httpx

    async def request(method: str, path: str, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            answer = await client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            errors.append(f"{path}: {type(exc).__name__}")
            return None
        latencies.append(time.perf_counter() - t0)
        return answer

    await asyncio.sleep(random.uniform(0, 0.8 * seconds))
    signed = await request("POST", "/me/api/sign-in", json={"code": code})
    if signed is None or signed.status_code != 200:
        errors.append(f"sign-in: {signed.status_code if signed else 'no answer'}")
        return
    headers = {
        "X-CSRF-Token": signed.json()["csrf"],
        "Cookie": f"wd_room={signed.cookies.get('wd_room')}",
    }
    for attempt in range(2 if random.random() < 1 / 3 else 1):
        day = await request("GET", "/me/api/day", headers=headers)
        if day is None or day.json()["survey"]["status"] != "open":
            errors.append("day: the questionnaire is not open")
            return
        await asyncio.sleep(random.uniform(20, 60) * seconds / 300)  # reading, tapping
        answers = _answers()
        sent = await request("POST", "/me/api/survey", json={"answers": answers}, headers=headers)
        if sent is None or not sent.json().get("ok"):
            errors.append(f"answer: {sent.status_code if sent else 'no answer'}")
            return
        if sent.json()["replaced"] != (attempt == 1):
            errors.append("answer: replaced says otherwise")
        last[code] = answers


def _desk(path: Path, session_id: int, leaving: list[int], stop: threading.Event) -> list[float]:
    """The desk signing people out, one scan every DESK_INTERVAL seconds until the phones are
    done (round the list again: a second scan of someone already out is refused and logged,
    a write like any other)."""
    from desktop.app import open_database
    from desktop.core.checkin import Mode
    from desktop.services.checkin import check_in_registration

    db = open_database(path)
    times = []
    try:
        n = 0
        while not stop.wait(DESK_INTERVAL):
            rid = leaving[n % len(leaving)]
            n += 1
            t0 = time.perf_counter()
            check_in_registration(db, session_id, rid, mode=Mode.OUT, method="scanner")
            times.append(time.perf_counter() - t0)
    finally:
        db.dispose()
    return times


def run() -> dict[str, object]:
    from sqlalchemy import select

    from bench.checkin import _percentile
    from db.models import SurveyResponse
    from desktop.app import open_database

    seconds = float(os.environ.get("WD_BENCH_SURVEY_SECONDS", "300"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "survey.sqlite3"
        session_id, codes, leaving = _prepare(path)
        context = multiprocessing.get_context("spawn")
        ready, stop = context.Queue(), context.Event()
        server = context.Process(target=_serve, args=(str(path), ready, stop))
        server.start()
        desk_stop = threading.Event()
        desk_times: list[float] = []
        try:
            base = ready.get(timeout=60)
            desk = threading.Thread(
                target=lambda: desk_times.extend(_desk(path, session_id, leaving, desk_stop))
            )
            desk.start()
            latencies: list[float] = []
            last: dict[str, dict[str, object]] = {}
            errors: list[str] = []

            async def everyone() -> None:
                import httpx2 as httpx

                limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
                async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
                    await asyncio.gather(
                        *(
                            _attendee(client, code, seconds, latencies, last, errors)
                            for code in codes.values()
                        )
                    )

            started = time.perf_counter()
            asyncio.run(everyone())
            took = time.perf_counter() - started
            desk_stop.set()
            desk.join()
        finally:
            desk_stop.set()
            stop.set()
            server.join(timeout=20)
        db = open_database(path)
        with db.read() as s:
            stored = sorted(sorted(a.items()) for a in s.scalars(select(SurveyResponse.answers)))
        db.dispose()
    expected = sorted(sorted(a.items()) for a in last.values())
    return {
        "attendees": CLIENTS,
        "seconds": round(took, 1),
        "requests": len(latencies),
        "request_median_ms": round(statistics.median(latencies) * 1000, 1),
        "request_p99_ms": round(_percentile(latencies, 99) * 1000, 1),
        "target_p99_ms": 200,
        "met": _percentile(latencies, 99) < 0.2,
        "desk_sign_outs": len(desk_times),
        "desk_scan_median_ms": round(statistics.median(desk_times) * 1000, 1)
        if desk_times
        else None,
        "responses_expected": len(expected),
        "responses_stored": len(stored),
        "identical": stored == expected,
        "errors": len(errors),
        "error_examples": errors[:3],
        "load_1min": round(os.getloadavg()[0], 1),
    }
