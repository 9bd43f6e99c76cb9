"""Admission: who holds a seat in a session, by the course's rule and the organiser's word.

``apply_admission`` applies ``desktop.core.admission.propose`` to a session: nobody loses a seat
to the rule (seat holders count first, the waitlist fills what is left), people who checked in
are left as they are, cancelled people stay out. When an admitted person cancels or moves away,
``promote`` moves the next eligible waitlisted people up. ``record_told`` notes that people
were told of their seat (``Registration.told_at``: the admitted list published or the pass
issued); from then on an import no longer moves them (``admission.promised``). Every status
change is returned as a ``StatusChange`` (preview with ``commit=False``; apply with
``expected=`` the confirmed changes) and written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from db.models import EventSession, Registration
from db.uow import Database
from desktop.core import admission
from desktop.core.admission import AdmissionResult, StatusChange
from desktop.core.outcomes import registrations
from desktop.core.problems import CodedError
from desktop.core.text import mask_name, match_key
from desktop.services import audit
from desktop.services.arrivals import arrived_ids
from desktop.services.room import give_code


class UnconfirmedChanges(CodedError):
    """Applying would change statuses other than the ones confirmed (none, for a caller that
    confirmed nothing): nothing was written. ``changes`` are the ones it would make now."""

    def __init__(self, changes: tuple[StatusChange, ...]) -> None:
        super().__init__(registrations.UNCONFIRMED_CHANGES, n=len(changes))
        self.changes = changes


def confirm(changes: Sequence[StatusChange], expected: Sequence[StatusChange] | None) -> None:
    """Refuse when the changes differ from what the organiser confirmed, e.g. a desk checked
    someone in between the preview and the click (compared without the ids: a planned new
    person has none yet)."""
    if expected is not None and [c.seen() for c in changes] != [c.seen() for c in expected]:
        raise UnconfirmedChanges(tuple(changes))


def _applicant(r: Registration, checked_in: set[int]) -> admission.Applicant:
    return admission.Applicant(
        key=r.id,
        agency_key=match_key(r.attendee.agency),
        queue=r.queue,
        status=r.status,
        checked_in=r.id in checked_in,
    )


def session_registrations(s: Session, session_id: int) -> list[Registration]:
    return list(
        s.scalars(
            select(Registration)
            .where(Registration.session_id == session_id)
            .options(selectinload(Registration.attendee))
            .order_by(Registration.queue)
            .execution_options(populate_existing=True)
        )
    )


def _admit(s: Session, es: EventSession, actor: str, at: dt.datetime) -> AdmissionResult:
    """Apply the rule to one session inside the caller's unit of work."""
    registrations, proposal = _proposal(s, es)
    changes = _move(s, registrations, proposal, es, actor, at, reason="default proposal")
    result = admission.admission_result(
        es.name,
        es.capacity,
        es.agency_limit,
        (r.status for r in registrations),
        proposal,
        changes,
    )
    audit.record(
        s,
        "admission.apply",
        actor=actor,
        at=at,
        entity="session",
        entity_id=es.id,
        changed=len(changes),
        **result.counts(),
    )
    return result


def _proposal(s: Session, es: EventSession) -> tuple[list[Registration], admission.Proposal]:
    registrations = session_registrations(s, es.id)
    checked_in = arrived_ids(s, es.id)
    proposal = admission.propose(
        (_applicant(r, checked_in) for r in registrations), es.capacity, es.agency_limit
    )
    return registrations, proposal


def _move(
    s: Session,
    registrations: list[Registration],
    proposal: admission.Proposal,
    es: EventSession,
    actor: str,
    at: dt.datetime,
    **why: object,
) -> list[StatusChange]:
    """Make the proposal's moves, each recorded in the audit log with ``why``."""
    by_id = {r.id: r for r in registrations}
    changes = []
    for move in proposal.moves:
        r = by_id[move.key]
        change_status(s, r, move.new, actor=actor, at=at, **why)
        changes.append(
            StatusChange(r.id, r.attendee.name, es.name, move.old, move.new, move.reason)
        )
    return changes


def change_status(
    s: Session, r: Registration, new: str, *, actor: str, at: dt.datetime, **why: object
) -> str:
    """Give ``r`` the status ``new``, recorded in the audit log (who, when, whose, from what
    to what, and ``why``); the status it had is returned. Every status change made one by
    one goes through here (an import writes its own in bulk)."""
    old = r.status
    audit.record(
        s,
        "registration.status",
        actor=actor,
        at=at,
        entity="registration",
        entity_id=r.id,
        name=mask_name(r.attendee.name),
        old=old,
        new=new,
        **why,
    )
    r.status = new
    give_code(s, r)  # a seat holder's room code (desktop.services.room)
    return old


def apply_admission(
    db: Database,
    session_id: int,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
    commit: bool = True,
    expected: Sequence[StatusChange] | None = None,
) -> AdmissionResult:
    """Apply the rule (first come, capacity, agency limit; nobody loses a seat) to a session.
    ``commit=False`` previews (read only). ``expected``: the changes the organiser confirmed;
    anything else raises ``UnconfirmedChanges`` and writes nothing."""
    at = now or dt.datetime.now()
    with db.unit_of_work() if commit else db.read() as s:
        result = _admit(s, s.get_one(EventSession, session_id), actor, at)
        confirm(result.status_changes, expected)
        return replace(result, committed=commit)


def promote(
    s: Session, es: EventSession, actor: str, at: dt.datetime, because: int
) -> tuple[str, ...]:
    """A seat was freed (by ``because``): the next eligible waitlisted people move up."""
    registrations, proposal = _proposal(s, es)
    changes = _move(
        s,
        registrations,
        proposal,
        es,
        actor,
        at,
        reason="moved up from the waitlist",
        vacated_by=because,
    )
    return tuple(c.name for c in changes)


def renumber(s: Session, session_id: int) -> None:
    """Places in line: registration time order, then the order rows were added."""
    s.flush()
    rows = s.execute(
        select(Registration.id, Registration.queue)
        .where(Registration.session_id == session_id)
        .order_by(Registration.registered_at, Registration.id)
    ).all()
    changes = [{"id": rid, "queue": q} for q, (rid, old) in enumerate(rows, start=1) if old != q]
    if changes:
        s.execute(update(Registration), changes)
        for obj in s.identity_map.values():  # keep loaded objects in step with the table
            if isinstance(obj, Registration) and obj.session_id == session_id:
                s.expire(obj, ["queue"])


def record_told(
    s: Session,
    session_id: int,
    registration_ids: Sequence[int],
    how: str,
    *,
    actor: str,
    at: dt.datetime,
) -> int:
    """The people of ``registration_ids`` were told of their seat (``how``: the admitted list
    was published, passes were issued): from now on only the organiser's hand moves them."""
    rows = s.scalars(
        select(Registration).where(
            Registration.session_id == session_id,
            Registration.id.in_(registration_ids),
            Registration.told_at.is_(None),
        )
    ).all()
    for r in rows:
        r.told_at = at
    audit.record(
        s,
        "admission.told",
        actor=actor,
        at=at,
        entity="session",
        entity_id=session_id,
        how=how,
        people=len(registration_ids),
        first_time=len(rows),
    )
    return len(rows)
