"""Pieces shared by the close-of-day documents: the heading, progress (a long batch reports it
and can be cancelled) and clipping. Plain Python: the canvas-drawn certificates use them
without importing platypus (its paragraph pieces are in ``desktop.reports.cells``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.rocdate import roc_date

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


def clipped(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
