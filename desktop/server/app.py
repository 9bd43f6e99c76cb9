"""The venue server's web application: leaders' (and later voters') pages over the venue Wi-Fi.

``create_app`` builds a Starlette app for one session. Feature modules listed in ``FEATURES``
each have ``routes(venue) -> list[BaseRoute]`` (``desktop.server.tables`` for the table
leaders' pages); a module may add a link to the landing page with ``venue.add_home_link``.
Everything reads and writes the database through ``desktop.services`` (each call its own
unit of work) in Starlette's thread pool, never through Qt objects, so a slow request can
neither block the desk's window nor other requests.

Cross-cutting protections live here as ASGI middleware: request size limits, per-client rate
limiting (a flooder waits, others do not), the Host check (only the address the request came
in on, so a page of another site re-pointed at the desk by DNS rebinding is refused), security
headers (no framing, no referrer: table URLs carry secrets) and the same-origin check for
writes. ``csrf_token``/``check_csrf`` give cookie-authenticated forms their token. Their
refusals, and a JSON path nobody serves (404) or a method it does not take (405), have the one
JSON error shape of ``desktop.server.bodies``. Handlers are module-level functions that find
their ``Venue`` with ``venue_of(request)``. Connections themselves
(idle and half-sent requests, how many per address) are ``desktop.server.connections``'.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import importlib
import ipaddress
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from db.uow import Database
from desktop.core.outcomes import requests
from desktop.core.problems import Outcome
from desktop.server.bodies import coded_refusal
from desktop.services.events import SessionInfo

HERE = Path(__file__).parent
FEATURES = (
    "desktop.server.tables",
    "desktop.server.vote",
    "desktop.server.room",
    "desktop.server.survey",
)

MAX_BODY = 256 * 1024  # a report is a few KB of text
MAX_UPLOAD = 12 * 1024 * 1024  # a phone photo (re-encoded and limited again by the service)
UPLOAD_SUFFIXES = ("/photo",)
RATE_PER_SECOND = 20.0  # requests per client address: a page does about one a second
RATE_BURST = 40.0
MAX_DELAY = 2.0  # beyond this a flooder is refused instead of queued
CONNECTED_SECONDS = 20.0  # a device seen this recently counts as connected
HTTP_REFUSALS = {  # status → the refusal Starlette makes on a JSON path
    400: requests.BAD_REQUEST,
    404: requests.NOT_FOUND,
    405: requests.METHOD_NOT_ALLOWED,
}


@dataclass
class LiveState:
    """What the desk watches: devices seen lately, and a callback per change of a table.

    Written from the server's threads, read from the GUI thread: guarded by a lock, and
    listeners must only hand the news over (e.g. emit a Qt signal), never do work inline."""

    _lock: threading.Lock = field(default_factory=threading.Lock)
    _seen: dict[int, tuple[int, float, str]] = field(default_factory=dict)
    _listeners: list[Callable[[int], None]] = field(default_factory=list)
    _attendees: set[int] = field(default_factory=set)  # registrations signed in on /me

    def attendee_signed_in(self, registration_id: int) -> None:
        with self._lock:
            self._attendees.add(registration_id)

    def attendees_signed_in(self) -> int:
        """How many attendees have a device signed in to the room page (since this start)."""
        with self._lock:
            return len(self._attendees)

    def seen(self, device_id: int, table_id: int, address: str) -> None:
        with self._lock:
            self._seen[device_id] = (table_id, time.monotonic(), address)

    def connected(self) -> dict[int, tuple[int, str]]:
        """device id → (table id, address) for devices seen in the last ``CONNECTED_SECONDS``."""
        cutoff = time.monotonic() - CONNECTED_SECONDS
        with self._lock:
            return {d: (t, a) for d, (t, at, a) in self._seen.items() if at >= cutoff}

    def subscribe(self, listener: Callable[[int], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[int], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def changed(self, table_id: int) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(table_id)


@dataclass
class Venue:
    """What every feature module's routes need."""

    db: Database
    session: SessionInfo
    live: LiveState
    templates: Environment
    key: bytes  # signs CSRF tokens; new for every start
    home_links: list[tuple[str, str]] = field(default_factory=list)  # (label, path)

    def add_home_link(self, label: str, path: str) -> None:
        self.home_links.append((label, path))

    def render(
        self, request: Request, name: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        template = self.templates.get_template(name)
        html = template.render(session=self.session, request=request, **context)
        return HTMLResponse(html, status_code=status_code)

    def refuse(self, request: Request, message: str, status_code: int = 403) -> HTMLResponse:
        """The plain refusal page (wrong or revoked secret, unknown table...)."""
        return self.render(request, "refused.html", status_code=status_code, message=message)

    def csrf_token(self, credential: str) -> str:
        return hmac.new(self.key, credential.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, request: Request, credential: str, submitted: str | None = None) -> bool:
        """A cookie-authenticated write must carry the token its page was given (header
        ``X-CSRF-Token`` or form field ``csrf``): another site's page cannot read it."""
        token = submitted if submitted is not None else request.headers.get("x-csrf-token", "")
        return hmac.compare_digest(token, self.csrf_token(credential))


def venue_of(request: Request) -> Venue:
    """The venue of the app that serves ``request`` (``create_app`` keeps it in the state)."""
    venue: Venue = request.app.state.venue
    return venue


def answers_json(path: str) -> bool:
    """Whether a path is a JSON route: under ``/api/``, a ``.json`` or a table's ``photo``
    upload. Their refusals have the one error shape; every other path answers a page."""
    return "/api/" in path or path.endswith((".json", *UPLOAD_SUFFIXES))


def home(request: Request) -> Response:
    venue = venue_of(request)
    return venue.render(request, "home.html", links=venue.home_links)


async def http_refusal(request: Request, exc: Exception) -> Response:
    """What Starlette refuses itself — a path nobody serves (404), a method its route does not
    take (405), a form it cannot parse (400) —: the one error shape on a JSON path; elsewhere
    the refusal page (404) or Starlette's plain answer."""
    assert isinstance(exc, HTTPException)
    if answers_json(request.url.path):
        outcome = HTTP_REFUSALS.get(exc.status_code, requests.BAD_REQUEST)
        answer = coded_refusal(outcome, exc.status_code, method=request.method)
        answer.headers.update(exc.headers or {})
        return answer
    if exc.status_code == 404:
        return venue_of(request).refuse(request, requests.NOT_FOUND.say(), 404)
    return PlainTextResponse(exc.detail, status_code=exc.status_code, headers=exc.headers)


def client_address(scope: Scope | Request) -> str:
    client = scope.client if isinstance(scope, Request) else scope.get("client")
    return client[0] if client else ""


def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return env


def create_app(
    db: Database,
    session: SessionInfo,
    *,
    live: LiveState | None = None,
    features: tuple[str, ...] = FEATURES,
    rate_per_second: float = RATE_PER_SECOND,
    rate_burst: float = RATE_BURST,
) -> Starlette:
    venue = Venue(db, session, live or LiveState(), templates(), secrets.token_bytes(32))
    routes: list[BaseRoute] = [
        Route("/", home),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    for name in features:
        routes.extend(importlib.import_module(name).routes(venue))
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_refusal})
    app.state.venue = venue
    app.add_middleware(SameOriginWrites)
    app.add_middleware(SizeLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(KnownHost)
    app.add_middleware(RateLimit, rate=rate_per_second, burst=rate_burst)
    return app


# --- middleware ---------------------------------------------------------------------------


async def _refuse(
    scope: Scope, receive: Receive, send: Send, status: int, outcome: Outcome, **params: object
) -> None:
    """A middleware's refusal, in the one error shape (``desktop.server.bodies.refusal``)."""
    await coded_refusal(outcome, status, **params)(scope, receive, send)


class HttpMiddleware:
    """ASGI middleware for HTTP requests; anything else passes straight through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class SizeLimit(HttpMiddleware):
    """Refuse a body over the limit (413) by its Content-Length or, when it lies, while it
    streams in: nobody can fill the desk's memory."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = MAX_UPLOAD if scope["path"].endswith(UPLOAD_SUFFIXES) else MAX_BODY
        headers = dict(scope["headers"])
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = limit + 1
        if declared > limit:
            await _too_large(scope, receive, send, limit)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except TooLarge:
            await _too_large(scope, receive, send, limit)


class TooLarge(Exception):
    pass


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    kb = limit // 1024
    await _refuse(scope, receive, send, 413, requests.BODY_TOO_LARGE, limit_kb=kb)


class SecurityHeaders(HttpMiddleware):
    """Pages are never framed, never cached, never send a Referer (a table URL holds its
    secret) and run only their own scripts."""

    HEADERS = [
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cache-control", b"no-store"),
        (
            b"content-security-policy",
            b"default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            b"script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    ]

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)


class SameOriginWrites(HttpMiddleware):
    """A write whose browser says it comes from another origin is refused outright."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            headers = dict(scope["headers"])
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1")
            if origin and origin.split("://", 1)[-1] != host:
                await _refuse(scope, receive, send, 403, requests.CROSS_ORIGIN)
                return
        await self.app(scope, receive, send)


class KnownHost(HttpMiddleware):
    """A request must name, in its Host header, the address and port it came in on (or, when
    that is loopback, ``localhost``). DNS rebinding points a name of another site at the desk's
    address: the browser then lets that site's page read the desk's answers, but its requests
    still say ``Host: that-site``, and are refused here."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        if not host_allowed(host, scope.get("server")):
            await _refuse(scope, receive, send, 400, requests.UNKNOWN_HOST)
            return
        await self.app(scope, receive, send)


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_allowed(host: str, server: tuple[str, int | None] | None) -> bool:
    """Whether a Host header (``192.168.1.20:8765``, ``[::1]:8765``, ``localhost:8765``) names
    ``server``, the (address, port) the connection was accepted on."""
    if not server:
        return False
    name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name or (port and not port.isdigit()):
        name, port = host, ""
    name = name.strip("[]").lower()
    if (int(port) if port else 80) != server[1]:
        return False
    address = server[0].lower()
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:  # a name, not an address (the test client's "testserver")
        return name == address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:  # a dual-stack socket
        ip = ip.ipv4_mapped
    if ip.is_loopback and name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name) == ip
    except ValueError:
        return False


