"""Credited learning hours of a session's day: who is on the day's list, each person's
hours and reasons, the review list, and adjustments with a reason.

Who is on the day's list: every registration of the session that is admitted or a walk-in,
plus anyone with a check-in row (a waitlisted person let in at the door). Hours are computed
for everyone present (the attendance record shows them); only people who asked for hours and
have a valid ID are eligible for the portal file. Certificates (``services.certificates``),
the course fields (``services.course``) and the portal rows (``services.portal``) are made
from the ``DayReport`` this module reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from db.models import (
    Attendee,
    Certificate,
    CheckAction,
    CheckIn,
    Event,
    EventSession,
    HoursAdjustment,
    IdStatus,
    Registration,
    SeatAssignment,
)
from db.uow import Database
from desktop.core import hours as rules
from desktop.core.hours import HoursPolicy, Reason, Rule
from desktop.core.outcomes import closeday
from desktop.core.problems import CodedError
from desktop.core.status import holds_seat
from desktop.core.text import clean, mask_name, match_key
from desktop.reports.docparts import Heading
from desktop.reports.fonts import Fallback
from desktop.services import audit
from desktop.services.events import SessionInfo, event_of_session, find_session


class CloseDayError(CodedError):
    """Something the organiser typed or configured cannot be used; the message says what."""


@dataclass(frozen=True)
class CourseInfo:
    event_id: int
    event_name: str
    course_name: str
    organiser: str
    executor: str
    course_code: str
    category_code: str
    degree_credit: str
    learning_mode: str
    session: SessionInfo
    city_code: str
    term: str
    settings: dict[str, Any]
    policy: HoursPolicy
    course_hours: float
    class_start: dt.datetime  # announced class time of the session
    class_end: dt.datetime
    planned_start: dt.datetime  # first credit block as announced (the session when none)
    planned_end: dt.datetime
    actual_start: dt.datetime  # first credit block as run (planned when not run)
    actual_end: dt.datetime
    seal_image: bytes | None = None
    signature_image: bytes | None = None

    def fallback_font(self) -> Fallback | None:
        return Fallback.of(self.settings.get("fallback_font"))


@dataclass(frozen=True)
class Adjustment:
    hours: float
    reason: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class PersonHours:
    registration_id: int
    attendee_id: int
    name: str
    agency: str
    unit: str
    title: str
    table: int | None
    status: str
    remark: str
    wants_hours: bool
    id_status: str
    first_in: dt.datetime | None
    last_out: dt.datetime | None
    intervals: tuple[rules.Interval, ...]
    computed_hours: float
    hours: float  # credited: the adjustment when there is one, else computed
    full: bool
    reasons: tuple[str, ...]
    adjustment: Adjustment | None
    certificate: str | None  # serial when a certificate was issued
    rule: str = Rule.ATTENDED  # what decided the hours (desktop.core.hours.Rule)
    schedule: str = rules.Schedule.ANNOUNCED  # which times judged the day

    def full_attendance(self, course_hours: float) -> bool:
        """Completion wording applies: computed full attendance, or the organiser adjusted
        the hours to the whole course."""
        return self.full or (self.adjustment is not None and self.hours >= course_hours > 0)

    @property
    def present(self) -> bool:
        return bool(self.intervals)

    @property
    def eligible(self) -> bool:
        """May be reported to the portal: asked for hours and has a valid ID."""
        return self.wants_hours and self.id_status == IdStatus.VALID

    @property
    def needs_review(self) -> bool:
        """Late, early, left, no sign-out/in, checked in on another day, or no valid ID; an
        adjustment settles the attendance reasons (not a missing ID)."""
        open_reasons = set(self.reasons) & rules.REVIEW_REASONS
        if self.adjustment is not None:
            open_reasons &= {Reason.NO_ID}
        seen = self.present or Reason.NOT_SESSION_DAY in self.reasons
        return seen and bool(open_reasons)

    def as_json(self) -> dict[str, Any]:
        """The CLI's ``hours`` keys (a contract). No ID number, phone or e-mail."""
        return {
            "registration_id": self.registration_id,
            "name": self.name,
            "agency": self.agency,
            "table": self.table,
            "status": self.status,
            "first_in": _hhmm(self.first_in),
            "last_out": _hhmm(self.last_out),
            "intervals": [{"in": _hhmm(i.start), "out": _hhmm(i.end)} for i in self.intervals],
            "computed_hours": self.computed_hours,
            "hours": self.hours,
            "full": self.full,
            "reasons": list(self.reasons),
            "rule": self.rule,
            "schedule": self.schedule,
            "wants_hours": self.wants_hours,
            "eligible": self.eligible,
            "adjustment": None
            if self.adjustment is None
            else {
                "hours": self.adjustment.hours,
                "reason": self.adjustment.reason,
                "by": self.adjustment.by,
                "at": self.adjustment.at.isoformat(timespec="seconds"),
            },
            "certificate": self.certificate,
        }


