"""The organiser's PIN (``Event.organiser_pin_hash``): set it, check it.

Table-leader mode is left only with this PIN; the organiser-roles feature reuses it. Hashing
lives in ``desktop.core.pins``; this module only stores, checks and audits (never the PIN).
"""

from __future__ import annotations

import datetime as dt

from db.models import Event
from db.uow import Database
from desktop.core import pins
from desktop.core.outcomes import pins as words
from desktop.services import audit


def has_organiser_pin(db: Database, event_id: int) -> bool:
    with db.read() as s:
        return bool(s.get_one(Event, event_id).organiser_pin_hash)


def set_organiser_pin(
    db: Database,
    event_id: int,
    pin: str,
    *,
    current: str | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Store a new PIN. When one is already set, ``current`` must match it
    (``PinError("wrong_pin")``); a PIN too short or with spaces raises ``PinError`` too."""
    stored = pins.hash_pin(pin)
    with db.unit_of_work() as s:
        event = s.get_one(Event, event_id)
        if event.organiser_pin_hash:
            if current is None or not pins.verify_pin(current, event.organiser_pin_hash):
                raise pins.PinError(words.WRONG_PIN)
        changed = bool(event.organiser_pin_hash)
        event.organiser_pin_hash = stored
        audit.record(
            s,
            "event.pin_change" if changed else "event.pin_set",
            actor=actor,
            entity="event",
            entity_id=event_id,
            at=now,
        )


def check_organiser_pin(
    db: Database,
    event_id: int,
    pin: str,
    *,
    actor: str = "",
    purpose: str = "",
    now: dt.datetime | None = None,
) -> bool:
    """True when ``pin`` is the event's organiser PIN; False when wrong or none is set. Wrong
    tries are audited (with ``purpose``); a hash with old parameters is upgraded on success."""
    with db.unit_of_work() as s:
        event = s.get_one(Event, event_id)
        stored = event.organiser_pin_hash
        if not stored:
            return False
        ok = pins.verify_pin(pin, stored)
        if ok and pins.needs_rehash(stored):
            event.organiser_pin_hash = pins.hash_pin(pin)
        if not ok:
            audit.record(
                s,
                "event.pin_wrong",
                actor=actor,
                entity="event",
                entity_id=event_id,
                at=now,
                purpose=purpose,
            )
        return ok
