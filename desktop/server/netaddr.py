"""This machine's IPv4 addresses with their adapters' names, and the room address to offer.

The standard library has no way to list addresses per adapter (``socket.if_nameindex`` gives
names without addresses, and on Windows not the friendly ones), so the adapters come from Qt's
``QNetworkInterface`` (QtNetwork, already in the installed app for QtMultimedia; no GUI
needed). For ``serve`` without ``--host`` that is about 0.1 s of imports with QtCore, measured
here, and a few ms to list. The choice itself is the plain rule in ``desktop.core.lan``.
"""

from __future__ import annotations

import socket

from desktop.core.lan import Candidate, room_addresses

# TEST-NET-2 (RFC 5737): routed like any public address (through the default route), answered
# by nobody. A UDP connect only looks the route up; no packet is sent.
ROUTE_PROBE = ("198.51.100.1", 9)


def interface_addresses() -> list[Candidate]:
    """Every IPv4 address of every adapter that is up, with the adapter's name."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    kind = QNetworkInterface.InterfaceType
    flags = QNetworkInterface.InterfaceFlag
    found = []
    for interface in QNetworkInterface.allInterfaces():
        if not interface.flags() & flags.IsUp:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            found.append(
                Candidate(
                    ip.toString(),
                    interface.humanReadableName() or interface.name(),
                    wireless=interface.type() in (kind.Wifi, kind.Ieee80211),
                    virtual=interface.type() == kind.Virtual,
                )
            )
    return found


def default_route_address() -> str | None:
    """The address this machine sends from to reach the outside, or None without a route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(ROUTE_PROBE)
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address == "0.0.0.0" else address


def offered_addresses() -> list[Candidate]:
    """The room addresses to offer, best first (see ``desktop.core.lan.room_addresses``)."""
    adapters = interface_addresses()
    route = default_route_address()
    if route is not None and all(c.address != route for c in adapters):
        adapters.append(Candidate(route, ""))  # routed through an adapter Qt did not list
    return room_addresses(adapters, route)
