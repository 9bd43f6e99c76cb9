"""Registrations: the organiser's overrides (admit with a reason, move to another session,
cancel, edit) and the lookups behind them (the event of a session, the ID numbers behind the
passphrase). Importing is ``desktop.services.importing``; the admission rule is
``desktop.services.admission``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Attendee, Event, EventSession, Registration, Status
from db.uow import Database
from desktop.core import admission
from desktop.core.ids import normalize_id
from desktop.core.idvault import IdOpener, WrongPassphrase
from desktop.core.importing import FIELD_LABELS, over_limit
from desktop.core.outcomes import events, registrations, security
from desktop.core.problems import CodedError, Term
from desktop.core.status import holds_seat
from desktop.core.text import clean, mask_name, match_key
from desktop.services import audit
from desktop.services.admission import (
    change_status,
    promote,
    renumber,
    session_registrations,
)
from desktop.services.walkins import seats_taken


class RegistrationError(CodedError):
    """The request cannot be done as asked (one line, saying why)."""


def event_of(s: Session, session_id: int | None) -> Event:
    """The event of ``session_id``; without one, the only event in the database."""
    if session_id is not None:
        es = s.get(EventSession, session_id)
        if es is None:
            raise RegistrationError(events.NO_SESSION, id=session_id)
        return es.event
    found = s.scalars(select(Event).order_by(Event.id)).all()
    if not found:
        raise RegistrationError(events.NO_EVENT_CREATE_FIRST)
    if len(found) > 1:
        raise RegistrationError(events.SEVERAL_EVENTS)
    return found[0]


def id_opener(event: Event, passphrase: str | None) -> IdOpener | None:
    if not passphrase:
        return None
    if event.id_private_key_sealed is None:
        raise RegistrationError(security.NO_ID_KEY)
    try:
        return IdOpener(event.id_private_key_sealed, passphrase)
    except WrongPassphrase as exc:
        raise RegistrationError(security.WRONG_PASSPHRASE) from exc


def check_passphrase(db: Database, event_id: int, passphrase: str) -> bool:
    with db.read() as s:
        event = s.get_one(Event, event_id)
        try:
            return id_opener(event, passphrase) is not None
        except RegistrationError:
            return False


def reveal_ids(
    db: Database, event_id: int, passphrase: str, attendee_ids: Sequence[int], *, actor: str = ""
) -> dict[int, str]:
    """Full ID numbers for the organiser (needs the passphrase); the reveal is audited."""
    with db.unit_of_work() as s:
        opener = id_opener(s.get_one(Event, event_id), passphrase)
        assert opener is not None
        found = s.scalars(select(Attendee).where(Attendee.id.in_(attendee_ids))).all()
        result = {a.id: opener.open(a.id_cipher) for a in found if a.id_cipher is not None}
        audit.record(
            s, "id.reveal", actor=actor, entity="event", entity_id=event_id, count=len(result)
        )
        return result


class IdReader:
    """The event's full ID numbers for the organiser's screen (after the passphrase).

    ``read_all`` opens every stored ID of the event at once, so showing them is a lookup; an
    ID already opened (same cipher) is not opened again, so reading again after an edit or an
    import opens only what changed."""

    def __init__(self, db: Database, event_id: int, opener: IdOpener) -> None:
        self._db = db
        self._event_id = event_id
        self._opener = opener
        self._opened: dict[bytes, str | None] = {}  # cipher → ID number, None: damaged

    def read_all(self) -> dict[int, str]:
        """Attendee id → full ID number, for everyone of the event with a readable one."""
        with self._db.read() as s:
            ciphers = s.execute(
                select(Attendee.id, Attendee.id_cipher).where(Attendee.event_id == self._event_id)
            ).all()
        opened = {attendee_id: self._open(cipher) for attendee_id, cipher in ciphers if cipher}
        return {attendee_id: number for attendee_id, number in opened.items() if number}

    def _open(self, cipher: bytes) -> str | None:
        if cipher not in self._opened:
            try:
                self._opened[cipher] = self._opener.open(cipher)
            # A damaged cipher: not a sealed ID, or its bytes changed (RSA or AES-GCM refuses,
            # or the text is not ASCII). The screen shows the masked ID for it.
            except (ValueError, InvalidTag):
                self._opened[cipher] = None
        return self._opened[cipher]


def open_id_reader(db: Database, event_id: int, passphrase: str, *, actor: str = "") -> IdReader:
    """Check the organiser's passphrase and audit that IDs were revealed on screen."""
    with db.unit_of_work() as s:
        opener = id_opener(s.get_one(Event, event_id), passphrase)
        if opener is None:
            raise RegistrationError(registrations.PASSPHRASE_REQUIRED)
        audit.record(
            s, "id.reveal", actor=actor, entity="event", entity_id=event_id, where="roster"
        )
    return IdReader(db, event_id, opener)


@dataclass(frozen=True)
class OverrideResult:
    registration_id: int
    status: str
    session: str
    promoted: tuple[str, ...] = ()  # names of people who moved up from the waitlist
    seats_taken: int = 0
    capacity: int = 0


