"""研習證明書: one certificate per page, with its serial (字號), the sentence for the person's
attendance (the service chooses completion or hours wording), the organiser's text, the signer
line, and the seal and signature images (bytes from the database) when the organiser sets them.
The 主辦單位 and signer lines start at the body's left edge.

Built with platypus so a name the main font cannot draw goes through the fallback font; a
``ProgressMark`` on every page reports progress and lets a long batch be cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.rocdate import roc_year
from desktop.reports.docparts import Heading, Progress, ProgressMark, cell_style, para
from desktop.reports.fonts import Fallback, register_main_font
from desktop.reports.pdfdoc import build_pdf
from desktop.reports.portal_csv import hours_text

MARGINS = 22 * mm
# The frame platypus lays a page out in: A4 less the margins and its 6 pt padding each side.
FRAME_W = A4[0] - 2 * MARGINS - 12
FRAME_H = A4[1] - 2 * MARGINS - 12


@dataclass(frozen=True)
class CertificateText:
    serial: str
    name: str
    agency: str
    hours: float
    issued_on: dt.date
    sentence: str  # what the person did: completion wording or the hours attended


@dataclass(frozen=True)
class CertificateLayout:
    heading: Heading
    body: str  # the organiser's closing sentence, e.g. 特此證明。
    signer: str  # e.g. 主任委員 ○○○ (the service defaults it to the organiser)
    seal_image: bytes | None = None
    signature_image: bytes | None = None


def issue_date_text(day: dt.date) -> str:
    """``中華民國 108 年 3 月 15 日``."""
    return f"中華民國 {roc_year(day)} 年 {day.month} 月 {day.day} 日"


def _image(data: bytes | None, size: float) -> Image | str:
    if not data:
        return ""
    img = Image(BytesIO(data))
    ratio = img.imageWidth / img.imageHeight if img.imageHeight else 1
    width, height = (size, size / ratio) if ratio >= 1 else (size * ratio, size)
    return Image(BytesIO(data), width=width, height=height)


def build_certificates(
    layout: CertificateLayout,
    people: Sequence[CertificateText],
    target: Path | BytesIO,
    *,
    fallback: Fallback | None = None,
    progress: Progress | None = None,
) -> None:
    h = layout.heading
    serial_style = cell_style("serial", 12, alignment=TA_RIGHT)
    title = cell_style("certtitle", 34, alignment=TA_CENTER, leading=44)
    name_style = cell_style("certname", 30, alignment=TA_CENTER, leading=40)
    agency_style = cell_style("certagency", 14, alignment=TA_CENTER, leading=20)
    body = cell_style("certbody", 17, alignment=TA_JUSTIFY, leading=32, firstLineIndent=34)
    hours_style = cell_style("certhours", 20, alignment=TA_CENTER, leading=28)
    org = cell_style("certorg", 18, leading=26, alignment=TA_LEFT)
    date_style = cell_style("certdate", 18, alignment=TA_CENTER, leading=24)
    seal = _image(layout.seal_image, 45 * mm)
    signature = _image(layout.signature_image, 40 * mm)
    story: list[Flowable] = []
    total = len(people)
    seal_width = 55 * mm
    for index, p in enumerate(people, start=1):
        signer_block: list[Flowable] = [
            para(f"主辦單位：{h.organiser}", org, fallback),
            para(layout.signer, org, fallback),
        ]
        if signature:
            signer_block.append(signature)
        # As wide as the body, no left padding: both lines start where the body does.
        sign = Table(
            [[signer_block, seal]], colWidths=[FRAME_W - seal_width, seal_width], hAlign="LEFT"
        )
        sign.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), register_main_font()),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ]
            )
        )
        page = [
            para(f"字號：{p.serial}", serial_style, fallback),
            Spacer(1, 22 * mm),
            para("研 習 證 明 書", title, fallback),
            Spacer(1, 16 * mm),
            para(p.name, name_style, fallback),
            para(p.agency, agency_style, fallback),
            Spacer(1, 14 * mm),
            para(p.sentence, body, fallback),
            Spacer(1, 6 * mm),
            para(f"研習時數：共計 {hours_text(p.hours)} 小時", hours_style, fallback),
            Spacer(1, 6 * mm),
            para(layout.body, body, fallback),
            Spacer(1, 16 * mm),
            sign,
            Spacer(1, 18 * mm),
            para(issue_date_text(p.issued_on), date_style, fallback),
        ]
        # One certificate, one page: long texts or a tall seal shrink the page to fit instead
        # of pushing the issue date onto a page of its own.
        story.append(KeepInFrame(FRAME_W, FRAME_H, page, mode="shrink"))
        if progress is not None:
            story.append(ProgressMark(index, total, progress))
        if index < total:
            story.append(PageBreak())
    build_pdf(
        story,
        title=f"{h.course} {h.session} 研習證明書",
        target=target,
        margins=MARGINS,
        page_numbers=False,
    )
