"""The venue server under a discussion's load, on loopback, while the desk keeps scanning.

Six leaders autosave once a second (each its own table, ``PUT report.json`` on the revision
it holds, plus the page's poll every five seconds) and 60 other browsers keep the home page
open (a request every five seconds each), for ``VENUE_BENCH_SECONDS`` (default 60; the
issue's ten minutes: ``VENUE_BENCH_SECONDS=600 python -m bench venue`` or
``python -m bench.venue --seconds 600``). The browsers run in a separate process, each from
its own loopback address (127.0.0.x) as phones on the Wi-Fi would, so the per-client rate
limit treats them as the room, not as one flooder.

Meanwhile, in the desk's process (the server's thread beside it, as in the window), the
check-in screen scans a different person every half second and the 開放現場連線 panel, opened
from 小組報告 as the organiser does, follows the saves. Measured: request p50/p99 (target
p99 < 100 ms), lost saves (target 0: a save answered ok whose text is not what the table
holds at the end, or a save that failed), scan → result card p50/p99 (target p99 ≤ 100 ms),
and each p99 per minute: one that climbs minute after minute is work growing with history.

And an attacker on the same Wi-Fi (a third process, ``--no-attacker`` leaves it out): from
127.0.0.250 it holds as many idle sockets as it can (300 wanted); from 127.0.0.251, holding a
table's URL as a hostile device at a table would, it sends half-sent requests (a header line a
second, never the end), 20 KB PNGs of 13000×13000 pixels, uploads declaring 13 MB, and junk
JSON (nested 50,000 deep, a revision of 10**400, flags for numbers), as fast as it is answered.
Measured on top: the leaders' save p99 (target < 250 ms with the attacker), how many idle
sockets the server let it hold, how soon its half-sent requests were closed, and the answers
its uploads and junk got.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import multiprocessing
import os
import select
import socket
import statistics
import tempfile
import threading
import time
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

from bench.checkin import _percentile

LEADERS = 6
BROWSERS = 60
SAVE_EVERY = 1.0
POLL_EVERY = 5.0
SCAN_EVERY = 0.5
BASELINE_SCANS = 20
DEFAULT_SECONDS = 60
IDLE_FLOODER = "127.0.0.250"  # the room uses 127.0.0.2–67
SLOW_SENDER = "127.0.0.251"
IDLE_SOCKETS = 300
HALF_SENDERS = 6
JUNK_SENDERS = 4
SAVE_TARGET_P99_MS = 250


# --- the room (a separate process) -------------------------------------------------------------


def _connection(port: int, n: int) -> http.client.HTTPConnection:
    source = f"127.0.0.{2 + n % 250}"
    return http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))


def _request(
    conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None
) -> tuple[int, bytes, float]:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data, time.perf_counter() - started


def _leader(port: int, n: int, path: str, until: float, out: dict) -> None:  # type: ignore[type-arg]
    conn = _connection(port, n)
    status, data, _ = _request(conn, "GET", path + "/report.json")
    revision = json.loads(data)["revision"]
    saves: list[tuple[float, float]] = []  # (when, how long)
    polls: list[tuple[float, float]] = []
    failed, typed, acked = 0, "", ""
    next_poll = time.monotonic() + POLL_EVERY
    i = 0
    while time.monotonic() < until:
        started = time.monotonic()
        i += 1
        typed = f"第{n + 1}桌的討論，第 {i} 次自動儲存。" + "文字" * (i % 50)
        body = json.dumps({"revision": revision, "fields": {"topic": typed, "points_for": typed}})
        for _ in range(2):  # a dropped connection: the page sends its draft again
            try:
                status, data, took = _request(conn, "PUT", path + "/report.json", body.encode())
                break
            except (OSError, http.client.HTTPException):
                conn = _connection(port, n)
                status, data, took = 0, b"", 0.0
        answer = json.loads(data) if status == 200 else {}
        if answer.get("ok"):
            saves.append((time.monotonic(), took))
            revision, acked = answer["revision"], typed
        else:
            failed += 1
        if time.monotonic() >= next_poll:
            status, _, took = _request(conn, "GET", path + "/report.json")
            polls.append((time.monotonic(), took))
            next_poll += POLL_EVERY
        time.sleep(max(0.0, SAVE_EVERY - (time.monotonic() - started)))
    out[n] = {"saves": saves, "polls": polls, "failed": failed, "acked": acked, "tries": i}


def _browser(port: int, n: int, until: float, out: dict) -> None:  # type: ignore[type-arg]
    conn = _connection(port, LEADERS + n)
    latencies: list[tuple[float, float]] = []  # (when, how long)
    errors: list[str] = []
    failed = 0
    time.sleep(n * POLL_EVERY / BROWSERS)  # arrive spread out, as people do
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            status, _, took = _request(conn, "GET", "/")
        except (OSError, http.client.HTTPException):
            conn = _connection(port, LEADERS + n)  # a dropped connection: a browser reconnects
            try:
                status, _, took = _request(conn, "GET", "/")
            except (OSError, http.client.HTTPException) as exc:
                errors.append(type(exc).__name__)
                status, took = 0, 0.0
        if status == 200:
            latencies.append((time.monotonic(), took))
        else:
            failed += 1
        time.sleep(max(0.0, POLL_EVERY - (time.monotonic() - started)))
    out[n] = {"latencies": latencies, "failed": failed, "errors": errors}


def room(port: int, paths: list[str], seconds: float, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    until = time.monotonic() + seconds
    leaders: dict[int, dict] = {}  # type: ignore[type-arg]
    browsers: dict[int, dict] = {}  # type: ignore[type-arg]
    threads = [
        threading.Thread(target=_leader, args=(port, n, p, until, leaders))
        for n, p in enumerate(paths)
    ]
    threads += [
        threading.Thread(target=_browser, args=(port, n, until, browsers)) for n in range(BROWSERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put({"leaders": leaders, "browsers": browsers})


# --- the attacker (a third process) -----------------------------------------------------------


def _attacker_socket(port: int, source: str) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))  # before connect: the address the server sees
    s.settimeout(10)
    s.connect(("127.0.0.1", port))
    return s


def _idle_flood(port: int, until: float, out: dict) -> None:  # type: ignore[type-arg]
    """Keep ``IDLE_SOCKETS`` open, opening a new one for each the server closes."""
    held: dict[socket.socket, float] = {}  # socket → when opened
    opened = 0
    most_held_1s = 0  # the most sockets that had stayed open a second or more
    while time.monotonic() < until:
        if held:
            ended, _, _ = select.select(list(held), [], [], 0)
            for s in ended:  # readable: the server's 503 or its close
                del held[s]
                s.close()
        now = time.monotonic()
        most_held_1s = max(most_held_1s, sum(1 for at in held.values() if now - at >= 1.0))
        while len(held) < IDLE_SOCKETS and time.monotonic() < until:
            try:
                held[_attacker_socket(port, IDLE_FLOODER)] = time.monotonic()
                opened += 1
            except OSError:
                break
        time.sleep(0.2)
    for s in held:
        s.close()
    out["idle"] = {"opened": opened, "most_held_1s": most_held_1s}


def _half_sent(port: int, until: float, out: dict) -> None:  # type: ignore[type-arg]
    """A request whose headers never end: one more header line a second."""
    closed_after: list[float] = []
    refused = 0
    while time.monotonic() < until:
        try:
            s = _attacker_socket(port, SLOW_SENDER)
            started = time.monotonic()
            s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
            s.settimeout(1.0)
            while time.monotonic() < until:
                try:
                    answer = s.recv(4096)
                except TimeoutError:
                    s.sendall(b"X-Slow: 1\r\n")
                    continue
                if answer.startswith(b"HTTP/1.1 503"):
                    refused += 1
                    time.sleep(0.5)
                else:
                    closed_after.append(time.monotonic() - started)
                break
            s.close()
        except OSError:
            closed_after.append(time.monotonic() - started)
    out.setdefault("half_sent_closed_after_s", []).extend(closed_after)
    out["half_sent_refused_at_connect"] = out.get("half_sent_refused_at_connect", 0) + refused


BOUNDARY = "bench-attacker"


def _bomb_form() -> bytes:
    """A multipart form holding a ~20 KB PNG of 13000×13000 pixels (169 million)."""
    from PIL import Image

    raw = io.BytesIO()
    Image.new("1", (13000, 13000)).save(raw, "PNG")
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="b.png"\r\n'
        "Content-Type: image/png\r\n\r\n"
    )
    return head.encode() + raw.getvalue() + f"\r\n--{BOUNDARY}--\r\n".encode()


def _junk(port: int, table: str, n: int, form: bytes, until: float, out: dict) -> None:  # type: ignore[type-arg]
    """Bombs, oversized uploads and junk JSON, one after another, as fast as answered."""
    boundary = BOUNDARY
    junk_bodies = [
        b'{"revision": 0, "fields": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"revision": ' + b"9" * 400 + b', "fields": {"topic": "x"}}',
        b'{"revision": true, "fields": {"topic": "x"}}',
        b'{"revision": 0, "fields": {"members": [{"present": 1}], "topic": 5}}',
        b"{nope",
    ]
    answers: dict[str, int] = {}
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(SLOW_SENDER, 0)
    )
    i = n
    while time.monotonic() < until:
        i += 1
        kind = ("bomb", "oversized", "junk")[i % 3]
        try:
            if kind == "oversized":  # declares 13 MB, sends 64 KB of it
                s = _attacker_socket(port, SLOW_SENDER)
                s.sendall(
                    f"POST {table}/photo HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                    f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                    "Content-Length: 13000000\r\n\r\n".encode()
                    + b"\0" * 65536
                )
                status = int(s.recv(64).split(b" ", 2)[1] or 0)
                s.close()
            elif kind == "bomb":
                headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
                status, _, _ = _request_with(conn, "POST", table + "/photo", form, headers)
            else:
                body = junk_bodies[i % len(junk_bodies)]
                headers = {"Content-Type": "application/json"}
                status, _, _ = _request_with(conn, "PUT", table + "/report.json", body, headers)
        except (OSError, http.client.HTTPException, ValueError, IndexError):
            conn.close()
            conn = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=10, source_address=(SLOW_SENDER, 0)
            )
            status = 0
        key = f"{kind} {status}"
        answers[key] = answers.get(key, 0) + 1
    for key, count in answers.items():
        out.setdefault("answers", {})[key] = out.get("answers", {}).get(key, 0) + count


def _request_with(
    conn: http.client.HTTPConnection, method: str, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read(), time.perf_counter() - started


def attacker(
    port: int,
    table: str,
    seconds: float,
    results: multiprocessing.Queue,  # type: ignore[type-arg]
    ready: EventType,
) -> None:
    form = _bomb_form()  # built before the clock starts: the room is measured under attack only
    ready.set()
    until = time.monotonic() + seconds
    out: dict = {}  # type: ignore[type-arg]
    lock = threading.Lock()

    def guarded(target, *args):  # type: ignore[no-untyped-def]
        part: dict = {}  # type: ignore[type-arg]
        target(*args, part)
        with lock:
            for key, value in part.items():
                if isinstance(value, list):
                    out.setdefault(key, []).extend(value)
                elif isinstance(value, dict) and key == "answers":
                    for k, v in value.items():
                        out.setdefault(key, {})[k] = out.get(key, {}).get(k, 0) + v
                elif isinstance(value, int):
                    out[key] = out.get(key, 0) + value
                else:
                    out[key] = value

    threads = [threading.Thread(target=guarded, args=(_idle_flood, port, until))]
    threads += [
        threading.Thread(target=guarded, args=(_half_sent, port, until))
        for _ in range(HALF_SENDERS)
    ]
    threads += [
        threading.Thread(target=guarded, args=(_junk, port, table, n, form, until))
        for n in range(JUNK_SENDERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out["cpu_s"] = time.process_time()  # on a venue the attacker's own device pays this
    results.put(out)


# --- the desk ----------------------------------------------------------------------------------


def run(seconds: float | None = None, attack: bool = True) -> dict[str, object]:
    seconds = seconds or float(os.environ.get("VENUE_BENCH_SECONDS", DEFAULT_SECONDS))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        os.environ["WORKSHOP_DESK_HOME"] = home
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from sqlalchemy import select

        from bench.checkin import ATTENDEES, checkin_screen
        from bench.crowd import add_people
        from db.models import Event
        from desktop.app import open_demo_database
        from desktop.core.tokens import make_token
        from desktop.services import group_reports as svc
        from desktop.services import seating
        from desktop.services.events import find_session
        from desktop.ui.qtapp import ensure_app
        from desktop.ui.screens.group_reports import GroupReportsScreen

        app = ensure_app()
        db = open_demo_database(Path(home) / "bench.sqlite3")
        session = find_session(db, "臺北場次")
        seating.assign(db, session.id)
        with db.read() as s:
            secret = s.scalars(select(Event)).one().token_secret
        reg_ids = add_people(db, session.id, ATTENDEES)[
            : BASELINE_SCANS + int(seconds / SCAN_EVERY) + 10
        ]
        window, screen = checkin_screen(db)
        # The panel as the organiser opens it (小組報告 → 開放現場連線): its news also reaches
        # that screen (hidden behind 報到, its current table is table 1, which a leader edits).
        reports = next(sc for sc in window.screens if isinstance(sc, GroupReportsScreen))
        if reports.session is None or reports.session.id != session.id:
            reports.set_session(session)
        panel = reports.open_venue()
        assert panel is not None and panel.start("127.0.0.1", 0)
        assert panel.server is not None
        port = panel.server.port
        table_urls = [
            f"/t/{t.code}/{t.secret}"
            for t in sorted(panel.secrets.values(), key=lambda t: t.number)
        ]
        paths = table_urls[:LEADERS]
        spawn = multiprocessing.get_context("spawn")
        results: multiprocessing.Queue = spawn.Queue()  # type: ignore[type-arg]
        load = spawn.Process(target=room, args=(port, paths, seconds, results))
        # A hostile device at a table: the last table's URL (not a leader's, when there are more).
        attacks: multiprocessing.Queue = spawn.Queue()  # type: ignore[type-arg]
        attacking = spawn.Event()
        attack_process = spawn.Process(
            target=attacker, args=(port, table_urls[-1], seconds, attacks, attacking)
        )
        field = screen.scan_field
        codes: list[str] = []
        cpu: list[tuple[float, float]] = []  # (when, CPU seconds this process has used)

        def scan(reg_id: int) -> tuple[float, float]:
            turn = time.monotonic()
            QTest.keyClicks(field, make_token(secret, reg_id))
            started = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            screen.card.repaint()
            took = time.perf_counter() - started
            codes.append(screen.last_result.code if screen.last_result else "none")
            cpu.append((turn, time.process_time()))
            while time.monotonic() - turn < SCAN_EVERY:
                app.processEvents()  # the panel's refreshes and the server's news
                time.sleep(0.005)
            return turn, took

        # The same scans with the server idle first: on a shared machine the ratio to this
        # baseline says what the room's load costs the desk.
        baseline = [scan(reg_id)[1] for reg_id in reg_ids[:BASELINE_SCANS]]
        loadavg_before = _loadavg()
        if attack:
            attack_process.start()
            attacking.wait(timeout=60)
        load.start()
        loaded = time.monotonic()
        scan_samples = []
        until = time.monotonic() + seconds
        for reg_id in reg_ids[BASELINE_SCANS:]:
            if time.monotonic() >= until:
                break
            scan_samples.append(scan(reg_id))
        room_results = results.get(timeout=seconds + 60)
        load.join()
        attack_results = attacks.get(timeout=60) if attack else {}
        if attack:
            attack_process.join()
        tables = {t.number: t.id for t in svc.list_tables(db, session.id)}
        lost = 0
        for n, leader in room_results["leaders"].items():
            stored = svc.load_report(db, tables[int(n) + 1]).content.topic
            lost += leader["failed"] + (stored != leader["acked"])
        panel.stop()
        screen.shutdown()
        window.close()
        db.dispose()

    leaders = room_results["leaders"].values()
    saves = [x for r in leaders for x in r["saves"]]
    polls = [x for r in leaders for x in r["polls"]]
    pages = [x for r in room_results["browsers"].values() for x in r["latencies"]]
    requests = [took for _, took in saves + polls + pages]
    p99 = _percentile(requests, 99) * 1000
    scan_times = [took for _, took in scan_samples]
    scan_p99 = _percentile(scan_times, 99) * 1000
    base_med = statistics.median(baseline) * 1000
    scan_med = statistics.median(scan_times) * 1000
    return {
        "seconds": seconds,
        "leaders": LEADERS,
        "other_browsers": BROWSERS,
        "loadavg_before": loadavg_before,
        "loadavg_after": _loadavg(),
        "requests": len(requests),
        "saves": sum(r["tries"] for r in leaders),
        "request_median_ms": round(statistics.median(requests) * 1000, 2),
        "request_p99_ms": round(p99, 2),
        "save_median_ms": round(statistics.median(t for _, t in saves) * 1000, 2),
        "save_p99_ms": round(_percentile([t for _, t in saves], 99) * 1000, 2),
        "save_target_p99_ms": SAVE_TARGET_P99_MS if attack else None,
        "poll_p99_ms": round(_percentile([t for _, t in polls], 99) * 1000, 2),
        "page_p99_ms": round(_percentile([t for _, t in pages], 99) * 1000, 2),
        "request_target_p99_ms": 100,
        "request_p99_ratio_to_target": round(p99 / 100, 3),
        "lost_saves": lost,
        "browser_failures": sum(r["failed"] for r in room_results["browsers"].values()),
        "browser_errors": sorted(
            {e for r in room_results["browsers"].values() for e in r["errors"]}
        ),
        "scans": len(scan_samples),
        "scans_all_ok": all(c == "ok" for c in codes),
        "scan_idle_median_ms": round(base_med, 2),
        "scan_idle_p99_ms": round(_percentile(baseline, 99) * 1000, 2),
        "scan_to_card_median_ms": round(scan_med, 2),
        "scan_to_card_p99_ms": round(scan_p99, 2),
        "scan_target_p99_ms": 100,
        "scan_p99_ratio_to_target": round(scan_p99 / 100, 3),
        "scan_median_ratio_to_idle": round(scan_med / base_med, 3),
        # The trend: a p99 that climbs minute after minute is work growing with the history.
        "per_minute_p99_ms": {
            "request": _per_minute(saves + polls + pages, loaded),
            "save": _per_minute(saves, loaded),
            "scan_to_card": _per_minute(scan_samples, loaded),
        },
        # CPU seconds the desk's process (window and server) used each minute: the work done,
        # whatever else the machine was running. Flat means nothing grows with the history.
        "per_minute_desk_cpu_s": _cpu_per_minute(cpu, loaded),
        "attacker": _attack_summary(attack_results) if attack else None,
    }


def _attack_summary(found: dict) -> dict[str, object]:  # type: ignore[type-arg]
    closed = sorted(found.get("half_sent_closed_after_s", []))
    return {
        "idle_sockets_opened": found.get("idle", {}).get("opened", 0),
        "idle_sockets_held_1s_most": found.get("idle", {}).get("most_held_1s", 0),
        "half_sent_closed": len(closed),
        "half_sent_closed_after_median_s": round(statistics.median(closed), 1) if closed else None,
        "half_sent_closed_after_max_s": round(closed[-1], 1) if closed else None,
        "half_sent_refused_at_connect": found.get("half_sent_refused_at_connect", 0),
        "answers": dict(sorted(found.get("answers", {}).items())),
        "attacker_cpu_s": round(found.get("cpu_s", 0.0), 1),
    }


def _per_minute(samples: list[tuple[float, float]], start: float) -> list[float]:
    """p99 (ms) of the samples taken in each minute since ``start``."""
    minutes: dict[int, list[float]] = {}
    for at, took in samples:
        minutes.setdefault(int((at - start) // 60), []).append(took)
    return [round(_percentile(minutes[m], 99) * 1000, 1) for m in sorted(minutes)]


def _cpu_per_minute(marks: list[tuple[float, float]], start: float) -> list[float]:
    last: dict[int, float] = {}
    for at, used in marks:
        if at >= start:
            last[int((at - start) // 60)] = used
    before = next(used for at, used in reversed(marks) if at < start)
    spent = []
    for minute in sorted(last):
        spent.append(round(last[minute] - before, 1))
        before = last[minute]
    return spent


def _loadavg() -> str:
    """The machine's load (1, 5, 15 min): on a shared machine it says what else was running."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return ""


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    parser.add_argument("--no-attacker", action="store_true", help="the room without the attacker")
    options = parser.parse_args()
    print(
        json.dumps(
            run(options.seconds, attack=not options.no_attacker), ensure_ascii=False, indent=2
        )
    )
