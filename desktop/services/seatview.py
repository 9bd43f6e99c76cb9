"""What the 分桌 screen, the CLI and the tables PDFs show of a session's seating: plain frozen
rows built by ``desktop.services.seating.show`` (and returned by its ``assign``)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core import seating
from desktop.core.text import match_key


@dataclass(frozen=True)
class SeatMember:
    registration_id: int
    name: str
    agency: str
    unit: str
    title: str
    status: str
    pinned: bool
    source: str  # plan / arrival / manual ("" when not seated)
    checked_in: bool
    is_leader: bool
    conflict: bool  # someone else of the same agency sits at this table


@dataclass(frozen=True)
class TableView:
    id: int
    number: int
    name: str
    capacity: int
    leader_name: str
    leader_unit: str
    leader_contact: str
    leader_registration_id: int | None
    members: tuple[SeatMember, ...]

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def conflicts(self) -> tuple[str, ...]:
        """Agencies with more than one person at this table."""
        seen: dict[str, str] = {}
        for m in self.members:
            if m.conflict:
                seen.setdefault(match_key(m.agency), m.agency)
        return tuple(seen.values())


@dataclass(frozen=True)
class SeatingView:
    session_id: int
    session_name: str
    on_arrival: bool
    tables: tuple[TableView, ...]
    unseated: tuple[SeatMember, ...]
    unmet: tuple[seating.Unmet, ...]

    def table(self, number: int) -> TableView:
        return next(t for t in self.tables if t.number == number)

    def table_of(self, registration_id: int) -> TableView | None:
        for t in self.tables:
            if any(m.registration_id == registration_id for m in t.members):
                return t
        return None

    def as_json(self) -> dict[str, object]:
        """The CLI's keys (a contract): ``tables`` with ``number``, ``leader``, ``members``
        (``name``, ``agency``, ...), and ``unmet``."""
        return {
            "session": self.session_name,
            "on_arrival": self.on_arrival,
            "tables": [
                {
                    "number": t.number,
                    "name": t.name,
                    "capacity": t.capacity,
                    "size": t.size,
                    "leader": t.leader_name,
                    "leader_unit": t.leader_unit,
                    "conflicts": list(t.conflicts),
                    "members": [_member_json(m) for m in t.members],
                }
                for t in self.tables
            ],
            "unseated": [_member_json(m) for m in self.unseated],
            "unmet": [u.as_json() for u in self.unmet],
        }


def _member_json(m: SeatMember) -> dict[str, object]:
    return {
        "name": m.name,
        "agency": m.agency,
        "unit": m.unit,
        "title": m.title,
        "pinned": m.pinned,
        "leader": m.is_leader,
        "checked_in": m.checked_in,
    }
