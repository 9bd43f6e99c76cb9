"""What the countdown shows at one instant — on the run screen and on the projector alike.

``frame`` is the one place that turns the run state, its timing and the report-back queue into
what is drawn: the block on the clock, the clock text, its colour level and blink phase, the
next block, the day's pace and the overrun prompt, the queue's slot. The run screen and the
projector word and paint the same ``Frame``, so they cannot disagree. Plain data in and out:
rows are anything with the fields of ``ShownBlock`` (the services' agenda rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from desktop.core.agenda import (
    RunState,
    RunStatus,
    Timing,
    alert_level,
    flash_on,
    format_clock,
)
from desktop.core.agenda_queue import QueueStatus

EMPTY = "empty"  # the phase when the session has no blocks
LATE_PROMPT_SECONDS = 60  # the next block starting this late asks to shift or absorb


class ShownBlock(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def speaker(self) -> str: ...
    @property
    def planned_start(self) -> dt.datetime: ...
    @property
    def planned_end(self) -> dt.datetime: ...
    @property
    def actual_start(self) -> dt.datetime | None: ...


R = TypeVar("R", bound=ShownBlock)


@dataclass(frozen=True)
class QueueFrame:
    label: str  # the reporting table
    index: int  # 0-based place in the running order
    count: int
    done: bool  # every table has reported
    clock: str  # the slot's countdown ("" when done)
    level: str  # normal / warning / danger / over for the slot
    running_order: tuple[str, ...]  # every table's label, in reporting order


@dataclass(frozen=True)
class Frame(Generic[R]):
    phase: str  # EMPTY, or a RunStatus value: idle / running / paused / finished
    block: R | None  # on the clock: the running block, the chosen one before the start
    following: R | None  # the next block while one runs
    clock: str
    level: str  # idle / paused / normal / warning / danger / over
    visible: bool  # False in the dark half of the blink past zero
    speaker: str  # the running block's speaker ("" when none runs)
    extra_seconds: int  # minutes added to (or taken from) the running block, in seconds
    finished_at: dt.datetime | None
    behind: float  # seconds the day runs behind its plan (negative: ahead)
    projected_end: dt.datetime | None  # None: no pace to show
    late_by: float  # seconds the next block will start late; 0 when no prompt is due
    queue: QueueFrame | None
    message: str  # the organiser's note to the speaker


def frame(
    state: RunState,
    rows: Sequence[R],
    timing: Timing,
    queue: QueueStatus | None,
    *,
    selected: int | None,
    warning_seconds: float,
    danger_seconds: float,
) -> Frame[R]:
    """The frame for ``timing``/``queue`` (the state read at one instant); ``selected`` is the
    block chosen to start from while the day has not begun."""

    def row(block_id: int | None) -> R | None:
        return next((r for r in rows if r.id == block_id), None)

    status = timing.status
    running = status in (RunStatus.RUNNING, RunStatus.PAUSED)
    following = row(timing.following.id) if running and timing.following else None
    if not rows:
        phase, block, clock, level = EMPTY, None, "--:--", "idle"
    elif status is RunStatus.IDLE:
        block = row(selected) or rows[0]
        seconds = (block.planned_end - block.planned_start).total_seconds()
        phase, clock, level = status.value, format_clock(seconds), "idle"
    elif status is RunStatus.FINISHED:
        phase, block, clock, level = status.value, None, "0:00", "idle"
    else:
        block = row(state.block_id)
        phase, clock = status.value, format_clock(timing.remaining)
        level = alert_level(timing.remaining, warning_seconds, danger_seconds).value
        if status is RunStatus.PAUSED:
            level = "paused"
    late = running and following is not None and timing.next_delay >= LATE_PROMPT_SECONDS
    return Frame(
        phase=phase,
        block=block,
        following=following,
        clock=clock,
        level=level,
        visible=flash_on(timing.remaining) if level == "over" else True,
        speaker=block.speaker if running and block is not None else "",
        extra_seconds=state.extra_seconds if running else 0,
        finished_at=state.finished_at,
        behind=timing.behind,
        projected_end=timing.projected_end if rows else None,
        late_by=timing.next_delay if late else 0.0,
        queue=_queue(queue),
        message=state.message,
    )


def _queue(status: QueueStatus | None) -> QueueFrame | None:
    if status is None:
        return None
    if status.done:
        return QueueFrame(
            status.label, status.index, status.count, True, "", "normal", status.running_order
        )
    level = alert_level(status.slot_remaining, min(60, status.slot_seconds / 3), 15)
    clock = format_clock(status.slot_remaining)
    return QueueFrame(
        status.label,
        status.index,
        status.count,
        False,
        clock,
        level.value,
        status.running_order,
    )
