"""報到時分桌: seating a person at the moment they check in, on every scan, at any size.

The choice (``desktop.core.arrival_seating.assign_on_arrival``) needs per-table counters of
the people present: chairs spoken for, people checked in, and how many of them share the arriving
person's agency, level and region. Counting them from the database costs a pass over everyone
(tens of milliseconds at 10,000 people), so a desk keeps them in memory per session
(``_Arrivals``) and adds each person it seats, after its unit of work commits.

They are still right while nothing else changed: every change to who is on a list, where they
sit or who arrived is audited, so the newest audit id names the state the counters describe
(the check-in service audits the check-in after seating, so the check-in's unit of work has
written none yet when it asks). Any other change (another desk's scan, a void, a move
on the 分桌 screen) moves it, and the counters are counted afresh once. On SQLite the writers
take turns (``BEGIN IMMEDIATE``), so audit ids grow in commit order; on other engines ids are
handed out before commit, so there the counters are counted for every arrival.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from db.models import Attendee, AuditEntry, Registration, SeatAssignment, WorkshopTable
from desktop.core import seating
from desktop.core.agencies import categories
from desktop.core.arrival_seating import ArrivalCounts, assign_on_arrival
from desktop.core.status import SEAT_HOLDERS, holds_seat
from desktop.core.text import mask_name
from desktop.services import audit
from desktop.services.arrivals import arrived_ids
from desktop.services.people_query import with_person_and_table
from desktop.services.seating import on_arrival_enabled


@dataclass
class _Arrivals:
    """One session's tables and per-table counters of the people present at them."""

    stamp: int  # the newest audit id the counters include
    tables: list[seating.Table]
    leaders: dict[int, int]  # registration id -> the table it leads
    taken: Counter[int] = field(default_factory=Counter)  # chairs spoken for, by table id
    size: Counter[int] = field(default_factory=Counter)  # people present, by table id
    # By table id: the match keys, levels and regions of the people present.
    alike: tuple[dict[int, Counter[str]], ...] = field(default_factory=lambda: ({}, {}, {}))

    def add(self, table_id: int, agency: str, *, present: bool) -> None:
        self.taken[table_id] += 1
        if present:
            self.size[table_id] += 1
            for by_table, value in zip(self.alike, categories(agency), strict=True):
                by_table.setdefault(table_id, Counter())[value] += 1

    def counts_for(self, person: seating.Person) -> ArrivalCounts:
        same = [
            {t: c[value] for t, c in by_table.items() if value and c[value]}
            for by_table, value in zip(self.alike, categories(person.agency), strict=True)
        ]
        return ArrivalCounts(self.size, same[0], same[1], same[2])


_cache: weakref.WeakKeyDictionary[Engine, dict[int, _Arrivals]] = weakref.WeakKeyDictionary()


def _stamp(s: Session) -> int:
    return s.scalar(select(func.max(AuditEntry.id))) or 0


def _count(s: Session, session_id: int, stamp: int) -> _Arrivals:
    tables = s.execute(
        select(
            WorkshopTable.id,
            WorkshopTable.number,
            WorkshopTable.capacity,
            WorkshopTable.leader_registration_id,
        )
        .where(WorkshopTable.session_id == session_id)
        .order_by(WorkshopTable.number)
    ).all()
    state = _Arrivals(
        stamp,
        [seating.Table(key=t_id, number=number, capacity=cap) for t_id, number, cap, _ in tables],
        {leader: t_id for t_id, _, _, leader in tables if leader},
    )
    arrived = arrived_ids(s, session_id)
    for table_id, registration_id, agency in s.execute(
        select(SeatAssignment.table_id, Registration.id, Attendee.agency)
        .join(Registration, Registration.id == SeatAssignment.registration_id)
        .join(Attendee, Attendee.id == Registration.attendee_id)
        .where(Registration.session_id == session_id, Registration.status.in_(SEAT_HOLDERS))
    ):
        state.add(table_id, agency, present=registration_id in arrived)
    return state


def seat_on_arrival(s: Session, registration_id: int, now: dt.datetime) -> int | None:
    """The table number of a person who has just checked in, seating them if needed.

    Runs inside the caller's unit of work (the check-in service) and only flushes. A person
    who already has a seat keeps it (its number is returned). Otherwise, when the session's
    "seat on arrival" mode is on, the person is given the table that keeps the tables that
    actually fill balanced and mixed (only people checked in so far count); None when the mode
    is off, the person is not admitted or a walk-in, there are no tables or all are full.
    """
    me = s.execute(
        with_person_and_table(
            select(
                Registration.session_id, Registration.status, Attendee.agency, WorkshopTable.number
            )
        ).where(Registration.id == registration_id)
    ).one_or_none()
    if me is None or not holds_seat(me.status):
        return None
    if me.number is not None:
        return int(me.number)
    if not on_arrival_enabled(s, me.session_id):
        return None
    engine = s.get_bind()
    assert isinstance(engine, Engine)
    sessions = _cache.setdefault(engine, {})
    stamp = _stamp(s)
    state = sessions.get(me.session_id)
    if state is None or state.stamp != stamp or engine.dialect.name != "sqlite":
        state = sessions[me.session_id] = _count(s, me.session_id, stamp)
    if not state.tables:
        return None
    person = seating.Person(
        registration_id, me.agency, fixed_table=state.leaders.get(registration_id)
    )
    table_id = assign_on_arrival(state.tables, state.counts_for(person), state.taken, person)
    if table_id is None:
        return None
    s.add(
        SeatAssignment(
            registration_id=registration_id,
            table_id=table_id,
            pinned=registration_id in state.leaders,
            source="arrival",
            assigned_at=now,
        )
    )
    number = next(t.number for t in state.tables if t.key == table_id)
    attendee_name = s.scalar(
        select(Attendee.name).join(Registration).where(Registration.id == registration_id)
    )
    audit.record(
        s,
        "seat.arrival",
        at=now,
        entity="registration",
        entity_id=registration_id,
        name=mask_name(attendee_name or ""),
        table=number,
    )
    s.flush()
    committed_stamp: list[int] = []

    def before_commit(session: Session) -> None:
        # Everything this unit of work audits is written by now, and (the writers take turns)
        # it is the newest: the counters plus this seat describe the state up to there.
        session.flush()
        committed_stamp.append(_stamp(session))

    def after_commit(_session: Session) -> None:
        if committed_stamp and sessions.get(me.session_id) is state:
            state.add(table_id, me.agency, present=True)
            state.stamp = committed_stamp[0]

    event.listen(s, "before_commit", before_commit, once=True)
    event.listen(s, "after_commit", after_commit, once=True)
    return number
