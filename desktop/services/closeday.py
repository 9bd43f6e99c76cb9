"""Closing the day: credited hours per person, the review list, adjustments, certificates,
the course fields of the portal file, and the rows every closing document is made from.

Who is on the day's list: every registration of the session that is admitted or a walk-in,
plus anyone with a check-in row (a waitlisted person let in at the door). Hours are computed
for everyone present (the attendance record shows them); only people who asked for hours and
have a valid ID are eligible for the portal file.

Settings (``Event.certificate_settings``, every key optional):
``serial_pattern`` (default ``研字第{year}{seq:04d}號``; fields ``{year}`` ROC year of issue,
``{ad_year}``, ``{seq}`` the event-wide sequence, ``{term}`` the session's 期別),
``course_name`` (default the event name), ``body`` (the organiser's closing sentence),
``signer`` (e.g. ``主任委員 ○○○``; default the organiser), ``full_text`` / ``partial_text``
(the certificate's sentence for full and for partial attendance, ``{name}`` ``{date}``
``{organiser}`` ``{course}`` ``{session}`` ``{venue}`` ``{hours}``), ``fallback_font`` (a
TrueType font file, or a collection with a TrueType face, for characters the main font lacks).
The seal and signature images are stored in ``Event.seal_image`` / ``Event.signature_image``
(checked when set: a PNG or JPEG of a sensible size).
"""

from __future__ import annotations

import datetime as dt
import io
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
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
    Status,
)
from db.uow import Database
from desktop.core import hours as rules
from desktop.core.hours import HoursPolicy, Reason, Rule
from desktop.core.idvault import IdOpener
from desktop.core.problems import CodedError
from desktop.core.rocdate import roc_year
from desktop.core.text import clean, mask_name, match_key
from desktop.reports import portal_csv
from desktop.reports.fonts import Fallback, FontError, fallback_face
from desktop.services import audit
from desktop.services.events import SessionInfo, find_session

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
SETTINGS_KEYS = (
    "serial_pattern",
    "course_name",
    "body",
    "signer",
    "full_text",
    "partial_text",
    "fallback_font",
)
IMAGE_KEYS = ("seal_image", "signature_image")
IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_PIXELS = (40, 6000)  # each side, in pixels: smaller prints as a smudge


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

    def images_json(self) -> dict[str, dict[str, int] | None]:
        """``seal``/``signature``: the stored image's size, or null."""
        return {
            key: image_info(data)
            for key, data in (("seal", self.seal_image), ("signature", self.signature_image))
        }


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
        """Late, early, left, no sign-out/in, or no valid ID; an adjustment settles the
        attendance reasons (not a missing ID)."""
        open_reasons = set(self.reasons) & rules.REVIEW_REASONS
        if self.adjustment is not None:
            open_reasons &= {Reason.NO_ID}
        return self.present and bool(open_reasons)

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
        raise CloseDayError(exc.code, f"活動的時數規則設定有誤：{exc}", **exc.params) from None


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
    """Everyone on the session's list with their credited hours and reasons."""
    info = next((s for s in _sessions(db) if s.id == session_id), None)
    if info is None:
        raise CloseDayError("no_session", f"找不到場次 #{session_id}", id=session_id)
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
            if r.status not in (Status.ADMITTED, Status.WALK_IN) and r.id not in log:
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


def _person(r: Registration, log, blocks, policy, adjustment, serial) -> PersonHours:  # type: ignore[no-untyped-def]
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


