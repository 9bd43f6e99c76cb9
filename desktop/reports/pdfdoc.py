"""A4 documents with the embedded font, a running header and ``第 x / y 頁`` on every page."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus import paragraph as _paragraph

from desktop.reports.fonts import register_main_font
from desktop.reports.linebreak import break_at, cjk_lines

MARGIN = 15 * mm

# The line-breaking hooks this module reads and replaces (cjkU, makeCJKParaLine, _FUZZ,
# cjkFragSplit, wordSplit) are reportlab internals its stubs do not declare.
paragraph: Any = _paragraph


def cjk_frag_split(
    frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool, encoding: str = "utf8"
) -> Any:
    """reportlab's ``cjkFragSplit`` contract (fragments in, ``ParaLines`` out), one character
    at a time, ending each line where ``_break_at`` allows."""
    units = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        units.extend(
            [paragraph.cjkU(t, f, encoding) for t in text]
            if text
            else [paragraph.cjkU(text, f, encoding)]
        )
    lines: list[Any] = []
    start = i = 0
    used = 0.0
    while i < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        u = units[i]
        width = _width(u, max_width)
        line_break = hasattr(u.frag, "lineBreak")
        if line_break or (used + width > max_width + paragraph._FUZZ and i > start):
            end = i + 1 if line_break else break_at(units, start, i)
            used = sum(_width(x, max_width) for x in units[start:end])
            lines.append(
                paragraph.makeCJKParaLine(
                    units[start:end], max_width, used, max_width - used, line_break, calc_bounds
                )
            )
            start = i = end
            used = 0.0
            continue
        used += width
        i += 1
    if start < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = sum(_width(x, max_width) for x in units[start:])
        lines.append(
            paragraph.makeCJKParaLine(
                units[start:], max_width, used, max_width - used, False, calc_bounds
            )
        )
    return paragraph.ParaLines(kind=1, lines=lines)


def _width(u: Any, max_width: float) -> float:
    width = u.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        return float(width.normalizedValue(max_width))
    return float(width)


def cjk_word_split(
    text: str | bytes,
    max_widths: Sequence[float],
    font_name: str,
    font_size: float,
    encoding: str = "utf8",
) -> list[list[Any]]:
    """reportlab's ``wordSplit`` contract for a paragraph in one font (``[extra space, line]``
    per line), ending each line where ``_break_at`` allows."""
    text = text.decode(encoding) if isinstance(text, bytes) else text
    widths = [stringWidth(c, font_name, font_size) for c in text]
    return [
        [max_widths[min(n, len(max_widths) - 1)] - sum(widths[start:end]), text[start:end]]
        for n, (start, end) in enumerate(cjk_lines(text, widths, max_widths))
    ]


# breakLinesCJK calls these module globals: a paragraph in several fonts (or with markup)
# goes through cjkFragSplit, a plain one through wordSplit.
paragraph.cjkFragSplit = cjk_frag_split
paragraph.wordSplit = cjk_word_split


def style(name: str, size: float, *, leading: float | None = None, **kwargs: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=register_main_font(), fontSize=size, leading=leading or size * 1.3, **kwargs
    )


def title_style(size: float = 18) -> ParagraphStyle:
    return style("title", size, alignment=TA_CENTER, spaceAfter=4 * mm)


class _NumberedCanvas(Canvas):
    """Writes ``第 x / y 頁`` on every page without holding pages back until the end.

    The total is not known while pages are written, so each page draws a form XObject that is
    defined only at save time, when the total is known. Pages are written as they are
    finished, which keeps memory flat for long batches (1,000 certificates), and each footer
    is one piece of text, so it extracts and searches as ``第 1 / 5 頁``.
    """

    _FOOTER_SIZE = 9
    _pagesize: tuple[float, float]  # set by reportlab's Canvas; its stubs leave it out

    def showPage(self) -> None:  # reportlab's name
        self.doForm(f"wdFooter{self.getPageNumber()}")
        super().showPage()

    def save(self) -> None:
        total = self.getPageNumber() - 1
        width, _ = self._pagesize
        for number in range(1, total + 1):
            self.beginForm(f"wdFooter{number}")
            self.setFont(register_main_font(), self._FOOTER_SIZE)
            self.drawCentredString(width / 2, 8 * mm, f"第 {number} / {total} 頁")
            self.endForm()
        super().save()


def build_pdf(
    story: Sequence[Flowable],
    *,
    title: str,
    target: Path | BytesIO,
    pagesize: tuple[float, float] = A4,
    margins: float = MARGIN,
    header: str = "",
    page_numbers: bool = True,
) -> None:
    """Write ``story`` to ``target`` as an A4 PDF whose metadata title is ``title``.

    ``page_numbers=False`` leaves out the ``第 x / y 頁`` footer (certificates: each page is a
    document of its own)."""

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        if header:
            canvas.setFont(register_main_font(), 9)
            canvas.drawString(margins, pagesize[1] - 9 * mm, header)

    doc = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=pagesize,
        leftMargin=margins,
        rightMargin=margins,
        topMargin=margins,
        bottomMargin=margins,
        title=title,
        author="研習報到台 Workshop Desk",
        # Without this every page references Helvetica, a font that is not embedded.
        initialFontName=register_main_font(),
    )
    # platypus deletes flowables from the list as it lays them out; handing it the caller's own
    # list (not a copy) lets a long batch free each page's flowables once the page is done.
    flowables = story if isinstance(story, list) else list(story)
    canvasmaker = _NumberedCanvas if page_numbers else Canvas
    doc.build(flowables, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvasmaker)
