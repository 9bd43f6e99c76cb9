"""Tables and seating (分桌): tables per session, the seating plan, moves, pins, seating on arrival.

Who is seated: admitted people and walk-ins. An attendee who leads a table
(``WorkshopTable.leader_registration_id``) always sits at that table; pinned people stay where
they are when the plan is run again. In "seat on arrival" mode (the session's
``stored_settings.SEATING`` is ``{"on_arrival": true}``) people get their table at
check-in: the check-in service calls ``arrival_seats.seat_on_arrival`` inside its own unit of
work. The tables themselves (template, leaders, undo snapshots) are
``desktop.services.table_setup``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Row, delete, insert, select, update
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    EventSession,
    Registration,
    SeatAssignment,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import seating
from desktop.core.outcomes import tables as words
from desktop.core.problems import CodedError
from desktop.core.status import holds_seat
from desktop.core.text import mask_name, match_key
from desktop.services import audit, stored_settings
from desktop.services.arrivals import arrived_ids
from desktop.services.seatview import SeatingView, SeatMember, TableView


class SeatingError(CodedError):
    """A seating change that cannot be made (full table, unknown table, ...)."""


# ---------------------------------------------------------------- the session setting


def on_arrival_enabled(s: Session, session_id: int) -> bool:
    return bool(stored_settings.read(s, stored_settings.SEATING, session_id).get("on_arrival"))


def get_on_arrival(db: Database, session_id: int) -> bool:
    with db.read() as s:
        return on_arrival_enabled(s, session_id)


def set_on_arrival(
    db: Database, session_id: int, enabled: bool, *, actor: str = "", now: dt.datetime | None = None
) -> None:
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        s.get_one(EventSession, session_id)
        value = stored_settings.read(s, stored_settings.SEATING, session_id)
        value = {**value, "on_arrival": bool(enabled)}
        stored_settings.write(s, stored_settings.SEATING, session_id, value, at)
        audit.record(
            s,
            "seating.on_arrival",
            actor=actor,
            at=at,
            entity="session",
            entity_id=session_id,
            enabled=bool(enabled),
        )


# ---------------------------------------------------------------- reading


def session_tables(s: Session, session_id: int) -> list[WorkshopTable]:
    return list(
        s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        )
    )


def write_seats(
    s: Session, gone: list[int], new: list[dict[str, object]], changed: list[dict[str, object]]
) -> None:
    """Seats in bulk, one statement per kind of change (10,000 ORM rows flushed one by one
    took most of a 自動分桌 press): ``gone`` seat ids deleted, ``new`` rows inserted by Core
    executemany, ``changed`` rows (with their ``id``) updated by primary key."""
    for start in range(0, len(gone), 900):  # small enough for one IN (...) everywhere
        part = gone[start : start + 900]
        s.execute(delete(SeatAssignment).where(SeatAssignment.id.in_(part)))
    if new:
        s.connection().execute(insert(SeatAssignment), new)
    if changed:
        s.execute(update(SeatAssignment), changed)


def table_rows(s: Session, session_id: int) -> list[Row[Any]]:
    return list(
        s.connection().execute(
            select(
                WorkshopTable.id,
                WorkshopTable.number,
                WorkshopTable.name,
                WorkshopTable.capacity,
                WorkshopTable.leader_name,
                WorkshopTable.leader_unit,
                WorkshopTable.leader_contact,
                WorkshopTable.leader_registration_id,
            )
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        )
    )


class _Reg(NamedTuple):
    """A registration with its attendee and seat (``table_id`` None: not seated)."""

    id: int
    status: str
    queue: int
    name: str
    agency: str
    unit: str
    title: str
    seat_id: int | None
    table_id: int | None
    pinned: bool | None
    source: str | None


def _people(s: Session, session_id: int) -> list[_Reg]:
    """Every registration of the session with its attendee and seat, as plain columns: ORM
    objects for 10,000 people cost seconds. Read on the session's connection: Core rows skip
    the ORM's per-row result processing."""
    return [
        _Reg(*row)
        for row in s.connection().execute(
            select(
                Registration.id,
                Registration.status,
                Registration.queue,
                Attendee.name,
                Attendee.agency,
                Attendee.unit,
                Attendee.title,
                SeatAssignment.id.label("seat_id"),
                SeatAssignment.table_id,
                SeatAssignment.pinned,
                SeatAssignment.source,
            )
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .outerjoin(SeatAssignment, SeatAssignment.registration_id == Registration.id)
            .where(Registration.session_id == session_id)
            .order_by(Registration.queue, Registration.id)
        )
    ]


def _core_tables(tables: Iterable[Row[Any]]) -> list[seating.Table]:
    return [seating.Table(key=t.id, number=t.number, capacity=t.capacity) for t in tables]


