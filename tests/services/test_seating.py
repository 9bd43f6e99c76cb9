from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import AuditEntry, CheckIn, Registration, SeatAssignment, Setting, Status
from db.uow import Database
from desktop.core.text import match_key
from desktop.services import arrival_seats, seating, table_setup
from desktop.services.events import find_session
from desktop.services.walkins import add_walk_in

NOW = dt.datetime(2019, 3, 15, 8, 30)


def _check_in(db: Database, registration_id: int, at: dt.datetime = NOW) -> None:
    with db.unit_of_work() as s:
        s.add(CheckIn(registration_id=registration_id, action="in", at=at, desk="t"))


@pytest.mark.parametrize("name", ["臺北場次", "臺南場次", "臺中場次"])
def test_demo_sessions_are_even_and_mixed(demo_db: Database, name: str) -> None:
    session = find_session(demo_db, name)
    result = seating.assign(demo_db, session.id, now=NOW)
    sizes = [t.size for t in result.view.tables]
    assert sum(sizes) == 40 and max(sizes) - min(sizes) <= 1
    for table in result.view.tables:
        keys = [match_key(m.agency) for m in table.members]
        assert len(keys) == len(set(keys)), table.number
        assert table.leader_name
    assert result.unmet == () and result.view.unmet == ()
    assert result.view == seating.show(demo_db, session.id)  # built without reading back
    with demo_db.read() as s:
        seated = s.scalars(
            select(Registration).join(SeatAssignment).where(Registration.session_id == session.id)
        ).all()
        assert {r.status for r in seated} == {Status.ADMITTED}
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "seating.assign")).one()


