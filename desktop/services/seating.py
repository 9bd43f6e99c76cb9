"""Tables and seating (分桌): tables per session, the seating plan, moves, pins, seating on arrival.

Who is seated: admitted people and walk-ins. An attendee who leads a table
(``WorkshopTable.leader_registration_id``) always sits at that table; pinned people stay where
they are when the plan is run again. In "seat on arrival" mode (a ``Setting`` with scope
``session:<id>`` and key ``seating``, value ``{"on_arrival": true}``) people get their table at
check-in: the check-in service calls ``arrival_seats.seat_on_arrival`` inside its own unit of
work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from db.models import (
    CheckAction,
    CheckIn,
    EventSession,
    GroupReport,
    Registration,
    SeatAssignment,
    Setting,
    Status,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import seating
from desktop.core.problems import CodedError
from desktop.core.text import clean, mask_name, match_key
from desktop.services import audit

SEATED_STATUSES = (Status.ADMITTED, Status.WALK_IN)
SETTING_KEY = "seating"


class SeatingError(CodedError):
    """A seating change that cannot be made (full table, unknown table, ...)."""


@dataclass(frozen=True)
class SeatMember:
    registration_id: int
    name: str
    agency: str
    unit: str
    title: str
    status: str
    pinned: bool
    source: str  # plan / arrival / manual ("" when not seated)
    checked_in: bool
    is_leader: bool
    conflict: bool  # someone else of the same agency sits at this table


@dataclass(frozen=True)
class TableView:
    id: int
    number: int
    name: str
    capacity: int
    leader_name: str
    leader_unit: str
    leader_contact: str
    leader_registration_id: int | None
    members: tuple[SeatMember, ...]

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def conflicts(self) -> tuple[str, ...]:
        """Agencies with more than one person at this table."""
        seen: dict[str, str] = {}
        for m in self.members:
            if m.conflict:
                seen.setdefault(match_key(m.agency), m.agency)
        return tuple(seen.values())


@dataclass(frozen=True)
class SeatingView:
    session_id: int
    session_name: str
    on_arrival: bool
    tables: tuple[TableView, ...]
    unseated: tuple[SeatMember, ...]
    unmet: tuple[seating.Unmet, ...]

    def table(self, number: int) -> TableView:
        return next(t for t in self.tables if t.number == number)

    def table_of(self, registration_id: int) -> TableView | None:
        for t in self.tables:
            if any(m.registration_id == registration_id for m in t.members):
                return t
        return None

    def as_json(self) -> dict[str, object]:
        """The CLI's keys (a contract): ``tables`` with ``number``, ``leader``, ``members``
        (``name``, ``agency``, ...), and ``unmet``."""
        return {
            "session": self.session_name,
            "on_arrival": self.on_arrival,
            "tables": [
                {
                    "number": t.number,
                    "name": t.name,
                    "capacity": t.capacity,
                    "size": t.size,
                    "leader": t.leader_name,
                    "leader_unit": t.leader_unit,
                    "conflicts": list(t.conflicts),
                    "members": [_member_json(m) for m in t.members],
                }
                for t in self.tables
            ],
            "unseated": [_member_json(m) for m in self.unseated],
            "unmet": [u.as_json() for u in self.unmet],
        }


def _member_json(m: SeatMember) -> dict[str, object]:
    return {
        "name": m.name,
        "agency": m.agency,
        "unit": m.unit,
        "title": m.title,
        "pinned": m.pinned,
        "leader": m.is_leader,
        "checked_in": m.checked_in,
    }


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


# ---------------------------------------------------------------- the session setting


def on_arrival_enabled(s: Session, session_id: int) -> bool:
    row = s.scalar(
        select(Setting).where(Setting.scope == f"session:{session_id}", Setting.key == SETTING_KEY)
    )
    return bool(row is not None and row.value.get("on_arrival"))


def get_on_arrival(db: Database, session_id: int) -> bool:
    with db.read() as s:
        return on_arrival_enabled(s, session_id)


def set_on_arrival(
    db: Database, session_id: int, enabled: bool, *, actor: str = "", now: dt.datetime | None = None
) -> None:
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        s.get_one(EventSession, session_id)
        scope = f"session:{session_id}"
        row = s.scalar(select(Setting).where(Setting.scope == scope, Setting.key == SETTING_KEY))
        if row is None:
            row = Setting(scope=scope, key=SETTING_KEY, value={}, updated_at=at)
            s.add(row)
        row.value = {**row.value, "on_arrival": bool(enabled)}
        row.updated_at = at
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


def checked_in_ids(s: Session, session_id: int) -> set[int]:
    """Registrations of the session with a check-in that has not been voided."""
    rows = s.execute(
        select(CheckIn.id, CheckIn.registration_id, CheckIn.action, CheckIn.voids_id)
        .join(Registration, Registration.id == CheckIn.registration_id)
        .where(Registration.session_id == session_id)
    ).all()
    voided = {r.voids_id for r in rows if r.action == CheckAction.VOID}
    return {r.registration_id for r in rows if r.action == CheckAction.IN and r.id not in voided}


def _tables(s: Session, session_id: int) -> list[WorkshopTable]:
    return list(
        s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        )
    )


def _registrations(s: Session, session_id: int) -> list[Registration]:
    return list(
        s.scalars(
            select(Registration)
            .options(joinedload(Registration.attendee), joinedload(Registration.seat))
            .where(Registration.session_id == session_id)
            .order_by(Registration.queue, Registration.id)
        ).unique()
    )


def _core_tables(tables: Iterable[WorkshopTable]) -> list[seating.Table]:
    return [seating.Table(key=t.id, number=t.number, capacity=t.capacity) for t in tables]


def show(db: Database, session_id: int) -> SeatingView:
    with db.read() as s:
        return _view(s, session_id)


def _view(s: Session, session_id: int) -> SeatingView:
    es = s.get_one(EventSession, session_id)
    tables = _tables(s, session_id)
    regs = _registrations(s, session_id)
    arrived = checked_in_ids(s, session_id)
    mode = on_arrival_enabled(s, session_id)
    leaders = {t.leader_registration_id: t.id for t in tables if t.leader_registration_id}
    # Only admitted people and walk-ins sit at a table: a seat left behind by someone who was
    # cancelled (or put back on the waitlist) neither shows nor takes a chair.
    seated_regs = [r for r in regs if r.seat is not None and r.status in SEATED_STATUSES]
    agency_at: dict[tuple[int, str], int] = {}
    for r in seated_regs:
        key = (r.seat.table_id, match_key(r.attendee.agency))
        agency_at[key] = agency_at.get(key, 0) + 1

    def member(r: Registration) -> SeatMember:
        seat = r.seat
        return SeatMember(
            registration_id=r.id,
            name=r.attendee.name,
            agency=r.attendee.agency,
            unit=r.attendee.unit,
            title=r.attendee.title,
            status=r.status,
            pinned=bool(seat and seat.pinned),
            source=seat.source if seat else "",
            checked_in=r.id in arrived,
            is_leader=r.id in leaders,
            conflict=bool(
                seat
                and match_key(r.attendee.agency)
                and agency_at[(seat.table_id, match_key(r.attendee.agency))] > 1
            ),
        )

    by_table: dict[int, list[SeatMember]] = {t.id: [] for t in tables}
    for r in seated_regs:
        by_table[r.seat.table_id].append(member(r))
    for members in by_table.values():  # leader first, then by agency so colleagues line up
        members.sort(key=lambda m: (not m.is_leader, match_key(m.agency), m.registration_id))
    expected = [
        r
        for r in regs
        if r.status in SEATED_STATUSES and (not mode or r.id in arrived or r.seat is not None)
    ]
    unseated = tuple(member(r) for r in expected if r.seat is None)
    people = [_person(r, leaders) for r in expected]
    seats = {r.id: r.seat.table_id for r in seated_regs}
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


def _person(r: Registration, leaders: dict[int | None, int], rank: int = 0) -> seating.Person:
    fixed = leaders.get(r.id)
    if fixed is None and r.seat is not None and r.seat.pinned:
        fixed = r.seat.table_id
    return seating.Person(
        key=r.id, agency=r.attendee.agency, fixed_table=fixed, label=r.attendee.name, rank=rank
    )


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
        tables = _tables(s, session_id)
        if not tables:
            raise SeatingError(
                "seating_no_tables", "此場次尚未設定桌次，請先套用範本（例如 6 桌、每桌 7 人）"
            )
        regs = _registrations(s, session_id)
        arrived = checked_in_ids(s, session_id)
        leaders = {t.leader_registration_id: t.id for t in tables if t.leader_registration_id}
        eligible = []
        for r in regs:
            keeps = r.id in leaders or (r.seat is not None and r.seat.pinned)
            if r.status in SEATED_STATUSES and (not on_arrival or r.id in arrived or keeps):
                eligible.append(r)
        eligible_ids = {r.id for r in eligible}
        before = {r.id: r.seat.table_id for r in regs if r.seat is not None}
        # When chairs run short, people who are here and then the earlier in the queue (admitted
        # before walk-ins) keep a seat.
        order = sorted(eligible, key=lambda r: (r.id not in arrived, r.queue, r.id))
        rank = {r.id: i for i, r in enumerate(order)}
        plan = seating.plan_seating(
            _core_tables(tables), [_person(r, leaders, rank[r.id]) for r in eligible]
        )
        moved = 0
        for r in regs:
            target = plan.seats.get(r.id) if r.id in eligible_ids else None
            seat = r.seat
            if target is None:
                if seat is not None:
                    s.delete(seat)
                    r.seat = None
                continue
            if seat is None:
                r.seat = SeatAssignment(
                    table_id=target, pinned=r.id in leaders, source="plan", assigned_at=at
                )
            elif seat.table_id != target:
                seat.table_id = target
                seat.source = "plan"
                seat.assigned_at = at
            if r.id in leaders:
                r.seat.pinned = True
            if before.get(r.id) != target:
                moved += 1
        s.flush()
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
        s.expire_all()
        view = _view(s, session_id)
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
            raise SeatingError(
                "no_registration", f"找不到報名資料 #{registration_id}", id=registration_id
            )
        led = s.scalar(
            select(WorkshopTable).where(WorkshopTable.leader_registration_id == registration_id)
        )
        old = r.seat.table.number if r.seat is not None else None
        if table_id is None:
            if led is not None:
                raise SeatingError(
                    "leader_sits_at_table",
                    f"{r.attendee.name} 是第 {led.number} 桌桌長，須坐在該桌",
                    name=r.attendee.name,
                    n=led.number,
                )
            if r.seat is not None:
                s.delete(r.seat)
                r.seat = None
            new = None
        else:
            table = s.get(WorkshopTable, table_id)
            if table is None or table.session_id != r.session_id:
                raise SeatingError("table_of_other_session", "這一桌不屬於此人報名的場次")
            if led is not None and led.id != table.id:
                raise SeatingError(
                    "leader_sits_at_table",
                    f"{r.attendee.name} 是第 {led.number} 桌桌長，須坐在該桌",
                    name=r.attendee.name,
                    n=led.number,
                )
            if r.seat is None or r.seat.table_id != table.id:
                size = sum(1 for x in table.seats if x.registration.status in SEATED_STATUSES)
                if size >= table.capacity:
                    raise SeatingError(
                        "table_full",
                        f"第 {table.number} 桌已滿（{size}/{table.capacity} 人）",
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
            raise SeatingError("not_seated", "此人尚未分桌，無法釘選")
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


# ---------------------------------------------------------------- tables


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
        raise SeatingError("bad_table_count", f"桌數須介於 1 到 2000（收到 {count}）", count=count)
    if not 1 <= capacity <= 100:
        raise SeatingError(
            "bad_table_capacity", f"每桌人數須介於 1 到 100（收到 {capacity}）", capacity=capacity
        )
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        s.get_one(EventSession, session_id)
        tables = {t.number: t for t in _tables(s, session_id)}
        for number, table in tables.items():
            if number > count:
                if s.scalar(select(GroupReport.id).where(GroupReport.table_id == table.id)):
                    raise SeatingError(
                        "table_has_report", f"第 {number} 桌已有小組討論紀錄，不能移除", n=number
                    )
                s.delete(table)
        s.flush()
        for number in range(1, count + 1):
            table = tables.get(number)
            if table is None:
                s.add(
                    WorkshopTable(
                        session_id=session_id,
                        number=number,
                        name=f"第{number}桌",
                        capacity=capacity,
                    )
                )
            else:
                table.capacity = capacity
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
            raise SeatingError("no_table", f"找不到桌次 #{table_id}", id=table_id)
        changes: dict[str, object] = {}
        if name is not None:
            table.name = changes["name"] = clean(name)
        if capacity is not None:
            if not 1 <= capacity <= 100:
                raise SeatingError(
                    "bad_table_capacity",
                    f"每桌人數須介於 1 到 100（收到 {capacity}）",
                    capacity=capacity,
                )
            table.capacity = changes["capacity"] = capacity
        if leader_registration_id is not False:
            if leader_registration_id is None:
                table.leader_registration_id = None
            else:
                r = s.get(Registration, leader_registration_id)
                if r is None or r.session_id != table.session_id:
                    raise SeatingError("leader_not_in_session", "桌長須為此場次的報名者")
                other = s.scalar(
                    select(WorkshopTable).where(
                        WorkshopTable.leader_registration_id == r.id, WorkshopTable.id != table.id
                    )
                )
                if other is not None:
                    raise SeatingError(
                        "already_leads",
                        f"{r.attendee.name} 已是第 {other.number} 桌桌長",
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
    with db.read() as s:
        tables = _tables(s, session_id)
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
            seats=tuple(
                SeatSpec(seat.registration_id, t.number, seat.pinned, seat.source, seat.assigned_at)
                for t in tables
                for seat in sorted(t.seats, key=lambda x: x.registration_id)
            ),
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
        tables = {t.number: t for t in _tables(s, session_id)}
        wanted = {t.number: t for t in snap.tables}
        for number, table in tables.items():
            if number not in wanted:
                s.delete(table)
        s.flush()
        for number, spec in wanted.items():
            table = tables.get(number)
            if table is None:
                table = WorkshopTable(session_id=session_id, number=number)
                s.add(table)
                tables[number] = table
            table.name, table.capacity = spec.name, spec.capacity
            table.leader_name, table.leader_unit = spec.leader_name, spec.leader_unit
            table.leader_contact = spec.leader_contact
            table.leader_registration_id = spec.leader_registration_id
        s.flush()
        seats = {
            seat.registration_id: seat
            for seat in s.scalars(
                select(SeatAssignment)
                .join(Registration)
                .where(Registration.session_id == session_id)
            )
        }
        specs = {spec.registration_id: spec for spec in snap.seats}
        for reg_id, seat in seats.items():
            if reg_id not in specs:
                s.delete(seat)
        s.flush()
        for reg_id, spec in specs.items():
            seat = seats.get(reg_id)
            if seat is None:
                seat = SeatAssignment(registration_id=reg_id)
                s.add(seat)
            seat.table_id = tables[spec.table_number].id
            seat.pinned, seat.source, seat.assigned_at = spec.pinned, spec.source, spec.assigned_at
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
