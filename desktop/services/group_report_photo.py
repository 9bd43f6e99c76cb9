"""The flip-chart photo of a table's group report: check, re-encode, attach, remove, read.

A photo is checked whole before it is stored (size limit, pixel count, a readable image, a
known format), so a picture cut short is refused when attached, not when the compilation PDF
is printed. Its pixel count is read from the header before anything is decoded: a 20 KB PNG
can claim 13000×13000 pixels (half a gigabyte once decoded), and the venue server runs inside
the desk's window. At most ``MAX_DECODES`` images are decoded at once, and a JPEG is decoded
at a reduced size when it is going to be shrunk anyway, so the memory photos take is bounded.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from db.models import GroupReport
from db.uow import Database
from desktop.core.outcomes import group_reports as words
from desktop.services import audit
from desktop.services.group_reports import GroupReportError, report_of, workshop_table

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage
    from PIL.ImageFile import ImageFile

MAX_PHOTO_BYTES = 10 * 1024 * 1024
# A phone's camera photo is at most ~50 MP; a JPEG is decoded at 1/2–1/8 scale when shrunk.
MAX_PIXELS = 50_000_000
# Other formats (screenshots, PNG exports) are decoded at full size: 24 MP is 96 MB as RGBA.
MAX_FULL_DECODE_PIXELS = 24_000_000
DRAFT_FORMATS = ("JPEG", "MPO")
MAX_DECODES = 2  # images decoded at once; each holds up to ~100 MB while it is
DECODE_WAIT = 10.0  # seconds a photo waits for its turn before the sender is told to retry
MAX_PHOTO_SIDE = 2400  # pixels a side of a re-encoded photo: a flip chart stays readable
PHOTO_FORMATS = {
    "JPEG": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "BMP": "BMP",
    "WEBP": "WebP",
    "MPO": "JPEG",
}

_decodes = threading.BoundedSemaphore(MAX_DECODES)
# ``warnings.catch_warnings`` swaps a process-wide list: two threads inside it at once could
# leave the wrong filters behind, so header reads take turns (they take microseconds).
_header_lock = threading.Lock()


@dataclass(frozen=True)
class PhotoCheck:
    data: bytes
    format: str
    width: int
    height: int


def _too_large(name: str, size: int) -> GroupReportError:
    return GroupReportError(
        words.PHOTO_TOO_LARGE,
        name=name,
        mb=f"{size / 1024 / 1024:.1f}",
        limit=MAX_PHOTO_BYTES // 1024 // 1024,
    )


def _too_many_pixels(name: str, limit: int, size: tuple[int, int] | None) -> GroupReportError:
    """``size`` is unknown when Pillow refused the header itself (beyond twice ``MAX_PIXELS``)."""
    return GroupReportError(
        words.PHOTO_TOO_MANY_PIXELS,
        name=name,
        limit_mp=limit // 1_000_000,
        size=f"{size[0]}x{size[1]}" if size else "",
    )


def _damaged(name: str) -> GroupReportError:
    return GroupReportError(words.PHOTO_DAMAGED, name=name)


def _open_header(data: bytes, name: str) -> ImageFile:
    """The image with only its header read, refused when it is not a photo we take: too many
    bytes or pixels, not an image, or a format we do not keep."""
    if len(data) > MAX_PHOTO_BYTES:
        raise _too_large(name, len(data))
    from PIL import Image, UnidentifiedImageError

    # Pillow's own bomb check, behind ours: it warns above this and refuses at twice it.
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with _header_lock, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as exc:
        raise GroupReportError(words.PHOTO_NOT_AN_IMAGE, name=name) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name, MAX_PIXELS, None) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _damaged(name) from exc
    fmt = image.format or ""
    if fmt not in PHOTO_FORMATS:
        image.close()
        raise GroupReportError(words.PHOTO_FORMAT, name=name, kind=fmt)
    width, height = image.size
    limit = MAX_PIXELS if fmt in DRAFT_FORMATS else MAX_FULL_DECODE_PIXELS
    if width * height > limit:
        image.close()
        raise _too_many_pixels(name, limit, (width, height))
    return image


@contextmanager
def _decoding(name: str) -> Iterator[None]:
    """One of ``MAX_DECODES`` turns to decode an image; a photo that waits too long is refused
    with a sentence that says to send it again."""
    if not _decodes.acquire(timeout=DECODE_WAIT):
        raise GroupReportError(words.PHOTO_BUSY, name=name)
    try:
        yield
    finally:
        _decodes.release()


def check_photo(data: bytes, name: str) -> PhotoCheck:
    """The bytes when they are a readable image within the size and pixel limits, else a clear
    error.

    The whole picture is decoded once, so a photo cut short (copied off a phone mid-transfer)
    is refused here and not when the compilation PDF is printed."""
    image = _open_header(data, name)
    fmt, (width, height) = image.format or "", image.size
    with image, _decoding(name):
        try:
            image.load()
        except (OSError, SyntaxError, ValueError) as exc:
            raise _damaged(name) from exc
    return PhotoCheck(data, PHOTO_FORMATS[fmt], width, height)


def reencode_photo(data: bytes, name: str) -> bytes:
    """A phone photo as a fresh JPEG: turned upright, at most ``MAX_PHOTO_SIDE`` pixels a
    side, with no metadata of the original (EXIF with GPS, comments, XMP, ICC profile)."""
    from PIL import ImageOps

    image = _open_header(data, name)
    with image, _decoding(name):
        try:
            shrunk: PilImage = image
            if shrunk.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
                shrunk = shrunk.convert("RGBA")  # palette and 1-bit images: resize in colour
            # A JPEG decodes straight at 1/2–1/8 scale here (draft), anything else then shrinks.
            shrunk.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
            rgb = ImageOps.exif_transpose(shrunk).convert("RGB")
        except (OSError, SyntaxError, ValueError) as exc:
            raise _damaged(name) from exc
    # ``convert`` copies the original's info (a JPEG comment among it), and the JPEG encoder
    # writes a comment it finds there: the new picture carries nothing but its pixels.
    rgb.info = {}
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def attach_photo(
    db: Database,
    table_id: int,
    source: Path | bytes,
    *,
    name: str = "",
    author: str = "",
    now: dt.datetime | None = None,
    audit_detail: Mapping[str, Any] | None = None,
) -> PhotoCheck:
    """Store an image file (or bytes) as the table's flip-chart photo, replacing any old one."""
    if isinstance(source, Path):
        name = name or source.name
        try:
            size = source.stat().st_size
            if size > MAX_PHOTO_BYTES:  # don't read a 2 GB video into memory to refuse it
                raise _too_large(name, size)
            data = source.read_bytes()
        except OSError as exc:
            raise GroupReportError(
                words.PHOTO_UNREADABLE,
                path=source,
                detail=exc.strerror or exc,
            ) from exc
    else:
        data = source
    checked = check_photo(data, name or "photo")
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        table = workshop_table(s, table_id)
        report, _ = report_of(s, table, at)
        report.photo = checked.data
        report.photo_name = (name or "photo")[:200]
        report.updated_at = at
        audit.record(
            s,
            "group_report.photo",
            actor=author,
            entity="group_report",
            entity_id=report.id,
            at=at,
            table=table.number,
            bytes=len(data),
            **(audit_detail or {}),
        )
    return checked


def remove_photo(
    db: Database, table_id: int, *, author: str = "", now: dt.datetime | None = None
) -> None:
    with db.unit_of_work() as s:
        report = s.scalar(select(GroupReport).where(GroupReport.table_id == table_id))
        if report is None or report.photo is None:
            return
        report.photo, report.photo_name = None, ""
        report.updated_at = now or dt.datetime.now()
        audit.record(
            s, "group_report.photo_remove", actor=author, entity="group_report", entity_id=report.id
        )


def load_photo(db: Database, table_id: int) -> tuple[bytes, str] | None:
    with db.read() as s:
        report = s.scalar(select(GroupReport).where(GroupReport.table_id == table_id))
        if report is None or report.photo is None:
            return None
        return report.photo, report.photo_name
