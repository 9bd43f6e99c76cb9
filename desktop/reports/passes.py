"""Entry passes (入場證): a PDF to print (8 cut-out cards per A4 page), one PNG per attendee
for e-mail, and the QR image both share.

Content is a pure function of ``PassRow``s. The QR holds only the signed token
(``desktop.core.tokens``): a version-2 code, drawn as a cached PNG image (a vector QR on every
card is ~30× slower to build).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop.core.rocdate import roc_date
from desktop.reports.fonts import MAIN_FONT_FILE, paragraph_markup, register_main_font
from desktop.reports.pdfdoc import build_pdf, style
from desktop.reports.qr import qr_png

CARD_W = 90 * mm
CARD_H = 64 * mm
QR_MM = 34
FOOTER_TOP = 7 * mm  # the footer line's top: card text stays above it


@dataclass(frozen=True)
class PassRow:
    registration_id: int
    name: str
    agency: str
    email: str
    event: str
    session: str
    date: dt.date
    start: str  # "09:00"
    end: str
    venue: str
    token: str
    table: int | None = None
    room_code: str = ""  # grouped (K7M-Q4X-RTP): the key to the room page and the vote

    @property
    def when(self) -> str:
        return f"{roc_date(self.date, weekday=True)} {self.start}–{self.end}"


class PassCard(Flowable):
    """One card with a dashed cut line: event, name, agency, session, date, venue, QR."""

    def __init__(self, row: PassRow) -> None:
        super().__init__()
        self.row = row
        self.width, self.height = CARD_W, CARD_H

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        row = self.row
        c.saveState()
        c.setDash(3, 3)
        c.setLineWidth(0.4)
        c.rect(0, 0, self.width, self.height)
        c.restoreState()
        qr = QR_MM * mm
        c.drawImage(
            ImageReader(io.BytesIO(qr_png(row.token))),
            self.width - qr - 3 * mm,
            (self.height - qr) / 2 - 4 * mm,
            qr,
            qr,
        )
        text_w = self.width - qr - 9 * mm
        y = self.height - 5 * mm
        head = Paragraph(paragraph_markup(row.event), style("passEvent", 8))
        _, h = head.wrap(self.width - 8 * mm, 20 * mm)
        head.drawOn(c, 4 * mm, y - h)
        y -= h + 2.5 * mm
        for para, h in self._text_block(text_w, y - FOOTER_TOP):
            para.drawOn(c, 4 * mm, y - h)
            y -= h + 1.5 * mm
        c.setFont(register_main_font(), 7)
        c.drawString(4 * mm, 3.5 * mm, "入場證：報到時請出示此 QR 碼")
        if row.room_code:
            qr_x = self.width - qr - 3 * mm
            c.drawCentredString(qr_x + qr / 2, 7.5 * mm, "房間碼（手機登入用）")
            c.setFont(register_main_font(), 12)
            c.drawCentredString(qr_x + qr / 2, 3.5 * mm, row.room_code)

    def _text_block(self, width: float, room: float) -> list[tuple[Paragraph, float]]:
        """Name, agency, session, date and venue, shrunk until they fit above the footer: a
        long name stays on one line (down to 11 pt), a long agency or foreign name never runs
        over the footer or out of the card."""
        row = self.row
        name_size = 20.0
        while name_size > 11 and stringWidth(row.name, register_main_font(), name_size) > width:
            name_size -= 1
        scale = 1.0
        while True:
            block = []
            for text, size in (
                (row.name, name_size),
                (row.agency, 9),
                (row.session, 11),
                (row.when, 9),
                (row.venue, 8),
            ):
                para = Paragraph(paragraph_markup(text), style("passText", size * scale))
                _, h = para.wrap(width, 60 * mm)
                block.append((para, h))
            total = sum(h for _, h in block) + 1.5 * mm * (len(block) - 1)
            if total <= room or scale <= 0.5:
                return block
            scale -= 0.05


def build_passes_pdf(rows: Sequence[PassRow], target: Path | io.BytesIO, *, title: str) -> None:
    cards = [PassCard(r) for r in rows]
    grid = [cards[i : i + 2] + [""] * (2 - len(cards[i : i + 2])) for i in range(0, len(cards), 2)]
    story = []
    if grid:
        table = Table(grid, colWidths=[CARD_W, CARD_W], rowHeights=CARD_H)
        table.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(table)
    build_pdf(story, title=title, target=target)


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(MAIN_FONT_FILE), size)


def _fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> ImageFont.FreeTypeFont:
    while size > 12 and draw.textlength(text, font=_font(size)) > width:
        size -= 2
    return _font(size)


def _split(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """Greedy line breaks: between words for text with spaces, else between characters."""
    words = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    lines: list[str] = []
    for word in words:
        trial = f"{lines[-1]}{joiner}{word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, size: int, width: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """One line when it fits at ¾ of ``size`` or more; else two lines (a long agency stays
    readable on a phone instead of shrinking to a thread), smaller only when still needed."""
    font = _fit(draw, text, size, width)
    if font.size >= size * 3 // 4:
        return font, [text]
    small = size * 3 // 4
    while True:
        font = _font(small)
        lines = _split(draw, text, font, width)
        if len(lines) <= 2 or small <= 12:
            return font, lines
        small -= 2


def pass_png(row: PassRow) -> bytes:
    """A 600×960 pass image for e-mail or a phone screen: the QR is 330 px (scans reliably),
    the room code under it."""
    width, height = 600, 960
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, 110), fill=(31, 78, 121))
    draw.text(
        (width / 2, 55),
        row.event,
        font=_fit(draw, row.event, 30, width - 40),
        fill="white",
        anchor="mm",
    )
    y = 170
    for text, size, colour in (
        (row.name, 64, "black"),
        (row.agency, 28, (60, 60, 60)),
        (row.session, 34, "black"),
        (row.when, 26, (60, 60, 60)),
        (row.venue, 22, (60, 60, 60)),
    ):
        font, lines = _wrap(draw, text, size, width - 40)
        step = int(font.size * 1.2)
        for i, line in enumerate(lines):
            draw.text((width / 2, y + i * step), line, font=font, fill=colour, anchor="mm")
        y += (len(lines) - 1) * step + size + 22
    qr = Image.open(io.BytesIO(qr_png(row.token)))
    image.paste(qr, ((width - qr.width) // 2, height - qr.height - 100))
    draw.text(
        (width / 2, height - 86),
        "報到時請出示此 QR 碼",
        font=_font(20),
        fill=(90, 90, 90),
        anchor="mm",
    )
    if row.room_code:
        draw.text(
            (width / 2, height - 38),
            f"房間碼　{row.room_code}",
            font=_font(34),
            fill="black",
            anchor="mm",
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()
