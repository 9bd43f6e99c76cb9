"""The close-of-day documents for a session: sign-in sheet, attendance record, certificates,
badges. Gathers the rows (services) and hands them to the report builders (pure)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.models import Event
from db.uow import Database
from desktop.core.hours import REASON_LABELS, Reason
from desktop.core.tokens import make_token
from desktop.reports.attendance import AttendanceRow, build_attendance
from desktop.reports.badges import BadgeRow, build_badges
from desktop.reports.certificates import CertificateLayout, CertificateText, build_certificates
from desktop.reports.docparts import GlyphProblem, Heading, Progress, glyph_check
from desktop.reports.signin_sheet import SignInRow, build_signin_sheet
from desktop.services.closeday import (
    DEFAULT_BODY,
    CloseDayError,
    CourseInfo,
    PersonHours,
    check_image,
    day_report,
    issue_certificates,
    sort_people,
)

DOCUMENTS = ("signin", "attendance", "certificates", "badges")
ORDERS = ("agency", "table", "queue")
TITLES = {"signin": "簽到表", "attendance": "出席紀錄", "certificates": "研習證明書",
          "badges": "名牌"}


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
    return Heading(course=course.course_name, session=s.name, day=s.date, start=s.start_time,
                   end=s.end_time, venue=s.venue, organiser=course.organiser)


def _people_for(document: str, people: tuple[PersonHours, ...]) -> list[PersonHours]:
    if document == "certificates":
        return [p for p in people if p.hours > 0]
    if document == "attendance":
        return list(people)
    # sign-in sheet and badges: everyone expected in the room
    return list(people)


def check_glyphs(db: Database, session_id: int, document: str) -> tuple[GlyphProblem, ...]:
    """Names (and agencies) on the document that would print as empty boxes."""
    report = day_report(db, session_id)
    people = _people_for(document, report.people)
    texts = [p.name for p in people] + [p.agency for p in people] + [p.unit for p in people]
    return glyph_check(texts, report.course.fallback_font())


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
    into place, so a cancelled or failed build leaves nothing half-written)."""
    if document not in DOCUMENTS:
        raise CloseDayError("unknown_document", f"文件種類須為 {'/'.join(DOCUMENTS)}（輸入 {document!r}）",
                            choices="/".join(DOCUMENTS), value=document)
    if order not in ORDERS:
        raise CloseDayError("unknown_order", f"排序須為 {'/'.join(ORDERS)}（輸入 {order!r}）",
                            choices="/".join(ORDERS), value=order)
    report = day_report(db, session_id)
    course = report.course
    fallback = course.fallback_font()
    people = sort_people(_people_for(document, report.people), order)
    problems = glyph_check([p.name for p in people] + [p.agency for p in people]
                           + [p.unit for p in people], fallback)
    head = heading(course)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".doc-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    serials: tuple[str, ...] = ()
    try:
        if document == "signin":
            build_signin_sheet(head, [SignInRow(p.agency, p.unit, p.title, p.name, p.table,
                                                p.remark) for p in people], tmp,
                               fallback=fallback)
        elif document == "attendance":
            build_attendance(head, [_attendance_row(p) for p in people], tmp,
                             course_hours=course.course_hours, fallback=fallback)
        elif document == "badges":
            with db.read() as s:
                secret = s.scalar(select(Event.token_secret).where(Event.id == course.event_id))
            rows = [BadgeRow(p.name, p.agency, p.unit, p.table,
                             make_token(secret, p.registration_id)) for p in people]
            build_badges(head, rows, tmp, fallback=fallback, progress=progress)
        else:
            build_certificates_for(db, session_id, course, people, tmp, fallback=fallback,
                                   progress=progress, actor=actor, now=now)
            issued = {p.registration_id: p.certificate
                      for p in day_report(db, session_id).people}
            serials = tuple(issued.get(p.registration_id) or "" for p in people)  # print order
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return DocumentResult(document, target, len(people), problems, serials)


def build_certificates_for(db, session_id, course, people, target, *, fallback, progress,
                           actor, now) -> None:  # type: ignore[no-untyped-def]
    settings = course.settings
    for key in ("seal_image", "signature_image"):
        check_image(key, settings.get(key))  # moved or replaced since it was set
    layout = CertificateLayout(
        heading=heading(course),
        body=settings.get("body") or DEFAULT_BODY,
        signer=settings.get("signer", ""),
        seal_image=Path(settings["seal_image"]) if settings.get("seal_image") else None,
        signature_image=(Path(settings["signature_image"])
                         if settings.get("signature_image") else None),
    )
    # Build first on the current serials (issued ones kept, new ones numbered in a dry
    # run), then record the issue only when the PDF was built: a cancelled batch issues nothing.
    issued = issue_certificates(db, session_id, [p.registration_id for p in people],
                                actor=actor, now=now, dry_run=True)
    by_reg = {c.registration_id: c for c in issued}
    texts = [CertificateText(by_reg[p.registration_id].serial, p.name, p.agency, p.hours,
                             by_reg[p.registration_id].issued_on)
             for p in people if p.registration_id in by_reg]
    build_certificates(layout, texts, target, fallback=fallback, progress=progress)
    issue_certificates(db, session_id, [p.registration_id for p in people], actor=actor,
                       now=now)


def _attendance_row(p: PersonHours) -> AttendanceRow:
    ins = tuple(i.start.strftime("%H:%M") for i in p.intervals)
    outs = tuple(i.end.strftime("%H:%M") if i.end else "—" for i in p.intervals)
    shown = [r for r in p.reasons if r not in (Reason.NOT_REQUESTED,)]
    note = "、".join(REASON_LABELS.get(r, r) for r in shown)
    if p.adjustment is not None:
        note += f"（調整：{p.adjustment.reason}）"
    return AttendanceRow(p.agency, p.unit, p.name, ins, outs, p.hours, note, p.table)
