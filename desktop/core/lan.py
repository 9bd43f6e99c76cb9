"""Which of this machine's addresses phones on the venue Wi-Fi should open (the room address).

A Windows office laptop has many IPv4 addresses: the Wi-Fi's, a VPN's (``10.x``), Hyper-V's
``vEthernet`` (``172.x``), an unconnected adapter's APIPA address (``169.254.x``), loopback.
Sorted by number, the wrong one comes first. The rule: never loopback or link-local (no phone
can open them); among the rest, adapters that are not VPN or virtual ones first, then the
address the system routes to the outside through (the default route), then a Wi-Fi adapter,
then private before public, then by number. Adapter names are Windows' friendly names
("Wi-Fi", "乙太網路", "vEthernet (Default Switch)") or Unix interface names (wlan0, tun0).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Reach(Enum):
    """Whether phones on the venue Wi-Fi can open an address."""

    OK = "ok"
    VIRTUAL = "virtual"  # a VPN or virtual machine adapter: usually not the venue network
    LINK_LOCAL = "link_local"  # 169.254.x: an adapter that got no address from any network
    LOOPBACK = "loopback"  # 127.x: this computer only
    UNSPECIFIED = "unspecified"  # 0.0.0.0: not an address anyone can open


WIRELESS_NAME = re.compile(r"wi-?fi|wlan|wireless|無線|^wl", re.IGNORECASE)
VIRTUAL_NAME = re.compile(
    r"vpn|hyper-v|vethernet|virtualbox|vmware|vmnet|docker|wsl|\btap|^tap|tun|utun|"
    r"^br-|^virbr|^veth|zerotier|tailscale|wireguard|^wg\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """One IPv4 address of this machine and the adapter that holds it."""

    address: str
    adapter: str
    wireless: bool = False  # the adapter says it is Wi-Fi (besides its name)
    virtual: bool = False  # the adapter says it is virtual (besides its name)

    @property
    def reach(self) -> Reach:
        return reach_of(self.address, self.adapter, virtual=self.virtual)

    @property
    def is_wireless(self) -> bool:
        return self.wireless or bool(WIRELESS_NAME.search(self.adapter))


def reach_of(address: str, adapter: str = "", *, virtual: bool = False) -> Reach:
    """Can a phone open ``address``? (``adapter``: the name of the adapter holding it.)"""
    ip = ipaddress.ip_address(address)
    if ip.is_unspecified:
        return Reach.UNSPECIFIED
    if ip.is_loopback:
        return Reach.LOOPBACK
    if ip.is_link_local:
        return Reach.LINK_LOCAL
    if virtual or VIRTUAL_NAME.search(adapter):
        return Reach.VIRTUAL
    return Reach.OK


def room_addresses(candidates: Iterable[Candidate], default_route: str | None) -> list[Candidate]:
    """The addresses to offer as the room address, best first; loopback, link-local and
    unspecified ones are left out. ``default_route``: the address the system would send from
    to reach the outside (None when it has no route)."""
    offered: dict[str, Candidate] = {}
    for candidate in candidates:
        ip = ipaddress.ip_address(candidate.address)
        if ip.version != 4 or candidate.reach in UNREACHABLE:
            continue
        offered.setdefault(candidate.address, candidate)

    def rank(c: Candidate) -> tuple[bool, bool, bool, bool, ipaddress.IPv4Address]:
        ip = ipaddress.IPv4Address(c.address)
        return (
            c.reach is Reach.VIRTUAL,
            c.address != default_route,
            not c.is_wireless,
            not ip.is_private,
            ip,
        )

    return sorted(offered.values(), key=rank)


# Never offered, and refused as the room address.
UNREACHABLE = frozenset({Reach.LOOPBACK, Reach.LINK_LOCAL, Reach.UNSPECIFIED})
