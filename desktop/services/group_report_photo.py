"""The flip-chart photo of a table's group report: check, attach, remove, read.

A photo is checked whole before it is stored (size limit, a readable image, a known format),
so a picture cut short is refused when attached, not when the compilation PDF is printed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.models import GroupReport
from db.uow import Database
from desktop.services import audit
from desktop.services.group_reports import GroupReportError, report_of, workshop_table

MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_FORMATS = {
    "JPEG": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "BMP": "BMP",
    "WEBP": "WebP",
    "MPO": "JPEG",
}


@dataclass(frozen=True)
class PhotoCheck:
    data: bytes
    format: str
    width: int
    height: int


def _too_large(name: str, size: int) -> GroupReportError:
    return GroupReportError(
        "photo_too_large",
        f"照片「{name}」有 {size / 1024 / 1024:.1f} MB，超過上限 "
        f"{MAX_PHOTO_BYTES // 1024 // 1024} MB；請先縮小（例如用手機的「中」尺寸）再附加",
        name=name,
        mb=f"{size / 1024 / 1024:.1f}",
        limit=MAX_PHOTO_BYTES // 1024 // 1024,
    )


def check_photo(data: bytes, name: str) -> PhotoCheck:
    """The bytes when they are a readable image within the size limit, else a clear error.

    The whole picture is decoded once, so a photo cut short (copied off a phone mid-transfer)
    is refused here and not when the compilation PDF is printed."""
    if len(data) > MAX_PHOTO_BYTES:
        raise _too_large(name, len(data))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            width, height = image.size
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except UnidentifiedImageError as exc:
        raise GroupReportError(
            "photo_not_an_image",
            f"「{name}」不是圖片檔（可用 JPEG、PNG、GIF、BMP、WebP）",
            name=name,
        ) from exc
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise GroupReportError(
            "photo_damaged",
            f"「{name}」的圖片不完整或已損壞，無法讀取；請重新拍攝或重新複製檔案",
            name=name,
        ) from exc
    if fmt not in PHOTO_FORMATS:
        raise GroupReportError(
            "photo_format",
            f"「{name}」是 {fmt} 圖檔，請改存成 JPEG 或 PNG 再附加",
            name=name,
            kind=fmt,
        )
    return PhotoCheck(data, PHOTO_FORMATS[fmt], width, height)


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
                "photo_unreadable",
                f"無法讀取「{source}」：{exc.strerror or exc}",
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
