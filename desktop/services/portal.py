"""The learning-hours portal rows (終身學習入口網站) of a session: everyone who asked for
hours, with the ID numbers opened by the organiser's passphrase. The export service writes
them (``services.exports.portal_hours``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from db.models import Attendee, Event, IdStatus
from db.uow import Database
from desktop.core import hours as rules
from desktop.core.idvault import IdOpener
from desktop.core.outcomes import portal as words
from desktop.core.outcomes import security
from desktop.reports import portal_csv
from desktop.services.hours import CloseDayError, CourseInfo, day_report, sort_people


@dataclass(frozen=True)
class PortalResult:
    portal: portal_csv.PortalFile
    written: int
    skipped: tuple[portal_csv.RowProblem, ...]
    not_eligible: int = 0
    notes: tuple[str, ...] = field(default=())


def portal_file(db: Database, session_id: int, layout: str, passphrase: str) -> PortalResult:
    """The portal rows of everyone who asked for hours.

    Everyone who asked gets an outcome the organiser sees: credited people are written; a
    requester credited 0 h is written as 不通過 in the ``opened`` layout (it has 通過) and
    listed in ``skipped`` (code ``no_hours``, with the reason) in the ``full`` layout. A row
    number is the person's 序號 on the attendance record (sorted by agency).
    Decrypts ID numbers with the organiser's passphrase (``WrongPassphrase`` when it is not).
    Raises ``PortalError`` when the course fields are incomplete. Writes nothing.
    """
    report = day_report(db, session_id)
    number = {
        p.registration_id: n for n, p in enumerate(sort_people(report.people, "agency"), start=1)
    }
    requesters = sorted(
        (p for p in report.people if p.wants_hours), key=lambda p: number[p.registration_id]
    )
    zero = [p for p in requesters if p.hours <= 0] if layout == "full" else []
    wanted = [p for p in requesters if p not in zero]
    with db.read() as s:
        event = s.get_one(Event, report.course.event_id)
        sealed = event.id_private_key_sealed
        ciphers = dict(
            s.execute(
                select(Attendee.id, Attendee.id_cipher).where(
                    Attendee.id.in_([p.attendee_id for p in wanted])
                )
            ).all()
        )
    portal_csv.course_problems(_portal_course(report.course), layout)  # validates layout
    if sealed is None:
        raise CloseDayError(security.NO_ID_KEY)
    opener = IdOpener(sealed, passphrase)
    people = []
    for p in wanted:
        cipher = ciphers.get(p.attendee_id)
        id_number = opener.open(cipher) if cipher and p.id_status != IdStatus.PURGED else None
        people.append(
            portal_csv.PortalPerson(
                row=number[p.registration_id],
                name=p.name,
                id_number=id_number,
                hours=p.hours,
                serial=p.certificate or "",
                attendance=rules.attendance_note(p.reasons),
            )
        )
    portal = portal_csv.build(_portal_course(report.course), people, layout)
    no_hours = [
        portal_csv.RowProblem(
            number[p.registration_id],
            p.name,
            words.NO_HOURS,
            # ``reasons`` in zh-TW for the CLI; the window words ``reason_codes`` itself.
            (("reasons", rules.reason_text(p.reasons) or "—"), ("reason_codes", p.reasons)),
        )
        for p in zero
    ]
    skipped = tuple(sorted((*portal.problems, *no_hours), key=lambda r: r.row))
    return PortalResult(
        portal,
        len(portal.rows),
        skipped,
        not_eligible=sum(1 for p in report.people if p.present and not p.wants_hours),
    )


def portal_course_problems(course: CourseInfo) -> dict[str, list[portal_csv.PortalError]]:
    """For each portal layout, what its course fields still lack ([] when it can be written):
    asked before the passphrase and the file name, so they are filled first."""
    return {
        layout: portal_csv.course_problems(_portal_course(course), layout)
        for layout in portal_csv.LAYOUTS
    }


def _portal_course(c: CourseInfo) -> portal_csv.PortalCourse:
    return portal_csv.PortalCourse(
        name=c.course_name,
        course_code=c.course_code,
        category_code=c.category_code,
        city_code=c.city_code,
        term=c.term,
        degree_credit=c.degree_credit,
        learning_mode=c.learning_mode,
        start=c.class_start,
        end=c.class_end,
        actual_start=c.actual_start,
        actual_end=c.actual_end,
    )
