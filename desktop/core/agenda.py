"""Agenda rules: running the day on a countdown (checking and moving the plan:
``desktop.core.agenda_plan``; the stored form of the run state: ``desktop.core.agenda_json``;
what the countdown and the projector show at an instant: ``desktop.core.agenda_frame``; the
report-back queue of a 小組報告 block: ``desktop.core.agenda_queue``; planned versus actual:
``desktop.core.agenda_actual``).

Everything here is pure: the clock is an argument (``now``), states are frozen values, and a
transition returns the new state plus the *marks* to write on blocks (``actual_start`` /
``actual_end``). The run state is stored as absolute timestamps (when the block started, when
it was paused, how long it has been paused in all), never as "seconds left", so a state read
back after a crash gives the right countdown at any later ``now``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from desktop.core.outcomes import agenda_timer
from desktop.core.problems import CodedError

GROUP_REPORT = "group_report"
ABSORBING_KINDS = ("break", "lunch")
DEFAULT_WARNING_SECONDS = 5 * 60
DEFAULT_DANGER_SECONDS = 60


class AgendaError(CodedError):
    """A run action that does not apply now (``desktop.core.outcomes.agenda_timer``)."""


@dataclass(frozen=True)
class Block:
    """What the rules need of an agenda block: its id, planned times and kind."""

    id: int
    start: dt.datetime
    end: dt.datetime
    kind: str = "talk"
    title: str = ""

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


# --------------------------------------------------------------------------- report-back queue


@dataclass(frozen=True)
class QueueState:
    """Tables reporting in turn: ``order`` holds table numbers in running order (the queue's
    rules: ``desktop.core.agenda_queue``)."""

    order: tuple[int, ...]
    labels: dict[int, str]
    slot_seconds: int
    index: int = 0
    slot_started_at: dt.datetime | None = None
    slot_paused_seconds: float = 0.0


# --------------------------------------------------------------------------- run state


class RunStatus(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class Leg:
    """A block already left with "next", kept so "previous" can reopen it."""

    block_id: int
    started_at: dt.datetime
    paused_seconds: float
    extra_seconds: int


REDO_SECONDS = 60  # "next" this soon after "previous" puts back what "previous" took back


@dataclass(frozen=True)
class Undone:
    """What "previous" took back, so that "next" right after it (a stray ← key) restores it:
    the block that was running with its own start, pauses, extension and report queue —
    or, with ``block_id`` None, the end of the day at ``started_at``."""

    at: dt.datetime  # when "previous" was pressed
    block_id: int | None
    started_at: dt.datetime
    paused_seconds: float = 0.0
    extra_seconds: int = 0
    queue: QueueState | None = None


@dataclass(frozen=True)
class RunState:
    block_id: int | None = None
    started_at: dt.datetime | None = None
    paused_at: dt.datetime | None = None
    paused_seconds: float = 0.0
    extra_seconds: int = 0  # extended (+) or shortened (−) on the run, not in the plan
    finished_at: dt.datetime | None = None
    history: tuple[Leg, ...] = ()
    queue: QueueState | None = None
    message: str = ""  # to the speaker, shown on the projector
    baseline: dict[int, tuple[dt.datetime, dt.datetime]] = field(default_factory=dict)
    undone: Undone | None = None

    @property
    def status(self) -> RunStatus:
        if self.finished_at is not None:
            return RunStatus.FINISHED
        if self.block_id is None:
            return RunStatus.IDLE
        return RunStatus.PAUSED if self.paused_at is not None else RunStatus.RUNNING


@dataclass(frozen=True)
class Mark:
    """Write ``value`` to ``field`` (``actual_start``/``actual_end``) of block ``block_id``."""

    block_id: int
    field: str
    value: dt.datetime | None


@dataclass(frozen=True)
class Transition:
    state: RunState
    marks: tuple[Mark, ...] = ()


def block_index(blocks: Sequence[Block], block_id: int) -> int:
    for i, b in enumerate(blocks):
        if b.id == block_id:
            return i
    raise AgendaError(agenda_timer.UNKNOWN_BLOCK, id=block_id)


def _require(state: RunState, *statuses: RunStatus) -> None:
    if state.status not in statuses:
        raise AgendaError(
            agenda_timer.WRONG_STATE,
            state=state.status.value,
            needs=tuple(s.value for s in statuses),
        )


def start(
    state: RunState, blocks: Sequence[Block], now: dt.datetime, block_id: int | None = None
) -> Transition:
    """Start the day at ``block_id`` (default: the first block)."""
    _require(state, RunStatus.IDLE)
    if not blocks:
        raise AgendaError(agenda_timer.EMPTY_AGENDA)
    target = blocks[block_index(blocks, block_id)] if block_id is not None else blocks[0]
    baseline = state.baseline or {b.id: (b.start, b.end) for b in blocks}
    new = replace(
        state,
        block_id=target.id,
        started_at=now,
        paused_at=None,
        paused_seconds=0.0,
        extra_seconds=0,
        queue=None,
        baseline=baseline,
    )
    return Transition(new, (Mark(target.id, "actual_start", now),))


def pause(state: RunState, now: dt.datetime) -> Transition:
    _require(state, RunStatus.RUNNING)
    return Transition(replace(state, paused_at=now))


def resume(state: RunState, now: dt.datetime) -> Transition:
    _require(state, RunStatus.PAUSED)
    assert state.paused_at is not None
    gap = max(0.0, (now - state.paused_at).total_seconds())
    queue = state.queue
    if queue is not None:
        queue = replace(queue, slot_paused_seconds=queue.slot_paused_seconds + gap)
    return Transition(
        replace(state, paused_at=None, paused_seconds=state.paused_seconds + gap, queue=queue)
    )


def toggle(
    state: RunState, blocks: Sequence[Block], now: dt.datetime, block_id: int | None = None
) -> Transition:
    """Space: start when idle, pause when running, resume when paused."""
    status = state.status
    if status is RunStatus.IDLE:
        return start(state, blocks, now, block_id)
    if status is RunStatus.RUNNING:
        return pause(state, now)
    if status is RunStatus.PAUSED:
        return resume(state, now)
    raise AgendaError(agenda_timer.FINISHED)


def _settled(state: RunState, now: dt.datetime) -> RunState:
    """The state with a running pause folded in (as if resumed at ``now``)."""
    return resume(state, now).state if state.status is RunStatus.PAUSED else state


def next_block(state: RunState, blocks: Sequence[Block], now: dt.datetime) -> Transition:
    """End the current block now and start the next one (after the last: the day ends)."""
    _require(state, RunStatus.RUNNING, RunStatus.PAUSED)
    state = _settled(state, now)
    assert state.block_id is not None and state.started_at is not None
    index = block_index(blocks, state.block_id)
    leg = Leg(state.block_id, state.started_at, state.paused_seconds, state.extra_seconds)
    redo = _redo(state, blocks, index, leg, now)
    if redo is not None:
        return redo
    marks = [Mark(state.block_id, "actual_end", now)]
    if index + 1 >= len(blocks):
        new = replace(state, finished_at=now, history=state.history + (leg,), queue=None)
        return Transition(new, tuple(marks))
    following = blocks[index + 1]
    marks.append(Mark(following.id, "actual_start", now))
    new = replace(
        state,
        block_id=following.id,
        started_at=now,
        paused_seconds=0.0,
        extra_seconds=0,
        history=state.history + (leg,),
        queue=None,
        undone=None,
    )
    return Transition(new, tuple(marks))


def _redo(
    state: RunState, blocks: Sequence[Block], index: int, leg: Leg, now: dt.datetime
) -> Transition | None:
    """ "Next" within ``REDO_SECONDS`` of a "previous": put back the block it took back, with
    its real start (the minutes it ran are not lost to a stray key), else None."""
    undone = state.undone
    if undone is None or (now - undone.at).total_seconds() > REDO_SECONDS:
        return None
    if undone.block_id is None:
        fits = index == len(blocks) - 1
    else:
        fits = index + 1 < len(blocks) and blocks[index + 1].id == undone.block_id
    if not fits:
        return None
    assert state.block_id is not None
    back = undone.started_at
    marks = [Mark(state.block_id, "actual_end", back)]
    history = state.history + (leg,)
    if undone.block_id is None:
        new = replace(state, finished_at=back, history=history, queue=None, undone=None)
        return Transition(new, tuple(marks))
    marks.append(Mark(undone.block_id, "actual_start", back))
    new = replace(
        state,
        block_id=undone.block_id,
        started_at=back,
        paused_at=None,
        paused_seconds=undone.paused_seconds,
        extra_seconds=undone.extra_seconds,
        history=history,
        queue=undone.queue,
        undone=None,
    )
    return Transition(new, tuple(marks))


def previous_block(state: RunState, now: dt.datetime) -> Transition:
    """Undo "next": reopen the block left last, as if it had never ended.

    The block that was started by mistake loses its actual start; the time since counts for
    the reopened block, whose actual end is cleared.
    """
    _require(state, RunStatus.RUNNING, RunStatus.PAUSED, RunStatus.FINISHED)
    if not state.history:
        raise AgendaError(agenda_timer.NO_PREVIOUS)
    state = _settled(state, now)
    leg = state.history[-1]
    marks = [Mark(leg.block_id, "actual_end", None)]
    if state.finished_at is None and state.block_id is not None:
        marks.insert(0, Mark(state.block_id, "actual_start", None))
        assert state.started_at is not None
        undone = Undone(
            now,
            state.block_id,
            state.started_at,
            state.paused_seconds,
            state.extra_seconds,
            state.queue,
        )
    else:
        assert state.finished_at is not None
        undone = Undone(now, None, state.finished_at)
    new = replace(
        state,
        block_id=leg.block_id,
        started_at=leg.started_at,
        paused_at=None,
        paused_seconds=leg.paused_seconds,
        extra_seconds=leg.extra_seconds,
        finished_at=None,
        history=state.history[:-1],
        queue=None,
        undone=undone,
    )
    return Transition(new, tuple(marks))


def adjust(state: RunState, blocks: Sequence[Block], seconds: int) -> Transition:
    """Extend (+) or shorten (−) the current block; it cannot become shorter than nothing."""
    _require(state, RunStatus.RUNNING, RunStatus.PAUSED)
    assert state.block_id is not None
    planned = blocks[block_index(blocks, state.block_id)].seconds
    extra = max(int(-planned), state.extra_seconds + seconds)
    return Transition(replace(state, extra_seconds=extra))


def set_message(state: RunState, text: str) -> Transition:
    return Transition(replace(state, message=text.strip()[:200]))


# --------------------------------------------------------------------------- reading the clock


def elapsed_seconds(state: RunState, now: dt.datetime) -> float:
    """Running time of the current block, pauses excluded."""
    if state.started_at is None:
        return 0.0
    until = state.paused_at or state.finished_at or now
    return max(0.0, (until - state.started_at).total_seconds() - state.paused_seconds)


def block_seconds(state: RunState, blocks: Sequence[Block]) -> float:
    """The current block's allowed length: planned length plus extensions."""
    if state.block_id is None:
        return 0.0
    return blocks[block_index(blocks, state.block_id)].seconds + state.extra_seconds


