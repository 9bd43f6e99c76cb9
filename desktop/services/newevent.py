"""Setting up an event from nothing: its sessions (the event itself: ``events.create_event``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.models import EventSession
from db.uow import Database
from desktop.core.newevent import Problem, check_session
from desktop.services import audit


class InvalidInput(ValueError):
    """The input cannot be saved; ``problems`` says which fields and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


def add_session(
    db: Database,
    event_id: int,
    *,
    name: str,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    venue: str,
    address: str = "",
    capacity: int = 40,
    agency_limit: int = 2,
    actor: str = "",
) -> int:
    """A new session (場次) of ``event_id``, placed after the existing ones; returns its id."""
    with db.unit_of_work() as s:
        existing = s.scalars(select(EventSession).where(EventSession.event_id == event_id)).all()
        problems = check_session(
            name,
            date,
            start,
            end,
            venue,
            capacity,
            agency_limit,
            existing_names=tuple(es.name for es in existing),
        )
        if problems:
            raise InvalidInput(problems)
        session = EventSession(
            event_id=event_id,
            position=max((es.position for es in existing), default=-1) + 1,
            name=name.strip(),
            date=date,
            start_time=start,
            end_time=end,
            venue=venue.strip(),
            address=address.strip(),
            capacity=capacity,
            agency_limit=agency_limit,
        )
        s.add(session)
        s.flush()
        audit.record(
            s,
            "session.create",
            actor=actor,
            entity="session",
            entity_id=session.id,
            name=session.name,
            date=date.isoformat(),
        )
        return session.id
