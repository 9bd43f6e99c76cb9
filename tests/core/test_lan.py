"""The room address: the Wi-Fi's, not a VPN's, APIPA's or Hyper-V's (issue 25)."""

from __future__ import annotations

import pytest

from desktop.core.lan import Candidate, Reach, reach_of, room_addresses

# A Windows office laptop at the venue: numbered, the Wi-Fi address comes last but one.
WIFI = Candidate("192.168.1.23", "Wi-Fi")
VPN = Candidate("10.8.0.2", "FortiClient VPN")
APIPA = Candidate("169.254.3.4", "乙太網路")
HYPER_V = Candidate("172.20.0.1", "vEthernet (Default Switch)")
LOOPBACK = Candidate("127.0.0.1", "Loopback Pseudo-Interface 1")
LAPTOP = [LOOPBACK, VPN, HYPER_V, APIPA, WIFI]


def test_the_wifi_address_is_chosen_with_or_without_a_default_route() -> None:
    for route in ("192.168.1.23", None):
        offered = room_addresses(LAPTOP, route)
        assert offered[0] == WIFI
        # Loopback and link-local are never offered; VPN and virtual ones come last, marked.
        assert [c.address for c in offered] == ["192.168.1.23", "10.8.0.2", "172.20.0.1"]
        assert [c.reach for c in offered] == [Reach.OK, Reach.VIRTUAL, Reach.VIRTUAL]


def test_a_vpn_carrying_the_default_route_does_not_beat_the_wifi() -> None:
    assert room_addresses(LAPTOP, "10.8.0.2")[0] == WIFI


def test_the_default_route_comes_before_another_lan_adapter() -> None:
    cable = Candidate("192.168.50.7", "乙太網路 2")
    assert room_addresses([WIFI, cable], "192.168.50.7")[0] == cable
    assert room_addresses([cable, WIFI], None)[0] == WIFI  # no route: the Wi-Fi adapter


def test_unix_names_and_the_adapters_own_kind_are_read_too() -> None:
    assert (
        room_addresses([Candidate("10.0.0.9", "tun0"), Candidate("10.0.0.7", "wlp2s0")], None)[
            0
        ].address
        == "10.0.0.7"
    )
    assert Candidate("10.1.1.1", "Local Area Connection 2", virtual=True).reach is Reach.VIRTUAL
    assert (
        room_addresses(
            [Candidate("10.0.0.5", "eth9"), Candidate("10.0.0.6", "x", wireless=True)], None
        )[0].address
        == "10.0.0.6"
    )


@pytest.mark.parametrize(
    ("address", "reach"),
    [
        ("127.0.0.1", Reach.LOOPBACK),
        ("127.4.5.6", Reach.LOOPBACK),
        ("169.254.3.4", Reach.LINK_LOCAL),
        ("0.0.0.0", Reach.UNSPECIFIED),
        ("192.168.1.23", Reach.OK),
    ],
)
def test_reach_of_an_address(address: str, reach: Reach) -> None:
    assert reach_of(address) is reach