def remaining_seconds(state: RunState, blocks: Sequence[Block], now: dt.datetime) -> float:
    """Countdown of the current block; negative when it runs over."""
    if state.block_id is None or state.finished_at is not None:
        return 0.0
    return block_seconds(state, blocks) - elapsed_seconds(state, now)


@dataclass(frozen=True)
class Timing:
    status: RunStatus
    current: Block | None
    following: Block | None
    remaining: float  # seconds; negative = overrun
    elapsed: float
    length: float
    current_end: dt.datetime | None  # when the current block will end at this pace
    behind: float  # seconds the rest of the day is behind its plan (negative: ahead)
    next_delay: float  # seconds the next block will start late (0 if on time or early)
    projected_end: dt.datetime | None  # when the day ends at this pace


def timing(state: RunState, blocks: Sequence[Block], now: dt.datetime) -> Timing:
    """Everything the run screen and projector show, computed from the state and the clock.

    The current block is expected to end when its countdown reaches zero (or now, if it has
    run over); each later block then starts at its planned time or when the one before it
    ends, whichever is later, and keeps its planned length.
    """
    status = state.status
    if status is RunStatus.FINISHED or not blocks:
        end = state.finished_at
        last = blocks[-1].end if blocks else None
        behind = (end - last).total_seconds() if end and last else 0.0
        return Timing(status, None, None, 0.0, 0.0, 0.0, None, behind, 0.0, end)
    if status is RunStatus.IDLE:
        first = blocks[0]
        if now.date() != first.start.date():
            # Not the session's day (the day before, a rehearsal): today's clock against
            # another day's plan is no pace (「落後 917 分鐘，預計 06:46 結束」 before Start).
            return Timing(status, None, first, 0.0, 0.0, 0.0, None, 0.0, 0.0, None)
        current_end = max(first.end, now + dt.timedelta(seconds=first.seconds))
        behind = (current_end - first.end).total_seconds()
        end = _project(blocks, 1, current_end)
        delay = max(0.0, behind)
        return Timing(status, None, first, 0.0, 0.0, 0.0, None, behind, delay, end)
    assert state.block_id is not None
    index = block_index(blocks, state.block_id)
    current = blocks[index]
    remaining = remaining_seconds(state, blocks, now)
    # While paused the countdown holds, so the block keeps ending later as the pause goes on.
    current_end = now + dt.timedelta(seconds=max(0.0, remaining))
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    behind = (current_end - current.end).total_seconds()
    delay = max(0.0, (current_end - following.start).total_seconds()) if following else 0.0
    projected = _project(blocks, index + 1, current_end)
    return Timing(
        status,
        current,
        following,
        remaining,
        elapsed_seconds(state, now),
        block_seconds(state, blocks),
        current_end,
        behind,
        delay,
        projected,
    )


