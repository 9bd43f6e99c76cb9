"""A simulated day on the demo event's 臺北場次 (09:00–15:30), for the close-of-day tests.

The agenda is run (the opening starts 5 minutes late, the system demo overruns by 10 minutes)
and the check-in log gets what a real desk sees: early birds, a late arrival, an early leaver,
someone who never signs out, a lunch exit and re-entry, an accidental sign-out that is voided,
and a no-show. Four people get names with rare characters (堃 喆 峯 綉, and 温 outside Big5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.models import (
    AgendaBlock,
    Attendee,
    CheckIn,
    Event,
    Registration,
    SeatAssignment,
    Status,
    WorkshopTable,
)
from db.uow import Database
from desktop.core.ids import make_id
from desktop.services.events import find_session
from desktop.services.idnumbers import store_id_number

DAY = dt.date(2019, 3, 15)


def at(hhmm: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmm))


@dataclass(frozen=True)
class SimulatedDay:
    session_id: int
    roles: dict[str, int]  # role -> registration id
    names: dict[str, str]  # role -> name


RARE_NAMES = {"full": "林堃霖", "late": "陳喆瑋", "early": "高峯銘", "no_out": "温綉雲"}


def simulate_day(db: Database) -> SimulatedDay:
    session = find_session(db, "臺北")
    with db.unit_of_work() as s:
        for block in s.scalars(select(AgendaBlock).where(AgendaBlock.session_id == session.id)):
            shift = dt.timedelta(0)
            if block.kind == "opening":
                shift = dt.timedelta(minutes=5)
            block.actual_start = block.planned_start + shift
            block.actual_end = block.planned_end + (
                dt.timedelta(minutes=10)
                if block.kind in ("demo", "discussion")
                else dt.timedelta(0)
            )
            if block.kind == "discussion":
                block.actual_start = block.planned_start + dt.timedelta(minutes=10)
        regs = s.scalars(
            select(Registration)
            .where(Registration.session_id == session.id, Registration.status == Status.ADMITTED)
            .order_by(Registration.queue)
        ).all()
        roles = ["full", "late", "early", "no_out", "lunch", "voided", "absent", "no_id"]
        tables = s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == session.id)
            .order_by(WorkshopTable.number)
        ).all()
        for i, r in enumerate(regs):  # seated round the six tables
            s.add(
                SeatAssignment(
                    registration_id=r.id,
                    table_id=tables[i % len(tables)].id,
                    source="plan",
                    assigned_at=at("08:00"),
                )
            )
        role_of = dict(zip([r.id for r in regs], roles, strict=False))
        ids: dict[str, int] = {}
        names: dict[str, str] = {}
        for i, r in enumerate(regs):
            role = role_of.get(r.id, "crowd")
            attendee = s.get_one(Attendee, r.attendee_id)
            if role in RARE_NAMES:
                attendee.name = RARE_NAMES[role]
            if role in ("full", "late", "early", "no_out", "lunch", "voided"):
                attendee.wants_hours = True
                if attendee.id_status != "valid":
                    event = s.get_one(Event, attendee.event_id)
                    store_id_number(attendee, event, make_id("F", "1", f"{3100000 + i:07d}"))
            if role == "no_id":
                attendee.wants_hours = True
                attendee.id_status = "missing"
                attendee.id_cipher = None
                attendee.id_mask = ""
            if role != "crowd":
                ids[role] = r.id
                names[role] = attendee.name

            def add(
                action: str, hhmm: str, voids: int | None = None, reg_id: int = r.id
            ) -> CheckIn:
                row = CheckIn(
                    registration_id=reg_id,
                    action=action,
                    at=at(hhmm),
                    desk="desk-1",
                    operator="sim",
                    method="scanner",
                    voids_id=voids,
                )
                s.add(row)
                s.flush()
                return row

            minute = f"{40 + i % 19:02d}"
            if role == "absent":
                continue
            if role == "late":
                add("in", "10:40")
                add("out", "15:42")
            elif role == "early":
                add("in", "08:45")
                add("out", "14:00")
            elif role == "no_out":
                add("in", "08:50")
            elif role == "lunch":
                add("in", "08:48")
                add("out", "12:02")
                add("in", "12:55")
                add("out", "15:41")
            elif role == "voided":
                add("in", "08:52")
                wrong = add("out", "09:30")
                add("void", "09:31", voids=wrong.id)
                add("out", "15:44")
            else:
                add("in", f"08:{minute}")
                add("out", f"15:{minute}")
    return SimulatedDay(session.id, ids, names)
