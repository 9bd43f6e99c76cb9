"""The check-in desk: scans, search check-ins, sign-out, undo/void, admitting at the desk,
live counts and the not-yet-arrived list.

Every action is one unit of work; the rules are ``desktop.core.checkin.decide``. Results are
frozen ``CheckInResult``s whose ``code`` is the stable string the CLI prints as ``result``.

Tables: after an ``ok`` check-in, ``seating.seat_on_arrival`` runs in the same unit of work:
it returns the person's table, seating them first when the session seats people on arrival.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    AuditEntry,
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
from desktop.core.checkin import Code, LogEntry, Mode, Presence
from desktop.core.problems import CodedError
from desktop.core.search import parse_query, phone_digits, search_key
from desktop.core.text import clean, mask_name, match_key
from desktop.core.tokens import TokenError, parse_token
from desktop.services import audit, seating
from desktop.services.walkins import seats_taken

# (unit-of-work session, registration id, now) -> table number or None


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


def _entries(s: Session, registration_id: int) -> list[LogEntry]:
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
    db: Database,
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
        secret = s.execute(
            select(Event.token_secret).join(EventSession).where(EventSession.id == session_id)
        ).scalar_one()
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
        secret = s.execute(select(Event.token_secret).where(Event.id == es.event_id)).scalar_one()
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
    entries = _entries(s, registration.id)
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


# --- undo / void -------------------------------------------------------------------------


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
            raise CheckInError("not_found", f"找不到報到紀錄 #{check_in_id}", id=check_in_id)
        # Two desks voiding the same row: the second reads the first's void (already_voided).
        registration = s.get_one(Registration, row.registration_id, with_for_update=True)
        entries = _entries(s, row.registration_id)
        try:
            rules.check_void(entries, check_in_id, reason)
        except rules.VoidError as exc:
            raise CheckInError(
                exc.problem, _VOID_PROBLEMS[exc.problem].format(id=check_in_id), id=check_in_id
            ) from None
        v = CheckIn(
            registration_id=row.registration_id,
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
    before = admitted.detail.get("before") if admitted is not None else None
    if before not in (Status.WAITLISTED, Status.CANCELLED):
        return None
    registration.status = before
    registration.status_reason = admitted.detail.get("before_reason", "")  # type: ignore[union-attr]
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


_VOID_PROBLEMS = {
    "not_found": "找不到報到紀錄 #{id}",
    "not_voidable": "紀錄 #{id} 是一筆作廢紀錄，不能再作廢",
    "already_voided": "紀錄 #{id} 已經作廢過了",
    "reason_required": "請輸入作廢原因",
}


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
    registration_id: int
    name: str
    agency: str
    action: str
    at: dt.datetime
    desk: str
    operator: str
    method: str
    voids_id: int | None
    reason: str
    voided: bool


def list_log(db: Database, session_id: int) -> tuple[LogRow, ...]:
    """The session's check-in log, newest first, each row marked when a void cancels it."""
    with db.read() as s:
        rows = s.execute(
            select(CheckIn, Attendee.name, Attendee.agency)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .where(Registration.session_id == session_id)
            .order_by(CheckIn.id.desc())
        ).all()
        voided = {c.voids_id for c, _, _ in rows if c.voids_id is not None}
        return tuple(
            LogRow(
                c.id,
                c.registration_id,
                name,
                agency,
                c.action,
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


# --- live counts -------------------------------------------------------------------------


@dataclass(frozen=True)
class TableCount:
    number: int
    name: str
    seated: int  # admitted/walk-in people assigned to the table
    arrived: int


@dataclass(frozen=True)
class PersonRow:
    registration_id: int
    name: str
    agency: str
    title: str
    status: str
    table: int | None
    phone_tail: str  # last 3 digits only
    state: str  # absent / in / out


@dataclass(frozen=True)
class LiveCounts:
    expected: int  # admitted + walk-ins
    admitted: int
    walk_ins: int
    arrived: int  # checked in at least once (not undone)
    present: int  # checked in now
    signed_out: int
    capacity: int
    tables: tuple[TableCount, ...] = field(default=())
    not_arrived: tuple[PersonRow, ...] = field(default=())


def presences(
    s: Session, registration_ids: Iterable[int] | None = None, session_id: int | None = None
) -> dict[int, Presence]:
    query = select(
        CheckIn.registration_id,
        CheckIn.id,
        CheckIn.action,
        CheckIn.at,
        CheckIn.desk,
        CheckIn.voids_id,
    )
    if session_id is not None:
        query = query.join(Registration, Registration.id == CheckIn.registration_id).where(
            Registration.session_id == session_id
        )
    if registration_ids is not None:
        query = query.where(CheckIn.registration_id.in_(list(registration_ids)))
    grouped: dict[int, list[LogEntry]] = {}
    for reg_id, cid, action, at, desk, voids_id in s.execute(query):
        grouped.setdefault(reg_id, []).append(LogEntry(cid, action, at, desk, voids_id))
    return {reg_id: rules.presence(rows) for reg_id, rows in grouped.items()}


_ABSENT = Presence("absent", None, None)
_NOT_DIGIT = re.compile(r"\D")


def live_counts(db: Database, session_id: int) -> LiveCounts:
    return LiveTally(db, session_id).counts()


@dataclass(frozen=True)
class TallyChange:
    """What a ``LiveTally.update`` moved: who left the not-arrived list, whether anyone came
    back to it (an undone check-in) and whether the list of people itself changed (a walk-in
    or a status change at another desk: the caller loads the tally afresh)."""

    arrived: tuple[int, ...] = ()
    returned: bool = False
    people_changed: bool = False
    touched: tuple[int, ...] = ()  # everyone whose check-ins (or on-arrival seat) changed

    @property
    def any(self) -> bool:
        return bool(self.arrived) or self.returned or self.people_changed


class LiveTally:
    """The session's live counts, loaded once in full and then kept current: ``update`` reads
    only the check-in rows written since the last one it saw (by any desk) and moves the people
    they touch, so a refresh after a scan costs the same at 40 or 50,000 attendees."""

    def __init__(self, db: Database, session_id: int) -> None:
        self.db = db
        self.session_id = session_id
        with db.read() as s:
            self._last_id = s.scalar(select(func.max(CheckIn.id))) or 0
            self.capacity = s.get_one(EventSession, session_id).capacity
            people = s.execute(
                select(
                    Registration.id,
                    Registration.status,
                    Attendee.name,
                    Attendee.agency,
                    Attendee.title,
                    Attendee.phone,
                    WorkshopTable.number,
                )
                .join(Attendee, Attendee.id == Registration.attendee_id)
                .outerjoin(SeatAssignment, SeatAssignment.registration_id == Registration.id)
                .outerjoin(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
                .where(Registration.session_id == session_id)
                .order_by(Registration.queue, Registration.id)
            ).all()
            states = presences(s, session_id=session_id)
            self._tables = tuple(
                s.execute(
                    select(WorkshopTable.number, WorkshopTable.name)
                    .where(WorkshopTable.session_id == session_id)
                    .order_by(WorkshopTable.number)
                ).all()
            )
        self._people: dict[int, tuple[str, int | None, PersonRow]] = {}
        self._state: dict[int, Presence] = {}
        self._n = {"admitted": 0, "walk_in": 0, "arrived": 0, "in": 0, "out": 0}
        self._seated: dict[int, int] = {}
        self._arrived_at: dict[int, int] = {}
        self._missing: dict[int, PersonRow] = {}  # queue order
        for reg_id, status, name, agency, title, phone, table in people:
            row = PersonRow(
                reg_id,
                name,
                agency,
                title,
                status,
                table,
                _NOT_DIGIT.sub("", phone)[-3:],
                _ABSENT.state,
            )
            self._people[reg_id] = (status, table, row)
            self._count(reg_id, states.get(reg_id, _ABSENT), +1)
        self._order = {reg_id: i for i, reg_id in enumerate(self._people)}

    def _count(self, reg_id: int, state: Presence, sign: int) -> None:
        """Add (+1) or take back (-1) what ``reg_id`` in ``state`` contributes."""
        status, table, row = self._people[reg_id]
        if sign > 0:
            self._state[reg_id] = state
        if status in rules.ADMITTED_STATUSES:
            self._n[status] += sign
            if table is not None:
                self._seated[table] = self._seated.get(table, 0) + sign
        if state.arrived:
            self._n["arrived"] += sign
            if table is not None:
                self._arrived_at[table] = self._arrived_at.get(table, 0) + sign
        elif status in rules.ADMITTED_STATUSES:
            if sign > 0:
                self._missing[reg_id] = row
            else:
                del self._missing[reg_id]
        if state.state in (rules.IN, rules.OUT):
            self._n[state.state] += sign

    def update(self) -> TallyChange:
        with self.db.read() as s:
            touched = s.execute(
                select(CheckIn.id, CheckIn.registration_id)
                .join(Registration, Registration.id == CheckIn.registration_id)
                .where(Registration.session_id == self.session_id, CheckIn.id > self._last_id)
            ).all()
            if not touched:
                return TallyChange()
            self._last_id = max(cid for cid, _ in touched)
            ids = {reg_id for _, reg_id in touched}
            if not ids <= self._people.keys():
                return TallyChange(people_changed=True)
            states = presences(s, ids)
            # 報到時分桌 seats people as they arrive: their table is read again too.
            tables = dict(
                s.execute(
                    select(SeatAssignment.registration_id, WorkshopTable.number)
                    .join(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
                    .where(SeatAssignment.registration_id.in_(ids))
                ).all()
            )
        arrived: list[int] = []
        returned = False
        for reg_id in ids:
            was_missing = reg_id in self._missing
            self._count(reg_id, self._state[reg_id], -1)
            status, _, row = self._people[reg_id]
            table = tables.get(reg_id)
            self._people[reg_id] = (status, table, replace(row, table=table))
            self._count(reg_id, states.get(reg_id, _ABSENT), +1)
            if was_missing and reg_id not in self._missing:
                arrived.append(reg_id)
            elif reg_id in self._missing and not was_missing:
                returned = True
        if any(reg_id in self._missing for reg_id in ids):  # back at its place in the queue
            self._missing = dict(
                sorted(self._missing.items(), key=lambda item: self._order[item[0]])
            )
        return TallyChange(tuple(arrived), returned, touched=tuple(ids))

    def counts(self) -> LiveCounts:
        n = self._n
        return LiveCounts(
            expected=n["admitted"] + n["walk_in"],
            admitted=n["admitted"],
            walk_ins=n["walk_in"],
            arrived=n["arrived"],
            present=n["in"],
            signed_out=n["out"],
            capacity=self.capacity,
            tables=tuple(
                TableCount(
                    number, name, self._seated.get(number, 0), self._arrived_at.get(number, 0)
                )
                for number, name in self._tables
            ),
            not_arrived=tuple(self._missing.values()),
        )


# --- search ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchEntry:
    registration_id: int
    name: str
    agency: str
    title: str
    status: str
    table: int | None
    phone_tail: str  # last 3 digits, for display
    name_key: str
    agency_key: str  # agency, unit and e-mail (search_key)
    digits: str  # all digits of the phone, for "last digits" matching


@dataclass(frozen=True)
class SearchHit:
    registration_id: int
    name: str
    agency: str
    title: str
    status: str
    table: int | None
    phone_tail: str
    state: str  # absent / in / out
    first_at: dt.datetime | None


class SearchIndex:
    """The session's people with match keys, loaded once so results show as staff type, and
    updated in place for the people a scan or a walk-in touches.

    All keys are also joined into one text (one line per person): a query's first term is
    found there at C speed, and only the lines it occurs in are checked term by term, so a
    search costs what it finds, not the size of the session."""

    def __init__(self, entries: Sequence[SearchEntry]) -> None:
        self.entries = list(entries)
        self._position = {e.registration_id: i for i, e in enumerate(self.entries)}
        self._join()

    @staticmethod
    def _line(e: SearchEntry) -> str:
        return f"{e.name_key}\x1f{e.agency_key}\x1e{e.digits}"

    def _join(self) -> None:
        lines = [self._line(e) for e in self.entries]
        self._text = "\n".join(lines) + "\n"
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line) + 1
        self._starts = starts

    def update(self, entries: Sequence[SearchEntry]) -> None:
        """Replace these people's entries (a new one goes last). The joined text is built
        again only when a key changed (a table or a status changes nothing there)."""
        rejoin = False
        for e in entries:
            at = self._position.get(e.registration_id)
            if at is None:
                self._position[e.registration_id] = len(self.entries)
                self.entries.append(e)
                rejoin = True
            else:
                rejoin = rejoin or self._line(self.entries[at]) != self._line(e)
                self.entries[at] = e
        if rejoin:
            self._join()

    def find(self, text: str, limit: int = 30) -> list[SearchEntry]:
        """Every space-separated term must match the name, the agency/unit/e-mail, or (3+
        digits) the end of the phone number: 「詹 三重」 finds 詹堃霖 of 新北市三重區公所.
        People whose name starts with the first term come first."""
        query = parse_query(text)
        if query.empty:
            return []
        first = query.terms[0]
        name_hits: list[SearchEntry] = []
        other_hits: list[SearchEntry] = []
        seen = -1
        at = self._text.find(first)
        while at >= 0:
            line = bisect_right(self._starts, at) - 1
            if line != seen:
                seen = line
                e = self.entries[line]
                if query.matches(f"{e.name_key}\x1f{e.agency_key}", e.digits):
                    (name_hits if e.name_key.startswith(first) else other_hits).append(e)
            next_line = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
            at = self._text.find(first, next_line)
        return (name_hits + other_hits)[:limit]


def search_entries(
    db: Database, session_id: int, registration_ids: Iterable[int] | None = None
) -> list[SearchEntry]:
    """The session's people as search entries (only ``registration_ids`` when given)."""
    query = (
        select(
            Registration.id,
            Attendee.name,
            Attendee.agency,
            Attendee.unit,
            Attendee.title,
            Registration.status,
            Attendee.phone,
            WorkshopTable.number,
            Attendee.email,
        )
        .join(Attendee, Attendee.id == Registration.attendee_id)
        .outerjoin(SeatAssignment, SeatAssignment.registration_id == Registration.id)
        .outerjoin(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
        .where(Registration.session_id == session_id)
        .order_by(Registration.queue, Registration.id)
    )
    if registration_ids is not None:
        query = query.where(Registration.id.in_(list(registration_ids)))
    with db.read() as s:
        rows = s.execute(query).all()
    entries = []
    for reg_id, name, agency, unit, title, status, phone, table, email in rows:
        digits = phone_digits(clean(phone))
        entries.append(
            SearchEntry(
                reg_id,
                name,
                agency,
                title,
                status,
                table,
                digits[-3:],
                match_key(name),
                search_key(agency, unit, email),
                digits,
            )
        )
    return entries


def people_stamp(db: Database) -> int:
    """The newest audited change to who is on a list or where they sit, check-ins and
    on-arrival seats aside (``LiveTally.update`` follows those): while it stays the same, a
    desk's loaded people and search index are still right."""
    with db.read() as s:
        return (
            s.scalar(
                select(func.max(AuditEntry.id)).where(
                    AuditEntry.action.not_like("checkin.%"), AuditEntry.action != "seat.arrival"
                )
            )
            or 0
        )


def load_search_index(db: Database, session_id: int) -> SearchIndex:
    return SearchIndex(search_entries(db, session_id))


def with_state(db: Database, entries: Sequence[SearchEntry]) -> list[SearchHit]:
    with db.read() as s:
        states = presences(s, [e.registration_id for e in entries]) if entries else {}
    hits = []
    for e in entries:
        p = states.get(e.registration_id, _ABSENT)
        hits.append(
            SearchHit(
                e.registration_id,
                e.name,
                e.agency,
                e.title,
                e.status,
                e.table,
                e.phone_tail,
                p.state,
                p.first_in.at if p.first_in else None,
            )
        )
    return hits


def search(db: Database, session_id: int, text: str, limit: int = 30) -> list[SearchHit]:
    return with_state(db, load_search_index(db, session_id).find(text, limit))


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
