"""Before Start on a day that is not the session's, the agenda shows no pace (QA: 「落後 917
分鐘，預計 06:46 結束」 the evening before)."""

from __future__ import annotations

import datetime as dt

from desktop.core.agenda import Block, RunState, timing

DAY = dt.date(2019, 3, 15)


def _blocks() -> list[Block]:
    at = dt.datetime.combine(DAY, dt.time(9, 0))
    return [
        Block(1, at, at + dt.timedelta(minutes=30)),
        Block(2, at + dt.timedelta(minutes=30), at + dt.timedelta(minutes=90)),
    ]


def test_the_evening_before_there_is_no_pace() -> None:
    shown = timing(RunState(), _blocks(), dt.datetime(2019, 3, 14, 18, 17))
    assert shown.behind == 0.0 and shown.projected_end is None and shown.next_delay == 0.0


def test_on_the_day_a_late_start_is_still_behind() -> None:
    shown = timing(RunState(), _blocks(), dt.datetime.combine(DAY, dt.time(9, 10)))
    assert shown.behind == 600.0
    assert shown.projected_end == dt.datetime.combine(DAY, dt.time(10, 40))
