"""The day's vocabulary: who holds a seat, which log rows count, who has arrived."""

from __future__ import annotations

import datetime as dt

from desktop.core.status import CheckAction, Status, arrived, effective_ids, holds_seat

NINE = dt.datetime(2019, 3, 15, 9, 0)


def test_only_admitted_people_and_walk_ins_hold_a_seat() -> None:
    assert [s for s in Status if holds_seat(s)] == [Status.ADMITTED, Status.WALK_IN]
    assert holds_seat("walk_in") and not holds_seat("waitlisted") and not holds_seat("")


def test_the_days_order_is_time_then_log_order_and_voids_cancel() -> None:
    rows = [
        (1, CheckAction.IN, NINE, None),
        (2, CheckAction.OUT, NINE, None),  # the same minute: written after the check-in
        (3, CheckAction.IN, NINE.replace(hour=13), None),
        (4, CheckAction.VOID, NINE.replace(hour=13), 3),
        (5, CheckAction.REFUSED, NINE, None),
    ]
    assert effective_ids(rows) == [1, 2]
    # Written out of time order (a desk's clock behind): time decides, then the log's order.
    assert effective_ids([(7, "out", NINE, None), (6, "in", NINE, None)]) == [6, 7]
    assert effective_ids([(8, "out", NINE, None), (9, "in", NINE.replace(minute=1), None)]) == [
        8,
        9,
    ]


def test_arrived_means_a_check_in_no_void_cancels() -> None:
    log = [
        (10, (1, CheckAction.IN, NINE, None)),
        (11, (2, CheckAction.IN, NINE, None)),
        (11, (3, CheckAction.VOID, NINE, 2)),  # undone: not arrived
        (12, (4, CheckAction.OUT, NINE, None)),  # a sign-out alone is no arrival
        (None, (5, CheckAction.REFUSED, NINE, None)),  # an unreadable code is no one's
        (13, (6, CheckAction.REFUSED, NINE, None)),  # a refused scan is no arrival
    ]
    assert arrived(log) == {10}
