"""Certificates (研習證明書): serials, the wording for full or partial attendance, issuing a
batch (a first print takes the event's next sequence number, a reprint keeps its serial and
counts the print), and drawing them.

Settings (``Event.certificate_settings``, every key optional): ``serial_pattern`` (default
``研字第{year}{seq:04d}號``; fields ``{year}`` ROC year of issue, ``{ad_year}``, ``{seq}`` the
event-wide sequence, ``{term}`` the session's 期別), ``course_name`` (default the event
name), ``body`` (the organiser's closing sentence), ``signer`` (e.g. ``主任委員 ○○○``; default
the organiser), ``full_text`` / ``partial_text`` (the certificate's sentence for full and for
partial attendance, ``{name}`` ``{date}`` ``{organiser}`` ``{course}`` ``{session}``
``{venue}`` ``{hours}``), ``fallback_font`` (a TrueType font file, or a collection with a
TrueType face, for characters the main font lacks). The seal and signature images are stored
in ``Event.seal_image`` / ``Event.signature_image``.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from sqlalchemy import func, select

from db.models import Certificate
from db.uow import Database
from desktop.core.hours import Reason
from desktop.core.outcomes import closeday
from desktop.core.rocdate import roc_date, roc_year
from desktop.reports.certificates import CertificateLayout, CertificateText, build_certificates
from desktop.reports.docparts import Progress
from desktop.reports.portal_csv import hours_text
from desktop.services import audit
from desktop.services.hours import (
    CloseDayError,
    CourseInfo,
    DayReport,
    PersonHours,
    course_heading,
    day_report,
)

DEFAULT_SERIAL_PATTERN = "研字第{year}{seq:04d}號"
DEFAULT_BODY = "特頒此證。"
# Completion wording only for full attendance (DOMAIN.md "Paper"); otherwise the hours.
DEFAULT_FULL_TEXT = (
    "{name} 君於{date}參加{organiser}舉辦之「{course}」（{session}，{venue}），全程參與，研習期滿。"
)
DEFAULT_PARTIAL_TEXT = (
    "{name} 君於{date}參加{organiser}舉辦之「{course}」（{session}，{venue}）"
    "研習，計 {hours} 小時。"
)
TEXT_FIELDS = ("name", "date", "organiser", "course", "session", "venue", "hours")


@dataclass(frozen=True)
class CertificateRow:
    registration_id: int
    serial: str
    sequence: int
    name: str
    agency: str
    hours: float
    issued_on: dt.date
    print_count: int


def certificate_text(template: str) -> None:
    """A full/partial wording template must format with the known fields only."""
    try:
        template.format(**{f: "" for f in TEXT_FIELDS})
    except (KeyError, IndexError, ValueError) as exc:
        fields = "、".join("{" + f + "}" for f in TEXT_FIELDS)
        raise CloseDayError(
            closeday.BAD_CERTIFICATE_TEXT,
            template=template,
            detail=exc,
            fields=fields,
        ) from None


def serial_for(pattern: str, seq: int, issued: dt.date, term: str = "") -> str:
    try:
        fields_used = {f for _, f, _, _ in string.Formatter().parse(pattern) if f}
    except ValueError as exc:  # an unmatched { or }
        raise CloseDayError(closeday.BAD_SERIAL_PATTERN, pattern=pattern, detail=exc) from None
    if "seq" not in fields_used:
        raise CloseDayError(closeday.SERIAL_WITHOUT_SEQ, pattern=pattern)
    try:
        return pattern.format(year=roc_year(issued), ad_year=issued.year, seq=seq, term=term)
    except (KeyError, ValueError, IndexError, TypeError, AttributeError) as exc:
        raise CloseDayError(
            closeday.BAD_SERIAL_PATTERN, pattern=pattern, detail=repr(exc)
        ) from None


def issue_certificates(
    db: Database,
    session_id: int,
    registration_ids: Iterable[int] | None = None,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
    dry_run: bool = False,
    report: DayReport | None = None,
) -> tuple[CertificateRow, ...]:
    """Certificates for everyone with credited hours (or the chosen registrations, numbered
    in the order given).

    A first print takes the next sequence number of the event; a reprint keeps the serial,
    counts the print and carries the current credited hours. ``dry_run`` returns what would
    be issued and writes nothing (the PDF is built first, the issue recorded after). A batch
    that already has the session's ``report`` passes it: the day's figures once per batch.
    """
    at = now or dt.datetime.now()
    report = report or day_report(db, session_id)
    chosen = [p for p in report.people if p.hours > 0]
    if registration_ids is not None:
        # New serials follow the order asked for (the printed order), so the stack of
        # certificates comes out of the printer numbered in sequence.
        position = {reg_id: i for i, reg_id in enumerate(dict.fromkeys(registration_ids))}
        chosen = sorted(
            (p for p in chosen if p.registration_id in position),
            key=lambda p: position[p.registration_id],
        )
    pattern = report.course.settings.get("serial_pattern") or DEFAULT_SERIAL_PATTERN
    serial_for(pattern, 1, at.date())  # fail before anything is written
    rows: list[CertificateRow] = []
    with db.read() if dry_run else db.unit_of_work() as s:
        existing = {
            c.registration_id: c
            for c in s.scalars(
                select(Certificate).where(
                    Certificate.registration_id.in_([p.registration_id for p in chosen])
                )
            )
        }
        seq = (
            s.scalar(
                select(func.max(Certificate.sequence)).where(
                    Certificate.event_id == report.course.event_id
                )
            )
            or 0
        )
        taken = set(
            s.scalars(
                select(Certificate.serial).where(Certificate.event_id == report.course.event_id)
            )
        )
        new = reprinted = 0
        for p in chosen:
            cert = existing.get(p.registration_id)
            if cert is None:
                seq += 1
                serial = serial_for(pattern, seq, at.date(), report.course.term)
                if serial in taken:
                    raise CloseDayError(closeday.SERIAL_TAKEN, serial=serial)
                taken.add(serial)
                cert = Certificate(
                    event_id=report.course.event_id,
                    registration_id=p.registration_id,
                    serial=serial,
                    sequence=seq,
                    hours=p.hours,
                    issued_at=at,
                    print_count=1,
                )
                s.add(cert)
                new += 1
            else:
                cert.print_count += 1
                cert.hours = p.hours
                reprinted += 1
            rows.append(
                CertificateRow(
                    p.registration_id,
                    cert.serial,
                    cert.sequence,
                    p.name,
                    p.agency,
                    p.hours,
                    cert.issued_at.date(),
                    cert.print_count,
                )
            )
        if dry_run:
            s.expunge_all()
        elif rows:
            audit.record(
                s,
                "certificates.print",
                actor=actor,
                entity="session",
                entity_id=session_id,
                at=at,
                issued=new,
                reprinted=reprinted,
            )
    return tuple(rows)


def certificate_layout(course: CourseInfo) -> CertificateLayout:
    settings = course.settings
    return CertificateLayout(
        heading=course_heading(course),
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


def draw_certificates(
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
    """Draw the certificates of ``people`` (in this order) to ``target``; with ``issue``
    record them issued afterwards. Returns the serials in print order ("" for nobody)."""
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


def with_hours(report: DayReport) -> list[PersonHours]:
    """Who gets a certificate: everyone credited some hours."""
    return [p for p in report.people if p.hours > 0]


def no_certificates(report: DayReport) -> CloseDayError:
    """Why nobody of the day gets a certificate (the batch is refused, never written empty)."""
    name = report.course.session.name
    present = report.present()
    if any(Reason.NO_AGENDA in p.reasons for p in report.people):
        why = closeday.CERTIFICATES_NO_AGENDA
    elif not present:
        why = closeday.CERTIFICATES_NOBODY_PRESENT
    else:
        why = closeday.CERTIFICATES_NO_HOURS
    return CloseDayError(why, session=name, n=len(present))


def certificate_preview(
    db: Database, session_id: int, registration_id: int | None = None
) -> tuple[PersonHours, bytes]:
    """One certificate as it would print (PDF bytes), for the chosen person or the first with
    credited hours; issues nothing. Raises ``CloseDayError`` when nobody has hours."""
    report = day_report(db, session_id)
    people = with_hours(report)
    chosen = [p for p in people if p.registration_id == registration_id] or people[:1]
    if not chosen:
        raise no_certificates(report)
    buffer = BytesIO()
    draw_certificates(db, report, chosen, buffer, progress=None, actor="", now=None, issue=False)
    return chosen[0], buffer.getvalue()
