"""Paragraph pieces shared by the platypus documents (sign-in sheet, attendance record,
badges): CJK cell styles, a paragraph in the fallback font where needed, the largest style
that fits a box, and the progress mark that reports a page and lets the batch be cancelled."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from desktop.reports.docparts import Cancelled, Progress, clipped
from desktop.reports.fonts import Fallback, paragraph_markup
from desktop.reports.pdfdoc import style


class ProgressMark(Flowable):
    """A zero-size flowable that reports ``done`` of ``total`` when it is drawn."""

    def __init__(self, done: int, total: int, progress: Progress) -> None:
        super().__init__()
        self.done, self.total, self.progress = done, total, progress
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.progress(self.done, self.total) is False:
            raise Cancelled()


def cell_style(name: str, size: float = 10, **kwargs: Any) -> ParagraphStyle:
    return style(name, size, wordWrap="CJK", **kwargs)


def para(text: str, st: ParagraphStyle, fallback: Fallback | None = None) -> Paragraph:
    return Paragraph(paragraph_markup(text or "", fallback), st)


def fitted(
    text: str,
    styles: Sequence[ParagraphStyle],
    width: float,
    height: float,
    fallback: Fallback | None = None,
) -> tuple[Paragraph, float]:
    """``text`` in the first of ``styles`` (largest first) whose wrapped paragraph fits
    ``width`` × ``height``; when even the last is too tall, the text is clipped (with an
    ellipsis) until it fits, so a card never runs over its neighbours. (paragraph, height)"""
    for st in styles:
        paragraph = para(text, st, fallback)
        _, needed = paragraph.wrap(width, height)
        if needed <= height:
            return paragraph, needed
    low, high = 0, len(text)  # the longest prefix that fits, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        _, needed = para(clipped(text, middle), styles[-1], fallback).wrap(width, height)
        low, high = (middle, high) if needed <= height else (low, middle - 1)
    paragraph = para(clipped(text, low), styles[-1], fallback)
    _, needed = paragraph.wrap(width, height)
    return paragraph, needed
