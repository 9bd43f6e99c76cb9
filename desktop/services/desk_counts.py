"""The desk's live counts: who is expected, who arrived, per-table figures and the
not-yet-arrived list, loaded once and then kept current from the check-in rows written since."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Attendee, CheckIn, EventSession, Registration, SeatAssignment, WorkshopTable
from db.uow import Database
from desktop.core import checkin as rules
from desktop.core.checkin import LogEntry, Presence
from desktop.core.status import holds_seat
from desktop.services.people_query import with_person_and_table


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
    # Refused attempts never change anyone's state: only in/out/void rows are read.
    query = select(
        CheckIn.registration_id,
        CheckIn.id,
        CheckIn.action,
        CheckIn.at,
        CheckIn.desk,
        CheckIn.voids_id,
    ).where(CheckIn.action != rules.REFUSED)
    if session_id is not None:
        query = query.join(Registration, Registration.id == CheckIn.registration_id).where(
            Registration.session_id == session_id
        )
    if registration_ids is not None:
        query = query.where(CheckIn.registration_id.in_(list(registration_ids)))
    grouped: dict[int, list[LogEntry]] = {}
    for reg_id, cid, action, at, desk, voids_id in s.execute(query):
        if reg_id is not None:  # always so for the rows read
            grouped.setdefault(reg_id, []).append(LogEntry(cid, action, at, desk, voids_id))
    return {reg_id: rules.presence(rows) for reg_id, rows in grouped.items()}


ABSENT = Presence("absent", None, None)
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
                with_person_and_table(
                    select(
                        Registration.id,
                        Registration.status,
                        Attendee.name,
                        Attendee.agency,
                        Attendee.title,
                        Attendee.phone,
                        WorkshopTable.number,
                    )
                )
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
                ABSENT.state,
            )
            self._people[reg_id] = (status, table, row)
            self._count(reg_id, states.get(reg_id, ABSENT), +1)
        self.order = {reg_id: i for i, reg_id in enumerate(self._people)}

    def _count(self, reg_id: int, state: Presence, sign: int) -> None:
        """Add (+1) or take back (-1) what ``reg_id`` in ``state`` contributes."""
        status, table, row = self._people[reg_id]
        if sign > 0:
            self._state[reg_id] = state
        if holds_seat(status):
            self._n[status] += sign
            if table is not None:
                self._seated[table] = self._seated.get(table, 0) + sign
        if state.arrived:
            self._n["arrived"] += sign
            if table is not None:
                self._arrived_at[table] = self._arrived_at.get(table, 0) + sign
        elif holds_seat(status):
            if sign > 0:
                self._missing[reg_id] = row
            else:
                del self._missing[reg_id]
        if state.state in (rules.IN, rules.OUT):
            self._n[state.state] += sign

    def update(self) -> TallyChange:
        with self.db.read() as s:
            # The new rows first (a range of ids), then which of them are this session's: a
            # join would walk every registration of the session.
            touched = s.execute(
                select(CheckIn.id, CheckIn.registration_id).where(
                    CheckIn.id > self._last_id, CheckIn.action != rules.REFUSED
                )
            ).all()
            if not touched:
                return TallyChange()
            self._last_id = max(cid for cid, _ in touched)
            ids = set(
                s.scalars(
                    select(Registration.id).where(
                        Registration.id.in_([reg_id for _, reg_id in touched]),
                        Registration.session_id == self.session_id,
                    )
                )
            )
            if not ids:
                return TallyChange()
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
            self._count(reg_id, states.get(reg_id, ABSENT), +1)
            if was_missing and reg_id not in self._missing:
                arrived.append(reg_id)
            elif reg_id in self._missing and not was_missing:
                returned = True
        if any(reg_id in self._missing for reg_id in ids):  # back at its place in the queue
            self._missing = dict(
                sorted(self._missing.items(), key=lambda item: self.order[item[0]])
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
