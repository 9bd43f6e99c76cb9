"""Run the venue app on uvicorn in a worker thread (the window and ``workshop-desk serve``).

The thread owns its own asyncio loop; ``start`` returns once the socket listens (or raises
``ServerError`` with a one-line reason, e.g. the port is taken) and ``stop`` waits for the
thread to end. uvicorn installs no signal handlers off the main thread, so Ctrl+C stays with
the caller.

Nobody's headers are trusted for who a client is (``proxy_headers`` off: there is no proxy
in a venue, and uvicorn would otherwise take ``X-Forwarded-For`` from 127.0.0.1), and each
connection goes through ``desktop.server.connections`` (idle and half-sent requests closed
within seconds, a cap per address and in total).
"""

from __future__ import annotations

import errno
import socket
import sys
import threading
import time

import uvicorn
from starlette.types import ASGIApp

from desktop.core.outcomes import server as words
from desktop.core.problems import CodedError
from desktop.server.connections import ConnectionGuard, ConnectionLimits

DEFAULT_PORT = 8765
START_TIMEOUT = 10.0


class ServerError(CodedError):
    """The server cannot listen where asked: the port is taken, the address is not this
    machine's, or it did not start in time."""


# Windows' SO_EXCLUSIVEADDRUSE (``~SO_REUSEADDR``); the socket module has it only on Windows.
SO_EXCLUSIVEADDRUSE = getattr(socket, "SO_EXCLUSIVEADDRUSE", -5)
WSAEACCES = 10013  # Windows: the port is held exclusively or reserved (Hyper-V's ranges)


def bind_option() -> tuple[int, int]:
    """The probe's socket option. On Windows ``SO_REUSEADDR`` lets a socket bind over a port
    another program listens on, so a taken port would pass the probe: bind exclusively there.
    Elsewhere ``SO_REUSEADDR`` only lets the probe bind over our own last run's TIME_WAIT, as
    uvicorn itself does."""
    if sys.platform == "win32":
        return SO_EXCLUSIVEADDRUSE, 1
    return socket.SO_REUSEADDR, 1


def taken_port_errors() -> set[int]:
    if sys.platform == "win32":
        return {errno.EADDRINUSE, WSAEACCES}
    return {errno.EADDRINUSE}


class VenueServer:
    def __init__(
        self,
        app: ASGIApp,
        host: str,
        port: int = DEFAULT_PORT,
        *,
        limits: ConnectionLimits | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.connections = ConnectionGuard(limits or ConnectionLimits())
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,  # request paths carry table secrets
            lifespan="off",
            ws="none",
            http=self.connections.protocol(),
            proxy_headers=False,
            forwarded_allow_ips="",
            server_header=False,
            timeout_graceful_shutdown=2,
            # uvicorn's own keep-alive timer: the guard's sweep closes idle connections too
            timeout_keep_alive=max(1, int(self.connections.limits.idle_seconds)),
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def address(self) -> str:
        """The base URL, e.g. ``http://192.168.1.20:8765/``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> None:
        self._check_bindable()
        self._thread = threading.Thread(target=self._run, name="venue-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                detail = str(self._error or "")
                if detail:
                    raise ServerError(
                        words.NOT_STARTED, host=self.host, port=self.port, detail=detail
                    )
                raise ServerError(
                    words.START_TIMEOUT,
                    host=self.host,
                    port=self.port,
                    seconds=f"{START_TIMEOUT:g}",
                )
            time.sleep(0.01)
        sockets = [s for server in self._server.servers for s in server.sockets]
        if sockets:
            self.port = sockets[0].getsockname()[1]  # port 0 → the one the system chose

    def _run(self) -> None:
        try:
            self._server.run()
        except BaseException as exc:  # reported by start(); the thread must not die noisily
            self._error = exc

    def _check_bindable(self) -> None:
        """A clear message before uvicorn would log a traceback and exit the process."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, *bind_option())
            try:
                probe.bind((self.host, self.port))
            except OSError as exc:
                if exc.errno in taken_port_errors():
                    raise ServerError(words.PORT_IN_USE, port=self.port) from None
                detail = str(exc.strerror or exc)
                raise ServerError(
                    words.ADDRESS_UNUSABLE, host=self.host, port=self.port, detail=detail
                ) from None

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._thread = None
