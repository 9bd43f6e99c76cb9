import datetime as dt

import pytest
from sqlalchemy import select

from db.models import Attendee, AuditEntry, Registration
from db.uow import Database
from desktop.services.events import list_events
from desktop.services.walkins import WalkInError, add_walk_in


def test_walk_in_is_registered_counted_and_audited(demo_db: Database) -> None:
    session = list_events(demo_db)[0].sessions[0]
    result = add_walk_in(
        demo_db,
        session.id,
        name=" 王大明 ",
        agency="台北市大安區公所",
        wants_hours=True,
        id_number="F131104093",
        now=dt.datetime(2019, 3, 15, 8, 40),
    )
    assert result.seats_taken == 41 and result.over_capacity
    with demo_db.read() as s:
        registration = s.get_one(Registration, result.registration_id)
        attendee = s.get_one(Attendee, result.attendee_id)
        assert (registration.status, registration.queue, registration.source) == (
            "walk_in",
            46,
            "walk_in",
        )
        assert (attendee.name, attendee.id_mask, attendee.id_status) == (
            "王大明",
            "F13110****",
            "valid",
        )
        assert b"F131104093" not in (attendee.id_cipher or b"")
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "registration.walk_in")
        ).one()
        assert entry.detail["name"] == "王○明"


def test_walk_in_without_name_is_refused_and_nothing_written(demo_db: Database) -> None:
    session = list_events(demo_db)[0].sessions[0]
    with pytest.raises(WalkInError):
        add_walk_in(demo_db, session.id, name="　", agency="x")
    with demo_db.read() as s:
        assert (
            len(s.scalars(select(Registration).where(Registration.session_id == session.id)).all())
            == 45
        )
