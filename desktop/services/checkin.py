"""The check-in desk's actions: scans, search check-ins, sign-out and admitting at the desk.

Every action is one unit of work; the rules are ``desktop.core.checkin.decide``. Results are
frozen ``CheckInResult``s whose ``code`` is the stable string the CLI prints as ``result``.
The log's other side (undo/void, the log view) is ``checkin_log``; the live counts are
``desk_counts``; the desk's search is ``desk_search``.

Tables: after an ``ok`` check-in, ``seating.seat_on_arrival`` runs in the same unit of work:
it returns the person's table, seating them first when the session seats people on arrival.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    CheckIn,
    Event,
    EventSession,
    Registration,
    SeatAssignment,
    Status,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import checkin as rules
from desktop.core.checkin import Code, LogEntry, Mode
from desktop.core.problems import CodedError
from desktop.core.text import mask_name
from desktop.core.tokens import TokenError, parse_token
from desktop.services import audit, seating
from desktop.services.walkins import seats_taken


@dataclass(frozen=True)
class CheckInResult:
    code: str  # desktop.core.checkin.Code value: the CLI's ``result``
    mode: str  # in / out
    at: dt.datetime
    method: str = ""
    action: str | None = None  # in/out when a row was recorded (or replayed)
    check_in_id: int | None = None
    replayed: bool = False  # the same nonce was submitted before: nothing new recorded
    reentry: bool = False
    registration_id: int | None = None
    name: str = ""
    agency: str = ""
    unit: str = ""
    title: str = ""
    lunch: str = ""
    status: str = ""
    table: int | None = None
    session_id: int | None = None  # the registration's session
    session_name: str = ""
    session_date: dt.date | None = None
    first_at: dt.datetime | None = None  # first check-in of the day
    first_desk: str = ""
    last_out_at: dt.datetime | None = None
    seats_free: int = 0
    seats_taken: int = 0
    capacity: int = 0

    @property
    def ok(self) -> bool:
        return self.code == Code.OK

    def as_json(self) -> dict[str, object]:
        """The CLI's keys (a contract). No phone, e-mail or ID number."""
        return {
            "result": self.code,
            "mode": self.mode,
            "action": self.action,
            "at": self.at.isoformat(timespec="seconds"),
            "check_in_id": self.check_in_id,
            "replayed": self.replayed,
            "reentry": self.reentry,
            "registration_id": self.registration_id,
            "name": self.name,
            "agency": self.agency,
            "title": self.title,
            "status": self.status,
            "lunch": self.lunch,
            "table": self.table,
            "session": self.session_name,
            "session_date": self.session_date.isoformat() if self.session_date else None,
            "first_check_in_at": (
                self.first_at.isoformat(timespec="seconds") if self.first_at else None
            ),
            "first_check_in_desk": self.first_desk or None,
            "checked_out_at": (
                self.last_out_at.isoformat(timespec="seconds") if self.last_out_at else None
            ),
            "seats_free": self.seats_free,
        }


class CheckInError(CodedError):
    """An action that cannot be done as asked (unknown row, no reason for a void...)."""


def new_nonce() -> str:
    return uuid.uuid4().hex


def log_entries(s: Session, registration_id: int) -> list[LogEntry]:
    rows = s.execute(
        select(
            CheckIn.id, CheckIn.action, CheckIn.at, CheckIn.desk, CheckIn.voids_id, CheckIn.nonce
        ).where(CheckIn.registration_id == registration_id)
    )
    return [LogEntry(*row) for row in rows]


def _table_number(s: Session, registration_id: int) -> int | None:
    return s.scalar(
        select(WorkshopTable.number)
        .join(SeatAssignment, SeatAssignment.table_id == WorkshopTable.id)
        .where(SeatAssignment.registration_id == registration_id)
    )


def _refused(code: Code, mode: Mode, now: dt.datetime, method: str) -> CheckInResult:
    return CheckInResult(code=code.value, mode=mode.value, at=now, method=method)


