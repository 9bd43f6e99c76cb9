"""The venue server's connections under a hostile device, with real sockets against a real
``VenueServer`` on an ephemeral port: idle sockets, half-sent requests, the Host header and
``X-Forwarded-For``. The attacker connects from 127.0.0.2 (another address on loopback), the
leader from 127.0.0.1."""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from desktop.server.app import create_app
from desktop.server.connections import ConnectionLimits, default_total
from desktop.server.runner import VenueServer
from tests.server.conftest import Venue

ATTACKER = "127.0.0.2"


@contextmanager
def serving(venue: Venue, limits: ConnectionLimits | None = None, **app_options: float):
    # Without ``limits`` the server is built exactly as the window and ``serve`` build it.
    options = {} if limits is None else {"limits": limits}
    server = VenueServer(
        create_app(venue.db, venue.session, **app_options), "127.0.0.1", 0, **options
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def attacker_socket(port: int) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((ATTACKER, 0))
    s.connect(("127.0.0.1", port))
    return s


def closed_by_server(s: socket.socket, wait: float) -> bool:
    """Whether the server ended the connection (EOF, maybe after its 503/408) within ``wait``."""
    s.settimeout(wait)
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def leader_get(server: VenueServer, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    conn.request("GET", path)
    status = conn.getresponse().status
    conn.close()
    return status, time.perf_counter() - started


@contextmanager
def sockets(port: int, n: int) -> Iterator[list[socket.socket]]:
    opened = [attacker_socket(port) for _ in range(n)]
    try:
        yield opened
    finally:
        for s in opened:
            s.close()


def test_300_idle_sockets_from_one_address_hold_at_most_its_share_and_a_leader_answers(
    venue: Venue,
) -> None:
    with serving(venue) as server, sockets(server.port, 300) as idle:
        status, took = leader_get(server, venue.url(1) + "/report.json")
        assert status == 200 and took < 2.0
        still_open = [s for s in idle if not closed_by_server(s, 0.05)]
        assert len(still_open) <= ConnectionLimits().per_address


def test_a_full_server_makes_room_for_a_leader_by_closing_a_flooders_idle_socket(
    venue: Venue,
) -> None:
    limits = ConnectionLimits(per_address=8, total=9)
    with serving(venue, limits) as server, sockets(server.port, 8) as idle:
        second = socket.socket()
        second.bind(("127.0.0.3", 0))
        second.connect(("127.0.0.1", server.port))
        time.sleep(0.2)
        for _ in range(3):  # a leader's page, again and again, while the room is full
            status, _ = leader_get(server, venue.url(2) + "/report.json")
            assert status == 200
        assert sum(closed_by_server(s, 0.05) for s in idle) >= 1  # the flooder paid
        assert not closed_by_server(second, 0.05)  # one socket of another address stays
        second.close()


def test_an_idle_connection_is_closed_after_the_idle_timeout(venue: Venue) -> None:
    limits = ConnectionLimits(idle_seconds=0.5)
    with serving(venue, limits) as server, sockets(server.port, 1) as (idle,):
        started = time.monotonic()
        assert closed_by_server(idle, 5.0)
        assert 0.4 < time.monotonic() - started < 2.0


def test_a_half_sent_request_is_closed_within_the_head_timeout(venue: Venue) -> None:
    limits = ConnectionLimits(head_seconds=0.6, idle_seconds=30)
    with serving(venue, limits) as server, sockets(server.port, 1) as (slow,):
        started = time.monotonic()
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.settimeout(0.1)
        answer = b""
        for i in range(50):  # a header byte every 0.1 s, never the blank line
            try:
                slow.sendall(b"X-Slow-%d: 1\r\n" % i)
                answer += slow.recv(4096)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
            if answer and closed_by_server(slow, 0.5):
                break
        took = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408"), answer[:40]
        assert took < 2.0


def test_a_body_that_stops_coming_is_closed_after_the_gap(venue: Venue) -> None:
    limits = ConnectionLimits(body_gap_seconds=0.5, idle_seconds=30)
    with serving(venue, limits) as server, sockets(server.port, 1) as (slow,):
        path = venue.url(1) + "/report.json"
        slow.sendall(
            f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n".encode()
            + b'{"revision": 0, "fields": {"topic": "'
        )
        started = time.monotonic()
        assert closed_by_server(slow, 5.0)
        assert time.monotonic() - started < 2.0
        status, _ = leader_get(server, path)
        assert status == 200


def test_the_connection_cap_stays_below_the_open_file_limit() -> None:
    resource = pytest.importorskip("resource", reason="Windows has no per-process file limit")
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert default_total() <= max(16, soft - 64)
    assert ConnectionLimits().head_seconds + 1 <= 30 and ConnectionLimits().idle_seconds <= 30


def test_a_host_that_is_not_the_servers_address_is_refused(venue: Venue) -> None:
    with serving(venue) as server:

        def status_for(host: str) -> int:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            conn.request("GET", "/", headers={"Host": host})
            response = conn.getresponse()
            body = response.read()
            conn.close()
            if response.status == 400:
                assert b'"unknown_host"' in body
            return response.status

        port = server.port
        assert status_for(f"127.0.0.1:{port}") == 200
        assert status_for(f"localhost:{port}") == 200
        assert status_for(f"rebind.attacker.example:{port}") == 400  # DNS rebinding
        assert status_for(f"127.0.0.1:{port + 1}") == 400
        assert status_for("") == 400


def test_x_forwarded_for_is_trusted_from_nobody(venue: Venue) -> None:
    """From 127.0.0.1, uvicorn took X-Forwarded-For as the client: a flooder naming a new
    address each time was never rate limited."""
    with serving(venue, rate_per_second=0.01, rate_burst=2) as server:
        codes = []
        for i in range(4):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
            conn.request("GET", "/", headers={"X-Forwarded-For": f"10.0.0.{i + 10}"})
            codes.append(conn.getresponse().status)
            conn.close()
        assert codes[:2] == [200, 200] and codes[-1] == 429