def show(db: Database, session_id: int) -> SeatingView:
    with db.read() as s:
        return _view(s, session_id)


def _view(s: Session, session_id: int, regs: list[_Reg] | None = None) -> SeatingView:
    """``regs``: the registrations as just written (else read)."""
    es = s.get_one(EventSession, session_id)
    tables = table_rows(s, session_id)
    regs = _people(s, session_id) if regs is None else regs
    arrived = arrived_ids(s, session_id)
    mode = on_arrival_enabled(s, session_id)
    leaders = {t.leader_registration_id: t.id for t in tables if t.leader_registration_id}
    keys = {agency: match_key(agency) for agency in {r.agency for r in regs}}
    # Only admitted people and walk-ins sit at a table: a seat left behind by someone who was
    # cancelled (or put back on the waitlist) neither shows nor takes a chair.
    seated_regs = [r for r in regs if r.table_id is not None and holds_seat(r.status)]
    seats = {r.id: r.table_id for r in seated_regs if r.table_id is not None}
    agency_at: dict[tuple[int, str], int] = {}
    for r in seated_regs:
        key = (seats[r.id], keys[r.agency])
        agency_at[key] = agency_at.get(key, 0) + 1

    def member(r: _Reg) -> SeatMember:
        table_id = seats.get(r.id)
        return SeatMember(
            registration_id=r.id,
            name=r.name,
            agency=r.agency,
            unit=r.unit,
            title=r.title,
            status=r.status,
            pinned=bool(table_id is not None and r.pinned),
            source=(r.source or "") if table_id is not None else "",
            checked_in=r.id in arrived,
            is_leader=r.id in leaders,
            conflict=bool(
                table_id is not None
                and keys[r.agency]
                and agency_at[(table_id, keys[r.agency])] > 1
            ),
        )

    by_table: dict[int, list[SeatMember]] = {t.id: [] for t in tables}
    for r in seated_regs:
        by_table[seats[r.id]].append(member(r))
    for members in by_table.values():  # leader first, then by agency so colleagues line up
        members.sort(key=lambda m: (not m.is_leader, keys[m.agency], m.registration_id))
    expected = [
        r
        for r in regs
        if holds_seat(r.status) and (not mode or r.id in arrived or r.table_id is not None)
    ]
    unseated = tuple(member(r) for r in expected if r.table_id is None)
    people = [_person(r, leaders) for r in expected]
    unmet = seating.evaluate(_core_tables(tables), people, seats)
    return SeatingView(
        session_id=es.id,
        session_name=es.name,
        on_arrival=mode,
        tables=tuple(
            TableView(
                id=t.id,
                number=t.number,
                name=t.name,
                capacity=t.capacity,
                leader_name=t.leader_name,
                leader_unit=t.leader_unit,
                leader_contact=t.leader_contact,
                leader_registration_id=t.leader_registration_id,
                members=tuple(by_table[t.id]),
            )
            for t in tables
        ),
        unseated=unseated,
        unmet=unmet,
    )


def _person(r: _Reg, leaders: dict[int | None, int], rank: int = 0) -> seating.Person:
    fixed = leaders.get(r.id)
    if fixed is None and r.table_id is not None and r.pinned:
        fixed = r.table_id
    return seating.Person(key=r.id, agency=r.agency, fixed_table=fixed, label=r.name, rank=rank)


# ---------------------------------------------------------------- planning


@dataclass(frozen=True)
class AssignResult:
    view: SeatingView
    seated: int
    moved: int  # people whose table changed
    unseated: int
    unmet: tuple[seating.Unmet, ...]


