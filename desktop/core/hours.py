"""Learning hours (公務人員終身學習時數): the policy and the credit for one person.

Pure rules, no database: the service hands in the session's agenda blocks and a person's
check-in log, this module returns the credited hours and the reasons.

The policy (stored per event in ``Event.hours_policy``, every key optional):

* ``credit_kinds`` — the agenda block kinds that carry credit; ``None`` (default) follows each
  block's own ``counts_for_hours`` flag from the agenda.
* Everything is computed on the minute the paper prints (seconds dropped).
* The day is judged against the announced (planned) times and the times the agenda ran,
  whichever is kinder: a class that started late or overran never makes anyone late, early
  or shorter of hours. ``Credit.rule`` says which rule decided; ``Credit.schedule`` is
  ``actual`` when the times the agenda ran decided (the announced times alone would have
  judged the person worse), else ``announced``.
* Full credit: signed in no later than ``full_in_by`` (default: the later of the announced and
  actual first credit start, plus ``late_grace_minutes``, 10) and signed out no earlier than
  ``full_out_after`` (default: the earlier of the announced and actual last credit end, minus
  ``early_grace_minutes``, 10), and away from credit blocks in between for at most
  ``absence_grace_minutes`` (15; lunch and breaks are not credit blocks, so leaving for lunch
  costs nothing). Full credit is the course hours.
* Otherwise: the overlap of the person's in/out intervals with the credit blocks (the larger
  of the announced and the as-run overlap), rounded DOWN to ``step`` (0.5 or 1 hour), never
  above the course hours. No credit block at all: 0 h with the reason ``no_agenda``.
* Course hours: ``course_hours`` when set, otherwise the credit blocks' PLANNED time (what was
  announced) rounded down to ``step``. An agenda that overran never gives more than announced.
* A missing sign-out (signed in, never signed out afterwards) is a review item. What the open
  interval earns is the ``missing_sign_out`` option:
  ``"none"`` (default) — nothing: the sign-out is the evidence of staying, so no full credit
  and no hours for the open interval until the organiser adjusts;
  ``"block"`` — until the end of the credit block in which they signed in (they were seen
  there);
  ``"session_end"`` — until the end of the last credit block (trust the attendee).
* A sign-out with no sign-in before it (``missing_sign_in``) earns nothing and is a review item.
* Repeated sign-ins while already in, and repeated sign-outs, keep the first of each run.
* A check-in or sign-out on a day the session's agenda is not on (the desk's clock on another
  day, a test the day before) counts for nothing and is a review item (``not_session_day``);
  someone whose every mark is on another day is also ``absent``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from desktop.core.outcomes import hours as words
from desktop.core.problems import QT_TRANSLATE_NOOP, CodedError
from desktop.core.status import effective_ids

MISSING_SIGN_OUT_OPTIONS = ("none", "block", "session_end")
STEPS = (0.5, 1.0)


class PolicyError(CodedError):
    """A stored or typed hours policy that cannot be used; the message names the key."""


class Reason:
    """Stable reason codes (JSON values) for a person's hours."""

    ABSENT = "absent"  # no sign-in at all
    LATE_ARRIVAL = "late_arrival"
    EARLY_LEAVE = "early_leave"
    LEFT_DURING = "left_during"  # away from credit blocks longer than the grace
    MISSING_SIGN_OUT = "missing_sign_out"
    MISSING_SIGN_IN = "missing_sign_in"
    NO_ID = "no_id"  # wants hours but has no valid ID: cannot be reported
    NOT_REQUESTED = "not_requested"  # did not ask for learning hours
    ADJUSTED = "adjusted"
    NO_AGENDA = "no_agenda"  # the session has no agenda block that carries credit
    NOT_SESSION_DAY = "not_session_day"  # marks on another day than the session's: not counted


class Rule:
    """Which rule decided a person's hours (JSON ``rule``), shown in the review list."""

    FULL = "full_attendance"  # signed in and out within the graces: the course hours
    ATTENDED = "attended_time"  # the minutes in credit blocks, rounded down
    ABSENT = "absent"  # no sign-in
    NO_AGENDA = "no_agenda"  # nothing carries credit
    ADJUSTED = "adjusted"  # the organiser's adjustment