def scan(
    db: Database,
    session_id: int,
    text: str,
    *,
    mode: Mode | str = Mode.IN,
    desk: str = "",
    operator: str = "",
    method: str = "scanner",
    now: dt.datetime | None = None,
    nonce: str | None = None,
) -> CheckInResult:
    """A scanned (or typed) pass code at the desk of ``session_id``."""
    return _run(
        db,
        session_id,
        text,
        None,
        Mode(mode),
        desk,
        operator,
        method,
        now or dt.datetime.now(),
        nonce or new_nonce(),
    )


def check_in_registration(
    db: Database,
    session_id: int,
    registration_id: int,
    *,
    mode: Mode | str = Mode.IN,
    desk: str = "",
    operator: str = "",
    method: str = "search",
    now: dt.datetime | None = None,
    nonce: str | None = None,
) -> CheckInResult:
    """Check in (or sign out) a registration picked from the search list or just added."""
    return _run(
        db,
        session_id,
        None,
        registration_id,
        Mode(mode),
        desk,
        operator,
        method,
        now or dt.datetime.now(),
        nonce or new_nonce(),
    )


def _run(
    db,
    session_id,
    text,
    registration_id,
    mode,
    desk,
    operator,
    method,
    now,  # type: ignore[no-untyped-def]
    nonce,
) -> CheckInResult:
    try:
        with db.unit_of_work(immediate=True) as s:
            return _decide_and_record(
                s, session_id, text, registration_id, mode, desk, operator, method, now, nonce
            )
    except IntegrityError:
        # Another submission with the same nonce committed first: answer as that one did.
        with db.unit_of_work(immediate=True) as s:
            return _decide_and_record(
                s, session_id, text, registration_id, mode, desk, operator, method, now, nonce
            )


def is_event_pass(db: Database, session_id: int, text: str) -> bool:
    """``text`` is a pass of the session's event with a valid signature: every character of it
    arrived as printed (the scanner self-test accepts a real pass as well as its test code)."""
    with db.read() as s:
        secret = s.scalar(
            select(Event.token_secret).join(EventSession).where(EventSession.id == session_id)
        )
    try:
        parse_token(secret, text)
    except TokenError:
        return False
    return True


def _decide_and_record(
    s: Session,
    session_id: int,
    text: str | None,
    registration_id: int | None,
    mode: Mode,
    desk: str,
    operator: str,
    method: str,
    now: dt.datetime,
    nonce: str,
) -> CheckInResult:
    es = s.get_one(EventSession, session_id)
    if text is not None:
        secret = s.scalar(select(Event.token_secret).where(Event.id == es.event_id))
        try:
            registration_id = parse_token(secret, text).registration_id
        except TokenError as exc:
            return _refused(rules.REFUSED_CODE[exc.problem], mode, now, method)
    registration = s.get(Registration, registration_id)
    if registration is None:
        # Signed by this event but the registration is gone (deleted after printing).
        return _refused(Code.INVALID_CODE, mode, now, method)
    attendee = s.get_one(Attendee, registration.attendee_id)
    if attendee.event_id != es.event_id:
        return _refused(Code.OTHER_EVENT, mode, now, method)
    if registration.session_id != session_id:
        # The same person may also be registered here: use that registration.
        here = s.scalar(
            select(Registration).where(
                Registration.attendee_id == attendee.id, Registration.session_id == session_id
            )
        )
        if here is not None:
            registration = here
    # Two desks scanning the same pass: the second waits here until the first has committed,
    # then reads its row and answers already_checked_in (SQLite: the unit of work's write lock).
    s.refresh(registration, with_for_update=True)
    entries = log_entries(s, registration.id)
    free = 0
    taken = 0
    if registration.status not in rules.ADMITTED_STATUSES and mode is Mode.IN:
        taken = seats_taken(s, session_id)
        free = max(es.capacity - taken, 0)
    decision = rules.decide(
        status=registration.status,
        registration_session_id=registration.session_id,
        desk_session_id=session_id,
        entries=entries,
        mode=mode,
        now=now,
        nonce=nonce,
        seats_free=free,
    )
    check_in_id = None
    action = None
    if decision.replay_of is not None:
        check_in_id, action = decision.replay_of.id, decision.replay_of.action
    elif decision.record is not None:
        row = CheckIn(
            registration_id=registration.id,
            action=decision.record,
            at=now,
            desk=desk,
            operator=operator,
            method=method,
            nonce=nonce,
        )
        s.add(row)
        s.flush()
        check_in_id, action = row.id, row.action
        audit.record(
            s,
            f"checkin.{row.action}",
            actor=operator,
            at=now,
            entity="check_in",
            entity_id=row.id,
            registration_id=registration.id,
            desk=desk,
            method=method,
            name=mask_name(attendee.name),
        )
    if decision.record == rules.IN and decision.replay_of is None:
        table = seating.seat_on_arrival(s, registration.id, now)
    else:
        table = _table_number(s, registration.id)
    reg_session = (
        es if registration.session_id == es.id else s.get_one(EventSession, registration.session_id)
    )
    first = decision.first_in
    if first is None and decision.record == rules.IN:
        first = LogEntry(check_in_id or 0, rules.IN, now, desk)
    return CheckInResult(
        code=decision.code.value,
        mode=mode.value,
        at=decision.at,
        method=method,
        action=action,
        check_in_id=check_in_id,
        replayed=decision.replay_of is not None,
        reentry=decision.reentry,
        registration_id=registration.id,
        name=attendee.name,
        agency=attendee.agency,
        unit=attendee.unit,
        title=attendee.title,
        lunch=registration.lunch,
        status=registration.status,
        table=table,
        session_id=reg_session.id,
        session_name=reg_session.name,
        session_date=reg_session.date,
        first_at=first.at if first else None,
        first_desk=first.desk if first else "",
        last_out_at=decision.last_out.at if decision.last_out else None,
        seats_free=decision.seats_free,
        seats_taken=taken,
        capacity=es.capacity,
    )


