"""This machine's room address and the port probe, as a Windows laptop would run them
(issue 25: the guards patch ``sys.platform`` to ``win32``)."""

from __future__ import annotations

import errno
import socket
import sys

import pytest

from desktop.core.lan import Candidate
from desktop.server import netaddr, runner
from desktop.server.runner import ServerError, VenueServer
from tests.core.test_lan import LAPTOP, WIFI


def test_on_windows_the_default_route_address_comes_first(monkeypatch) -> None:
    """What the panel and ``serve`` offer, from the adapters as Qt lists them (the guard runs
    with ``sys.platform`` patched, as a Windows laptop would)."""
    monkeypatch.setattr(sys, "platform", "win32")
    cable = Candidate("192.168.50.7", "乙太網路 2")
    monkeypatch.setattr(netaddr, "interface_addresses", lambda: [*LAPTOP, cable])
    monkeypatch.setattr(netaddr, "default_route_address", lambda: "192.168.50.7")
    assert [c.address for c in netaddr.offered_addresses()][:2] == ["192.168.50.7", "192.168.1.23"]
    monkeypatch.setattr(netaddr, "default_route_address", lambda: None)
    assert netaddr.offered_addresses()[0] == WIFI


def test_this_machines_adapters_are_listed_with_names() -> None:
    found = netaddr.interface_addresses()
    assert any(c.address == "127.0.0.1" and c.adapter for c in found)
    assert all(c.address.count(".") == 3 for c in found)  # IPv4 only


def test_the_default_route_is_found_without_sending_anything() -> None:
    route = netaddr.default_route_address()
    assert route is None or route in {c.address for c in netaddr.interface_addresses()}


class RecordingSocket:
    """A socket that records its options and, bound to ``taken``, fails as a held port does."""

    calls: list[tuple[int, int, int]] = []
    taken: int | None = None

    def __init__(self, *_args: object) -> None:
        pass

    def __enter__(self) -> RecordingSocket:
        return self

    def __exit__(self, *_args: object) -> None:
        pass

    def setsockopt(self, level: int, option: int, value: int) -> None:
        self.calls.append((level, option, value))

    def bind(self, address: tuple[str, int]) -> None:
        exclusive = (socket.SOL_SOCKET, runner.SO_EXCLUSIVEADDRUSE, 1) in self.calls
        if address[1] == self.taken and exclusive:
            raise OSError(errno.EADDRINUSE, "Only one usage of each socket address")


def test_on_windows_the_port_probe_binds_exclusively_and_says_port_in_use(monkeypatch) -> None:
    """On Windows SO_REUSEADDR binds over a port another program listens on: the probe
    would pass and uvicorn fail later. SO_EXCLUSIVEADDRUSE makes the probe see it."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(RecordingSocket, "calls", [])
    monkeypatch.setattr(RecordingSocket, "taken", 8765)
    monkeypatch.setattr(runner.socket, "socket", RecordingSocket)
    server = VenueServer(app=None, host="192.168.1.23", port=8765)  # type: ignore[arg-type]
    with pytest.raises(ServerError) as refused:
        server._check_bindable()
    assert refused.value.code == "port_in_use"
    assert RecordingSocket.calls == [(socket.SOL_SOCKET, -5, 1)]  # SO_EXCLUSIVEADDRUSE
    assert (socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) not in RecordingSocket.calls


def test_on_windows_a_port_held_exclusively_is_in_use_too(monkeypatch) -> None:
    """WSAEACCES: the port is held with SO_EXCLUSIVEADDRUSE or in a range Hyper-V reserved."""
    monkeypatch.setattr(sys, "platform", "win32")

    class Reserved(RecordingSocket):
        def bind(self, address: tuple[str, int]) -> None:
            raise OSError(runner.WSAEACCES, "access forbidden")

    monkeypatch.setattr(runner.socket, "socket", Reserved)
    with pytest.raises(ServerError) as refused:
        VenueServer(app=None, host="192.168.1.23", port=50000)._check_bindable()  # type: ignore[arg-type]
    assert refused.value.code == "port_in_use"


def test_a_port_another_socket_listens_on_is_in_use_here() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServerError) as refused:
            VenueServer(app=None, host="127.0.0.1", port=port)._check_bindable()  # type: ignore[arg-type]
    assert refused.value.code == "port_in_use"
