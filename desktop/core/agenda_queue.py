"""The report-back queue (小組報告): while a ``group_report`` block runs, tables report in turn,
each with its own slot (block length ÷ tables by default, adjustable) and countdown. The queue
lives in the run state (``desktop.core.agenda.QueueState``); these are its rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop.core.agenda import AgendaError, QueueState, RunState
from desktop.core.outcomes import agenda_timer


@dataclass(frozen=True)
class QueueStatus:
    table: int | None
    label: str
    index: int  # 0-based place of the current table in the running order
    count: int
    slot_seconds: int
    slot_remaining: float
    running_order: tuple[str, ...]
    done: bool


def default_slot_seconds(block_seconds: float, tables: int) -> int:
    """Block length ÷ tables, rounded down to whole seconds (0 tables: the whole block)."""
    return int(block_seconds // max(1, tables))


def start_queue(
    state: RunState, tables: Sequence[tuple[int, str]], slot_seconds: int, now: dt.datetime
) -> RunState:
    """Begin the report-back queue: ``tables`` are (number, label) in running order."""
    if not tables:
        raise AgendaError(agenda_timer.NO_TABLES)
    if slot_seconds <= 0:
        raise AgendaError(agenda_timer.BAD_SLOT)
    queue = QueueState(
        order=tuple(n for n, _ in tables),
        labels={n: label for n, label in tables},
        slot_seconds=int(slot_seconds),
        index=0,
        slot_started_at=now,
        slot_paused_seconds=0.0,
    )
    return replace(state, queue=queue)


def _queue(state: RunState) -> QueueState:
    if state.queue is None:
        raise AgendaError(agenda_timer.NO_QUEUE)
    return state.queue


def queue_next(state: RunState, now: dt.datetime) -> RunState:
    """The next table starts its slot now (after the last table: the queue is done)."""
    queue = _queue(state)
    index = min(queue.index + 1, len(queue.order))
    return replace(
        state, queue=replace(queue, index=index, slot_started_at=now, slot_paused_seconds=0.0)
    )


def queue_previous(state: RunState, now: dt.datetime) -> RunState:
    queue = _queue(state)
    if queue.index == 0:
        raise AgendaError(agenda_timer.QUEUE_START)
    return replace(
        state,
        queue=replace(queue, index=queue.index - 1, slot_started_at=now, slot_paused_seconds=0.0),
    )


def queue_set_slot(state: RunState, slot_seconds: int) -> RunState:
    if slot_seconds <= 0:
        raise AgendaError(agenda_timer.BAD_SLOT)
    return replace(state, queue=replace(_queue(state), slot_seconds=int(slot_seconds)))


def queue_move(state: RunState, table: int, offset: int) -> RunState:
    """Move a table that has not reported yet ``offset`` places in the running order."""
    queue = _queue(state)
    order = list(queue.order)
    if table not in order:
        raise AgendaError(agenda_timer.UNKNOWN_TABLE, n=table)
    here = order.index(table)
    if here <= queue.index:
        raise AgendaError(agenda_timer.ALREADY_REPORTED)
    there = max(queue.index + 1, min(len(order) - 1, here + offset))
    order.insert(there, order.pop(here))
    return replace(state, queue=replace(queue, order=tuple(order)))


def queue_status(state: RunState, now: dt.datetime) -> QueueStatus | None:
    """The current table, its slot countdown and the running order (None: no queue)."""
    queue = state.queue
    if queue is None:
        return None
    labels = tuple(queue.labels.get(n, str(n)) for n in queue.order)
    done = queue.index >= len(queue.order)
    if done or queue.slot_started_at is None:
        return QueueStatus(
            None, "", queue.index, len(queue.order), queue.slot_seconds, 0.0, labels, done
        )
    until = state.paused_at or now
    used = (until - queue.slot_started_at).total_seconds() - queue.slot_paused_seconds
    table = queue.order[queue.index]
    return QueueStatus(
        table,
        queue.labels.get(table, str(table)),
        queue.index,
        len(queue.order),
        queue.slot_seconds,
        queue.slot_seconds - max(0.0, used),
        labels,
        False,
    )