def _project(blocks: Sequence[Block], from_index: int, t: dt.datetime) -> dt.datetime:
    for b in blocks[from_index:]:
        begin = max(b.start, t)
        t = begin + dt.timedelta(seconds=max(0.0, b.seconds))
    return t


class Level(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVER = "over"


def alert_level(
    remaining: float,
    warning: float = DEFAULT_WARNING_SECONDS,
    danger: float = DEFAULT_DANGER_SECONDS,
) -> Level:
    """The colour of a countdown: at or below ``warning`` / ``danger`` seconds, or past zero."""
    if remaining < 0:
        return Level.OVER
    if remaining <= danger:
        return Level.DANGER
    if remaining <= warning:
        return Level.WARNING
    return Level.NORMAL


def flash_on(remaining: float, period: float = 1.0) -> bool:
    """Past zero the countdown blinks: shown in the first half of each ``period``."""
    if remaining >= 0:
        return True
    return (-remaining % period) < period / 2


def format_clock(seconds: float) -> str:
    """``12:05`` / ``1:02:03``; negative (overrun) as ``+1:30``; whole seconds, rounded up
    while counting down so the display reaches 0:00 exactly at zero."""
    over = seconds < 0
    whole = int(-seconds) if over else int(-(-seconds // 1))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"+{text}" if over else text
