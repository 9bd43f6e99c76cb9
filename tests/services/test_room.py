"""Room codes end to end in the services: who gets one, the desk's show and replace, signing
in with the limits, the device cookie, and the attendee's day."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Registration, WorkshopTable
from db.uow import Database
from desktop.core import room_code as rules
from desktop.services import agenda_run, room, seating
from desktop.services.events import find_session
from desktop.services.registrations import cancel_registration
from desktop.services.walkins import add_walk_in

TODAY = dt.date(2026, 12, 8)


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch: pytest.MonkeyPatch) -> rules.AttemptLimits:
    limits = rules.AttemptLimits()
    monkeypatch.setattr(room, "LIMITS", limits)
    return limits


def _code(db: Database, registration_id: int) -> str:
    with db.read() as s:
        code = s.get_one(Registration, registration_id).room_code
    assert code is not None
    return code


@dataclass(frozen=True)
class Holder:
    id: int
    name: str
    room_code: str | None


def _seat_holders(db: Database, session_id: int) -> list[Holder]:
    with db.read() as s:
        rows = s.scalars(
            select(Registration).where(
                Registration.session_id == session_id,
                Registration.status.in_(("admitted", "walk_in")),
            )
        )
        return [Holder(r.id, r.attendee.name, r.room_code) for r in rows]


def test_walk_ins_and_people_moved_up_get_a_code_and_the_waitlist_does_not(
    demo_db: Database,
) -> None:
    session = find_session(demo_db, "臺中場次")
    with demo_db.read() as s:
        waiting = s.execute(
            select(Registration.id, Registration.room_code).where(
                Registration.session_id == session.id, Registration.status == "waitlisted"
            )
        ).all()
        assert all(code is None for _, code in waiting)
        leaving = s.scalars(
            select(Registration.id).where(
                Registration.session_id == session.id, Registration.status == "admitted"
            )
        ).first()
    assert leaving is not None
    moved = cancel_registration(demo_db, leaving, "請假")
    assert moved.promoted
    with demo_db.read() as s:
        promoted = s.execute(
            select(Registration.id, Registration.room_code).where(
                Registration.session_id == session.id,
                Registration.status == "admitted",
                Registration.id.in_([rid for rid, _ in waiting]),
            )
        ).all()
        assert promoted and all(code for _, code in promoted)
    walk_in = add_walk_in(demo_db, session.id, name="王大明", agency="臺中市政府")
    assert len(_code(demo_db, walk_in.registration_id)) == 9
    # the rest of the imported seat holders get theirs before anything prints or serves them
    assert room.ensure_codes(demo_db, session.id) > 0
    holders = _seat_holders(demo_db, session.id)
    assert all(r.room_code for r in holders) and len({r.room_code for r in holders}) == len(holders)


def test_the_desk_shows_and_replaces_a_code_and_the_old_one_stops_at_once(
    demo_db: Database,
) -> None:
    session = find_session(demo_db, "臺北場次")
    room.ensure_codes(demo_db, session.id)
    person = _seat_holders(demo_db, session.id)[0]
    shown = room.show_code(demo_db, session.id, str(person.id), actor="desk")
    assert shown.code == rules.shown(_code(demo_db, person.id))
    by_name = room.show_code(demo_db, session.id, person.name.replace("臺", "台"))
    assert by_name.registration_id == person.id
    old = shown.code
    signed_in = room.identify_by_room_code(demo_db, session.id, old, "10.0.0.9")
    assert isinstance(signed_in, room.Identified) and signed_in.registration_id == person.id
    cookie = room.device_cookie(demo_db, person.id, TODAY)
    assert room.signed_in(demo_db, session.id, cookie, TODAY) is not None

    new = room.replace_code(demo_db, session.id, str(person.id), actor="desk")
    assert new.code != old
    refused = room.identify_by_room_code(demo_db, session.id, old, "10.0.0.9")
    assert isinstance(refused, room.RoomCodeError) and refused.code == "wrong_code"
    assert room.signed_in(demo_db, session.id, cookie, TODAY) is None  # that device is out too
    assert isinstance(
        room.identify_by_room_code(demo_db, session.id, new.code.lower(), "10.0.0.9"),
        room.Identified,
    )
    with demo_db.read() as s:
        entries = s.execute(
            select(AuditEntry.action, AuditEntry.detail).where(
                AuditEntry.action.like("room_code.%")
            )
        ).all()
    assert [a for a, _ in entries] == ["room_code.show"] * 2 + ["room_code.replace"]
    dumped = json.dumps([d for _, d in entries], ensure_ascii=False)
    for code in (old, new.code, old.replace("-", ""), new.code.replace("-", "")):
        assert code not in dumped  # the audit says whose, never the code
    assert person.name not in dumped


def test_someone_without_a_seat_or_unknown_has_no_code(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    with demo_db.read() as s:
        waiting = s.scalars(
            select(Registration.id).where(
                Registration.session_id == session.id, Registration.status == "waitlisted"
            )
        ).first()
    with pytest.raises(room.RoomCodeError) as refused:
        room.show_code(demo_db, session.id, str(waiting))
    assert refused.value.code == "no_seat"
    with pytest.raises(room.RoomCodeError) as unknown:
        room.show_code(demo_db, session.id, "不存在的人")
    assert unknown.value.code == "no_such_person"


def test_a_code_opens_only_its_own_session_and_wrong_guesses_are_limited(
    demo_db: Database, fresh_limits: rules.AttemptLimits
) -> None:
    taipei = find_session(demo_db, "臺北場次")
    tainan = find_session(demo_db, "臺南場次")
    room.ensure_codes(demo_db, tainan.id)
    someone = _seat_holders(demo_db, tainan.id)[0]
    other = room.identify_by_room_code(demo_db, taipei.id, _code(demo_db, someone.id), "10.0.0.7")
    assert isinstance(other, room.RoomCodeError) and other.code == "wrong_code"
    # typos that cannot be codes cost nothing
    for _ in range(20):
        typo = room.identify_by_room_code(demo_db, taipei.id, "K0M-Q4X-RTP", "10.0.0.8")
        assert isinstance(typo, room.RoomCodeError) and typo.params["reason"] == "format"
    for _ in range(9):
        room.identify_by_room_code(demo_db, taipei.id, "222-222-222", "10.0.0.7")
    stopped = room.identify_by_room_code(demo_db, taipei.id, "222-222-222", "10.0.0.7")
    assert isinstance(stopped, room.RoomCodeError) and stopped.code == "room_code_attempts"
    right = room.identify_by_room_code(demo_db, tainan.id, _code(demo_db, someone.id), "10.0.0.7")
    assert isinstance(right, room.RoomCodeError)  # this address waits, even with a right code
    assert isinstance(
        room.identify_by_room_code(demo_db, tainan.id, _code(demo_db, someone.id), "10.0.0.8"),
        room.Identified,
    )


def test_a_cookie_holds_for_its_day_only_and_cannot_be_forged(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    room.ensure_codes(demo_db, session.id)
    person = _seat_holders(demo_db, session.id)[0]
    cookie = room.device_cookie(demo_db, person.id, TODAY)
    who = room.signed_in(demo_db, session.id, cookie, TODAY)
    assert who is not None and who.registration_id == person.id
    assert room.signed_in(demo_db, session.id, cookie, TODAY + dt.timedelta(days=1)) is None
    rid, day, mac = cookie.split(".")
    other = _seat_holders(demo_db, session.id)[1].id
    assert room.signed_in(demo_db, session.id, f"{other}.{day}.{mac}", TODAY) is None
    assert room.signed_in(demo_db, session.id, f"{rid}.{day}.{'0' * 32}", TODAY) is None
    tainan = find_session(demo_db, "臺南場次")
    assert room.signed_in(demo_db, tainan.id, cookie, TODAY) is None


def test_the_day_shows_the_own_table_the_running_block_and_the_pace(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    room.ensure_codes(demo_db, session.id)
    person = _seat_holders(demo_db, session.id)[0]
    with demo_db.unit_of_work() as s:
        table = s.scalar(
            select(WorkshopTable)
            .join(WorkshopTable.seats)
            .where(WorkshopTable.seats.any(registration_id=person.id))
        )
        assert table is not None
        table.location = "靠窗第二排"
        number, leader = table.number, table.leader_name
    blocks = agenda_run.load_run(demo_db, session.id).rows
    first, second = blocks[0], blocks[1]
    started = first.planned_start + dt.timedelta(minutes=10)  # ten minutes late
    agenda_run.toggle(demo_db, session.id, started)
    at = started + dt.timedelta(minutes=5)
    day = room.day(demo_db, session.id, person.id, at).as_json()
    assert day["table"] == {
        "number": number,
        "leader": leader[0] + "○" * (len(leader) - 2) + leader[-1],
        "location": "靠窗第二排",
    }
    assert day["name"] != person.name and day["name"][0] == person.name[0]
    length = first.planned_end - first.planned_start
    assert day["now"] == {
        "title": first.title,
        "ends_at": (started + length).isoformat(timespec="minutes"),
    }
    assert day["next"]["title"] == second.title
    assert day["next"]["starts_at"] == max(second.planned_start, started + length).isoformat(
        timespec="minutes"
    )
    assert day["behind_minutes"] == 10
    assert day["checked_in"] is False and day["survey"] == {"status": "none", "answered": False}
    assert day["vote"] == {"status": "none"} and day["handouts"] == []
