"""總覽's figures come from aggregates and agree with the desk's own count, person by person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.models import Registration, Status
from db.uow import Database
from desktop.services import checkin, checkin_log, desk_counts, seating
from desktop.services.dashboard import day_figures
from desktop.services.events import find_session
from desktop.services.walkins import add_walk_in

T = dt.datetime(2019, 3, 15, 8, 40)


def play_the_morning(db: Database) -> int:
    """Seat the Taipei session, check in six, sign two out (one undone), one re-entry, a void
    and a walk-in. Returns the session id."""
    session = find_session(db, "臺北")
    seating.assign(db, session.id)
    with db.read() as s:
        admitted = s.scalars(
            select(Registration.id)
            .where(Registration.session_id == session.id, Registration.status == Status.ADMITTED)
            .order_by(Registration.id)
        ).all()

    def act(reg: int, mode: str, minutes: int) -> checkin.CheckInResult:
        return checkin.check_in_registration(
            db, session.id, reg, mode=mode, desk="d", now=T + dt.timedelta(minutes=minutes)
        )

    for i, reg in enumerate(admitted[:6]):
        act(reg, "in", i)
    act(admitted[0], "out", 30)
    undone = act(admitted[1], "out", 31)
    checkin_log.void(db, undone.check_in_id, "按錯", desk="d", now=T + dt.timedelta(minutes=32))
    act(admitted[2], "out", 33)
    act(admitted[2], "in", 40)  # back in the room
    wrong = act(admitted[6], "in", 41)
    checkin_log.void(db, wrong.check_in_id, "不是他", desk="d", now=T + dt.timedelta(minutes=42))
    walk_in = add_walk_in(db, session.id, name="現場甲", agency="臺北市政府", now=T)
    act(walk_in.registration_id, "in", 45)
    return session.id


def test_figures_per_session_and_table_agree_with_the_desk(demo_db: Database) -> None:
    session_id = play_the_morning(demo_db)
    figures = {
        f.session_id: f for f in day_figures(demo_db, find_session(demo_db, "臺北").event_id)
    }
    assert len(figures) == 3
    taipei = figures[session_id]
    live = desk_counts.live_counts(demo_db, session_id)
    f = taipei.figures
    assert (f.checked_in, f.present, f.signed_out, f.walk_ins) == (7, 6, 1, 1)
    assert (f.expected, f.checked_in, f.present, f.signed_out, f.missing) == (
        live.expected,
        live.arrived,
        live.present,
        live.signed_out,
        len(live.not_arrived),
    )
    assert f.admitted == live.admitted
    per_table = {t.number: t.figures for t in taipei.tables}
    assert {n for n in per_table if n is not None} == {t.number for t in live.tables}
    for table in live.tables:
        assert (per_table[table.number].checked_in, per_table[table.number].expected) == (
            table.arrived,
            table.seated,
        )
    assert sum(t.checked_in for t in per_table.values()) == f.checked_in
    others = [x.figures for sid, x in figures.items() if sid != session_id]
    assert all(o.checked_in == o.present == o.signed_out == 0 for o in others)
    assert all(o.missing == o.expected > 0 for o in others)
