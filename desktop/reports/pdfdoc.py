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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from desktop.reports.fonts import register_main_font

MARGIN = 15 * mm


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

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
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