class Schedule:
    """Which times judged the day (JSON ``schedule``): as announced or as the agenda ran."""

    ANNOUNCED = "announced"
    ACTUAL = "actual"


# Reasons the organiser should look at before the day is closed.
REVIEW_REASONS = frozenset(
    {
        Reason.LATE_ARRIVAL,
        Reason.EARLY_LEAVE,
        Reason.LEFT_DURING,
        Reason.MISSING_SIGN_OUT,
        Reason.MISSING_SIGN_IN,
        Reason.NO_ID,
        Reason.NOT_SESSION_DAY,
    }
)


@dataclass(frozen=True)
class HoursPolicy:
    credit_kinds: tuple[str, ...] | None = None
    step: float = 0.5
    late_grace_minutes: int = 10
    early_grace_minutes: int = 10
    absence_grace_minutes: int = 15
    full_in_by: dt.time | None = None
    full_out_after: dt.time | None = None
    course_hours: float | None = None
    missing_sign_out: str = "none"

    def __post_init__(self) -> None:
        if self.step not in STEPS:
            raise PolicyError(words.POLICY_BAD_STEP, value=self.step)
        if self.missing_sign_out not in MISSING_SIGN_OUT_OPTIONS:
            raise PolicyError(
                words.POLICY_BAD_MISSING_SIGN_OUT,
                choices="/".join(MISSING_SIGN_OUT_OPTIONS),
                value=self.missing_sign_out,
            )
        for name in ("late_grace_minutes", "early_grace_minutes", "absence_grace_minutes"):
            if getattr(self, name) < 0:
                raise PolicyError(words.POLICY_NEGATIVE, key=name)
        if self.course_hours is not None and self.course_hours < 0:
            raise PolicyError(words.POLICY_NEGATIVE, key="course_hours")

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> HoursPolicy:
        """The policy stored in ``Event.hours_policy``; missing keys take the defaults."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise PolicyError(words.POLICY_UNKNOWN, keys=", ".join(unknown))
        values: dict[str, Any] = {}
        try:
            for key, value in data.items():
                if value is None:
                    values[key] = None
                elif key == "credit_kinds":
                    values[key] = tuple(str(k) for k in value)
                elif key in ("full_in_by", "full_out_after"):
                    values[key] = dt.time.fromisoformat(str(value))
                elif key in ("step", "course_hours"):
                    values[key] = float(value)
                elif key.endswith("_minutes"):
                    values[key] = int(value)
                else:
                    values[key] = str(value)
        except (TypeError, ValueError):
            raise PolicyError(words.POLICY_UNREADABLE, key=key, value=value) from None
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.time):
                value = value.strftime("%H:%M")
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def updated(self, **changes: Any) -> HoursPolicy:
        return replace(self, **changes)


@dataclass(frozen=True)
class Block:
    """An agenda block as the rule needs it."""

    kind: str
    counts_for_hours: bool
    planned_start: dt.datetime
    planned_end: dt.datetime
    actual_start: dt.datetime | None = None
    actual_end: dt.datetime | None = None

    @property
    def start(self) -> dt.datetime:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> dt.datetime:
        if self.actual_end is not None:
            return self.actual_end
        if self.actual_start is not None:  # started but the end was not logged
            return self.actual_start + (self.planned_end - self.planned_start)
        return self.planned_end


@dataclass(frozen=True)
class Mark:
    """One effective (not voided) check-in log entry."""

    action: str  # "in" / "out"
    at: dt.datetime


@dataclass(frozen=True)
class Interval:
    start: dt.datetime
    end: dt.datetime | None  # None: signed in, never signed out


@dataclass(frozen=True)
class Credit:
    hours: float
    minutes: float  # credited overlap in minutes before rounding (full credit: course minutes)
    full: bool
    first_in: dt.datetime | None
    last_out: dt.datetime | None
    intervals: tuple[Interval, ...]
    reasons: tuple[str, ...] = field(default=())
    rule: str = Rule.ATTENDED
    schedule: str = Schedule.ANNOUNCED


def credit_blocks(blocks: Iterable[Block], policy: HoursPolicy) -> tuple[Block, ...]:
    if policy.credit_kinds is None:
        chosen = [b for b in blocks if b.counts_for_hours]
    else:
        kinds = set(policy.credit_kinds)
        chosen = [b for b in blocks if b.kind in kinds]
    return tuple(sorted(chosen, key=lambda b: b.planned_start))


def round_down(hours: float, step: float) -> float:
    # A small epsilon so 5.999999 (float minutes) does not lose a whole step.
    return math.floor(hours / step + 1e-9) * step


Span = tuple[dt.datetime, dt.datetime]


def _union(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching time spans merged, in order (two credit blocks that overlap,
    by a typo in the agenda or a run that overlapped, count their shared minutes once)."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def course_hours(blocks: Sequence[Block], policy: HoursPolicy) -> float:
    if policy.course_hours is not None:
        return policy.course_hours
    credit = credit_blocks(blocks, policy)
    minutes = sum(
        (e - s).total_seconds() / 60
        for s, e in _union((b.planned_start, b.planned_end) for b in credit)
    )
    return round_down(minutes / 60, policy.step)


def effective_marks(rows: Iterable[tuple[int, str, dt.datetime, int | None]]) -> list[Mark]:
    """The check-in log ``(id, action, at, voids_id)`` without voided rows, in the day's order
    (``status.effective_ids``)."""
    by_id = {row[0]: row for row in rows}
    return [Mark(by_id[i][1], by_id[i][2]) for i in effective_ids(by_id.values())]


def intervals(marks: Sequence[Mark]) -> tuple[tuple[Interval, ...], bool]:
    """Pair sign-ins with sign-outs. Returns the intervals and whether a sign-out had no
    sign-in before it."""
    out: list[Interval] = []
    open_at: dt.datetime | None = None
    orphan_out = False
    for mark in marks:
        if mark.action == "in":
            if open_at is None:
                open_at = mark.at
        elif open_at is not None:
            out.append(Interval(open_at, mark.at))
            open_at = None
        elif not out:
            orphan_out = True
    if open_at is not None:
        out.append(Interval(open_at, None))
    return tuple(out), orphan_out


def _overlap(a0: dt.datetime, a1: dt.datetime, b0: dt.datetime, b1: dt.datetime) -> float:
    return max(0.0, (min(a1, b1) - max(a0, b0)).total_seconds() / 60)


def _close_open_interval(
    interval: Interval, credit: Sequence[Block], policy: HoursPolicy
) -> dt.datetime | None:
    if policy.missing_sign_out == "session_end":
        return max((b.end for b in credit), default=None)
    if policy.missing_sign_out == "block":
        for b in credit:  # the block they were seen in, or the next one that started after
            if interval.start < b.end:
                return max(b.end, interval.start)
        return None
    return None


def to_minute(at: dt.datetime) -> dt.datetime:
    """The minute the paper prints (seconds dropped): hours are computed on it, so anyone
    checking the printed record by hand gets the same figure."""
    return at.replace(second=0, microsecond=0)


def _on_minutes(marks: Sequence[Mark], blocks: Sequence[Block]) -> tuple[list[Mark], list[Block]]:
    def opt(at: dt.datetime | None) -> dt.datetime | None:
        return None if at is None else to_minute(at)

    return (
        [Mark(m.action, to_minute(m.at)) for m in marks],
        [
            replace(
                b,
                planned_start=to_minute(b.planned_start),
                planned_end=to_minute(b.planned_end),
                actual_start=opt(b.actual_start),
                actual_end=opt(b.actual_end),
            )
            for b in blocks
        ],
    )


def _attended(counted: Sequence[Span], spans: Sequence[Span], grace: int) -> tuple[float, bool]:
    """Minutes of ``counted`` inside the credit ``spans``, and whether the time away from them
    that arriving late or leaving early does not explain is more than ``grace`` minutes."""
    minutes = sum(_overlap(s0, s1, b0, b1) for s0, s1 in _union(counted) for b0, b1 in spans)
    if not counted:
        return minutes, False
    away = sum((b1 - b0).total_seconds() / 60 for b0, b1 in spans) - minutes
    start, end = spans[0][0], spans[-1][1]
    arrived = min(s0 for s0, _ in counted)
    left = max(s1 for _, s1 in counted)
    edge = sum(
        _overlap(start, max(start, arrived), b0, b1) + _overlap(min(end, left), end, b0, b1)
        for b0, b1 in spans
    )
    return minutes, away - edge > grace


def person_credit(marks: Sequence[Mark], blocks: Sequence[Block], policy: HoursPolicy) -> Credit:
    """The credited hours of one person for one session, with the reasons.

    The day is judged against the announced times and the times the agenda actually ran,
    whichever is kinder to the person, never above the course hours: arrival against the
    later start, departure against the earlier end, the larger of the two overlaps.
    """
    marks, blocks = _on_minutes(marks, blocks)
    credit = credit_blocks(blocks, policy)
    total = course_hours(blocks, policy)
    reasons: list[str] = []
    session_days = {t.date() for b in blocks for t in (b.planned_start, b.start)}
    on_the_day = [m for m in marks if not session_days or m.at.date() in session_days]
    if len(on_the_day) < len(marks):
        reasons.append(Reason.NOT_SESSION_DAY)
    spans, orphan_out = intervals(on_the_day)
    if not spans:
        reasons.append(Reason.MISSING_SIGN_IN if orphan_out else Reason.ABSENT)
        if not credit:
            reasons.append(Reason.NO_AGENDA)
        return Credit(0.0, 0.0, False, None, None, (), tuple(reasons), Rule.ABSENT)
    if orphan_out:
        reasons.append(Reason.MISSING_SIGN_IN)
    first_in = spans[0].start
    closed = [(s.start, s.end) for s in spans if s.end is not None]
    last_out = closed[-1][1] if closed else None
    open_span = spans[-1] if spans[-1].end is None else None
    if not credit:
        reasons.append(Reason.NO_AGENDA)
        return Credit(0.0, 0.0, False, first_in, last_out, spans, tuple(reasons), Rule.NO_AGENDA)

    announced = _union((b.planned_start, b.planned_end) for b in credit)
    run = _union((b.start, b.end) for b in credit)

    # A class that started late does not make anyone late; one that overran does not make
    # anyone leave early.
    def bounds(start: dt.datetime, end: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
        in_by = (
            dt.datetime.combine(start.date(), policy.full_in_by)
            if policy.full_in_by
            else start + dt.timedelta(minutes=policy.late_grace_minutes)
        )
        out_after = (
            dt.datetime.combine(end.date(), policy.full_out_after)
            if policy.full_out_after
            else end - dt.timedelta(minutes=policy.early_grace_minutes)
        )
        return in_by, out_after

    in_by, out_after = bounds(max(announced[0][0], run[0][0]), min(announced[-1][1], run[-1][1]))
    announced_in_by, announced_out_after = bounds(announced[0][0], announced[-1][1])

    counted: list[Span] = list(closed)
    if open_span is not None:
        reasons.append(Reason.MISSING_SIGN_OUT)
        end = _close_open_interval(open_span, credit, policy)
        if end is not None and end > open_span.start:
            counted.append((open_span.start, end))
    minutes_announced, left_announced = _attended(counted, announced, policy.absence_grace_minutes)
    minutes_run, left_run = _attended(counted, run, policy.absence_grace_minutes)
    minutes = max(minutes_announced, minutes_run)

    late = first_in > in_by
    counted_end = max((s1 for _, s1 in counted), default=None)
    early = counted_end is not None and counted_end < out_after and open_span is None
    left_during = left_announced and left_run
    for flag, reason in (
        (late, Reason.LATE_ARRIVAL),
        (early, Reason.EARLY_LEAVE),
        (left_during, Reason.LEFT_DURING),
    ):
        if flag:
            reasons.append(reason)

    full = (
        open_span is None
        and not late
        and not early
        and not left_during
        and counted_end is not None
        and counted_end >= out_after
    )
    if full:
        # "actual" only when the announced times alone would have judged the person worse.
        by_announced = (
            first_in <= announced_in_by
            and counted_end is not None
            and counted_end >= announced_out_after
            and not left_announced
        )
        schedule = Schedule.ANNOUNCED if by_announced else Schedule.ACTUAL
        credit_minutes = sum((b1 - b0).total_seconds() / 60 for b0, b1 in announced)
        return Credit(
            total,
            credit_minutes,
            True,
            first_in,
            last_out,
            spans,
            tuple(reasons),
            Rule.FULL,
            schedule,
        )
    hours = min(total, round_down(minutes / 60, policy.step))
    schedule = Schedule.ACTUAL if minutes_run > minutes_announced else Schedule.ANNOUNCED
    return Credit(
        hours, minutes, False, first_in, last_out, spans, tuple(reasons), Rule.ATTENDED, schedule
    )


def attendance_note(reasons: Sequence[str]) -> str:
    """出勤上課狀況 for the portal file and the attendance record: 全勤 or what was missed."""
    labels = [
        REASON_LABELS[r]
        for r in reasons
        if r
        in (
            Reason.LATE_ARRIVAL,
            Reason.EARLY_LEAVE,
            Reason.LEFT_DURING,
            Reason.MISSING_SIGN_OUT,
            Reason.MISSING_SIGN_IN,
            Reason.ABSENT,
        )
    ]
    return "、".join(labels) if labels else "全勤"


# The names of the stored codes (JSON ``reasons``, ``rule``, ``schedule``; the policy's
# ``missing_sign_out``), marked for translation: PDFs, the portal file and the CLI print them
# as they are (Chinese government paper), the window translates the same entries
# (``desktop.ui.messages.reasons_text``/``rule_text``, ``vocabulary`` context).
REASON_LABELS = {
    Reason.ABSENT: QT_TRANSLATE_NOOP("vocabulary", "未出席"),
    Reason.LATE_ARRIVAL: QT_TRANSLATE_NOOP("vocabulary", "遲到"),
    Reason.EARLY_LEAVE: QT_TRANSLATE_NOOP("vocabulary", "早退"),
    Reason.LEFT_DURING: QT_TRANSLATE_NOOP("vocabulary", "中途離席"),
    Reason.MISSING_SIGN_OUT: QT_TRANSLATE_NOOP("vocabulary", "未簽退"),
    Reason.MISSING_SIGN_IN: QT_TRANSLATE_NOOP("vocabulary", "未簽到"),
    Reason.NO_ID: QT_TRANSLATE_NOOP("vocabulary", "無有效身分證字號"),
    Reason.NOT_REQUESTED: QT_TRANSLATE_NOOP("vocabulary", "未申請時數"),
    Reason.ADJUSTED: QT_TRANSLATE_NOOP("vocabulary", "已調整"),
    Reason.NO_AGENDA: QT_TRANSLATE_NOOP("vocabulary", "場次沒有計時數的議程"),
    Reason.NOT_SESSION_DAY: QT_TRANSLATE_NOOP("vocabulary", "非場次日期報到（不計時數）"),
}

RULE_LABELS = {
    Rule.FULL: QT_TRANSLATE_NOOP("vocabulary", "全勤：核給課程時數"),
    Rule.ATTENDED: QT_TRANSLATE_NOOP("vocabulary", "依在場時間計"),
    Rule.ABSENT: QT_TRANSLATE_NOOP("vocabulary", "未出席"),
    Rule.NO_AGENDA: QT_TRANSLATE_NOOP("vocabulary", "無計時數議程"),
    Rule.ADJUSTED: QT_TRANSLATE_NOOP("vocabulary", "人工調整"),
}
SCHEDULE_LABELS = {
    Schedule.ANNOUNCED: QT_TRANSLATE_NOOP("vocabulary", "依公告時間"),
    Schedule.ACTUAL: QT_TRANSLATE_NOOP("vocabulary", "依實際時間"),
}
# What a missing sign-out earns (the course-fields dialog's choices).
MISSING_SIGN_OUT_NAMES = {
    "none": QT_TRANSLATE_NOOP("vocabulary", "不計（待人工調整）"),
    "block": QT_TRANSLATE_NOOP("vocabulary", "計到簽到當節結束"),
    "session_end": QT_TRANSLATE_NOOP("vocabulary", "計到課程結束"),
}


def rule_shows_schedule(rule: str, schedule: str) -> bool:
    """Does the 依據 column name the schedule too (the rules that judged the day's times)?"""
    return rule in (Rule.FULL, Rule.ATTENDED) and schedule in SCHEDULE_LABELS


def rule_text(rule: str, schedule: str) -> str:
    """``全勤：核給課程時數（依實際時間）`` — the review list's 依據 column."""
    if rule_shows_schedule(rule, schedule):
        return f"{RULE_LABELS[rule]}（{SCHEDULE_LABELS[schedule]}）"
    return RULE_LABELS.get(rule, rule)


def reason_text(reasons: Sequence[str]) -> str:
    return "、".join(REASON_LABELS.get(r, r) for r in reasons)
