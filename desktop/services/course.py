"""The course fields of an event and its session, set once: the portal's course codes, the
certificate settings (see ``services.certificates``), the hours policy, and the seal and
signature images (checked when set: a PNG or JPEG of a sensible size)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from db.models import Event, EventSession
from db.uow import Database
from desktop.core import hours as rules
from desktop.core.hours import HoursPolicy
from desktop.core.outcomes import closeday
from desktop.core.text import clean
from desktop.reports.fonts import FontError, fallback_face
from desktop.services import audit
from desktop.services.certificates import certificate_text, serial_for
from desktop.services.hours import CloseDayError, CourseInfo, day_report

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


def images_json(course: CourseInfo) -> dict[str, dict[str, int] | None]:
    """``seal``/``signature``: the stored image's size, or null."""
    return {
        key: image_info(data)
        for key, data in (("seal", course.seal_image), ("signature", course.signature_image))
    }


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
        raise CloseDayError(closeday.SETTING_FILE_MISSING, key=key, path=path)
    data = path.read_bytes()
    if len(data) > IMAGE_MAX_BYTES:
        raise CloseDayError(
            closeday.IMAGE_TOO_LARGE,
            key=key,
            path=path.name,
            mb=f"{len(data) / 1e6:.1f}",
        )
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            kind, size = img.format, img.size
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise CloseDayError(closeday.NOT_AN_IMAGE, key=key, path=path.name, detail=exc) from None
    if kind not in ("PNG", "JPEG"):
        raise CloseDayError(closeday.IMAGE_FORMAT, key=key, path=path.name, kind=kind)
    low, high = IMAGE_PIXELS
    if not all(low <= side <= high for side in size):
        raise CloseDayError(
            closeday.IMAGE_SIZE,
            key=key,
            path=path.name,
            width=size[0],
            height=size[1],
            low=low,
            high=high,
        )
    return data


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
    event_fields, session_fields = _checked_fields(event_fields or {}, session_fields or {})
    settings = _checked_settings(settings or {})
    image_data = _read_images(images or {})
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
            event.hours_policy = _merged_policy(event, es, policy)
        audit.record(
            s,
            "course.set",
            actor=actor,
            entity="event",
            entity_id=event.id,
            at=at,
            event_fields=event_fields,
            session_fields=session_fields,
            settings=settings,
            policy=policy or {},
            images={k: image_info(v) for k, v in image_data.items()},
        )
    return day_report(db, session_id).course


_EVENT_FIELDS = {
    "course_code",
    "category_code",
    "degree_credit",
    "learning_mode",
    "name",
    "organiser",
}
_SESSION_FIELDS = {"city_code", "term"}


def _checked_fields(
    event_fields: dict[str, str], session_fields: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The course fields cleaned; raises for one that cannot be set, a blank course name or a
    city code that is not two digits."""
    event_fields = {k: clean(v) for k, v in event_fields.items() if v is not None}
    session_fields = {k: clean(v) for k, v in session_fields.items() if v is not None}
    if bad := (set(event_fields) - _EVENT_FIELDS) | (set(session_fields) - _SESSION_FIELDS):
        raise CloseDayError(closeday.NOT_SETTABLE, fields=", ".join(sorted(bad)))
    if "name" in event_fields and not event_fields["name"]:
        raise CloseDayError(closeday.COURSE_NAME_REQUIRED)
    code = session_fields.get("city_code")
    if code and not (code.isdigit() and len(code) == 2):
        raise CloseDayError(closeday.BAD_CITY_CODE, value=code)
    return event_fields, session_fields


def _checked_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The certificate settings with the fallback font's path resolved; raises for an unknown
    key, a font reportlab cannot embed, a certificate text or serial pattern that is wrong."""
    if bad := set(settings) - set(SETTINGS_KEYS):
        raise CloseDayError(closeday.UNKNOWN_SETTING, fields=", ".join(sorted(bad)))
    font = settings.get("fallback_font")
    if font:
        try:
            fallback_face(font)
        except FontError as exc:
            raise CloseDayError(closeday.BAD_FALLBACK_FONT, detail=exc) from None
        settings = {**settings, "fallback_font": str(Path(font).resolve())}
    for key in ("full_text", "partial_text"):
        if settings.get(key):
            certificate_text(settings[key])
    if settings.get("serial_pattern"):
        serial_for(settings["serial_pattern"], 1, dt.date.today())
    return settings


def _read_images(images: dict[str, str | Path | None]) -> dict[str, bytes | None]:
    """Each image file read and checked before anything is saved; "" clears an image."""
    if bad := set(images) - set(IMAGE_KEYS):
        raise CloseDayError(closeday.UNKNOWN_SETTING, fields=", ".join(sorted(bad)))
    return {
        key: read_image(key, path) if path else None
        for key, path in images.items()
        if path is not None
    }


def _merged_policy(event: Event, es: EventSession, policy: dict[str, Any]) -> dict[str, Any]:
    """The event's hours policy with ``policy`` merged in, checked; course hours longer than
    the session could credit are refused."""
    merged = {**(event.hours_policy or {}), **policy}
    try:
        checked = HoursPolicy.from_json(merged)
    except rules.PolicyError as exc:
        raise CloseDayError(exc.outcome, **exc.params) from None
    if checked.course_hours is not None:
        start, end = _session_span(es)
        longest = (end - start).total_seconds() / 3600
        if checked.course_hours > longest:
            raise CloseDayError(
                closeday.COURSE_HOURS_TOO_LONG,
                hours=f"{checked.course_hours:g}",
                longest=f"{longest:g}",
                span=f"{start:%H:%M}–{end:%H:%M}",
            )
    return merged


def _session_span(es: EventSession) -> tuple[dt.datetime, dt.datetime]:
    """The longest the day could credit: the announced session time or the agenda's span."""
    start = dt.datetime.combine(es.date, es.start_time)
    end = dt.datetime.combine(es.date, es.end_time)
    if es.agenda:
        start = min(start, min(b.planned_start for b in es.agenda))
        end = max(end, max(b.planned_end for b in es.agenda))
    return start, end