def test_pins_survive_a_rerun_and_plan_is_deterministic(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    first = seating.assign(demo_db, session.id, now=NOW).view
    person = first.tables[0].members[0]
    target = first.tables[3]
    # Make room at table 4 by moving someone from it to the table the person leaves.
    other = target.members[-1]
    seating.move_person(demo_db, other.registration_id, None, now=NOW)
    seating.move_person(demo_db, person.registration_id, target.id, now=NOW)
    again = seating.assign(demo_db, session.id, now=NOW).view
    assert again == seating.show(demo_db, session.id)
    assert again.table_of(person.registration_id).number == 4
    assert next(
        m for m in again.table(4).members if m.registration_id == person.registration_id
    ).pinned
    sizes = [t.size for t in again.tables]
    assert max(sizes) - min(sizes) <= 1
    third = seating.assign(demo_db, session.id, now=NOW).view
    assert [[m.registration_id for m in t.members] for t in third.tables] == [
        [m.registration_id for m in t.members] for t in again.tables
    ]
    seating.set_pinned(demo_db, person.registration_id, False, now=NOW)
    unpinned = seating.show(demo_db, session.id).table(4)
    assert not next(
        m for m in unpinned.members if m.registration_id == person.registration_id
    ).pinned


def test_move_respects_capacity_and_leaders(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    view = seating.assign(demo_db, session.id, now=NOW).view
    full = next(t for t in view.tables if t.size == 7)
    small = next(t for t in view.tables if t.size == 6)
    with pytest.raises(seating.SeatingError, match="已滿"):
        seating.move_person(demo_db, small.members[0].registration_id, full.id, now=NOW)
    leader = small.members[0]
    table_setup.update_table(
        demo_db, small.id, leader_registration_id=leader.registration_id, now=NOW
    )
    view = seating.show(demo_db, session.id)
    table = view.table(small.number)
    assert table.leader_name == leader.name and table.members[0].is_leader
    with pytest.raises(seating.SeatingError, match="桌長"):
        seating.move_person(demo_db, leader.registration_id, None, now=NOW)
    again = seating.assign(demo_db, session.id, now=NOW).view
    assert again.table_of(leader.registration_id).number == small.number


def test_template_and_undo_snapshot(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id, now=NOW)
    before = table_setup.snapshot(demo_db, session.id)
    table_setup.apply_template(demo_db, session.id, 5, 9, now=NOW)
    view = seating.show(demo_db, session.id)
    assert [t.number for t in view.tables] == [1, 2, 3, 4, 5]
    assert {t.capacity for t in view.tables} == {9}
    assert view.tables[0].leader_name == "林佳穎"  # kept
    assert any(u.goal == "capacity" and "尚未分桌" in u.message for u in view.unmet)
    table_setup.restore(demo_db, session.id, before, now=NOW)
    assert table_setup.snapshot(demo_db, session.id) == before
    with pytest.raises(seating.SeatingError):
        table_setup.apply_template(demo_db, session.id, 0, 7)


def test_on_arrival_setting_and_seat_on_arrival(demo_db: Database) -> None:
    session = find_session(demo_db, "臺南場次")
    assert seating.get_on_arrival(demo_db, session.id) is False
    with demo_db.read() as s:
        regs = s.scalars(
            select(Registration)
            .where(Registration.session_id == session.id, Registration.status == Status.ADMITTED)
            .order_by(Registration.queue)
        ).all()
        ids = [r.id for r in regs]
    # Mode off: no seat is given.
    with demo_db.unit_of_work() as s:
        assert arrival_seats.seat_on_arrival(s, ids[0], NOW) is None
    seating.set_on_arrival(demo_db, session.id, True, now=NOW)
    with demo_db.read() as s:
        row = s.scalars(select(Setting).where(Setting.scope == f"session:{session.id}")).one()
        assert (row.key, row.value) == ("seating", {"on_arrival": True})
    numbers = []
    for i, reg_id in enumerate(ids[:24]):
        _check_in(demo_db, reg_id, NOW + dt.timedelta(minutes=i))
        with demo_db.unit_of_work() as s:
            numbers.append(arrival_seats.seat_on_arrival(s, reg_id, NOW + dt.timedelta(minutes=i)))
    assert sorted(numbers) == sorted([1, 2, 3, 4, 5, 6] * 4)
    view = seating.show(demo_db, session.id)
    assert all(t.size == 4 for t in view.tables)
    assert all(not t.conflicts for t in view.tables)
    assert all(m.source == "arrival" and m.checked_in for t in view.tables for m in t.members)
    # Asking again returns the same table and seats nobody twice.
    with demo_db.unit_of_work() as s:
        assert arrival_seats.seat_on_arrival(s, ids[0], NOW) == numbers[0]
    # Waitlisted people get no table.
    with demo_db.read() as s:
        waiting = s.scalars(
            select(Registration.id).where(
                Registration.session_id == session.id, Registration.status == Status.WAITLISTED
            )
        ).first()
    with demo_db.unit_of_work() as s:
        assert arrival_seats.seat_on_arrival(s, waiting, NOW) is None


def test_assign_on_arrival_seats_only_checked_in_and_walk_ins(demo_db: Database) -> None:
    session = find_session(demo_db, "臺中場次")
    seating.assign(demo_db, session.id, now=NOW)
    walk_in = add_walk_in(demo_db, session.id, name="王大明", agency="台中市政府民政局", now=NOW)
    with demo_db.read() as s:
        ids = s.scalars(
            select(Registration.id)
            .where(Registration.session_id == session.id, Registration.status == Status.ADMITTED)
            .order_by(Registration.queue)
        ).all()[:10]
    for reg_id in [*ids, walk_in.registration_id]:
        _check_in(demo_db, reg_id)
    result = seating.assign(demo_db, session.id, on_arrival=True, now=NOW)
    assert result.seated == 11
    seated = {m.registration_id for t in result.view.tables for m in t.members}
    assert seated == {*ids, walk_in.registration_id}
    sizes = [t.size for t in result.view.tables]
    assert max(sizes) - min(sizes) <= 1


def test_a_cancelled_person_leaves_the_table_and_frees_the_chair(demo_db: Database) -> None:
    from desktop.services.registrations import cancel_registration

    session = find_session(demo_db, "臺北場次")
    view = seating.assign(demo_db, session.id, now=NOW).view
    full = next(t for t in view.tables if t.size == t.capacity)
    gone = full.members[0]
    cancel_registration(demo_db, gone.registration_id, "生病", now=NOW)
    after = seating.show(demo_db, session.id)
    assert after.table_of(gone.registration_id) is None
    assert after.table(full.number).size == full.size - 1
    # The chair is free: someone from another table can move in.
    other = next(m for t in after.tables if t.number != full.number for m in t.members)
    seating.move_person(demo_db, other.registration_id, full.id, now=NOW)
    assert seating.show(demo_db, session.id).table_of(other.registration_id).number == full.number


def test_a_seat_left_by_a_cancelled_person_is_not_shown(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    view = seating.assign(demo_db, session.id, now=NOW).view
    gone = view.tables[0].members[0]
    with demo_db.unit_of_work() as s:  # e.g. a database written before cancelling freed seats
        s.get_one(Registration, gone.registration_id).status = Status.CANCELLED
    after = seating.show(demo_db, session.id)
    assert after.table_of(gone.registration_id) is None
    assert after.tables[0].size == view.tables[0].size - 1


def test_too_few_chairs_keeps_people_who_came_then_the_queue(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    table_setup.apply_template(demo_db, session.id, 5, 7, now=NOW)  # 35 chairs for 40 + 2
    walk_ins = [
        add_walk_in(
            demo_db, session.id, name=f"現場{i}", agency="花蓮縣政府", now=NOW
        ).registration_id
        for i in range(2)
    ]
    _check_in(demo_db, walk_ins[0])
    with demo_db.read() as s:
        queue = [
            r.id
            for r in s.scalars(
                select(Registration)
                .where(
                    Registration.session_id == session.id, Registration.status == Status.ADMITTED
                )
                .order_by(Registration.queue)
            )
        ]
    result = seating.assign(demo_db, session.id, now=NOW)
    seated = {m.registration_id for t in result.view.tables for m in t.members}
    assert result.unseated == 7
    assert walk_ins[0] in seated  # here already
    assert walk_ins[1] not in seated
    assert set(queue[:34]) <= seated and not set(queue[34:]) & seated


def test_two_desks_seating_on_arrival_each_see_the_others_seats(
    demo_db: Database, demo_db_path, tmp_path
) -> None:
    """Each desk keeps per-table counters in memory: a seat given at the other desk (or a
    void) must be counted before its next choice, so two desks seat people exactly as one
    desk taking the same arrivals in the same order."""
    import sqlite3

    from desktop.app import open_database
    from desktop.services import checkin, checkin_log

    session = find_session(demo_db, "臺南場次")
    seating.set_on_arrival(demo_db, session.id, True, now=NOW)
    with demo_db.read() as s:
        ids = s.scalars(
            select(Registration.id)
            .where(Registration.session_id == session.id, Registration.status == Status.ADMITTED)
            .order_by(Registration.queue)
        ).all()[:24]
    reference = tmp_path / "one-desk.sqlite3"
    with sqlite3.connect(demo_db_path) as source, sqlite3.connect(reference) as copy:
        source.backup(copy)
    # Desk 0 takes arrivals in runs of three, desk 1 one at a time; desk 0 undoes one.
    plan = [(0 if i % 4 else 1, reg_id) for i, reg_id in enumerate(ids)]

    def tables(desks: list[Database]) -> list[int | None]:
        got = []
        for n, (desk, reg_id) in enumerate(plan):
            db = desks[desk % len(desks)]
            result = checkin.check_in_registration(db, session.id, reg_id, desk=f"d{desk}")
            got.append(result.table)
            if n == 5:
                checkin_log.void(db, result.check_in_id or 0, "掃錯人")
        return got

    two = [open_database(demo_db_path) for _ in range(2)]
    one = [open_database(reference)]
    try:
        assert tables(two) == tables(one)
    finally:
        for d in (*two, *one):
            d.dispose()
    view = seating.show(demo_db, session.id)
    assert sorted(t.size for t in view.tables) == [4] * 6
