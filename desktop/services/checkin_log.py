"""The check-in log's other side: undo and void (appending a ``void`` row with the reason)
and the session's log as the organiser reads it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Attendee, AuditEntry, CheckIn, Registration, Status
from db.uow import Database
from desktop.core import checkin as rules
from desktop.core.checkin import LogEntry
from desktop.core.outcomes import checkin_log
from desktop.core.text import clean, mask_name
from desktop.services import audit
from desktop.services.checkin import CheckInError, log_entries, new_nonce


@dataclass(frozen=True)
class VoidResult:
    void_id: int
    voided_id: int
    voided_action: str  # in / out
    voided_at: dt.datetime
    registration_id: int
    name: str
    state_after: str  # absent / in / out
    reason: str
    status_restored: str | None = None  # undoing an admission at the desk: the status again


def void(
    db: Database,
    check_in_id: int,
    reason: str,
    *,
    desk: str = "",
    operator: str = "",
    now: dt.datetime | None = None,
) -> VoidResult:
    """Cancel an earlier check-in or sign-out by appending a ``void`` row (with the reason)."""
    at = now or dt.datetime.now()
    reason = clean(reason)
    with db.unit_of_work(immediate=True) as s:
        row = s.get(CheckIn, check_in_id)
        if row is None:
            raise CheckInError(checkin_log.NOT_FOUND, id=check_in_id)
        if row.registration_id is None:  # a refused scan of a code that named nobody
            raise CheckInError(checkin_log.NOT_VOIDABLE, id=check_in_id)
        # Two desks voiding the same row: the second reads the first's void (already_voided).
        registration = s.get_one(Registration, row.registration_id, with_for_update=True)
        entries = log_entries(s, row.registration_id)
        try:
            rules.check_void(entries, check_in_id, reason)
        except rules.VoidError as exc:
            raise CheckInError(exc.problem, id=check_in_id) from None
        v = CheckIn(
            registration_id=row.registration_id,
            desk_session_id=registration.session_id,
            action=rules.VOID,
            at=at,
            desk=desk,
            operator=operator,
            method="void",
            voids_id=row.id,
            reason=reason,
            nonce=new_nonce(),
        )
        s.add(v)
        s.flush()
        attendee = s.get_one(Attendee, registration.attendee_id)
        audit.record(
            s,
            "checkin.void",
            actor=operator,
            at=at,
            entity="check_in",
            entity_id=v.id,
            voids_id=row.id,
            reason=reason,
            desk=desk,
            name=mask_name(attendee.name),
        )
        after = rules.presence([*entries, LogEntry(v.id, rules.VOID, at, desk, row.id)])
        restored = None
        if row.method == "admit" and after.state == "absent":
            restored = _undo_admission(s, registration, at, operator, desk)
        return VoidResult(
            v.id,
            row.id,
            row.action,
            row.at,
            row.registration_id,
            attendee.name,
            after.state,
            reason,
            restored,
        )


def _undo_admission(
    s: Session, registration: Registration, at: dt.datetime, operator: str, desk: str
) -> str | None:
    """Voiding the check-in that came with an admission at the desk also gives back the seat:
    the registration returns to its status before (waitlisted / cancelled)."""
    if registration.status != Status.WALK_IN:
        return None
    admitted = s.scalar(
        select(AuditEntry)
        .where(
            AuditEntry.action == "registration.admit_at_desk",
            AuditEntry.entity == "registration",
            AuditEntry.entity_id == registration.id,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    if admitted is None:
        return None
    before = str(admitted.detail.get("before"))
    if before not in (Status.WAITLISTED, Status.CANCELLED):
        return None
    registration.status = before
    registration.status_reason = str(admitted.detail.get("before_reason", ""))
    audit.record(
        s,
        "registration.admit_at_desk_undone",
        actor=operator,
        at=at,
        entity="registration",
        entity_id=registration.id,
        after=before,
        desk=desk,
    )
    return before


def last_action(db: Database, session_id: int, desk: str) -> int | None:
    """This desk's latest in/out row in the session that is not voided (Ctrl+Z's target)."""
    with db.read() as s:
        voided = select(CheckIn.voids_id).where(CheckIn.voids_id.is_not(None))
        return s.scalar(
            select(CheckIn.id)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .where(
                Registration.session_id == session_id,
                CheckIn.desk == desk,
                CheckIn.action.in_((rules.IN, rules.OUT)),
                CheckIn.id.not_in(voided),
            )
            .order_by(CheckIn.id.desc())
            .limit(1)
        )


def undo_last(
    db: Database,
    session_id: int,
    *,
    desk: str = "",
    operator: str = "",
    reason: str = "復原上一筆 (Ctrl+Z)",
    now: dt.datetime | None = None,
) -> VoidResult | None:
    target = last_action(db, session_id, desk)
    if target is None:
        return None
    return void(db, target, reason, desk=desk, operator=operator, now=now)


@dataclass(frozen=True)
class LogRow:
    id: int
    registration_id: int | None  # None: a refused code that named nobody
    name: str
    agency: str
    action: str  # in / out / void / refused
    result: str  # desktop.core.checkin.Code: "ok", or why the attempt was refused
    at: dt.datetime
    desk: str
    operator: str
    method: str
    voids_id: int | None
    reason: str
    voided: bool


def list_log(db: Database, session_id: int) -> tuple[LogRow, ...]:
    """The session's check-in log, every attempt at its desks (refused ones too), newest
    first, each row marked when a void cancels it."""
    with db.read() as s:
        rows = s.execute(
            select(CheckIn, Attendee.name, Attendee.agency)
            .outerjoin(Registration, Registration.id == CheckIn.registration_id)
            .outerjoin(Attendee, Attendee.id == Registration.attendee_id)
            .where(func.coalesce(CheckIn.desk_session_id, Registration.session_id) == session_id)
            .order_by(CheckIn.id.desc())
        ).all()
        voided = {c.voids_id for c, _, _ in rows if c.voids_id is not None}
        return tuple(
            LogRow(
                c.id,
                c.registration_id,
                name or "",
                agency or "",
                c.action,
                c.result,
                c.at,
                c.desk,
                c.operator,
                c.method,
                c.voids_id,
                c.reason,
                c.id in voided,
            )
            for c, name, agency in rows
        )
