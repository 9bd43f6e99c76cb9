"""Walk-ins (現場報名): a person who was not on the list is added at the desk.

Walk-ins take a seat like everyone else: they count against the session's capacity, and the
desk is warned (not stopped) when the room is over capacity — the organiser decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Attendee, Event, EventSession, Registration, Status
from db.uow import Database
from desktop.core.importing import FIELD_LABELS, over_limit
from desktop.core.outcomes import registrations
from desktop.core.problems import CodedError, Term
from desktop.core.status import SEAT_HOLDERS
from desktop.core.text import clean, mask_name
from desktop.services import audit
from desktop.services.idnumbers import store_id_number
from desktop.services.room import give_code


class WalkInError(CodedError):
    """The walk-in cannot be added as typed (e.g. no name)."""


@dataclass(frozen=True)
class WalkInResult:
    registration_id: int
    attendee_id: int
    seats_taken: int  # admitted + walk-ins, this one included
    capacity: int

    @property
    def over_capacity(self) -> bool:
        return self.seats_taken > self.capacity


def seats_taken(s: Session, session_id: int) -> int:
    return s.execute(
        select(func.count())
        .select_from(Registration)
        .where(
            Registration.session_id == session_id,
            Registration.status.in_(SEAT_HOLDERS),
        )
    ).scalar_one()


def add_walk_in(
    db: Database,
    session_id: int,
    *,
    name: str,
    agency: str,
    unit: str = "",
    title: str = "",
    phone: str = "",
    email: str = "",
    wants_hours: bool = False,
    id_number: str | None = None,
    lunch: str = "",
    actor: str = "",
    now: dt.datetime | None = None,
) -> WalkInResult:
    name = clean(name)
    if not name:
        raise WalkInError(registrations.NAME_REQUIRED)
    typed = {
        "name": name,
        "agency": clean(agency),
        "unit": clean(unit),
        "title": clean(title),
        "phone": clean(phone),
        "email": clean(email),
    }
    for fld, value in typed.items():  # the import's limits: every document lays these out
        limit = over_limit(fld, value)
        if limit is not None:
            raise WalkInError(
                registrations.FIELD_TOO_LONG,
                field=Term(FIELD_LABELS[fld]),
                length=f"{len(value):,}",
                limit=f"{limit:,}",
            )
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        es = s.get_one(EventSession, session_id)
        event = s.get_one(Event, es.event_id)
        attendee = Attendee(
            event_id=event.id,
            name=name,
            agency=clean(agency),
            unit=clean(unit),
            title=clean(title),
            phone=clean(phone),
            email=clean(email),
            wants_hours=wants_hours,
            created_at=at,
            updated_at=at,
        )
        store_id_number(attendee, event, id_number if wants_hours else None)
        last_queue = s.scalar(
            select(func.max(Registration.queue)).where(Registration.session_id == session_id)
        )
        registration = Registration(
            session_id=session_id,
            status=Status.WALK_IN,
            registered_at=at,
            queue=(last_queue or 0) + 1,
            lunch=lunch,
            source="walk_in",
        )
        attendee.registrations.append(registration)
        s.add(attendee)
        give_code(s, registration)
        s.flush()
        taken = seats_taken(s, session_id)
        audit.record(
            s,
            "registration.walk_in",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=registration.id,
            name=mask_name(name),
            seats_taken=taken,
        )
        return WalkInResult(registration.id, attendee.id, taken, es.capacity)
