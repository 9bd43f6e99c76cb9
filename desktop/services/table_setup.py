"""A session's tables (分桌): the template (tables 1..n with n chairs), editing one table and
its leader, and the snapshot of every table and seat that undo restores after a plan or a
template. Who sits where is ``desktop.services.seating``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.models import EventSession, GroupReport, Registration, SeatAssignment, WorkshopTable
from db.uow import Database
from desktop.core.outcomes import tables as words
from desktop.core.text import clean, mask_name
from desktop.services import audit
from desktop.services.seating import SeatingError, session_tables, table_rows, write_seats


@dataclass(frozen=True)
class TableSpec:
    number: int
    name: str
    capacity: int
    leader_name: str = ""
    leader_unit: str = ""
    leader_contact: str = ""
    leader_registration_id: int | None = None


@dataclass(frozen=True)
class SeatSpec:
    registration_id: int
    table_number: int
    pinned: bool
    source: str
    assigned_at: dt.datetime


@dataclass(frozen=True)
class Snapshot:
    """Tables and seats of a session, to undo a plan or a template."""

    tables: tuple[TableSpec, ...]
    seats: tuple[SeatSpec, ...]


def apply_template(
    db: Database,
    session_id: int,
    count: int,
    capacity: int,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Tables 1..count with ``capacity`` chairs each. Existing tables keep their name and
    leader; tables numbered above ``count`` are removed (their people become unseated)."""
    if not 1 <= count <= 2000:
        raise SeatingError(words.BAD_TABLE_COUNT, count=count)
    if not 1 <= capacity <= 100:
        raise SeatingError(words.BAD_TABLE_CAPACITY, capacity=capacity)
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        s.get_one(EventSession, session_id)
        tables = {t.number: t for t in session_tables(s, session_id)}
        for number, table in tables.items():
            if number > count:
                if s.scalar(select(GroupReport.id).where(GroupReport.table_id == table.id)):
                    raise SeatingError(words.TABLE_HAS_REPORT, n=number)
                s.delete(table)
        s.flush()
        for number in range(1, count + 1):
            kept = tables.get(number)
            if kept is None:
                s.add(
                    WorkshopTable(
                        session_id=session_id,
                        number=number,
                        name=f"第{number}桌",
                        capacity=capacity,
                    )
                )
            else:
                kept.capacity = capacity
        audit.record(
            s,
            "tables.template",
            actor=actor,
            at=at,
            entity="session",
            entity_id=session_id,
            count=count,
            capacity=capacity,
        )


