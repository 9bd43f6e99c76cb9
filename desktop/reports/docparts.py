"""Pieces shared by the close-of-day documents: the heading, CJK cell styles, and progress
marks that let a long batch report progress and be cancelled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from desktop.core.rocdate import roc_date
from desktop.reports.fonts import Fallback, paragraph_markup
from desktop.reports.pdfdoc import style

# progress(done, total) -> False to cancel
Progress = Callable[[int, int], bool | None]


class Cancelled(Exception):
    """The user cancelled a document while it was being built; nothing was written."""


@dataclass(frozen=True)
class Heading:
    """What every close-of-day document says at the top."""

    course: str
    session: str
    day: dt.date
    start: dt.time
    end: dt.time
    venue: str
    organiser: str
    # The class as announced and as run (first credit block start, last end), when they differ.
    run: tuple[dt.time, dt.time, dt.time, dt.time] | None = None

    def when(self) -> str:
        return f"{roc_date(self.day, weekday=True)} {self.start:%H:%M}–{self.end:%H:%M}"

    def times(self) -> str:
        """``公告上課時間 09:30–15:30　實際上課時間 09:35–15:40`` ("" when run as announced)."""
        if self.run is None:
            return ""
        a0, a1, r0, r1 = self.run
        return f"公告上課時間 {a0:%H:%M}–{a1:%H:%M}　實際上課時間 {r0:%H:%M}–{r1:%H:%M}"


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


def clipped(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
