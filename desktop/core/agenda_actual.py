"""Planned versus actual: one row per block for the day's report (the original plan, the plan
as replanned during the run, and the times actually logged)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanActualRow:
    position: int
    title: str
    kind: str
    speaker: str
    counts_for_hours: bool
    original_start: dt.datetime  # the plan before any shift/absorb of the run
    original_end: dt.datetime
    planned_start: dt.datetime  # the plan as it stands (after shifts)
    planned_end: dt.datetime
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None

    @property
    def planned_minutes(self) -> float:
        return (self.original_end - self.original_start).total_seconds() / 60

    @property
    def actual_minutes(self) -> float | None:
        if self.actual_start is None or self.actual_end is None:
            return None
        return (self.actual_end - self.actual_start).total_seconds() / 60

    @property
    def start_delay_minutes(self) -> float | None:
        if self.actual_start is None:
            return None
        return (self.actual_start - self.original_start).total_seconds() / 60

    @property
    def length_difference_minutes(self) -> float | None:
        actual = self.actual_minutes
        return None if actual is None else actual - self.planned_minutes
