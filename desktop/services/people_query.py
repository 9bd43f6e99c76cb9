"""The join many readers of a session share: a registration with its person and, when seated,
its table (``WorkshopTable`` columns are None for someone without a seat)."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select

from db.models import Attendee, Registration, SeatAssignment, WorkshopTable

Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


def with_person_and_table(query: Q) -> Q:
    """``query`` (selecting from ``Registration``) joined to the person and the seat's table."""
    return (
        query.join(Attendee, Attendee.id == Registration.attendee_id)
        .outerjoin(SeatAssignment, SeatAssignment.registration_id == Registration.id)
        .outerjoin(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
    )
