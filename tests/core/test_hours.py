import datetime as dt

import pytest

from desktop.core.hours import (
    REVIEW_REASONS,
    Block,
    HoursPolicy,
    Mark,
    PolicyError,
    Reason,
    attendance_note,
    course_hours,
    effective_marks,
    person_credit,
)
from desktop.core.outcomes import hours as hours_words

DAY = dt.date(2019, 3, 15)


def at(hhmm: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmm))


# The Taipei agenda: 09:00-15:30 with a 10-minute break and an hour's lunch (not credit).
AGENDA = [
    ("08:30", "09:00", "check_in", False),
    ("09:00", "10:20", "talk", True),
    ("10:20", "10:30", "break", False),
    ("10:30", "12:00", "group_discussion", True),
    ("12:00", "13:00", "lunch", False),
    ("13:00", "15:30", "demo", True),
]
BLOCKS = [Block(kind, credit, at(s), at(e)) for s, e, kind, credit in AGENDA]
POLICY = HoursPolicy()


def marks(*pairs: tuple[str, str]) -> list[Mark]:
    return [Mark(action, at(t)) for action, t in pairs]


def test_course_hours_are_credit_blocks_rounded_down() -> None:
    # 80 + 90 + 150 minutes = 5 h 20 min -> 5.0 at 0.5 h, 5.0 at 1 h
    assert course_hours(BLOCKS, POLICY) == 5.0
    assert course_hours(BLOCKS, HoursPolicy(course_hours=6)) == 6
    assert course_hours(BLOCKS, HoursPolicy(credit_kinds=("talk",))) == 1.0


def test_full_day_with_lunch_out_and_back_earns_the_course_hours() -> None:
    c = person_credit(
        marks(("in", "08:50"), ("out", "12:02"), ("in", "12:55"), ("out", "15:31")), BLOCKS, POLICY
    )
    assert c.full and c.hours == 5.0 and c.reasons == ()
    assert attendance_note(c.reasons) == "全勤"


def test_within_grace_still_full() -> None:
    c = person_credit(marks(("in", "09:08"), ("out", "15:22")), BLOCKS, POLICY)
    assert c.full and c.hours == 5.0


def test_late_arrival_earns_the_overlap_rounded_down() -> None:
    # in 10:40: 80 min of 10:30-12:00 + 150 = 230 min = 3.83 h -> 3.5
    c = person_credit(marks(("in", "10:40"), ("out", "15:40")), BLOCKS, POLICY)
    assert not c.full and c.hours == 3.5 and c.reasons == (Reason.LATE_ARRIVAL,)
    assert (
        person_credit(marks(("in", "10:40"), ("out", "15:40")), BLOCKS, HoursPolicy(step=1.0)).hours
        == 3.0
    )


def test_early_leave() -> None:
    # 80 + 90 + 60 = 230 min -> 3.5
    c = person_credit(marks(("in", "08:55"), ("out", "14:00")), BLOCKS, POLICY)
    assert c.hours == 3.5 and c.reasons == (Reason.EARLY_LEAVE,)


def test_left_during_the_day() -> None:
    c = person_credit(
        marks(("in", "08:55"), ("out", "10:00"), ("in", "13:00"), ("out", "15:35")), BLOCKS, POLICY
    )
    # 60 + 150 = 210 min -> 3.5
    assert not c.full and c.hours == 3.5 and Reason.LEFT_DURING in c.reasons


def test_missing_sign_out_policy_options() -> None:
    m = marks(("in", "08:55"))
    none = person_credit(m, BLOCKS, POLICY)
    assert none.hours == 0 and not none.full and none.reasons == (Reason.MISSING_SIGN_OUT,)
    block = person_credit(m, BLOCKS, HoursPolicy(missing_sign_out="block"))
    assert block.hours == 1.0  # until the end of the 09:00-10:20 block they were seen in
    trust = person_credit(m, BLOCKS, HoursPolicy(missing_sign_out="session_end"))
    assert trust.hours == 5.0 and not trust.full  # hours, but still flagged, never "full"
    # signed out for lunch, came back and never signed out: the morning still counts
    m2 = marks(("in", "08:55"), ("out", "12:00"), ("in", "13:00"))
    assert person_credit(m2, BLOCKS, POLICY).hours == 2.5  # 170 min


def test_actual_times_are_used_and_never_above_course_hours() -> None:
    overran = [
        Block(
            b.kind,
            b.counts_for_hours,
            b.planned_start,
            b.planned_end,
            b.planned_start,
            b.planned_end + dt.timedelta(minutes=50),
        )
        if b.kind == "demo"
        else b
        for b in BLOCKS
    ]
    c = person_credit(marks(("in", "10:40"), ("out", "16:20")), overran, POLICY)
    # 80 + 200 = 280 min = 4.67 -> 4.5 (planned would give 3.5)
    assert c.hours == 4.5
    c2 = person_credit(marks(("in", "08:40"), ("out", "16:30")), overran, POLICY)
    assert c2.hours == 5.0  # capped at the announced course hours


def test_voided_rows_do_not_count_and_orphan_out() -> None:
    rows = [
        (1, "in", at("08:50"), None),
        (2, "out", at("09:30"), None),
        (3, "void", at("09:31"), 2),
        (4, "out", at("15:35"), None),
    ]
    c = person_credit(effective_marks(rows), BLOCKS, POLICY)
    assert c.full and c.hours == 5.0
    orphan = person_credit(marks(("out", "15:35")), BLOCKS, POLICY)
    assert orphan.hours == 0 and orphan.reasons == (Reason.MISSING_SIGN_IN,)
    assert person_credit([], BLOCKS, POLICY).reasons == (Reason.ABSENT,)


