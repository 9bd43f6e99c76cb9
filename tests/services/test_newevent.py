from __future__ import annotations

import datetime as dt

import pytest

from db.uow import Database
from desktop.services.events import create_event, list_events
from desktop.services.newevent import InvalidInput, add_session


def test_add_sessions_in_order_and_refuse_a_duplicate(empty_db: Database) -> None:
    event_id = create_event(empty_db, name="新活動", organiser="國發會", passphrase="long enough")
    first = add_session(
        empty_db,
        event_id,
        name="臺北場次",
        date=dt.date(2025, 5, 2),
        start=dt.time(9),
        end=dt.time(16),
        venue="707 會議室",
        capacity=30,
        agency_limit=3,
    )
    add_session(
        empty_db,
        event_id,
        name="臺南場次",
        date=dt.date(2025, 5, 9),
        start=dt.time(9, 30),
        end=dt.time(15, 30),
        venue="成大",
    )
    (event,) = list_events(empty_db)
    assert [s.name for s in event.sessions] == ["臺北場次", "臺南場次"]
    assert event.sessions[0].id == first and event.sessions[0].capacity == 30
    with pytest.raises(InvalidInput) as caught:
        add_session(
            empty_db,
            event_id,
            name="臺北場次",
            date=dt.date(2025, 5, 2),
            start=dt.time(9),
            end=dt.time(8),
            venue="x",
        )
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("name", "duplicate"),
        ("end", "before_start"),
    }
    assert len(list_events(empty_db)[0].sessions) == 2  # nothing half-written