def assign(
    db: Database,
    session_id: int,
    *,
    on_arrival: bool = False,
    actor: str = "",
    now: dt.datetime | None = None,
) -> AssignResult:
    """Run the seating plan: pinned people and table leaders stay, everyone else is re-seated.

    ``on_arrival``: seat only people who have checked in (and pinned people); planned seats
    of people who have not arrived are released so they get a table when they come.
    """
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        tables = table_rows(s, session_id)
        if not tables:
            raise SeatingError(words.SEATING_NO_TABLES)
        regs = _people(s, session_id)
        arrived = arrived_ids(s, session_id)
        leaders = {t.leader_registration_id: t.id for t in tables if t.leader_registration_id}
        eligible = []
        for r in regs:
            keeps = r.id in leaders or (r.table_id is not None and r.pinned)
            if holds_seat(r.status) and (not on_arrival or r.id in arrived or keeps):
                eligible.append(r)
        eligible_ids = {r.id for r in eligible}
        # When chairs run short, people who are here and then the earlier in the queue (admitted
        # before walk-ins) keep a seat.
        order = sorted(eligible, key=lambda r: (r.id not in arrived, r.queue, r.id))
        rank = {r.id: i for i, r in enumerate(order)}
        plan = seating.plan_seating(
            _core_tables(tables), [_person(r, leaders, rank[r.id]) for r in eligible]
        )
        moved = 0
        gone: list[int] = []
        new: list[dict[str, object]] = []
        changed: list[dict[str, object]] = []
        after: list[_Reg] = []  # the seating as written, for the view without a second read
        for r in regs:
            target = plan.seats.get(r.id) if r.id in eligible_ids else None
            if target is None:
                if r.seat_id is not None:
                    gone.append(r.seat_id)
                after.append(r._replace(seat_id=None, table_id=None, pinned=None, source=None))
                continue
            leads = r.id in leaders
            if r.seat_id is None:
                new.append(
                    {
                        "registration_id": r.id,
                        "table_id": target,
                        "pinned": leads,
                        "source": "plan",
                        "assigned_at": at,
                    }
                )
                after.append(r._replace(table_id=target, pinned=leads, source="plan"))
            elif r.table_id != target:
                changed.append(
                    {
                        "id": r.seat_id,
                        "table_id": target,
                        "pinned": leads or r.pinned,
                        "source": "plan",
                        "assigned_at": at,
                    }
                )
                after.append(r._replace(table_id=target, pinned=leads or r.pinned, source="plan"))
            else:
                if leads and not r.pinned:
                    changed.append({"id": r.seat_id, "pinned": True})
                after.append(r._replace(pinned=leads or r.pinned))
            if r.table_id != target:
                moved += 1
        write_seats(s, gone, new, changed)
        audit.record(
            s,
            "seating.assign",
            actor=actor,
            at=at,
            entity="session",
            entity_id=session_id,
            seated=len(plan.seats),
            moved=moved,
            unseated=len(plan.unseated),
            on_arrival=on_arrival,
            unmet=[u.message for u in plan.unmet][:20],
        )
        view = _view(s, session_id, after)
        return AssignResult(
            view=view,
            seated=len(plan.seats),
            moved=moved,
            unseated=len(plan.unseated),
            unmet=plan.unmet,
        )


# ---------------------------------------------------------------- editing seats


def move_person(
    db: Database,
    registration_id: int,
    table_id: int | None,
    *,
    pinned: bool | None = True,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Seat a person at ``table_id`` (None: take the seat away). A manual move pins the person
    by default so the next plan keeps them there; ``pinned=None`` keeps the current pin."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get(Registration, registration_id)
        if r is None:
            raise SeatingError(words.NO_REGISTRATION, id=registration_id)
        led = s.scalar(
            select(WorkshopTable).where(WorkshopTable.leader_registration_id == registration_id)
        )
        old = r.seat.table.number if r.seat is not None else None
        if table_id is None:
            if led is not None:
                raise SeatingError(words.LEADER_SITS_AT_TABLE, name=r.attendee.name, n=led.number)
            if r.seat is not None:
                s.delete(r.seat)
                r.seat = None
            new = None
        else:
            table = s.get(WorkshopTable, table_id)
            if table is None or table.session_id != r.session_id:
                raise SeatingError(words.TABLE_OF_OTHER_SESSION)
            if led is not None and led.id != table.id:
                raise SeatingError(words.LEADER_SITS_AT_TABLE, name=r.attendee.name, n=led.number)
            if r.seat is None or r.seat.table_id != table.id:
                size = sum(1 for x in table.seats if holds_seat(x.registration.status))
                if size >= table.capacity:
                    raise SeatingError(
                        words.TABLE_FULL,
                        n=table.number,
                        size=size,
                        capacity=table.capacity,
                    )
            if r.seat is None:
                r.seat = SeatAssignment(
                    table_id=table.id, pinned=bool(pinned), source="manual", assigned_at=at
                )
            else:
                if r.seat.table_id != table.id:
                    r.seat.table_id = table.id
                    r.seat.source = "manual"
                    r.seat.assigned_at = at
                if pinned is not None:
                    r.seat.pinned = pinned
            new = table.number
        audit.record(
            s,
            "seat.move",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=registration_id,
            name=mask_name(r.attendee.name),
            from_table=old,
            to_table=new,
            pinned=pinned,
        )


def set_pinned(
    db: Database,
    registration_id: int,
    pinned: bool,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get(Registration, registration_id)
        if r is None or r.seat is None:
            raise SeatingError(words.NOT_SEATED)
        r.seat.pinned = pinned
        audit.record(
            s,
            "seat.pin" if pinned else "seat.unpin",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=registration_id,
            name=mask_name(r.attendee.name),
            table=r.seat.table.number,
        )
