"""The close-of-day documents for a session: sign-in sheet, attendance record, certificates,
badges. Gathers the rows (services) and hands them to the report builders (pure)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from sqlalchemy import select

from db.models import Event
from db.uow import Database
from desktop.core.hours import REASON_LABELS, Reason
from desktop.core.rocdate import roc_date
from desktop.core.tokens import make_token
from desktop.reports.attendance import AttendanceRow, build_attendance
from desktop.reports.badges import BadgeRow, build_badges
from desktop.reports.certificates import CertificateLayout, CertificateText, build_certificates
from desktop.reports.docparts import Heading, Progress
from desktop.reports.fonts import GlyphProblem, glyph_record
from desktop.reports.portal_csv import hours_text
from desktop.reports.signin_sheet import SignInRow, build_signin_sheet
from desktop.services.closeday import (
    DEFAULT_BODY,
    DEFAULT_FULL_TEXT,
    DEFAULT_PARTIAL_TEXT,
    CloseDayError,
    CourseInfo,
    DayReport,
    PersonHours,
    day_report,
    issue_certificates,
    sort_people,
)

DOCUMENTS = ("signin", "attendance", "certificates", "badges")
ORDERS = ("agency", "table", "queue")
TITLES = {
    "signin": "簽到表",
    "attendance": "出席紀錄",
    "certificates": "研習證明書",
    "badges": "名牌",
}


@dataclass(frozen=True)
class DocumentResult:
    document: str
    path: Path
    people: int
    glyph_problems: tuple[GlyphProblem, ...]
    serials: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "document": self.document,
            "out": str(self.path),
            "people": self.people,
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
            "missing_glyphs": [g.as_json() for g in self.glyph_problems],
            "serials": list(self.serials),
        }


def heading(course: CourseInfo) -> Heading:
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


def _people_for(document: str, people: tuple[PersonHours, ...]) -> list[PersonHours]:
    if document == "certificates":
        return [p for p in people if p.hours > 0]
    # sign-in sheet, attendance record and badges: everyone expected in the room
    return list(people)


def nobody_refusal(document: str, report: DayReport) -> CloseDayError:
    """Why the document would have nobody in it (it is refused rather than written empty)."""
    name = report.course.session.name
    if not report.people:
        return CloseDayError(
            "document_nobody_on_roster",
            f"{name}名單上沒有人（已錄取或現場報名），{TITLES[document]}未產生",
            session=name,
            document=TITLES[document],
        )
    present = report.present()
    if any(Reason.NO_AGENDA in p.reasons for p in report.people):
        code, why = (
            "certificates_no_agenda",
            "場次沒有計入時數的議程（用 workshop-desk agenda add 或 agenda import 加入）",
        )
    elif not present:
        code, why = "certificates_nobody_present", "還沒有人簽到"
    else:
        code, why = "certificates_no_hours", f"出席 {len(present)} 人都沒有核給時數"
    return CloseDayError(
        code, f"{name}沒有人可發研習證明書：{why}；未產生任何檔案", session=name, n=len(present)
    )


def check_glyphs(db: Database, session_id: int, document: str) -> tuple[GlyphProblem, ...]:
    """Text the document would print as empty boxes: the document is built in memory (no
    serials issued) and every string drawn is checked against the font it is drawn in."""
    report = day_report(db, session_id)
    people = _people_for(document, report.people)
    if not people:
        return ()
    with glyph_record() as drawn:
        _render(db, report, document, sort_people(people, "agency"), BytesIO(), issue=False)
    return drawn.problems()


def build_document(
    db: Database,
    session_id: int,
    document: str,
    target: Path,
    *,
    order: str = "agency",
    progress: Progress | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
) -> DocumentResult:
    """Write ``document`` for the session to ``target`` (atomically: a temporary file renamed
    into place, so a cancelled or failed build leaves nothing half-written). A document with
    nobody in it is refused (``CloseDayError`` saying why), never written empty."""
    if document not in DOCUMENTS:
        raise CloseDayError(
            "unknown_document",
            f"文件種類須為 {'/'.join(DOCUMENTS)}（輸入 {document!r}）",
            choices="/".join(DOCUMENTS),
            value=document,
        )
    if order not in ORDERS:
        raise CloseDayError(
            "unknown_order",
            f"排序須為 {'/'.join(ORDERS)}（輸入 {order!r}）",
            choices="/".join(ORDERS),
            value=order,
        )
    report = day_report(db, session_id)
    people = sort_people(_people_for(document, report.people), order)
    if not people:
        raise nobody_refusal(document, report)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".doc-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with glyph_record() as drawn:
            serials = _render(
                db,
                report,
                document,
                people,
                tmp,
                progress=progress,
                actor=actor,
                now=now,
                issue=True,
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return DocumentResult(document, target, len(people), drawn.problems(), serials)


def _render(
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
    """Draw ``document``; for certificates, the serials in print order ("" for nobody)."""
    course = report.course
    fallback = course.fallback_font()
    head = heading(course)
    if document == "signin":
        build_signin_sheet(
            head,
            [SignInRow(p.agency, p.unit, p.title, p.name, p.table, p.remark) for p in people],
            target,
            fallback=fallback,
        )
    elif document == "attendance":
        build_attendance(
            head,
            [_attendance_row(p) for p in people],
            target,
            course_hours=course.course_hours,
            fallback=fallback,
        )
    elif document == "badges":
        with db.read() as s:
            secret = s.execute(
                select(Event.token_secret).where(Event.id == course.event_id)
            ).scalar_one()
        rows = [
            BadgeRow(p.name, p.agency, p.unit, p.table, make_token(secret, p.registration_id))
            for p in people
        ]
        build_badges(head, rows, target, fallback=fallback, progress=progress)
    else:
        return _certificates(
            db, report, people, target, progress=progress, actor=actor, now=now, issue=issue
        )
    return ()


def certificate_layout(course: CourseInfo) -> CertificateLayout:
    settings = course.settings
    return CertificateLayout(
        heading=heading(course),
        body=settings.get("body") or DEFAULT_BODY,
        signer=settings.get("signer") or course.organiser,
        seal_image=course.seal_image,
        signature_image=course.signature_image,
    )


def certificate_sentence(course: CourseInfo, person: PersonHours) -> str:
    """The certificate's sentence: completion wording only for full attendance, otherwise
    the hours attended (both configurable per event)."""
    full = person.full_attendance(course.course_hours)
    template = (
        course.settings.get("full_text") or DEFAULT_FULL_TEXT
        if full
        else course.settings.get("partial_text") or DEFAULT_PARTIAL_TEXT
    )
    s = course.session
    return template.format(
        name=person.name,
        date=roc_date(s.date, weekday=True),
        organiser=course.organiser,
        course=course.course_name,
        session=s.name,
        venue=s.venue,
        hours=hours_text(person.hours),
    )


def _certificates(
    db: Database,
    report: DayReport,
    people: Sequence[PersonHours],
    target: Path | BytesIO,
    *,
    progress: Progress | None,
    actor: str,
    now: dt.datetime | None,
    issue: bool,
) -> tuple[str, ...]:
    # Build first on the current serials (issued ones kept, new ones numbered in a dry
    # run), then record the issue only when the PDF was built: a cancelled batch issues nothing.
    course = report.course
    session_id = course.session.id
    ids = [p.registration_id for p in people]
    planned = {
        c.registration_id: c
        for c in issue_certificates(
            db, session_id, ids, actor=actor, now=now, dry_run=True, report=report
        )
    }
    texts = [
        CertificateText(
            planned[p.registration_id].serial,
            p.name,
            p.agency,
            p.hours,
            planned[p.registration_id].issued_on,
            certificate_sentence(course, p),
        )
        for p in people
        if p.registration_id in planned
    ]
    build_certificates(
        certificate_layout(course),
        texts,
        target,
        fallback=course.fallback_font(),
        progress=progress,
    )
    if issue:
        planned = {
            c.registration_id: c
            for c in issue_certificates(db, session_id, ids, actor=actor, now=now, report=report)
        }
    return tuple(planned[i].serial if i in planned else "" for i in ids)


def certificate_preview(
    db: Database, session_id: int, registration_id: int | None = None
) -> tuple[PersonHours, bytes]:
    """One certificate as it would print (PDF bytes), for the chosen person or the first with
    credited hours; issues nothing. Raises ``CloseDayError`` when nobody has hours."""
    report = day_report(db, session_id)
    people = _people_for("certificates", report.people)
    chosen = [p for p in people if p.registration_id == registration_id] or people[:1]
    if not chosen:
        raise nobody_refusal("certificates", report)
    buffer = BytesIO()
    _certificates(db, report, chosen, buffer, progress=None, actor="", now=None, issue=False)
    return chosen[0], buffer.getvalue()


def _attendance_row(p: PersonHours) -> AttendanceRow:
    ins = tuple(i.start.strftime("%H:%M") for i in p.intervals)
    outs = tuple(i.end.strftime("%H:%M") if i.end else "—" for i in p.intervals)
    shown = [r for r in p.reasons if r not in (Reason.NOT_REQUESTED,)]
    note = "、".join(REASON_LABELS.get(r, r) for r in shown)
    if p.adjustment is not None:
        note += f"（調整：{p.adjustment.reason}）"
    return AttendanceRow(p.agency, p.unit, p.name, ins, outs, p.hours, note, p.table)
