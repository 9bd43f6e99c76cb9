"""Events and sessions: creating an event, listing what the database holds."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AgendaBlock, Event, EventSession, Registration
from db.uow import Database
from desktop.core.idvault import PUBLIC_KDF, new_key_pair
from desktop.core.outcomes import events
from desktop.core.problems import CodedError
from desktop.core.text import match_key
from desktop.services import audit, security

STATUSES = ("admitted", "waitlisted", "cancelled", "walk_in")


@dataclass(frozen=True)
class AgendaRow:
    id: int
    position: int
    planned_start: dt.datetime
    planned_end: dt.datetime
    title: str
    kind: str
    speaker: str
    counts_for_hours: bool
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None


@dataclass(frozen=True)
class SessionInfo:
    id: int
    event_id: int
    name: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    venue: str
    address: str
    capacity: int
    agency_limit: int
    counts: dict[str, int]
    agenda: tuple[AgendaRow, ...] = field(default=())


@dataclass(frozen=True)
class EventInfo:
    id: int
    name: str
    organiser: str
    executor: str
    sessions: tuple[SessionInfo, ...]


def create_event(
    db: Database,
    *,
    name: str,
    organiser: str,
    executor: str = "",
    passphrase: str,
    public_passphrase: bool = False,
    actor: str = "",
    now: dt.datetime | None = None,
) -> int:
    """A new event with its QR signing secret and its ID key sealed by ``passphrase``.

    ``passphrase`` must pass ``security.check_passphrase`` (``SecurityError`` otherwise) unless
    ``public_passphrase``: only the demo event, whose passphrase is published in the README,
    so refusing it (or paying the full KDF for it) would protect nothing."""
    if public_passphrase:
        keys = new_key_pair(passphrase, PUBLIC_KDF)
    else:
        security.check_passphrase(passphrase)
        keys = new_key_pair(passphrase)
    with db.unit_of_work() as s:
        event = Event(
            name=name,
            organiser=organiser,
            executor=executor,
            token_secret=secrets.token_bytes(32),
            id_public_key=keys.public_pem,
            id_private_key_sealed=keys.sealed_private_pem,
            hours_policy={},
            certificate_settings={},
            created_at=now or dt.datetime.now(),
        )
        s.add(event)
        s.flush()
        audit.record(s, "event.create", actor=actor, entity="event", entity_id=event.id, name=name)
        return event.id


def list_events(db: Database) -> tuple[EventInfo, ...]:
    with db.read() as s:
        return _event_infos(s, s.scalars(select(Event).order_by(Event.id)).all())


def all_sessions(db: Database) -> tuple[SessionInfo, ...]:
    """Every session of every event, in the order the pickers and the CLI list them."""
    return tuple(es for e in list_events(db) for es in e.sessions)


def event_of_session(db: Database, session_id: int) -> EventInfo:
    """The event a session belongs to, read by that session alone."""
    with db.read() as s:
        event = s.scalars(
            select(Event).join(EventSession).where(EventSession.id == session_id)
        ).one_or_none()
        if event is None:
            raise SessionNotFound(events.NO_SESSION, id=session_id)
        return _event_infos(s, [event])[0]


def _event_infos(s: Session, events: Sequence[Event]) -> tuple[EventInfo, ...]:
    """``events`` with their sessions and each session's count of registrations by status."""
    session_ids = [es.id for e in events for es in e.sessions]
    counts = {sid: dict.fromkeys(STATUSES, 0) for sid in session_ids}
    rows = s.execute(
        select(Registration.session_id, Registration.status, func.count())
        .where(Registration.session_id.in_(session_ids))
        .group_by(Registration.session_id, Registration.status)
    )
    for session_id, status, n in rows:
        counts[session_id][status] = n
    return tuple(
        EventInfo(
            id=e.id,
            name=e.name,
            organiser=e.organiser,
            executor=e.executor,
            sessions=tuple(_session_info(es, counts[es.id]) for es in e.sessions),
        )
        for e in events
    )


def _session_info(es: EventSession, counts: dict[str, int]) -> SessionInfo:
    return SessionInfo(
        id=es.id,
        event_id=es.event_id,
        name=es.name,
        date=es.date,
        start_time=es.start_time,
        end_time=es.end_time,
        venue=es.venue,
        address=es.address,
        capacity=es.capacity,
        agency_limit=es.agency_limit,
        counts=counts,
        agenda=tuple(_agenda_row(b) for b in es.agenda),
    )


def _agenda_row(block: AgendaBlock) -> AgendaRow:
    return AgendaRow(
        id=block.id,
        position=block.position,
        planned_start=block.planned_start,
        planned_end=block.planned_end,
        title=block.title,
        kind=block.kind,
        speaker=block.speaker,
        counts_for_hours=block.counts_for_hours,
        actual_start=block.actual_start,
        actual_end=block.actual_end,
    )


class SessionNotFound(CodedError):
    """No session, or not exactly one, answers to a name; ``choices`` names them all."""


def find_session(db: Database, name: str | None) -> SessionInfo:
    """A session by name (台/臺- and space-insensitive) or id; the only one if ``name`` is None.

    The CLI's ``--session NAME`` goes through here so every subcommand resolves names alike.
    """
    sessions = all_sessions(db)
    if not sessions:
        raise SessionNotFound(events.NO_SESSIONS, choices="")
    names = "、".join(s.name for s in sessions)
    if name is None:
        if len(sessions) == 1:
            return sessions[0]
        raise SessionNotFound(events.SESSION_REQUIRED, choices=names)
    key = match_key(name)
    exact = [s for s in sessions if match_key(s.name) == key or str(s.id) == name]
    partial = [s for s in sessions if key and key in match_key(s.name)]
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if not found:
        raise SessionNotFound(events.SESSION_NOT_FOUND, name=name, choices=names)
    raise SessionNotFound(events.SESSION_AMBIGUOUS, name=name, choices=names)
