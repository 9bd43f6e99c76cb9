"""The day's vocabulary, defined once: a registration's status and who holds a seat, the
check-in log's actions, and who has arrived.

``db.models`` stores these codes, the rules (admission, check-in, seating, hours) and the
services that query them all use the names here, so "holds a seat" or "has arrived" cannot
mean two things in two places. zh-TW names of the codes are in ``desktop.core.vocabulary``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WALK_IN = "walk_in"


# Holding a seat: admitted (by the rule, by hand, or at the desk) or a walk-in. They count
# against capacity and the agency limit, may check in, get a table, hours and a certificate.
SEAT_HOLDERS: frozenset[str] = frozenset({Status.ADMITTED, Status.WALK_IN})


def holds_seat(status: str) -> bool:
    return status in SEAT_HOLDERS


class CheckAction(StrEnum):
    """A row of the check-in log, which only gains rows: ``void`` names the row it undoes;
    ``refused`` records an attempt the desk refused and is never part of anyone's state."""

    IN = "in"
    OUT = "out"
    VOID = "void"
    REFUSED = "refused"


# (id, action, at, voids_id): one row of the log as the rules read it.
LogRow = tuple[int, str, dt.datetime, int | None]


def effective_ids(rows: Iterable[LogRow]) -> list[int]:
    """The ids of the in/out rows that no void cancels, in the day's order: by time, and at
    the same time by the order they were written (the log's id)."""
    rows = list(rows)
    voided = {voids for _, action, _, voids in rows if action == CheckAction.VOID and voids}
    kept = [
        (at, row_id)
        for row_id, action, at, _ in rows
        if action in (CheckAction.IN, CheckAction.OUT) and row_id not in voided
    ]
    return [row_id for _, row_id in sorted(kept)]


def arrived(rows: Iterable[tuple[int | None, LogRow]]) -> set[int]:
    """Who has arrived: the registrations (first of each pair) with a check-in that no void
    cancels. Rows naming no registration (a refused unreadable code) are no one's."""
    rows = [(registration, row) for registration, row in rows if registration is not None]
    kept = set(effective_ids(row for _, row in rows))
    return {
        registration
        for registration, (row_id, action, _, _) in rows
        if action == CheckAction.IN and row_id in kept and registration is not None
    }
