"""Agenda use cases: running the day (start, pause, next, previous, adjust, the report-back
queue, replanning after an overrun) and planned versus actual.

Actual times are written on the session's date (the clock's time of day on ``session.date``):
the learning-hours rules read ``AgendaBlock.actual_start/actual_end`` as real date-times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import EventSession, WorkshopTable
from db.uow import Database
from desktop.core import agenda as rules
from desktop.core import agenda_plan
from desktop.core import agenda_queue as queues
from desktop.core.agenda import Block, RunState, Transition
from desktop.core.agenda_actual import PlanActualRow
from desktop.core.agenda_json import state_to_json
from desktop.core.agenda_plan import Replan
from desktop.core.outcomes import agenda_timer, events
from desktop.services import audit, stored_settings
from desktop.services.agenda import AgendaInputError, to_rule_blocks
from desktop.services.agenda_store import load_state, ordered_blocks
from desktop.services.events import AgendaRow, _agenda_row


@dataclass(frozen=True)
class TimerOptions:
    warning_seconds: int = rules.DEFAULT_WARNING_SECONDS
    danger_seconds: int = rules.DEFAULT_DANGER_SECONDS
    chime: bool = True


@dataclass(frozen=True)
class RunView:
    """A snapshot the run screen keeps and reads on every tick (no database access)."""

    session_id: int
    session_date: dt.date
    rows: tuple[AgendaRow, ...]
    blocks: tuple[Block, ...]
    state: RunState
    tables: tuple[tuple[int, str], ...]
    options: TimerOptions

    def timing(self, now: dt.datetime) -> rules.Timing:
        return rules.timing(self.state, self.blocks, on_session_day(now, self.session_date))

    def queue(self, now: dt.datetime) -> queues.QueueStatus | None:
        return queues.queue_status(self.state, on_session_day(now, self.session_date))

    def row(self, block_id: int | None) -> AgendaRow | None:
        return next((r for r in self.rows if r.id == block_id), None)


def _load_options(s: Session, session_id: int) -> TimerOptions:
    value = stored_settings.read(s, stored_settings.AGENDA_TIMER, session_id)
    return TimerOptions(
        warning_seconds=int(value.get("warning_seconds", rules.DEFAULT_WARNING_SECONDS)),
        danger_seconds=int(value.get("danger_seconds", rules.DEFAULT_DANGER_SECONDS)),
        chime=bool(value.get("chime", True)),
    )


def _view(s: Session, session_id: int, state: RunState | None = None) -> RunView:
    es = s.get(EventSession, session_id)
    if es is None:
        raise AgendaInputError(events.NO_SESSION, id=session_id)
    rows = tuple(_agenda_row(b) for b in ordered_blocks(s, session_id))
    tables = tuple(
        (t.number, t.name or f"第{t.number}桌")
        for t in s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        )
    )
    return RunView(
        session_id,
        es.date,
        rows,
        tuple(to_rule_blocks(rows)),
        state if state is not None else load_state(s, session_id),
        tables,
        _load_options(s, session_id),
    )


def load_run(db: Database, session_id: int) -> RunView:
    """The stored run state with the session's blocks: what a restarted app resumes from."""
    with db.read() as s:
        return _view(s, session_id)


