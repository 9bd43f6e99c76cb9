"""研習證明書: one certificate per page, with its serial (字號), the sentence for the person's
attendance (the service chooses completion or hours wording), the organiser's text, the signer
line, and the seal and signature images (bytes from the database) when the organiser sets them.
The 主辦單位 and signer lines start at the body's left edge.

Drawn on the canvas directly (platypus laid each page out for ~8 ms, most of a batch's time):
every text is measured with the font's widths and wrapped with the paragraphs' Chinese line
breaking (``pdfdoc.cjk_lines``); a character the main font lacks is drawn in the fallback font
when one covers it. The glyph check sees every string drawn (the fonts report it). A page
whose texts or seal are too tall is laid out wider and scaled down to fit, so the issue date
never falls onto a page of its own. ``progress`` is told after every page and can cancel.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core.rocdate import roc_year
from desktop.reports.docparts import Cancelled, Heading, Progress
from desktop.reports.fonts import (
    Fallback,
    missing_glyphs,
    register_fallback_font,
    register_main_font,
    truetype_face,
)
from desktop.reports.linebreak import cjk_lines
from desktop.reports.portal_csv import hours_text

MARGINS = 22 * mm
# The area a page is laid out in: A4 less the margins and a 6 pt padding each side.
FRAME_W = A4[0] - 2 * MARGINS - 12
FRAME_H = A4[1] - 2 * MARGINS - 12
SEAL_COLUMN = 55 * mm  # the seal's column beside the 主辦單位 and signer lines
CELL_PAD = 6  # between the signer lines and the seal column, and inside it
ROW_PAD = 3  # above and below the signer row


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


@dataclass(frozen=True)
class _Style:
    size: float
    leading: float
    align: str  # left, centre, right
    indent: float = 0  # of the first line


SERIAL = _Style(12, 15.6, "right")
TITLE = _Style(34, 44, "centre")
NAME = _Style(30, 40, "centre")
AGENCY = _Style(14, 20, "centre")
BODY = _Style(17, 32, "left", indent=34)
HOURS = _Style(20, 28, "centre")
SIGNER = _Style(18, 26, "left")
DATE = _Style(18, 24, "centre")


class _Fonts:
    """Which font draws each character, and how wide it is at a size."""

    def __init__(self, fallback: Fallback | None) -> None:
        self.main = register_main_font()
        self.fallback = fallback
        self.fallback_name = register_fallback_font(fallback) if fallback else ""
        self._widths = {
            name: (face.charWidths, face.defaultWidth)
            for name in filter(None, (self.main, self.fallback_name))
            for face in (truetype_face(name),)
        }

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (font, piece) runs: the fallback draws what the main font lacks and it
        covers; everything else (boxes included) is drawn in the main font, so the glyph
        check reports it."""
        lacking = set(missing_glyphs(text)) if self.fallback else set()
        if not lacking:
            return [(self.main, text)]
        assert self.fallback is not None
        runs: list[tuple[str, str]] = []
        for char in text:
            font = (
                self.fallback_name if char in lacking and self.fallback.covers(char) else self.main
            )
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def widths(self, text: str, size: float) -> list[float]:
        """Each character's advance at ``size``, read from the font's width table (what
        reportlab's ``stringWidth`` adds up, without its per-call look-ups)."""
        out: list[float] = []
        for font, piece in self.runs(text):
            table, default = self._widths[font]
            out.extend(table.get(ord(char), default) * size / 1000 for char in piece)
        return out


@dataclass(frozen=True)
class _Block:
    """Laid-out text: its lines and the width each line may take."""

    style: _Style
    lines: tuple[tuple[str, float], ...]  # (text, width of the line)
    width: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading


def _block(fonts: _Fonts, text: str, style: _Style, width: float) -> _Block:
    widths = fonts.widths(text, style.size)
    spans = cjk_lines(text, widths, [width - style.indent, width]) if text else []
    return _Block(style, tuple((text[a:b], sum(widths[a:b])) for a, b in spans), width)


def _draw_block(canvas: Canvas, fonts: _Fonts, block: _Block, left: float, top: float) -> None:
    """Draw ``block`` with its top at ``top``: the first baseline one font size below, the
    others a leading apart (as platypus set paragraphs)."""
    style = block.style
    for n, (line, used) in enumerate(block.lines):
        indent = style.indent if n == 0 else 0
        free = block.width - indent - used
        x = left + indent
        if style.align == "centre":
            x += free / 2
        elif style.align == "right":
            x += free
        text = canvas.beginText(x, top - style.size - n * style.leading)
        runs = fonts.runs(line)
        for number, (font, piece) in enumerate(runs, start=1):
            text.setFont(font, style.size)
            # textOut measures the piece to move on; the last one need not (textLine)
            (text.textLine if number == len(runs) else text.textOut)(piece)
        canvas.drawText(text)


def _image_size(image: ImageReader | None, size: float) -> tuple[float, float]:
    """The image fitted into a ``size`` square, its proportions kept."""
    if image is None:
        return 0, 0
    w, h = image.getSize()
    ratio = w / h if h else 1
    return (size, size / ratio) if ratio >= 1 else (size * ratio, size)