def _sessions(db: Database) -> list[SessionInfo]:
    from desktop.services.events import list_events

    return [es for e in list_events(db) for es in e.sessions]


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
        raise CloseDayError("reason_required", "請輸入原因")
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        reg = s.get(Registration, registration_id)
        if reg is None:
            raise CloseDayError(
                "no_registration", f"找不到報名紀錄 #{registration_id}", id=registration_id
            )
        es = s.get_one(EventSession, reg.session_id)
        event = s.get_one(Event, es.event_id)
        policy = _policy(event)
        limit = rules.course_hours(_blocks(es), policy)
        if not 0 <= hours <= limit:
            raise CloseDayError(
                "hours_out_of_range",
                f"時數須在 0 到課程時數 {limit:g} 小時之間（輸入 {hours:g}）",
                limit=f"{limit:g}",
                hours=f"{hours:g}",
            )
        if abs(hours / policy.step - round(hours / policy.step)) > 1e-9:
            raise CloseDayError(
                "hours_not_step",
                f"時數須為 {policy.step:g} 小時的倍數（輸入 {hours:g}）",
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


# ---------------------------------------------------------------------------- certificates


def image_info(data: bytes | None) -> dict[str, int] | None:
    if not data:
        return None
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        return {"width": img.width, "height": img.height, "bytes": len(data)}


def read_image(key: str, path: str | Path) -> bytes:
    """The bytes of a seal or signature image file, checked: a PNG or JPEG the PDF can embed,
    at most 5 MB and 40–6000 pixels a side."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise CloseDayError("setting_file_missing", f"{key}: 找不到檔案 {path}", key=key, path=path)
    data = path.read_bytes()
    if len(data) > IMAGE_MAX_BYTES:
        raise CloseDayError(
            "image_too_large",
            f"{key}: {path.name} 有 {len(data) / 1e6:.1f} MB，超過 5 MB；請縮小圖檔",
            key=key,
            path=path.name,
            mb=f"{len(data) / 1e6:.1f}",
        )
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            kind, size = img.format, img.size
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise CloseDayError(
            "not_an_image",
            f"{key}: {path.name} 不是可讀取的圖片檔（PNG/JPEG）：{exc}",
            key=key,
            path=path.name,
            detail=exc,
        ) from None
    if kind not in ("PNG", "JPEG"):
        raise CloseDayError(
            "image_format",
            f"{key}: {path.name} 是 {kind} 圖檔，請用 PNG 或 JPEG",
            key=key,
            path=path.name,
            kind=kind,
        )
    low, high = IMAGE_PIXELS
    if not all(low <= side <= high for side in size):
        raise CloseDayError(
            "image_size",
            f"{key}: {path.name} 為 {size[0]}×{size[1]} 像素，每邊須在 {low}–{high} 像素之間",
            key=key,
            path=path.name,
            width=size[0],
            height=size[1],
            low=low,
            high=high,
        )
    return data


def certificate_text(template: str) -> None:
    """A full/partial wording template must format with the known fields only."""
    try:
        template.format(**{f: "" for f in TEXT_FIELDS})
    except (KeyError, IndexError, ValueError) as exc:
        fields = "、".join("{" + f + "}" for f in TEXT_FIELDS)
        raise CloseDayError(
            "bad_certificate_text",
            f"證書文字無法使用 {template!r}：未知欄位或括號不成對 {exc}；可用 {fields}",
            template=template,
            detail=exc,
            fields=fields,
        ) from None


def serial_for(pattern: str, seq: int, issued: dt.date, term: str = "") -> str:
    try:
        fields_used = {f for _, f, _, _ in string.Formatter().parse(pattern) if f}
    except ValueError as exc:  # an unmatched { or }
        raise CloseDayError(
            "bad_serial_pattern",
            f"字號格式無法使用 {pattern!r}：{exc}",
            pattern=pattern,
            detail=exc,
        ) from None
    if "seq" not in fields_used:
        raise CloseDayError(
            "serial_without_seq", f"字號格式須含 {{seq}}（輸入 {pattern!r}）", pattern=pattern
        )
    try:
        return pattern.format(year=roc_year(issued), ad_year=issued.year, seq=seq, term=term)
    except (KeyError, ValueError, IndexError, TypeError, AttributeError) as exc:
        raise CloseDayError(
            "bad_serial_pattern",
            f"字號格式無法使用 {pattern!r}：{exc!r}",
            pattern=pattern,
            detail=repr(exc),
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
                    raise CloseDayError(
                        "serial_taken", f"字號重複：{serial}（請調整字號格式）", serial=serial
                    )
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


# ---------------------------------------------------------------------------- course fields


def set_course_fields(
    db: Database,
    session_id: int,
    *,
    event_fields: dict[str, str] | None = None,
    session_fields: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
    policy: dict[str, Any] | None = None,
    images: dict[str, str | Path | None] | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
) -> CourseInfo:
    """Set the portal's course fields once: on the event (``course_code``, ``category_code``,
    ``degree_credit``, ``learning_mode``, ``name``, ``organiser``) and on the session
    (``city_code``, ``term``); certificate settings and hours-policy keys are merged;
    ``images`` (``seal_image``/``signature_image``: a file to store, "" to remove) are read
    into the database."""
    allowed_event = {
        "course_code",
        "category_code",
        "degree_credit",
        "learning_mode",
        "name",
        "organiser",
    }
    allowed_session = {"city_code", "term"}
    event_fields = {k: clean(v) for k, v in (event_fields or {}).items() if v is not None}
    session_fields = {k: clean(v) for k, v in (session_fields or {}).items() if v is not None}
    if bad := (set(event_fields) - allowed_event) | (set(session_fields) - allowed_session):
        raise CloseDayError(
            "not_settable",
            f"無法設定的欄位：{', '.join(sorted(bad))}",
            fields=", ".join(sorted(bad)),
        )
    if "name" in event_fields and not event_fields["name"]:
        raise CloseDayError("course_name_required", "課程名稱不可空白")
    if bad := set(settings or {}) - set(SETTINGS_KEYS):
        raise CloseDayError(
            "unknown_setting",
            f"未知的證書設定：{', '.join(sorted(bad))}",
            fields=", ".join(sorted(bad)),
        )
    code = session_fields.get("city_code")
    if code is not None and code and not (code.isdigit() and len(code) == 2):
        raise CloseDayError(
            "bad_city_code", f"上課縣市代碼須為兩位數字（如 10 臺北市）：{code!r}", value=code
        )
    font = (settings or {}).get("fallback_font")
    if font:
        try:
            fallback_face(font)
        except FontError as exc:
            raise CloseDayError("bad_fallback_font", f"fallback_font: {exc}", detail=exc) from None
        settings = {**(settings or {}), "fallback_font": str(Path(font).resolve())}
    for key in ("full_text", "partial_text"):
        if (settings or {}).get(key):
            certificate_text(settings[key])  # type: ignore[index]
    if bad := set(images or {}) - set(IMAGE_KEYS):
        raise CloseDayError(
            "unknown_setting",
            f"未知的圖檔設定：{', '.join(sorted(bad))}",
            fields=", ".join(sorted(bad)),
        )
    # "" clears an image; a path is read and checked before anything is saved.
    image_data = {
        key: read_image(key, path) if path else None
        for key, path in (images or {}).items()
        if path is not None
    }
    if settings and settings.get("serial_pattern"):
        serial_for(settings["serial_pattern"], 1, dt.date.today())
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        es = s.get_one(EventSession, session_id)
        event = s.get_one(Event, es.event_id)
        for key, value in event_fields.items():
            setattr(event, key, value)
        for key, value in session_fields.items():
            setattr(es, key, value)
        if settings:
            event.certificate_settings = {**(event.certificate_settings or {}), **settings}
        for key, data in image_data.items():
            setattr(event, key, data)
        if policy:
            merged = {**(event.hours_policy or {}), **policy}
            try:
                checked = HoursPolicy.from_json(merged)
            except rules.PolicyError as exc:
                raise CloseDayError(exc.code, str(exc), **exc.params) from None
            if checked.course_hours is not None:
                start, end = _session_span(es)
                longest = (end - start).total_seconds() / 3600
                if checked.course_hours > longest:
                    raise CloseDayError(
                        "course_hours_too_long",
                        f"course_hours: {checked.course_hours:g} 小時超過場次時間 "
                        f"{longest:g} 小時（{start:%H:%M}–{end:%H:%M}）",
                        hours=f"{checked.course_hours:g}",
                        longest=f"{longest:g}",
                        span=f"{start:%H:%M}–{end:%H:%M}",
                    )
            event.hours_policy = merged
        audit.record(
            s,
            "course.set",
            actor=actor,
            entity="event",
            entity_id=event.id,
            at=at,
            event_fields=event_fields,
            session_fields=session_fields,
            settings=settings or {},
            policy=policy or {},
            images={k: image_info(v) for k, v in image_data.items()},
        )
    return day_report(db, session_id).course


def _session_span(es: EventSession) -> tuple[dt.datetime, dt.datetime]:
    """The longest the day could credit: the announced session time or the agenda's span."""
    start = dt.datetime.combine(es.date, es.start_time)
    end = dt.datetime.combine(es.date, es.end_time)
    if es.agenda:
        start = min(start, min(b.planned_start for b in es.agenda))
        end = max(end, max(b.planned_end for b in es.agenda))
    return start, end


# ---------------------------------------------------------------------------- portal file


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
        raise CloseDayError("no_id_key", "此活動沒有身分證字號金鑰")
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
            "no_hours",
            f"核給 0 小時（{rules.reason_text(p.reasons) or '—'}），完整課程資料不列未通過者",
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


__all__ = [
    "CloseDayError",
    "CourseInfo",
    "DayReport",
    "PersonHours",
    "PortalResult",
    "adjust_hours",
    "day_report",
    "issue_certificates",
    "portal_file",
    "session_hours",
    "set_course_fields",
    "sort_people",
]
