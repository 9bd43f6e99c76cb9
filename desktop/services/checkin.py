"""The check-in desk's actions: scans, search check-ins, sign-out and admitting at the desk.

Every action is one unit of work; the rules are ``desktop.core.checkin.decide``. Results are
frozen ``CheckInResult``s whose ``code`` is the stable string the CLI prints as ``result``.
The log's other side (undo/void, the log view) is ``checkin_log``; the live counts are
``desk_counts``; the desk's search is ``desk_search``.

Tables: after an ``ok`` check-in, ``arrival_seats.seat_on_arrival`` runs in the same unit of
work: it returns the person's table, seating them first when the session seats people on
arrival.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import TypedDict, Unpack

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
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
from desktop.core.outcomes import checkin as checkin_words
from desktop.core.outcomes import checkin_log
from desktop.core.problems import CodedError, Outcome
from desktop.core.status import holds_seat
from desktop.core.text import mask_name
from desktop.core.tokens import TokenError, parse_token
from desktop.services import arrival_seats, audit
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

    @property
    def outcome(self) -> Outcome:
        """What the desk tells the person at it (a sign-out and a re-entry are kinds of ok)."""
        if self.code == Code.OK and self.mode == Mode.OUT:
            return checkin_words.SIGNED_OUT
        if self.code == Code.OK and self.reentry:
            return checkin_words.REENTRY
        return checkin_words.WORDS.outcomes[self.code]

    @property
    def message(self) -> str:
        """The outcome in zh-TW, as the CLI prints it."""
        return self.outcome.say()

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


@dataclass(frozen=True)
class _Attempt:
    """One scan or click at the desk as submitted; a retry submits the same one (same nonce)."""

    session_id: int
    text: str | None  # the scanned code, or None when a registration was picked
    registration_id: int | None
    mode: Mode
    desk: str
    operator: str
    method: str
    now: dt.datetime
    nonce: str


class Submission(TypedDict, total=False):
    """How the desk submits a scan or a pick: the mode, who and where, and the scan's identity
    (``nonce``: submitting it again answers as the first time and records nothing new)."""

    mode: Mode | str  # in (default) / out
    desk: str
    operator: str
    method: str  # scanner / search / list / walk_in / cli …
    now: dt.datetime | None
    nonce: str | None


def scan(db: Database, session_id: int, text: str, **how: Unpack[Submission]) -> CheckInResult:
    """A scanned (or typed) pass code at the desk of ``session_id``."""
    return _run(db, _attempt(session_id, text, None, {"method": "scanner", **how}))


def check_in_registration(
    db: Database, session_id: int, registration_id: int, **how: Unpack[Submission]
) -> CheckInResult:
    """Check in (or sign out) a registration picked from the search list or just added."""
    return _run(db, _attempt(session_id, None, registration_id, {"method": "search", **how}))


def _attempt(
    session_id: int, text: str | None, registration_id: int | None, how: Submission
) -> _Attempt:
    return _Attempt(
        session_id,
        text,
        registration_id,
        Mode(how.get("mode") or Mode.IN),
        how.get("desk", ""),
        how.get("operator", ""),
        how.get("method", ""),
        how.get("now") or dt.datetime.now(),
        how.get("nonce") or new_nonce(),
    )


def _run(db: Database, attempt: _Attempt) -> CheckInResult:
    try:
        with db.unit_of_work(immediate=True) as s:
            return _decide_and_record(s, attempt)
    except (IntegrityError, OperationalError):
        # Another submission with the same nonce committed first, or the write failed (a lock
        # held too long, a dropped connection that may have committed): the same attempt
        # again, whose nonce makes it answer as the first did if that one was recorded.
        with db.unit_of_work(immediate=True) as s:
            return _decide_and_record(s, attempt)


def is_event_pass(db: Database, session_id: int, text: str) -> bool:
    """``text`` is a pass of the session's event with a valid signature: every character of it
    arrived as printed (the scanner self-test accepts a real pass as well as its test code)."""
    with db.read() as s:
        secret = s.scalars(
            select(Event.token_secret).join(EventSession).where(EventSession.id == session_id)
        ).one()
    try:
        parse_token(secret, text)
    except TokenError:
        return False
    return True


def _log_refusal(s: Session, a: _Attempt, code: Code, registration_id: int | None) -> None:
    """The day's record shows every attempt: a refused one is a ``refused`` row."""
    s.add(
        CheckIn(
            registration_id=registration_id,
            desk_session_id=a.session_id,
            action=rules.REFUSED,
            result=code.value,
            at=a.now,
            desk=a.desk,
            operator=a.operator,
            method=a.method,
            nonce=a.nonce,
        )
    )
    s.flush()  # a second submission of the same nonce fails here, inside the retry