def admit_with_reason(
    db: Database,
    registration_id: int,
    reason: str,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> OverrideResult:
    """The organiser admits someone by hand (over the limits if need be): a reason is needed."""
    reason = clean(reason)
    if not reason:
        raise RegistrationError(registrations.ADMIT_REASON_REQUIRED)
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        r.status_reason = reason[:300]
        change_status(s, r, Status.ADMITTED, actor=actor, at=at, reason=r.status_reason)
        s.flush()
        return OverrideResult(
            r.id,
            r.status,
            r.session.name,
            seats_taken=seats_taken(s, r.session_id),
            capacity=r.session.capacity,
        )


def cancel_registration(
    db: Database,
    registration_id: int,
    reason: str = "",
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> OverrideResult:
    """Cancel; when a seat is freed, the next eligible waitlisted people move up."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        if r.status == Status.CANCELLED:
            raise RegistrationError(registrations.ALREADY_CANCELLED)
        r.status_reason = clean(reason)[:300]
        old = change_status(s, r, Status.CANCELLED, actor=actor, at=at, reason=r.status_reason)
        r.seat = None  # the chair at the workshop table is free again (delete-orphan)
        s.flush()
        promoted: tuple[str, ...] = ()
        if holds_seat(old):
            promoted = promote(s, r.session, actor, at, r.id)
        return OverrideResult(
            r.id,
            r.status,
            r.session.name,
            promoted,
            seats_taken(s, r.session_id),
            r.session.capacity,
        )


def move_registration(
    db: Database,
    registration_id: int,
    to_session_id: int,
    reason: str = "",
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> OverrideResult:
    """Move a person to another session, keeping their registration time. They are admitted
    there if a seat is free within the agency limit, else waitlisted in order; the seat they
    leave goes to the next eligible person on the old session's waitlist."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        old_session = r.session
        target = s.get_one(EventSession, to_session_id)
        if target.id == old_session.id:
            raise RegistrationError(registrations.ALREADY_IN_SESSION)
        if target.event_id != old_session.event_id:
            raise RegistrationError(registrations.SESSION_OF_OTHER_EVENT)
        clash = s.scalars(
            select(Registration).where(
                Registration.attendee_id == r.attendee_id, Registration.session_id == target.id
            )
        ).first()
        if clash is not None:
            raise RegistrationError(
                registrations.ALREADY_REGISTERED_THERE, name=r.attendee.name, session=target.name
            )
        old_status = r.status
        if r.seat is not None:
            s.delete(r.seat)
        r.session_id, r.session = target.id, target
        r.told_at = None  # what they were told was about the other session
        if r.status != Status.CANCELLED:
            r.status, r.status_reason = Status.WAITLISTED, ""
        s.flush()
        renumber(s, target.id)
        renumber(s, old_session.id)
        s.flush()
        if r.status == Status.WAITLISTED:
            in_line = session_registrations(s, target.id)
            agency = match_key(r.attendee.agency)
            seated = [x for x in in_line if holds_seat(x.status)]
            per_agency = Counter(match_key(x.attendee.agency) for x in seated)
            if len(seated) < target.capacity and not admission.agency_full(
                per_agency, agency, target.agency_limit
            ):
                r.status = Status.ADMITTED
        audit.record(
            s,
            "registration.move",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=r.id,
            name=mask_name(r.attendee.name),
            old_session=old_session.name,
            new_session=target.name,
            old=old_status,
            new=r.status,
            reason=clean(reason)[:300],
        )
        promoted: tuple[str, ...] = ()
        if holds_seat(old_status):
            s.flush()
            promoted = promote(s, old_session, actor, at, r.id)
        return OverrideResult(
            r.id, r.status, target.name, promoted, seats_taken(s, target.id), target.capacity
        )


# --- editing --------------------------------------------------------------------------------

EDITABLE = ("name", "agency", "unit", "title", "email", "phone", "wants_hours", "lunch", "remark")


def update_registration(
    db: Database,
    registration_id: int,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
    id_number: str | None = None,
    **values: Any,
) -> tuple[str, ...]:
    """Edit a person's data from the roster; returns the names of the fields that changed.
    ``id_number`` (when given and not blank) replaces the stored, encrypted ID number."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise RegistrationError(registrations.NOT_EDITABLE, fields=", ".join(sorted(unknown)))
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        a = r.attendee
        changed = []
        for name, value in values.items():
            if name == "wants_hours":
                value = bool(value)
            elif name == "email":
                value = clean(value).replace(" ", "").lower()
            elif name == "phone":
                from desktop.core.import_rows import normalize_phone

                value = normalize_phone(value)
            else:
                value = clean(value)
            if name == "name" and not value:
                raise RegistrationError(registrations.NAME_REQUIRED)
            limit = over_limit(name, value) if isinstance(value, str) else None
            if limit is not None:  # the same limits as import: every document lays out the longest
                raise RegistrationError(
                    registrations.FIELD_TOO_LONG,
                    field=Term(FIELD_LABELS.get(name, name)),
                    length=f"{len(value):,}",
                    limit=f"{limit:,}",
                )
            if name == "lunch" and value not in ("", "葷", "素"):
                raise RegistrationError(registrations.BAD_LUNCH)
            target = r if name in ("lunch", "remark") else a
            if getattr(target, name) != value:
                setattr(target, name, value)
                changed.append(name)
        if id_number is not None and normalize_id(id_number):
            from desktop.services.idnumbers import store_id_number

            try:
                store_id_number(a, a.event, id_number)
            except CodedError as exc:  # no ID recognisable in what was typed, no key
                raise RegistrationError(exc.outcome, **exc.params) from exc
            changed.append("id_number")
        if changed:
            a.updated_at = at
            audit.record(
                s,
                "registration.edit",
                actor=actor,
                at=at,
                entity="registration",
                entity_id=r.id,
                name=mask_name(a.name),
                fields=changed,
            )
        return tuple(changed)
