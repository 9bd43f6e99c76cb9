"""The demo event is the seed's course, exactly as announced, with a realistic fake roster."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from db.models import Attendee, Event, IdStatus
from db.uow import Database
from desktop.core.ids import is_valid_id
from desktop.core.idvault import IdOpener
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.events import list_events
from desktop.services.roster import list_roster


def test_three_sessions_with_seed_dates_and_venues(demo_db: Database) -> None:
    (event,) = list_events(demo_db)
    assert event.name == "參與式預算實務應用培訓班"
    assert event.organiser == "國家發展委員會"
    got = [(s.name, s.date, s.start_time, s.end_time, s.venue) for s in event.sessions]
    assert got == [
        (
            "臺北場次",
            dt.date(2019, 3, 15),
            dt.time(9),
            dt.time(15, 30),
            "國家發展委員會濟南辦公區707會議室",
        ),
        (
            "臺南場次",
            dt.date(2019, 3, 29),
            dt.time(10, 30),
            dt.time(17),
            "成功大學技轉育成中心會議室",
        ),
        (
            "臺中場次",
            dt.date(2019, 4, 12),
            dt.time(10, 30),
            dt.time(17),
            "臺中市南區崇仁活動中心-活動大廳",
        ),
    ]


def test_taipei_agenda_order_differs_from_tainan(demo_db: Database) -> None:
    taipei, tainan, _ = list_events(demo_db)[0].sessions
    assert [(f"{b.planned_start:%H:%M}", b.kind) for b in taipei.agenda][4:8] == [
        ("10:20", "break"),
        ("10:30", "group_discussion"),
        ("11:30", "group_report"),
        ("12:00", "lunch"),
    ]
    assert [(f"{b.planned_start:%H:%M}", b.kind) for b in tainan.agenda][4:8] == [
        ("11:50", "lunch"),
        ("12:50", "group_discussion"),
        ("13:50", "group_report"),
        ("14:20", "break"),
    ]
    assert taipei.agenda[3].speaker == "施聖文教授"
    assert not taipei.agenda[0].counts_for_hours  # 報到 is not class time


def test_roster_respects_both_limits_and_waitlists_the_rest(demo_db: Database) -> None:
    for session in list_events(demo_db)[0].sessions:
        rows = list_roster(demo_db, session.id)
        admitted = [r for r in rows if r.status == "admitted"]
        assert len(rows) == 45 and len(admitted) == 40
        assert max(Counter(r.agency for r in admitted).values()) <= 2
        assert max(Counter(r.agency for r in rows).values()) > 2  # some agencies over the limit


def test_fake_ids_are_valid_encrypted_and_never_the_famous_example(demo_db: Database) -> None:
    with demo_db.read() as s:
        opener = IdOpener(
            s.scalars(select(Event)).one().id_private_key_sealed or b"", DEMO_PASSPHRASE
        )
        people = s.execute(
            select(Attendee.id_cipher, Attendee.id_mask).where(Attendee.id_status == IdStatus.VALID)
        ).all()
    numbers = [opener.open(cipher) for cipher, _ in people]
    assert len(numbers) > 90
    assert all(is_valid_id(n) for n in numbers)
    assert "A123456789" not in numbers
    assert all(mask == n[:6] + "****" for (_, mask), n in zip(people, numbers, strict=True))