def save_options(
    db: Database,
    session_id: int,
    options: TimerOptions,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    if options.danger_seconds < 0 or options.warning_seconds < options.danger_seconds:
        raise AgendaInputError(agenda_timer.BAD_WARNING_TIMES)
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        stored_settings.write(
            s,
            stored_settings.AGENDA_TIMER,
            session_id,
            {
                "warning_seconds": options.warning_seconds,
                "danger_seconds": options.danger_seconds,
                "chime": options.chime,
            },
            at,
        )
        audit.record(
            s,
            "agenda.timer_options",
            actor=actor,
            entity="session",
            entity_id=session_id,
            at=at,
            warning_seconds=options.warning_seconds,
            danger_seconds=options.danger_seconds,
            chime=options.chime,
        )


def on_session_day(now: dt.datetime, day: dt.date) -> dt.datetime:
    """The clock's time of day on the session's date. The timer runs on it, so a rehearsal on
    another day shows sensible countdowns and delays (not "4,050,638 minutes behind") and logs
    times the hours rules can use."""
    return now if now.date() == day else dt.datetime.combine(day, now.time())


# A run action: (state, blocks, now on the session's day) → new state or a transition.
Step = Callable[[RunState, tuple[Block, ...], dt.datetime], "Transition | RunState"]


def _run(
    db: Database,
    session_id: int,
    action: str,
    now: dt.datetime,
    actor: str,
    step: Step,
    **detail: object,
) -> RunView:
    """Apply one run action in one unit of work: marks on blocks, new state, audit row."""
    with db.unit_of_work() as s:
        view = _view(s, session_id)
        at, now = now, on_session_day(now, view.session_date)
        result = step(view.state, view.blocks, now)
        transition = result if isinstance(result, Transition) else Transition(result)
        state = transition.state
        state = _start_queue_if_report(state, view, now)
        by_id = {b.id: b for b in ordered_blocks(s, session_id)}
        for mark in transition.marks:
            value = on_session_day(mark.value, view.session_date) if mark.value else None
            setattr(by_id[mark.block_id], mark.field, value)
        stored_settings.write(s, stored_settings.AGENDA_RUN, session_id, state_to_json(state), now)
        audit.record(
            s,
            f"agenda.run.{action}",
            actor=actor,
            entity="session",
            entity_id=session_id,
            at=at,
            block_id=state.block_id,
            marks=[
                [m.block_id, m.field, m.value.isoformat() if m.value else None]
                for m in transition.marks
            ],
            **detail,
        )
        s.flush()
        return _view(s, session_id, state)


def _start_queue_if_report(state: RunState, view: RunView, now: dt.datetime) -> RunState:
    """Entering a 小組報告 block starts the report-back queue with the session's tables."""
    if state.queue is not None or state.block_id is None or state.finished_at is not None:
        return state
    block = next((b for b in view.blocks if b.id == state.block_id), None)
    if block is None or block.kind != rules.GROUP_REPORT or not view.tables:
        return state
    slot = queues.default_slot_seconds(block.seconds, len(view.tables))
    return queues.start_queue(state, view.tables, slot, state.started_at or now)


def toggle(
    db: Database, session_id: int, now: dt.datetime, *, actor: str = "", block_id: int | None = None
) -> RunView:
    """Space: start (at ``block_id`` or the first block), pause or resume."""
    return _run(
        db,
        session_id,
        "toggle",
        now,
        actor,
        lambda st, bl, now: rules.toggle(st, bl, now, block_id),
    )


def next_block(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    return _run(
        db, session_id, "next", now, actor, lambda st, bl, now: rules.next_block(st, bl, now)
    )


def previous_block(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    return _run(
        db, session_id, "previous", now, actor, lambda st, bl, now: rules.previous_block(st, now)
    )


def adjust(
    db: Database, session_id: int, seconds: int, now: dt.datetime, *, actor: str = ""
) -> RunView:
    """Extend (+) or shorten (−) the running block by ``seconds``."""
    return _run(
        db,
        session_id,
        "adjust",
        now,
        actor,
        lambda st, bl, now: rules.adjust(st, bl, seconds),
        seconds=seconds,
    )


def set_message(
    db: Database, session_id: int, text: str, now: dt.datetime, *, actor: str = ""
) -> RunView:
    return _run(
        db,
        session_id,
        "message",
        now,
        actor,
        lambda st, bl, now: rules.set_message(st, text),
        length=len(text),
    )


def queue_next(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    return _run(
        db, session_id, "queue_next", now, actor, lambda st, bl, now: queues.queue_next(st, now)
    )


def queue_previous(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    return _run(
        db,
        session_id,
        "queue_previous",
        now,
        actor,
        lambda st, bl, now: queues.queue_previous(st, now),
    )


def queue_set_slot(
    db: Database, session_id: int, slot_seconds: int, now: dt.datetime, *, actor: str = ""
) -> RunView:
    return _run(
        db,
        session_id,
        "queue_slot",
        now,
        actor,
        lambda st, bl, now: queues.queue_set_slot(st, slot_seconds),
        slot_seconds=slot_seconds,
    )


def queue_move(
    db: Database, session_id: int, table: int, offset: int, now: dt.datetime, *, actor: str = ""
) -> RunView:
    return _run(
        db,
        session_id,
        "queue_move",
        now,
        actor,
        lambda st, bl, now: queues.queue_move(st, table, offset),
        table=table,
        offset=offset,
    )


def reset_run(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    """Forget the run: clear the state and every block's actual times (audited)."""
    with db.unit_of_work() as s:
        cleared = 0
        for block in ordered_blocks(s, session_id):
            if block.actual_start or block.actual_end:
                cleared += 1
            block.actual_start = None
            block.actual_end = None
        stored_settings.write(
            s, stored_settings.AGENDA_RUN, session_id, state_to_json(RunState()), now
        )
        audit.record(
            s,
            "agenda.run.reset",
            actor=actor,
            entity="session",
            entity_id=session_id,
            at=now,
            cleared_blocks=cleared,
        )
        s.flush()
        return _view(s, session_id)


def replan(
    db: Database,
    session_id: int,
    mode: str,
    now: dt.datetime,
    *,
    actor: str = "",
    delta: dt.timedelta | None = None,
) -> tuple[RunView, Replan]:
    """Move the rest of the day after an overrun: ``mode`` ``"shift"`` moves every later block
    by the delay; ``"absorb"`` lets the next break or lunch take it up.

    ``delta`` defaults to how late the next block would start at this pace. Writes the new
    planned times (the run state keeps the original plan as ``baseline`` for the report).
    """
    if mode not in ("shift", "absorb"):
        raise AgendaInputError(agenda_timer.UNKNOWN_REPLAN_MODE, mode=mode)
    with db.unit_of_work() as s:
        view = _view(s, session_id)
        t = view.timing(now)
        if t.following is None:
            raise AgendaInputError(agenda_timer.NOTHING_TO_REPLAN)
        amount = delta if delta is not None else dt.timedelta(seconds=round(t.next_delay))
        if mode == "shift":
            result = agenda_plan.shift_blocks(view.blocks, t.following.id, amount)
        else:
            result = agenda_plan.absorb_delay(view.blocks, t.following.id, amount)
        state = view.state
        if not state.baseline:
            state = replace(state, baseline={b.id: (b.start, b.end) for b in view.blocks})
        by_id = {b.id: b for b in ordered_blocks(s, session_id)}
        for block_id, (start_at, end_at) in result.times.items():
            by_id[block_id].planned_start = start_at
            by_id[block_id].planned_end = end_at
        stored_settings.write(s, stored_settings.AGENDA_RUN, session_id, state_to_json(state), now)
        audit.record(
            s,
            f"agenda.replan.{mode}",
            actor=actor,
            entity="session",
            entity_id=session_id,
            at=now,
            seconds=amount.total_seconds(),
            from_block=t.following.id,
            absorbed_by=result.absorbed_by,
            unabsorbed_seconds=result.unabsorbed.total_seconds(),
            moved=sorted(result.times),
        )
        s.flush()
        return _view(s, session_id, state), result


# --------------------------------------------------------------------------- planned vs actual


def planned_vs_actual(db: Database, session_id: int) -> tuple[PlanActualRow, ...]:
    with db.read() as s:
        state = load_state(s, session_id)
        rows = []
        for i, b in enumerate(ordered_blocks(s, session_id), start=1):
            original = state.baseline.get(b.id, (b.planned_start, b.planned_end))
            rows.append(
                PlanActualRow(
                    i,
                    b.title,
                    b.kind,
                    b.speaker,
                    b.counts_for_hours,
                    original[0],
                    original[1],
                    b.planned_start,
                    b.planned_end,
                    b.actual_start,
                    b.actual_end,
                )
            )
        return tuple(rows)
