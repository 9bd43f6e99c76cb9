"""The roster (名單): who is registered for a session, as plain rows for screens and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from db.models import Attendee, IdStatus, Registration, SeatAssignment
from db.uow import Database


@dataclass(frozen=True)
class RosterRow:
    registration_id: int
    attendee_id: int
    session_id: int
    session: str
    name: str
    agency: str
    unit: str
    title: str
    email: str
    phone: str
    id_mask: str
    id_valid: bool
    wants_hours: bool
    status: str
    queue: int
    lunch: str
    table: int | None
    missing_from_import: bool

    def as_json(self) -> dict[str, object]:
        """The CLI's roster keys (a contract): never the ID number, phone or e-mail."""
        return {
            "name": self.name,
            "agency": self.agency,
            "unit": self.unit,
            "title": self.title,
            "session": self.session,
            "status": self.status,
            "queue": self.queue,
            "table": self.table,
            "lunch": self.lunch,
            "wants_hours": self.wants_hours,
            "id_valid": self.id_valid,
        }


def list_roster(db: Database, session_id: int | None = None) -> tuple[RosterRow, ...]:
    """Registrations in queue order, optionally of one session."""
    with db.read() as s:
        query = (
            select(Registration)
            .options(
                joinedload(Registration.attendee),
                joinedload(Registration.session),
                joinedload(Registration.seat).joinedload(SeatAssignment.table),
            )
            .join(Attendee)
            .order_by(Registration.session_id, Registration.queue, Registration.id)
        )
        if session_id is not None:
            query = query.where(Registration.session_id == session_id)
        return tuple(_row(r) for r in s.scalars(query).unique())


def _row(r: Registration) -> RosterRow:
    a = r.attendee
    return RosterRow(
        registration_id=r.id,
        attendee_id=a.id,
        session_id=r.session_id,
        session=r.session.name,
        name=a.name,
        agency=a.agency,
        unit=a.unit,
        title=a.title,
        email=a.email,
        phone=a.phone,
        id_mask=a.id_mask,
        id_valid=a.id_status == IdStatus.VALID,
        wants_hours=a.wants_hours,
        status=r.status,
        queue=r.queue,
        lunch=r.lunch,
        table=r.seat.table.number if r.seat is not None else None,
        missing_from_import=r.missing_from_import,
    )