def _refused(s: Session, a: _Attempt, code: Code) -> CheckInResult:
    """A code refused before any registration is known (unreadable, forged, another event)."""
    _log_refusal(s, a, code, None)
    return CheckInResult(code=code.value, mode=a.mode.value, at=a.now, method=a.method)


def _registration_of(s: Session, es: EventSession, a: _Attempt) -> Registration | CheckInResult:
    """The registration the attempt names, or the refusal when the code names none here."""
    registration_id = a.registration_id
    if a.text is not None:
        secret = s.get_one(Event, es.event_id).token_secret
        try:
            registration_id = parse_token(secret, a.text).registration_id
        except TokenError as exc:
            return _refused(s, a, rules.REFUSED_CODE[exc.problem])
    registration = s.get(Registration, registration_id)
    if registration is None:
        # Signed by this event but the registration is gone (deleted after printing).
        return _refused(s, a, Code.INVALID_CODE)
    attendee = s.get_one(Attendee, registration.attendee_id)
    if attendee.event_id != es.event_id:
        return _refused(s, a, Code.OTHER_EVENT)
    if registration.session_id != es.id:
        # The same person may also be registered here: use that registration.
        here = s.scalar(
            select(Registration).where(
                Registration.attendee_id == attendee.id, Registration.session_id == es.id
            )
        )
        if here is not None:
            return here
    return registration


def _decide_and_record(s: Session, a: _Attempt) -> CheckInResult:
    es = s.get_one(EventSession, a.session_id)
    # A refused attempt submitted again: the same answer, no second row.
    prior = s.execute(
        select(CheckIn.result, CheckIn.at, CheckIn.registration_id).where(
            CheckIn.nonce == a.nonce, CheckIn.action == rules.REFUSED
        )
    ).first()
    if prior is not None and prior.registration_id is None:
        return CheckInResult(
            code=prior.result, mode=a.mode.value, at=prior.at, method=a.method, replayed=True
        )
    if prior is not None:
        registration = s.get_one(Registration, prior.registration_id)
    else:
        found = _registration_of(s, es, a)
        if isinstance(found, CheckInResult):
            return found
        registration = found
    attendee = s.get_one(Attendee, registration.attendee_id)
    # Two desks scanning the same pass: the second waits here until the first has committed,
    # then reads its row and answers already_checked_in (SQLite: the unit of work's write lock).
    s.refresh(registration, with_for_update=True)
    entries = log_entries(s, registration.id)
    free = 0
    taken = 0
    if not holds_seat(registration.status) and a.mode is Mode.IN:
        taken = seats_taken(s, es.id)
        free = max(es.capacity - taken, 0)
    decision = rules.decide(
        status=registration.status,
        registration_session_id=registration.session_id,
        desk_session_id=es.id,
        entries=entries,
        mode=a.mode,
        now=a.now,
        nonce=a.nonce,
        seats_free=free,
    )
    if prior is not None:
        decision = replace(
            decision, code=Code(prior.result), at=prior.at, record=None, reentry=False
        )
    check_in_id = None
    action = None
    if decision.replay_of is not None:
        check_in_id, action = decision.replay_of.id, decision.replay_of.action
    elif decision.record is not None:
        row = CheckIn(
            registration_id=registration.id,
            desk_session_id=es.id,
            action=decision.record,
            at=a.now,
            desk=a.desk,
            operator=a.operator,
            method=a.method,
            nonce=a.nonce,
        )
        s.add(row)
        s.flush()
        check_in_id, action = row.id, row.action
    elif prior is None:
        _log_refusal(s, a, decision.code, registration.id)
    if decision.record == rules.IN and decision.replay_of is None:
        table = arrival_seats.seat_on_arrival(s, registration.id, a.now)
    else:
        table = _table_number(s, registration.id)
    if action is not None and decision.replay_of is None:
        # After seating: the arrival counters are valid up to the newest audit entry.
        audit.record(
            s,
            f"checkin.{action}",
            actor=a.operator,
            at=a.now,
            entity="check_in",
            entity_id=check_in_id,
            registration_id=registration.id,
            desk=a.desk,
            method=a.method,
            name=mask_name(attendee.name),
        )
    reg_session = (
        es if registration.session_id == es.id else s.get_one(EventSession, registration.session_id)
    )
    first = decision.first_in
    if first is None and decision.record == rules.IN:
        first = LogEntry(check_in_id or 0, rules.IN, a.now, a.desk)
    return CheckInResult(
        code=decision.code.value,
        mode=a.mode.value,
        at=decision.at,
        method=a.method,
        action=action,
        check_in_id=check_in_id,
        replayed=decision.replay_of is not None or prior is not None,
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
            raise CheckInError(checkin_log.REGISTRATION_OTHER_SESSION)
        if not holds_seat(registration.status):
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
