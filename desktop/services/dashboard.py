"""總覽's figures of the day: per session and per table, who was expected, who came, who is in
the room now, who left and who is still missing.

Counted by the database (aggregates over the check-in log), never by loading every person:
the dashboard is refreshed each time it is shown, on a day of thousands of check-ins. The
rules are those of the desk (``desktop.core.checkin``): a row cancelled by a ``void`` row does
not count; the latest remaining in/out row says whether a person is in the room.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, select

from db.models import CheckIn, EventSession, Registration, SeatAssignment, Status, WorkshopTable
from db.uow import Database
from desktop.core import checkin as rules
from desktop.core.status import SEAT_HOLDERS


@dataclass(frozen=True)
class Figures:
    admitted: int  # admitted before the day (not walk-ins)
    walk_ins: int
    checked_in: int  # arrived at least once (not undone)
    present: int  # in the room now
    signed_out: int
    missing: int  # expected (admitted or walk-in) and not arrived

    @property
    def expected(self) -> int:
        return self.admitted + self.walk_ins


@dataclass(frozen=True)
class TableFigures:
    number: int | None  # None: people not seated at any table
    name: str
    figures: Figures


@dataclass(frozen=True)
class SessionFigures:
    session_id: int
    name: str
    date: dt.date
    figures: Figures
    tables: tuple[TableFigures, ...]


_NONE = Figures(0, 0, 0, 0, 0, 0)


def day_figures(db: Database, event_id: int) -> tuple[SessionFigures, ...]:
    """The figures of every session of ``event_id``, in session order, each with its tables."""
    # NOT IN over the (few) voided ids is built once; a correlated NOT EXISTS would scan the
    # log for every row (voids_id has no index).
    voided = select(CheckIn.voids_id).where(CheckIn.voids_id.is_not(None))
    effective = and_(CheckIn.action.in_((rules.IN, rules.OUT)), CheckIn.id.not_in(voided))
    ranked = (
        select(
            CheckIn.registration_id,
            CheckIn.action,
            func.row_number()
            .over(
                partition_by=CheckIn.registration_id,
                order_by=(CheckIn.at.desc(), CheckIn.id.desc()),
            )
            .label("n"),
        )
        .where(effective)
        .subquery()
    )
    last = select(ranked.c.registration_id, ranked.c.action).where(ranked.c.n == 1).subquery()
    arrived = (
        select(CheckIn.registration_id)
        .where(effective, CheckIn.action == rules.IN)
        .distinct()
        .subquery()
    )
    expected = Registration.status.in_(SEAT_HOLDERS)
    came = arrived.c.registration_id.is_not(None)

    def total(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    with db.read() as s:
        sessions = s.execute(
            select(EventSession.id, EventSession.name, EventSession.date)
            .where(EventSession.event_id == event_id)
            .order_by(EventSession.position, EventSession.id)
        ).all()
        ids = [row.id for row in sessions]
        tables = s.execute(
            select(WorkshopTable.session_id, WorkshopTable.number, WorkshopTable.name)
            .where(WorkshopTable.session_id.in_(ids))
            .order_by(WorkshopTable.number)
        ).all()
        rows = s.execute(
            select(
                Registration.session_id,
                WorkshopTable.number,
                total(Registration.status == Status.ADMITTED),
                total(Registration.status == Status.WALK_IN),
                total(came),
                total(last.c.action == rules.IN),
                total(last.c.action == rules.OUT),
                total(and_(expected, ~came)),
            )
            .outerjoin(arrived, arrived.c.registration_id == Registration.id)
            .outerjoin(last, last.c.registration_id == Registration.id)
            .outerjoin(SeatAssignment, SeatAssignment.registration_id == Registration.id)
            .outerjoin(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
            .where(Registration.session_id.in_(ids))
            .group_by(Registration.session_id, WorkshopTable.number)
        ).all()
    # Unseated people group under the table number None.
    by_table: dict[tuple[int, int | None], Figures] = {
        (row[0], row[1]): Figures(*(int(v) for v in row[2:])) for row in rows
    }
    result = []
    for session in sessions:
        own = [(number, name) for sid, number, name in tables if sid == session.id]
        seated = [
            TableFigures(number, name, by_table.get((session.id, number), _NONE))
            for number, name in own
        ]
        unseated = by_table.get((session.id, None))
        if unseated is not None and unseated.expected:
            seated.append(TableFigures(None, "", unseated))
        parts = [f for (sid, _n), f in by_table.items() if sid == session.id]
        result.append(
            SessionFigures(session.id, session.name, session.date, _sum(parts), tuple(seated))
        )
    return tuple(result)


def _sum(parts: list[Figures]) -> Figures:
    return Figures(
        *(
            sum(getattr(p, name) for p in parts)
            for name in ("admitted", "walk_ins", "checked_in", "present", "signed_out", "missing")
        )
    )
