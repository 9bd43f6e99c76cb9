"""A4 documents with the embedded font, a running header and ``第 x / y 頁`` on every page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    """Defers page output so each page can say how many pages there are."""

    footer_text: Callable[[int, int], str] = staticmethod(lambda page, total: f"第 {page} / {total} 頁")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(register_main_font(), 9)
            width, _ = self._pagesize
            self.drawCentredString(width / 2, 8 * mm, self.footer_text(number, total))
            super().showPage()
        super().save()


def build_pdf(
    story: Sequence[Flowable],
    *,
    title: str,
    target: Path | BytesIO,
    pagesize: tuple[float, float] = A4,
    margins: float = MARGIN,
    header: str = "",
) -> None:
    """Write ``story`` to ``target`` as an A4 PDF whose metadata title is ``title``."""

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
    doc.build(list(story), onFirstPage=on_page, onLaterPages=on_page, canvasmaker=_NumberedCanvas)