class _Page:
    """One certificate laid out at ``width`` (the frame's, or wider when it is scaled)."""

    def __init__(
        self,
        fonts: _Fonts,
        layout: CertificateLayout,
        p: CertificateText,
        width: float,
        seal: tuple[float, float],
        signature: tuple[float, float],
    ) -> None:
        # The signer row keeps its widths when the page is laid out wider to be scaled.
        signer_width = FRAME_W - SEAL_COLUMN - CELL_PAD  # no left padding: the body's edge
        organiser = f"主辦單位：{layout.heading.organiser}"
        # The signer line only when it names someone (a 主任委員): left to its default, the
        # organiser, it printed the organiser a second time under 「主辦單位：」.
        lines = [organiser]
        if layout.signer.strip() and layout.signer.strip() != layout.heading.organiser.strip():
            lines.append(layout.signer)
        self.signer = [_block(fonts, line, SIGNER, signer_width) for line in lines]
        self.seal, self.signature = seal, signature
        signer_height = sum(b.height for b in self.signer) + signature[1]
        self.row = max(signer_height, seal[1], 12) + 2 * ROW_PAD
        # (block, or None for the signer row; the space taken above it)
        self.items: list[tuple[_Block | None, float]] = [
            (_block(fonts, f"字號：{p.serial}", SERIAL, width), 0),
            (_block(fonts, "研 習 證 明 書", TITLE, width), 22 * mm),
            (_block(fonts, p.name, NAME, width), 16 * mm),
            (_block(fonts, p.agency, AGENCY, width), 0),
            (_block(fonts, p.sentence, BODY, width), 14 * mm),
            (_block(fonts, f"研習時數：共計 {hours_text(p.hours)} 小時", HOURS, width), 6 * mm),
            (_block(fonts, layout.body, BODY, width), 6 * mm),
            (None, 16 * mm),
            (_block(fonts, issue_date_text(p.issued_on), DATE, width), 18 * mm),
        ]
        self.height = sum(space + (b.height if b else self.row) for b, space in self.items)

    def draw(
        self,
        canvas: Canvas,
        fonts: _Fonts,
        images: tuple[ImageReader | None, ImageReader | None],
    ) -> None:
        top = 0.0
        for block, space in self.items:
            top -= space
            if block is not None:
                _draw_block(canvas, fonts, block, 0, top)
                top -= block.height
                continue
            self._draw_signer_row(canvas, fonts, images, top)
            top -= self.row

    def _draw_signer_row(
        self,
        canvas: Canvas,
        fonts: _Fonts,
        images: tuple[ImageReader | None, ImageReader | None],
        top: float,
    ) -> None:
        seal_image, signature_image = images
        # Each column's content is centred in the row's height.
        content = sum(b.height for b in self.signer) + self.signature[1]
        y = top - (self.row - content) / 2
        for block in self.signer:
            _draw_block(canvas, fonts, block, 0, y)
            y -= block.height
        if signature_image is not None:
            w, h = self.signature
            canvas.drawImage(signature_image, 0, y - h, w, h, mask="auto")
        if seal_image is not None:
            w, h = self.seal
            column = FRAME_W - SEAL_COLUMN
            x = column + (SEAL_COLUMN - w) / 2
            canvas.drawImage(seal_image, x, top - (self.row + h) / 2, w, h, mask="auto")


def _fitted(page_at: Callable[[float], _Page]) -> tuple[_Page, float]:
    """The page laid out so it fits the frame, and the scale to draw it at: a page too tall
    is laid out wider (longer lines, fewer of them) and scaled down by the smallest factor
    that makes it fit."""
    page = page_at(FRAME_W)
    if page.height <= FRAME_H:
        return page, 1.0
    low, high = 1.0, page.height / FRAME_H
    best = page_at(FRAME_W * high)
    while best.height > FRAME_H * high:
        high *= 1.25
        best = page_at(FRAME_W * high)
    for _ in range(12):
        middle = (low + high) / 2
        candidate = page_at(FRAME_W * middle)
        if candidate.height <= FRAME_H * middle:
            high, best = middle, candidate
        else:
            low = middle
    return best, 1 / high


def build_certificates(
    layout: CertificateLayout,
    people: Sequence[CertificateText],
    target: Path | BytesIO,
    *,
    fallback: Fallback | None = None,
    progress: Progress | None = None,
) -> None:
    fonts = _Fonts(fallback)
    h = layout.heading
    canvas = Canvas(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        # No page refers to Helvetica, a font not embedded. (The stubs type this a number.)
        initialFontName=fonts.main,  # type: ignore[arg-type]
    )
    canvas.setTitle(f"{h.course} {h.session} 研習證明書")
    canvas.setAuthor("研習報到台 Workshop Desk")
    # One reader per image: the PDF embeds each image once for the whole batch.
    seal = ImageReader(BytesIO(layout.seal_image)) if layout.seal_image else None
    signature = ImageReader(BytesIO(layout.signature_image)) if layout.signature_image else None
    seal_size, signature_size = _image_size(seal, 45 * mm), _image_size(signature, 40 * mm)
    total = len(people)
    for index, p in enumerate(people, start=1):
        page, scale = _fitted(
            functools.partial(_Page, fonts, layout, p, seal=seal_size, signature=signature_size)
        )
        canvas.saveState()
        canvas.translate(MARGINS + 6, A4[1] - MARGINS - 6)
        canvas.scale(scale, scale)
        page.draw(canvas, fonts, (seal, signature))
        canvas.restoreState()
        canvas.showPage()
        if progress is not None and progress(index, total) is False:
            raise Cancelled()
    canvas.save()
