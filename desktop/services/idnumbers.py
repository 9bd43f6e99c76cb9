"""Storing a person's ID number: validated, masked for screens, encrypted at rest."""

from __future__ import annotations

from db.models import Attendee, Event, IdStatus
from desktop.core.ids import id_problem, mask_id, sealable_id
from desktop.core.idvault import IdSealer
from desktop.core.outcomes import security
from desktop.core.problems import CodedError


def store_id_number(attendee: Attendee, event: Event, raw: str | None) -> None:
    """Set the attendee's ID fields from what was typed or imported.

    A valid number is encrypted to the event's public key; an invalid one is kept encrypted
    too (the organiser may need to see what was typed to correct it) but marked invalid.
    Text with no recognisable ID in it (``sealable_id`` is None) is refused with ValueError.
    """
    number = sealable_id(raw)
    if number is None:
        raise CodedError(security.ID_UNRECOGNISED)
    if not number:
        attendee.id_cipher = None
        attendee.id_mask = ""
        attendee.id_status = IdStatus.MISSING
        return
    if event.id_public_key is None:
        raise CodedError(security.NO_ID_KEY)
    attendee.id_cipher = IdSealer(event.id_public_key).seal(number)
    attendee.id_mask = mask_id(number)
    attendee.id_status = IdStatus.INVALID if id_problem(number) else IdStatus.VALID