@dataclass(frozen=True)
class DayReport:
    course: CourseInfo
    people: tuple[PersonHours, ...]

    def review(self) -> tuple[PersonHours, ...]:
        return tuple(p for p in self.people if p.needs_review)

    def present(self) -> tuple[PersonHours, ...]:
        return tuple(p for p in self.people if p.present)


def _hhmm(value: dt.datetime | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _blocks(es: EventSession) -> list[rules.Block]:
    return [
        rules.Block(
            b.kind, b.counts_for_hours, b.planned_start, b.planned_end, b.actual_start, b.actual_end
        )
        for b in es.agenda
    ]


def _policy(event: Event) -> HoursPolicy:
    try:
        return HoursPolicy.from_json(event.hours_policy)
    except rules.PolicyError as exc:
        raise CloseDayError(exc.outcome, **exc.params) from None


def _course(event: Event, es: EventSession, info: SessionInfo) -> CourseInfo:
    policy = _policy(event)
    blocks = _blocks(es)
    credit = rules.credit_blocks(blocks, policy)
    class_start = dt.datetime.combine(es.date, es.start_time)
    class_end = dt.datetime.combine(es.date, es.end_time)
    settings = dict(event.certificate_settings or {})
    return CourseInfo(
        event_id=event.id,
        event_name=event.name,
        course_name=settings.get("course_name") or event.name,
        organiser=event.organiser,
        executor=event.executor,
        course_code=event.course_code,
        category_code=event.category_code,
        degree_credit=event.degree_credit,
        learning_mode=event.learning_mode,
        session=info,
        city_code=es.city_code,
        term=es.term,
        settings=settings,
        policy=policy,
        course_hours=rules.course_hours(blocks, policy),
        class_start=class_start,
        class_end=class_end,
        planned_start=min(b.planned_start for b in credit) if credit else class_start,
        planned_end=max(b.planned_end for b in credit) if credit else class_end,
        actual_start=credit[0].start if credit else class_start,
        actual_end=max(b.end for b in credit) if credit else class_end,
        seal_image=event.seal_image,
        signature_image=event.signature_image,
    )


def day_report(db: Database, session_id: int) -> DayReport:
    """Everyone on the session's list with their credited hours and reasons
    (``SessionNotFound`` for a session that does not exist)."""
    info = next(s for s in event_of_session(db, session_id).sessions if s.id == session_id)
    with db.read() as s:
        es = s.get_one(EventSession, session_id)
        event = s.get_one(Event, es.event_id)
        course = _course(event, es, info)
        blocks = _blocks(es)
        log: dict[int, list[tuple[int, str, dt.datetime, int | None]]] = {}
        for row in s.execute(
            select(
                CheckIn.registration_id, CheckIn.id, CheckIn.action, CheckIn.at, CheckIn.voids_id
            )
            .join(Registration)
            # A refused attempt is in the log but is no part of anyone's day.
            .where(Registration.session_id == session_id, CheckIn.action != CheckAction.REFUSED)
            .order_by(CheckIn.id)
        ):
            if row[0] is not None:  # the join keeps rows naming a registration; this narrows
                log.setdefault(row[0], []).append((row[1], row[2], row[3], row[4]))
        adjustments: dict[int, Adjustment] = {}
        for adj in s.scalars(
            select(HoursAdjustment)
            .join(Registration)
            .where(Registration.session_id == session_id)
            .order_by(HoursAdjustment.id)
        ):
            adjustments[adj.registration_id] = Adjustment(adj.hours, adj.reason, adj.by, adj.at)
        serials = dict(
            s.execute(
                select(Certificate.registration_id, Certificate.serial)
                .join(Registration)
                .where(Registration.session_id == session_id)
            ).all()
        )
        regs = (
            s.scalars(
                select(Registration)
                .options(
                    joinedload(Registration.attendee),
                    joinedload(Registration.seat).joinedload(SeatAssignment.table),
                )
                .where(Registration.session_id == session_id)
                .order_by(Registration.queue, Registration.id)
            )
            .unique()
            .all()
        )
        people = []
        for r in regs:
            if not holds_seat(r.status) and r.id not in log:
                continue
            people.append(
                _person(
                    r,
                    log.get(r.id, []),
                    blocks,
                    course.policy,
                    adjustments.get(r.id),
                    serials.get(r.id),
                )
            )
    return DayReport(course, tuple(people))


def _person(r: Registration, log, blocks, policy, adjustment, serial) -> PersonHours:
    a: Attendee = r.attendee
    credit = rules.person_credit(rules.effective_marks(log), blocks, policy)
    reasons = list(credit.reasons)
    if credit.intervals:
        if not a.wants_hours:
            reasons.append(Reason.NOT_REQUESTED)
        elif a.id_status != IdStatus.VALID:
            reasons.append(Reason.NO_ID)
    if adjustment is not None:
        reasons.append(Reason.ADJUSTED)
    return PersonHours(
        registration_id=r.id,
        attendee_id=a.id,
        name=a.name,
        agency=a.agency,
        unit=a.unit,
        title=a.title,
        table=r.seat.table.number if r.seat is not None else None,
        status=r.status,
        remark=r.remark,
        wants_hours=a.wants_hours,
        id_status=a.id_status,
        first_in=credit.first_in,
        last_out=credit.last_out,
        intervals=credit.intervals,
        computed_hours=credit.hours,
        hours=adjustment.hours if adjustment is not None else credit.hours,
        full=credit.full,
        reasons=tuple(reasons),
        adjustment=adjustment,
        certificate=serial,
        rule=Rule.ADJUSTED if adjustment is not None else credit.rule,
        schedule=credit.schedule,
    )


def session_hours(db: Database, name: str | None) -> DayReport:
    """``--session NAME`` → the day report (raises ``SessionNotFound``)."""
    return day_report(db, find_session(db, name).id)


def adjust_hours(
    db: Database,
    registration_id: int,
    hours: float,
    reason: str,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> Adjustment:
    """Override a person's credited hours; the reason is required and the change audited."""
    reason = clean(reason)
    if not reason:
        raise CloseDayError(closeday.REASON_REQUIRED)
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        reg = s.get(Registration, registration_id)
        if reg is None:
            raise CloseDayError(closeday.NO_REGISTRATION, id=registration_id)
        es = s.get_one(EventSession, reg.session_id)
        event = s.get_one(Event, es.event_id)
        policy = _policy(event)
        limit = rules.course_hours(_blocks(es), policy)
        if not 0 <= hours <= limit:
            raise CloseDayError(
                closeday.HOURS_OUT_OF_RANGE,
                limit=f"{limit:g}",
                hours=f"{hours:g}",
            )
        if abs(hours / policy.step - round(hours / policy.step)) > 1e-9:
            raise CloseDayError(
                closeday.HOURS_NOT_STEP,
                step=f"{policy.step:g}",
                hours=f"{hours:g}",
            )
        s.add(
            HoursAdjustment(
                registration_id=reg.id, hours=float(hours), reason=reason, by=actor, at=at
            )
        )
        audit.record(
            s,
            "hours.adjust",
            actor=actor,
            entity="registration",
            entity_id=reg.id,
            at=at,
            hours=float(hours),
            reason=reason,
            name=mask_name(reg.attendee.name),
        )
    return Adjustment(float(hours), reason, actor, at)


def sort_people(people: Sequence[PersonHours], order: str) -> list[PersonHours]:
    """``agency`` (機關, then name) or ``table`` (桌號, unseated last) or ``queue``."""
    # 台/臺 and full-/half-width forms sort as one agency (match_key).
    if order == "agency":
        return sorted(people, key=lambda p: (match_key(p.agency), match_key(p.unit), p.name))
    if order == "table":
        return sorted(
            people, key=lambda p: (p.table is None, p.table or 0, match_key(p.agency), p.name)
        )
    return list(people)


def course_heading(course: CourseInfo) -> Heading:
    """The heading every close-of-day document prints (the run times when they differ)."""
    s = course.session
    announced = (course.planned_start, course.planned_end)
    run = (
        None
        if (course.actual_start, course.actual_end) == announced
        else (
            course.planned_start.time(),
            course.planned_end.time(),
            course.actual_start.time(),
            course.actual_end.time(),
        )
    )
    return Heading(
        course=course.course_name,
        session=s.name,
        day=s.date,
        start=s.start_time,
        end=s.end_time,
        venue=s.venue,
        organiser=course.organiser,
        run=run,
    )