def test_absolute_full_credit_times_and_json_round_trip() -> None:
    policy = HoursPolicy.from_json({"full_in_by": "09:30", "full_out_after": "15:00", "step": 1})
    c = person_credit(marks(("in", "09:25"), ("out", "15:05")), BLOCKS, policy)
    assert c.full and c.hours == 5.0
    assert HoursPolicy.from_json(policy.to_json()) == policy
    with pytest.raises(PolicyError, match="0.25") as refused:
        HoursPolicy.from_json({"step": 0.25})
    assert refused.value.outcome is hours_words.POLICY_BAD_STEP
    with pytest.raises(PolicyError, match="bogus"):
        HoursPolicy.from_json({"bogus": 1})


def test_overlapping_credit_blocks_count_their_shared_minutes_once() -> None:
    # a typo in the agenda: the demo block entered as 10:00-12:00 overlaps the talk
    blocks = [
        Block("talk", True, at("09:00"), at("11:00")),
        Block("demo", True, at("10:00"), at("12:00")),
    ]
    assert course_hours(blocks, POLICY) == 3.0  # 09:00-12:00, not 4 h
    credit = person_credit(marks(("in", "10:00"), ("out", "12:00")), blocks, POLICY)
    assert credit.hours == 2.0 and credit.minutes == 120
    assert Reason.LATE_ARRIVAL in credit.reasons
    full = person_credit(marks(("in", "08:55"), ("out", "12:00")), blocks, POLICY)
    assert full.full and full.hours == 3.0 and full.minutes == 180


def test_hours_are_computed_on_the_printed_minute() -> None:
    # The record prints 09:10 and 14:00; the seconds must not make the person late.
    c = person_credit(
        [
            Mark("in", at("09:10") + dt.timedelta(seconds=59)),
            Mark("out", at("14:00") + dt.timedelta(seconds=1)),
        ],
        BLOCKS,
        POLICY,
    )
    # on the minute: in 09:10 (within the 10-minute grace, so not late), out 14:00:
    # 70 + 90 + 60 = 220 min = 3.67 h -> 3.5
    assert Reason.LATE_ARRIVAL not in c.reasons
    assert c.hours == 3.5 and c.first_in == at("09:10")
    late_by_seconds = person_credit(
        [
            Mark("in", at("09:00") + dt.timedelta(seconds=30)),
            Mark("out", at("12:00") + dt.timedelta(seconds=20)),
        ],
        BLOCKS,
        POLICY,
    )
    assert late_by_seconds.hours == 2.5  # 09:00-12:00 printed: 80 + 90 = 170 min -> 2.5


def test_a_class_that_overran_never_makes_anyone_leave_early() -> None:
    overran = [
        Block(
            b.kind,
            b.counts_for_hours,
            b.planned_start,
            b.planned_end,
            b.planned_start,
            b.planned_end + dt.timedelta(minutes=15),
        )
        if b.kind == "demo"
        else b
        for b in BLOCKS
    ]
    c = person_credit(marks(("in", "08:50"), ("out", "15:30")), overran, POLICY)
    assert c.full and c.hours == 5.0 and Reason.EARLY_LEAVE not in c.reasons
    assert attendance_note(c.reasons) == "全勤"
    assert (c.rule, c.schedule) == ("full_attendance", "announced")


def test_a_class_that_started_late_never_makes_anyone_late() -> None:
    started_late = [
        Block(
            b.kind,
            b.counts_for_hours,
            b.planned_start,
            b.planned_end,
            b.planned_start + dt.timedelta(minutes=15),
            b.planned_end,
        )
        if b.kind == "talk"
        else b
        for b in BLOCKS
    ]
    c = person_credit(marks(("in", "09:20"), ("out", "15:30")), started_late, POLICY)
    assert c.full and Reason.LATE_ARRIVAL not in c.reasons
    assert (c.rule, c.schedule) == ("full_attendance", "actual")
    # and never above the course hours, nor worse than the announced times give
    partial = person_credit(marks(("in", "09:00"), ("out", "12:00")), started_late, POLICY)
    assert partial.hours == 2.5 and partial.schedule == "announced"


def test_no_credit_blocks_is_a_reason() -> None:
    c = person_credit(marks(("in", "09:00"), ("out", "15:30")), [], POLICY)
    assert c.hours == 0 and Reason.NO_AGENDA in c.reasons and c.rule == "no_agenda"


def test_marks_on_another_day_count_for_nothing_and_say_so() -> None:
    """A check-in the day after (the desk's clock on another day) is not 「遲到」: it is on
    another day, earns nothing, and the review says why."""
    next_day = [
        Mark("in", at("09:00") + dt.timedelta(days=1)),
        Mark("out", at("15:30") + dt.timedelta(days=1)),
    ]
    c = person_credit(next_day, BLOCKS, POLICY)
    assert c.hours == 0 and not c.full
    assert c.reasons == (Reason.NOT_SESSION_DAY, Reason.ABSENT)
    assert Reason.LATE_ARRIVAL not in c.reasons
    assert Reason.NOT_SESSION_DAY in REVIEW_REASONS
    # A stray mark the day before does not spoil the day itself.
    day_before = Mark("in", at("16:00") - dt.timedelta(days=1))
    c = person_credit([day_before, *marks(("in", "08:50"), ("out", "15:35"))], BLOCKS, POLICY)
    assert c.full and c.reasons == (Reason.NOT_SESSION_DAY,)
