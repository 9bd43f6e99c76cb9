"""The close-of-day documents of a session: sign-in sheet, attendance record, certificates,
badges. Maps the day's rows (``services.hours``) to the report builders' plain rows and draws
them; the export service (``services.exports.close_of_day``) writes the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from db.models import Event
from db.uow import Database
from desktop.core.hours import REASON_LABELS, Reason
from desktop.core.outcomes import closeday
from desktop.core.tokens import make_token
from desktop.reports.docparts import Progress
from desktop.reports.fonts import GlyphProblem, glyph_record
from desktop.services.certificates import draw_certificates, no_certificates, with_hours
from desktop.services.hours import (
    CloseDayError,
    DayReport,
    PersonHours,
    course_heading,
    day_report,
    sort_people,
)

if TYPE_CHECKING:
    from desktop.reports.attendance import AttendanceRow

DOCUMENTS = ("signin", "attendance", "certificates", "badges")
ORDERS = ("agency", "table", "queue")
TITLES = {
    "signin": "簽到表",
    "attendance": "出席紀錄",
    "certificates": "研習證明書",
    "badges": "名牌",
}


def people_for(document: str, report: DayReport) -> list[PersonHours]:
    if document == "certificates":
        return with_hours(report)
    # sign-in sheet, attendance record and badges: everyone expected in the room
    return list(report.people)


def nobody_refusal(document: str, report: DayReport) -> CloseDayError:
    """Why the document would have nobody in it (it is refused rather than written empty)."""
    name = report.course.session.name
    if not report.people:
        return CloseDayError(
            closeday.DOCUMENT_NOBODY_ON_ROSTER, session=name, document=TITLES[document]
        )
    return no_certificates(report)


def check_glyphs(db: Database, session_id: int, document: str) -> tuple[GlyphProblem, ...]:
    """Text the document would print as empty boxes: the document is built in memory (no
    serials issued) and every string drawn is checked against the font it is drawn in."""
    report = day_report(db, session_id)
    people = people_for(document, report)
    if not people:
        return ()
    with glyph_record() as drawn:
        render(db, report, document, sort_people(people, "agency"), BytesIO(), issue=False)
    return drawn.problems()


def render(
    db: Database,
    report: DayReport,
    document: str,
    people: Sequence[PersonHours],
    target: Path | BytesIO,
    *,
    progress: Progress | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
    issue: bool,
) -> tuple[str, ...]:
    """Draw ``document``; for certificates, the serials in print order ("" for nobody).
    Each builder is imported when its document is drawn: certificates are drawn on the
    canvas, and a batch of them does not load platypus for the other three."""
    course = report.course
    fallback = course.fallback_font()
    head = course_heading(course)
    if document == "signin":
        from desktop.reports.signin_sheet import SignInRow, build_signin_sheet

        build_signin_sheet(
            head,
            [SignInRow(p.agency, p.unit, p.title, p.name, p.table, p.remark) for p in people],
            target,
            fallback=fallback,
        )
    elif document == "attendance":
        from desktop.reports.attendance import build_attendance

        build_attendance(
            head,
            [_attendance_row(p) for p in people],
            target,
            course_hours=course.course_hours,
            fallback=fallback,
        )
    elif document == "badges":
        from desktop.reports.badges import BadgeRow, build_badges
        from desktop.services.room import codes_for, give_codes

        with db.unit_of_work() as s:  # a seat holder still without a room code gets one
            give_codes(s, course.session.id)
            secret = s.get_one(Event, course.event_id).token_secret
            codes = codes_for(s, [p.registration_id for p in people])
        rows = [
            BadgeRow(
                p.name,
                p.agency,
                p.unit,
                p.table,
                make_token(secret, p.registration_id),
                codes.get(p.registration_id, ""),
            )
            for p in people
        ]
        build_badges(head, rows, target, fallback=fallback, progress=progress)
    else:
        return draw_certificates(
            db, report, people, target, progress=progress, actor=actor, now=now, issue=issue
        )
    return ()


def _attendance_row(p: PersonHours) -> AttendanceRow:
    from desktop.reports.attendance import AttendanceRow

    ins = tuple(i.start.strftime("%H:%M") for i in p.intervals)
    outs = tuple(i.end.strftime("%H:%M") if i.end else "—" for i in p.intervals)
    shown = [r for r in p.reasons if r not in (Reason.NOT_REQUESTED,)]
    note = "、".join(REASON_LABELS.get(r, r) for r in shown)
    if p.adjustment is not None:
        note += f"（調整：{p.adjustment.reason}）"
    return AttendanceRow(p.agency, p.unit, p.name, ins, outs, p.hours, note, p.table)
