"""Who gets a seat: first come, first served within capacity and the per-agency limit.

The announcement caps each session at 40 people and each agency (機關) at 2 per session; the
organiser may screen the list. The rule never goes backwards: a seat once held is never taken
by the rule, only by the organiser's own hand (cancel, move) — people plan their day on it, and
some are already in the room. Seat holders (admitted people and walk-ins) count against the
capacity and the agency limit first; the remaining seats go to the waitlist in registration
order. People who have checked in are never changed by the rule at all.

An import may still move a person to another session when their own form answer changed, but
not someone who was promised their place (``promised``): checked in, a walk-in, or admitted and
told so — admitted by hand with a reason, or on the admitted list once it was published or on
a pass once passes were issued.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.status import SEAT_HOLDERS, Status

# Why a status changed (``StatusChange.reason`` in the services, ``reason`` in the CLI's JSON).
SEAT_FREE = "seat_free"  # a seat within capacity and the agency limit was free, in line
SESSION_CHANGED = "session_changed"  # the export now names another session


def agency_full(per_agency: Counter[str], agency_key: str, agency_limit: int) -> bool:
    """Whether ``agency_key`` already has its ``agency_limit`` seats. A blank agency (not
    answered, or no such column) is nobody's agency: it is not limited, else everyone without
    one would share two seats."""
    return bool(agency_key) and per_agency[agency_key] >= agency_limit


def promised(status: str, *, checked_in: bool, by_hand: bool, told: bool) -> bool:
    """Whether only the organiser's own hand may move this registration (out of its seat or
    to another session): the person is in the room, a walk-in, or admitted and told so."""
    if checked_in or status == Status.WALK_IN:
        return True
    return status == Status.ADMITTED and (by_hand or told)


@dataclass(frozen=True)
class Applicant:
    key: int
    agency_key: str  # text.match_key of the agency, so 台/臺 and spacing variants count as one
    queue: int  # place in line (1 = first to register)
    status: str
    checked_in: bool = False  # in the room: the rule leaves them exactly as they are


@dataclass(frozen=True)
class Move:
    key: int
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class Proposal:
    statuses: dict[int, str]
    admitted: int
    waitlisted: int
    over_agency_limit: tuple[int, ...]  # waitlisted only because their agency was full
    moves: tuple[Move, ...]  # who changes status, in line order


def propose(applicants: Iterable[Applicant], capacity: int, agency_limit: int) -> Proposal:
    """Seat holders keep their seats and count first; the waitlist fills what is left, first
    come, skipping people whose agency already has ``agency_limit`` seats. Nobody moves out."""
    ordered = sorted(applicants, key=lambda a: (a.queue, a.key))
    statuses: dict[int, str] = {}
    seats_taken = 0
    per_agency: Counter[str] = Counter()
    for applicant in ordered:
        if applicant.status != Status.WAITLISTED or applicant.checked_in:
            statuses[applicant.key] = applicant.status
            if applicant.status in SEAT_HOLDERS:
                seats_taken += 1
                per_agency[applicant.agency_key] += 1
    over_agency: list[int] = []
    moves: list[Move] = []
    for applicant in ordered:
        if applicant.key in statuses:
            continue
        full = agency_full(per_agency, applicant.agency_key, agency_limit)
        if seats_taken < capacity and not full:
            statuses[applicant.key] = Status.ADMITTED
            moves.append(Move(applicant.key, Status.WAITLISTED, Status.ADMITTED, SEAT_FREE))
            seats_taken += 1
            per_agency[applicant.agency_key] += 1
        else:
            statuses[applicant.key] = Status.WAITLISTED
            if full and seats_taken < capacity:
                over_agency.append(applicant.key)
    admitted = sum(1 for s in statuses.values() if s == Status.ADMITTED)
    waitlisted = sum(1 for s in statuses.values() if s == Status.WAITLISTED)
    return Proposal(statuses, admitted, waitlisted, tuple(over_agency), tuple(moves))


@dataclass(frozen=True)
class StatusChange:
    """Someone who moves into a seat or out of one; ``reason`` is a code (``SEAT_FREE``,
    ``SESSION_CHANGED``) the window translates. ``registration_id`` is 0 for a person an import
    plan adds (they have no row yet); the applied import reports their new id."""

    registration_id: int
    name: str
    session: str  # where the person is after the change
    old: str
    new: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "registration_id": self.registration_id,
            "name": self.name,
            "session": self.session,
            "from": self.old,
            "to": self.new,
            "reason": self.reason,
        }

    def seen(self) -> tuple[str, ...]:
        """What the organiser confirmed: everything but the id (a planned person has none)."""
        return self.session, self.name, self.old, self.new, self.reason


@dataclass(frozen=True)
class AdmissionResult:
    session: str
    capacity: int
    agency_limit: int
    admitted: int
    waitlisted: int
    walk_in: int
    cancelled: int
    changed: int
    over_agency_limit: int  # waitlisted only because their agency was full
    status_changes: tuple[StatusChange, ...] = ()
    committed: bool = True

    def counts(self) -> dict[str, int]:
        """People per status, the statuses nobody has left out (as the audit log records)."""
        every = {
            Status.ADMITTED: self.admitted,
            Status.WAITLISTED: self.waitlisted,
            Status.WALK_IN: self.walk_in,
            Status.CANCELLED: self.cancelled,
        }
        return {status: n for status, n in every.items() if n}

    def as_json(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "capacity": self.capacity,
            "agency_limit": self.agency_limit,
            "admitted": self.admitted,
            "waitlisted": self.waitlisted,
            "walk_in": self.walk_in,
            "cancelled": self.cancelled,
            "changed": self.changed,
            "over_agency_limit": self.over_agency_limit,
            "committed": self.committed,
            "status_changes": [c.as_json() for c in self.status_changes],
        }


def admission_result(
    session: str,
    capacity: int,
    agency_limit: int,
    statuses: Iterable[str],
    proposal: Proposal,
    changes: Sequence[StatusChange],
) -> AdmissionResult:
    """A session after the rule: ``statuses`` of everyone in it, the ``changes`` it made."""
    counts = Counter(statuses)
    return AdmissionResult(
        session=session,
        capacity=capacity,
        agency_limit=agency_limit,
        admitted=counts[Status.ADMITTED],
        waitlisted=counts[Status.WAITLISTED],
        walk_in=counts[Status.WALK_IN],
        cancelled=counts[Status.CANCELLED],
        changed=len(changes),
        over_agency_limit=len(proposal.over_agency_limit),
        status_changes=tuple(changes),
    )
