"""Name badges (名牌): eight per A4 sheet (2 × 4, 90 × 65 mm, dashed cut lines) with name,
agency, table and the QR entry pass.

The QR is drawn as an image (a vector QR on every badge makes a sheet slow, TECH-NOTES); each
token's image is made once per process and reused.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from desktop.reports.cells import ProgressMark, cell_style, fitted, para
from desktop.reports.docparts import Heading, Progress
from desktop.reports.fonts import Fallback, register_main_font
from desktop.reports.pdfdoc import build_pdf
from desktop.reports.qr import qr_png

BADGE_W, BADGE_H = 90 * mm, 65 * mm
COLS, ROWS = 2, 4
PER_PAGE = COLS * ROWS
QR_SIZE = 30 * mm
TABLE_LINE = 7 * mm  # the 第 N 桌 line at the foot of a badge (15 pt from 1 mm up)


@dataclass(frozen=True)
class BadgeRow:
    name: str
    agency: str
    unit: str
    table: int | None
    token: str  # the signed pass (desktop.core.tokens.make_token)
    room_code: str = ""  # grouped (K7M-Q4X-RTP): the key to the room page and the vote


@functools.lru_cache(maxsize=4096)
def qr_image(token: str) -> ImageReader:
    return ImageReader(BytesIO(qr_png(token)))


class _BadgeSheet(Flowable):
    def __init__(self, heading: Heading, rows: Sequence[BadgeRow], fallback: Fallback | None):
        super().__init__()
        self.heading, self.rows, self.fallback = heading, rows, fallback
        self.width, self.height = COLS * BADGE_W, ROWS * BADGE_H

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        for i, row in enumerate(self.rows):
            col, line = i % COLS, i // COLS
            x, y = col * BADGE_W, self.height - (line + 1) * BADGE_H
            c.saveState()
            c.setDash(3, 3)
            c.setLineWidth(0.4)
            c.rect(x, y, BADGE_W, BADGE_H)
            c.restoreState()
            self._badge(x, y, row)

    def _badge(self, x: float, y: float, row: BadgeRow) -> None:
        c = self.canv
        pad = 4 * mm
        text_w = BADGE_W - QR_SIZE - 3 * pad
        top = cell_style("badgetop", 8.5, alignment=TA_CENTER, leading=10.5)
        p = para(f"{self.heading.course}　{self.heading.session}", top, self.fallback)
        _, ph = p.wrap(BADGE_W - 2 * pad, 12 * mm)
        p.drawOn(c, x + pad, y + BADGE_H - pad - ph)
        # the name as large as fits one line of the text column (at most 26 pt); a name too
        # long for one line at 12 pt wraps, smaller, in the room below the heading
        size = 26.0
        while size > 12 and stringWidth(row.name, register_main_font(), size) > text_w:
            size -= 1
        name_y = y + BADGE_H / 2 - 2 * mm
        name_room = y + BADGE_H - pad - ph - 1 * mm - name_y
        name, _ = fitted(
            row.name,
            [
                cell_style(f"badgename{s}", s, alignment=TA_CENTER, leading=s * 1.2)
                for s in (size, 10.0, 8.0)
            ],
            text_w,
            name_room,
            self.fallback,
        )
        name.drawOn(c, x + pad, name_y)
        # agency and unit between the name and the table line: smaller type for long names
        # rather than running into 第 N 桌
        floor = y + pad + (TABLE_LINE if row.table is not None else 0)
        room = name_y - 1.5 * mm - 0.5 * mm - floor
        infos = [
            cell_style(f"badgeinfo{s}", s, alignment=TA_CENTER, leading=s * 1.25)
            for s in (10.0, 9.0, 8.0, 7.0, 6.0)
        ]
        for info in infos:
            agency = para(row.agency, info, self.fallback)
            _, ah = agency.wrap(text_w, room)
            unit = para(row.unit, info, self.fallback)
            _, uh = unit.wrap(text_w, room)
            if ah + uh <= room:
                break
        else:  # even 6 pt is too tall: each gets half the room, clipped
            agency, ah = fitted(row.agency, infos[-1:], text_w, room / 2, self.fallback)
            unit, uh = fitted(row.unit, infos[-1:], text_w, room / 2, self.fallback)
        agency.drawOn(c, x + pad, name_y - 1.5 * mm - ah)
        unit.drawOn(c, x + pad, name_y - 2 * mm - ah - uh)
        if row.table is not None:
            c.setFont(register_main_font(), 15)
            c.drawCentredString(x + pad + text_w / 2, y + pad + 1 * mm, f"第 {row.table} 桌")
        qx = x + BADGE_W - pad - QR_SIZE
        qy = y + (BADGE_H - QR_SIZE) / 2 - 4 * mm
        c.drawImage(qr_image(row.token), qx, qy, QR_SIZE, QR_SIZE)
        c.setFont(register_main_font(), 7)
        c.drawCentredString(qx + QR_SIZE / 2, qy - 3 * mm, "報到 QR")
        if row.room_code:
            c.drawCentredString(qx + QR_SIZE / 2, qy - 6.5 * mm, "房間碼")
            c.setFont(register_main_font(), 11)
            c.drawCentredString(qx + QR_SIZE / 2, qy - 10 * mm, row.room_code)


def build_badges(
    heading: Heading,
    rows: Sequence[BadgeRow],
    target: Path | BytesIO,
    *,
    fallback: Fallback | None = None,
    progress: Progress | None = None,
) -> None:
    story: list[Flowable] = []
    pages = [rows[i : i + PER_PAGE] for i in range(0, len(rows), PER_PAGE)] or [[]]
    for number, chunk in enumerate(pages, start=1):
        story.append(_BadgeSheet(heading, chunk, fallback))
        if progress is not None:
            story.append(ProgressMark(min(number * PER_PAGE, len(rows)), len(rows), progress))
        if number < len(pages):
            story.append(PageBreak())
    build_pdf(story, title=f"{heading.course} {heading.session} 名牌", target=target)