def update_table(
    db: Database,
    table_id: int,
    *,
    name: str | None = None,
    capacity: int | None = None,
    leader_name: str | None = None,
    leader_unit: str | None = None,
    leader_contact: str | None = None,
    leader_registration_id: int | None | bool = False,
    location: str | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Edit a table. ``leader_registration_id``: an attendee of the session who leads the table
    (their name and agency fill the leader fields and they are seated there), None for a
    staff leader, False (default) to leave it."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        table = s.get(WorkshopTable, table_id)
        if table is None:
            raise SeatingError(words.NO_TABLE, id=table_id)
        changes: dict[str, object] = {}
        if name is not None:
            table.name = changes["name"] = clean(name)
        if capacity is not None:
            if not 1 <= capacity <= 100:
                raise SeatingError(words.BAD_TABLE_CAPACITY, capacity=capacity)
            table.capacity = changes["capacity"] = capacity
        if leader_registration_id is not False:
            if leader_registration_id is None:
                table.leader_registration_id = None
            else:
                r = s.get(Registration, leader_registration_id)
                if r is None or r.session_id != table.session_id:
                    raise SeatingError(words.LEADER_NOT_IN_SESSION)
                other = s.scalar(
                    select(WorkshopTable).where(
                        WorkshopTable.leader_registration_id == r.id, WorkshopTable.id != table.id
                    )
                )
                if other is not None:
                    raise SeatingError(
                        words.ALREADY_LEADS,
                        name=r.attendee.name,
                        n=other.number,
                    )
                table.leader_registration_id = r.id
                table.leader_name = r.attendee.name
                table.leader_unit = r.attendee.agency
                if r.seat is None:
                    r.seat = SeatAssignment(
                        table_id=table.id, pinned=True, source="manual", assigned_at=at
                    )
                else:
                    r.seat.table_id, r.seat.pinned, r.seat.source = table.id, True, "manual"
            changes["leader"] = mask_name(table.leader_name)
        if leader_name is not None:
            table.leader_name = clean(leader_name)
            changes["leader"] = mask_name(table.leader_name)
        if leader_unit is not None:
            table.leader_unit = changes["leader_unit"] = clean(leader_unit)
        if leader_contact is not None:
            table.leader_contact = clean(leader_contact)
            changes["leader_contact"] = "changed"
        if location is not None:  # where the table is, for the attendees' room page
            table.location = changes["location"] = clean(location)[:200]
        audit.record(
            s,
            "table.update",
            actor=actor,
            at=at,
            entity="table",
            entity_id=table.id,
            number=table.number,
            **changes,
        )


# ---------------------------------------------------------------- undo support


def snapshot(db: Database, session_id: int) -> Snapshot:
    # Plain columns: a 10,000-person day has 10,000 seats, read twice per 自動分桌.
    with db.read() as s:
        tables = table_rows(s, session_id)
        seats = s.execute(
            select(
                SeatAssignment.registration_id,
                WorkshopTable.number,
                SeatAssignment.pinned,
                SeatAssignment.source,
                SeatAssignment.assigned_at,
            )
            .join(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number, SeatAssignment.registration_id)
        ).all()
        return Snapshot(
            tables=tuple(
                TableSpec(
                    t.number,
                    t.name,
                    t.capacity,
                    t.leader_name,
                    t.leader_unit,
                    t.leader_contact,
                    t.leader_registration_id,
                )
                for t in tables
            ),
            seats=tuple(SeatSpec(*row) for row in seats),
        )


def restore(
    db: Database,
    session_id: int,
    snap: Snapshot,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Make the session's tables and seats exactly what ``snap`` recorded (undo)."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        tables = {t.number: t for t in session_tables(s, session_id)}
        wanted = {t.number: t for t in snap.tables}
        for number, table in tables.items():
            if number not in wanted:
                s.delete(table)
        s.flush()
        for number, wish in wanted.items():
            found = tables.get(number)
            if found is None:
                found = tables[number] = WorkshopTable(session_id=session_id, number=number)
                s.add(found)
            found.name, found.capacity = wish.name, wish.capacity
            found.leader_name, found.leader_unit = wish.leader_name, wish.leader_unit
            found.leader_contact = wish.leader_contact
            found.leader_registration_id = wish.leader_registration_id
        s.flush()
        seats = {
            row.registration_id: row
            for row in s.execute(
                select(
                    SeatAssignment.id,
                    SeatAssignment.registration_id,
                    SeatAssignment.table_id,
                    SeatAssignment.pinned,
                    SeatAssignment.source,
                    SeatAssignment.assigned_at,
                )
                .join(Registration, Registration.id == SeatAssignment.registration_id)
                .where(Registration.session_id == session_id)
            )
        }
        specs = {spec.registration_id: spec for spec in snap.seats}
        gone = [seat.id for reg_id, seat in seats.items() if reg_id not in specs]
        new: list[dict[str, object]] = []
        changed: list[dict[str, object]] = []
        for reg_id, spec in specs.items():
            values = {
                "table_id": tables[spec.table_number].id,
                "pinned": spec.pinned,
                "source": spec.source,
                "assigned_at": spec.assigned_at,
            }
            seat = seats.get(reg_id)
            if seat is None:
                new.append({"registration_id": reg_id, **values})
            elif (seat.table_id, seat.pinned, seat.source, seat.assigned_at) != tuple(
                values.values()
            ):
                changed.append({"id": seat.id, **values})
        write_seats(s, gone, new, changed)
        audit.record(
            s,
            "seating.restore",
            actor=actor,
            at=at,
            entity="session",
            entity_id=session_id,
            tables=len(wanted),
            seats=len(specs),
        )
