"""Who gets a seat: first come, first served within capacity and the per-agency limit.

The announcement caps each session at 40 people and each agency (機關) at 2 per session; the
organiser may screen the list. The proposal therefore respects the organiser's decisions
(people admitted by hand keep their seat, cancelled people stay out) and fills the remaining
seats in registration order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

ADMITTED = "admitted"
WAITLISTED = "waitlisted"
CANCELLED = "cancelled"
WALK_IN = "walk_in"


def agency_full(per_agency: Counter[str], agency_key: str, agency_limit: int) -> bool:
    """Whether ``agency_key`` already has its ``agency_limit`` seats. A blank agency (not
    answered, or no such column) is nobody's agency: it is not limited, else everyone without
    one would share two seats."""
    return bool(agency_key) and per_agency[agency_key] >= agency_limit


@dataclass(frozen=True)
class Applicant:
    key: int
    agency_key: str  # text.match_key of the agency, so 台/臺 and spacing variants count as one
    queue: int  # place in line (1 = first to register)
    status: str
    kept: bool = False  # the organiser fixed this status by hand; the proposal must not move it


@dataclass(frozen=True)
class Proposal:
    statuses: dict[int, str]
    admitted: int
    waitlisted: int
    over_agency_limit: tuple[int, ...]  # waitlisted only because their agency was full


def propose(applicants: Iterable[Applicant], capacity: int, agency_limit: int) -> Proposal:
    ordered = sorted(applicants, key=lambda a: (a.queue, a.key))
    statuses: dict[int, str] = {}
    seats_taken = 0
    per_agency: Counter[str] = Counter()
    for applicant in ordered:
        if applicant.status in (CANCELLED, WALK_IN) or (applicant.kept and applicant.status == ADMITTED):
            statuses[applicant.key] = applicant.status
            if applicant.status != CANCELLED:
                seats_taken += 1
                per_agency[applicant.agency_key] += 1
    over_agency: list[int] = []
    for applicant in ordered:
        if applicant.key in statuses:
            continue
        full = agency_full(per_agency, applicant.agency_key, agency_limit)
        if seats_taken < capacity and not full:
            statuses[applicant.key] = ADMITTED
            seats_taken += 1
            per_agency[applicant.agency_key] += 1
        else:
            statuses[applicant.key] = WAITLISTED
            if full and seats_taken < capacity:
                over_agency.append(applicant.key)
    admitted = sum(1 for s in statuses.values() if s == ADMITTED)
    waitlisted = sum(1 for s in statuses.values() if s == WAITLISTED)
    return Proposal(statuses, admitted, waitlisted, tuple(over_agency))


def fill_vacancies(
    applicants: Iterable[Applicant], capacity: int, agency_limit: int
) -> tuple[int, ...]:
    """Who moves up from the waitlist into free seats, in order, without moving anyone else.

    Used when an admitted person cancels or moves away: the next eligible people on the
    waitlist (first come, skipping those whose agency already has ``agency_limit`` seats) take
    the free seats. Admitted people and walk-ins hold their seats; nobody is demoted.
    """
    ordered = sorted(applicants, key=lambda a: (a.queue, a.key))
    seated = [a for a in ordered if a.status in (ADMITTED, WALK_IN)]
    seats_taken = len(seated)
    per_agency: Counter[str] = Counter(a.agency_key for a in seated)
    promoted: list[int] = []
    for applicant in ordered:
        if seats_taken >= capacity:
            break
        if applicant.status != WAITLISTED or agency_full(per_agency, applicant.agency_key,
                                                          agency_limit):
            continue
        promoted.append(applicant.key)
        seats_taken += 1
        per_agency[applicant.agency_key] += 1
    return tuple(promoted)