class RateLimit(HttpMiddleware):
    """A token bucket per client address. Over the rate, a request waits (asynchronously, so
    nobody else waits with it) until its turn; past ``MAX_DELAY`` of backlog it is refused
    with 429. One flooding laptop slows itself down, the other tables do not notice."""

    def __init__(
        self, app: ASGIApp, rate: float = RATE_PER_SECOND, burst: float = RATE_BURST
    ) -> None:
        super().__init__(app)
        self.rate = rate
        self.burst = burst
        self.buckets: dict[str, tuple[float, float]] = {}  # address → (tokens, at)

    def _take(self, address: str) -> float:
        """Seconds this request must wait (negative tokens are the queue)."""
        now = time.monotonic()
        tokens, at = self.buckets.get(address, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate) - 1
        wait = -tokens / self.rate if tokens < 0 else 0.0
        if wait <= MAX_DELAY:
            self.buckets[address] = (tokens, now)
        if len(self.buckets) > 10_000:  # forget idle clients rather than grow without end
            self.buckets = {a: b for a, b in self.buckets.items() if now - b[1] < 60}
        return wait

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        wait = self._take(client_address(scope))
        if wait > MAX_DELAY:
            await _refuse(scope, receive, send, 429, requests.RATE_LIMITED)
            return
        if wait > 0:
            await asyncio.sleep(wait)
        await self.app(scope, receive, send)
