"""The venue server's connections: idle and half-sent requests closed within seconds, and a
cap on connections per address and in total, so a device on the Wi-Fi cannot use up the desk's
open files while the leaders' pages keep answering.

uvicorn closes a keep-alive connection after a response, but never one that sends nothing, nor
one that trickles a request in a byte at a time (its keep-alive timer is cancelled by any byte
and armed again only after a response): 300 such sockets took the desk's process to its open
file limit (256 on macOS), and every other client got "connection reset". ASGI middleware
cannot help: it runs only once a request is complete. So this is a subclass of uvicorn's
HTTP protocol that records what each connection is doing, and one sweep a fraction of a second
apart that closes the ones overdue:

* idle (just opened, or between requests): ``idle_seconds``;
* a request's line and headers: ``head_seconds`` from its first byte;
* its body: no pause longer than ``body_gap_seconds`` (unless the app is the one not reading)
  and ``body_seconds`` in all (a 12 MB photo over a slow Wi-Fi);
* the app at work on a request is never timed out here.

A new connection beyond ``per_address`` from its address is reset at once, before uvicorn
sets anything up for it (a flooder reconnecting a thousand times a second costs little). When
the total is reached, the longest-idle connection of the address holding the most is closed to make
room (a flooder loses its own idle sockets, a leader gets in); when none is idle, the newcomer
is refused.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

RESERVED_FILES = 96  # the database, its journal, logs, fonts, Qt's own: never given to sockets
MAX_TOTAL = 512


def default_total() -> int:
    """Connections the server holds at most: below the process's open-file limit (soft)."""
    if sys.platform == "win32":  # no such per-process limit on sockets
        return MAX_TOTAL
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_TOTAL
    return max(16, min(MAX_TOTAL, soft - RESERVED_FILES))


@dataclass(frozen=True)
class ConnectionLimits:
    idle_seconds: float = 15.0  # pages poll every few seconds: their connection stays
    head_seconds: float = 10.0
    body_gap_seconds: float = 10.0
    body_seconds: float = 120.0
    per_address: int = 16  # a phone's browser opens up to six per site
    total: int = field(default_factory=default_total)

    @property
    def sweep_every(self) -> float:
        shortest = min(self.idle_seconds, self.head_seconds, self.body_gap_seconds)
        return max(0.05, min(1.0, shortest / 4))


class Phase(Enum):
    IDLE = "idle"
    HEAD = "head"
    BODY = "body"
    APP = "app"


TIMED_OUT = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 15\r\nconnection: close\r\n\r\nrequest timeout"
)


class ConnectionGuard:
    """The connections of one server, by address, and the sweep that times them out."""

    def __init__(self, limits: ConnectionLimits) -> None:
        self.limits = limits
        self.open: set[GuardedHttp] = set()
        self.by_address: Counter[str] = Counter()
        self._sweep: asyncio.TimerHandle | None = None
        self._sweep_loop: asyncio.AbstractEventLoop | None = None  # a restart runs a new loop

    def protocol(self) -> type[GuardedHttp]:
        """The protocol class uvicorn builds each connection with, bound to this guard."""
        return type("GuardedHttp", (GuardedHttp,), {"guard": self})

    def admit(self, conn: GuardedHttp) -> bool:
        address = conn.address
        if self.by_address[address] >= self.limits.per_address:
            return False
        if len(self.open) >= self.limits.total and not self._evict_for(address):
            return False
        self.open.add(conn)
        self.by_address[address] += 1
        if self._sweep is None or self._sweep_loop is not conn.loop:
            self._sweep_loop = conn.loop
            self._sweep = conn.loop.call_later(self.limits.sweep_every, self.sweep, conn.loop)
        return True

    def forget(self, conn: GuardedHttp) -> None:
        if conn in self.open:
            self.open.discard(conn)
            self.by_address[conn.address] -= 1
            if self.by_address[conn.address] <= 0:
                del self.by_address[conn.address]

    def _evict_for(self, newcomer: str) -> bool:
        """Close the longest-idle connection of the address holding the most (a newcomer never
        pushes out its address's only one): whether room was made."""
        idle = [c for c in self.open if c.phase is Phase.IDLE]
        if not idle:
            return False
        heaviest = max(self.by_address[c.address] for c in idle)
        victims = [c for c in idle if self.by_address[c.address] == heaviest]
        victim = min(victims, key=lambda c: c.since)
        if victim.address == newcomer and heaviest <= 1:
            return False
        victim.close_now(b"")
        return True

    def sweep(self, loop: asyncio.AbstractEventLoop) -> None:
        now = time.monotonic()
        limits = self.limits
        for conn in list(self.open):
            if conn.overdue(now, limits):
                conn.close_now(b"" if conn.phase is Phase.IDLE else TIMED_OUT)
        self._sweep = loop.call_later(limits.sweep_every, self.sweep, loop) if self.open else None


class GuardedHttp(HttpToolsProtocol):
    """uvicorn's httptools protocol that tells its guard what it is doing (see the module)."""

    guard: ConnectionGuard  # set on the subclass ``ConnectionGuard.protocol`` makes

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.phase = Phase.IDLE
        self.since = time.monotonic()  # when the phase began
        self.progress = self.since  # the last body bytes
        self.address = ""
        self.admitted = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        peer = transport.get_extra_info("peername")
        self.address = str(peer[0]) if peer else ""
        self.admitted = self.guard.admit(self)
        if not self.admitted:
            transport.abort()
            return
        super().connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.admitted:
            self.guard.forget(self)
            super().connection_lost(exc)

    def _enter(self, phase: Phase) -> None:
        self.phase = phase
        self.since = self.progress = time.monotonic()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._enter(Phase.HEAD)

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self._enter(Phase.BODY)

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        self.progress = time.monotonic()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        if self.phase is Phase.BODY:  # answered already (a refusal before the body ended): idle
            self._enter(Phase.IDLE if self.cycle.response_complete else Phase.APP)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.phase is Phase.APP:  # a response sent before the body ended waits for it
            self._enter(Phase.IDLE)

    def overdue(self, now: float, limits: ConnectionLimits) -> bool:
        if self.phase is Phase.IDLE:
            return now - self.since > limits.idle_seconds
        if self.phase is Phase.HEAD:
            return now - self.since > limits.head_seconds
        if self.phase is Phase.BODY:
            if self.flow.read_paused:  # the app has not taken what came: not the sender's fault
                self.progress = now
            return (
                now - self.progress > limits.body_gap_seconds
                or now - self.since > limits.body_seconds
            )
        return False

    def close_now(self, answer: bytes) -> None:
        self.guard.forget(self)
        if not self.transport.is_closing():
            if answer:
                self.transport.write(answer)
            self.transport.close()