def admit_and_check_in(
    db: Database,
    session_id: int,
    registration_id: int,
    *,
    desk: str = "",
    operator: str = "",
    now: dt.datetime | None = None,
) -> CheckInResult:
    """A waitlisted or cancelled person at the desk is admitted as a walk-in and checked in
    (the desk was shown how many seats are free; like walk-ins, over capacity is allowed)."""
    at = now or dt.datetime.now()
    with db.unit_of_work(immediate=True) as s:
        registration = s.get_one(Registration, registration_id, with_for_update=True)
        if registration.session_id != session_id:
            raise CheckInError("registration_other_session", "這份報名不屬於本場次")
        if registration.status not in rules.ADMITTED_STATUSES:
            before = registration.status
            before_reason = registration.status_reason
            registration.status = Status.WALK_IN
            registration.status_reason = f"現場遞補（原為 {before}）"
            attendee = s.get_one(Attendee, registration.attendee_id)
            audit.record(
                s,
                "registration.admit_at_desk",
                actor=operator,
                at=at,
                entity="registration",
                entity_id=registration.id,
                before=before,
                before_reason=before_reason,
                desk=desk,
                name=mask_name(attendee.name),
            )
    return check_in_registration(
        db, session_id, registration_id, desk=desk, operator=operator, method="admit", now=at
    )


def session_seats(db: Database, session_id: int) -> tuple[int, int]:
    """(seats taken by admitted + walk-ins, capacity) for the walk-in dialog's warning."""
    with db.read() as s:
        es = s.get_one(EventSession, session_id)
        return seats_taken(s, session_id), es.capacity


def registration_count(db: Database, session_id: int) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Registration)
                .where(Registration.session_id == session_id)
            )
            or 0
        )


def session_of_token(db: Database, text: str) -> int | None:
    """The session of the registration a pass names (for a desk that was not told which
    session it serves); None when the code is not a valid pass of any event in the database."""
    with db.read() as s:
        for event_id, secret in s.execute(select(Event.id, Event.token_secret)):
            try:
                registration_id = parse_token(secret, text).registration_id
            except TokenError:
                continue
            return s.scalar(
                select(Registration.session_id)
                .join(Attendee)
                .where(Registration.id == registration_id, Attendee.event_id == event_id)
            )
    return None
