"""Agenda use cases: editing a session's blocks, running the day, planned versus actual.

Run state lives in the ``Setting`` row ``scope="session:<id>", key="agenda_run"`` (JSON of
``desktop.core.agenda_json.state_to_json``), written in the same unit of work as the actual times it
marks on blocks, so a crash never leaves the two disagreeing. Timer options (warning/danger
thresholds, chime) are ``key="agenda_timer"`` in the same scope.

Actual times are written on the session's date (the clock's time of day on ``session.date``):
the learning-hours rules read ``AgendaBlock.actual_start/actual_end`` as real date-times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AgendaBlock, BlockKind, EventSession, Setting, WorkshopTable
from db.uow import Database
from desktop.core import agenda as rules
from desktop.core import agenda_plan
from desktop.core.agenda import Block, PlanActualRow, RunState, Transition
from desktop.core.agenda_csv import AgendaLine
from desktop.core.agenda_json import state_from_json, state_to_json
from desktop.core.agenda_plan import PlanIssue, Replan
from desktop.core.problems import CodedError
from desktop.services import audit
from desktop.services.events import AgendaRow, _agenda_row

RUN_KEY = "agenda_run"
OPTIONS_KEY = "agenda_timer"
KINDS = tuple(k.value for k in BlockKind)


def scope(session_id: int) -> str:
    return f"session:{session_id}"


class AgendaInputError(CodedError):
    """Input a block cannot be saved with; ``problems`` says what is wrong, field by field."""


# --------------------------------------------------------------------------- editor


@dataclass(frozen=True)
class BlockInput:
    title: str
    kind: str
    start: dt.time
    end: dt.time
    speaker: str = ""
    description: str = ""
    counts_for_hours: bool = True


@dataclass(frozen=True)
class BlockDetail:
    row: AgendaRow
    description: str

    def as_input(self) -> BlockInput:
        r = self.row
        return BlockInput(
            r.title,
            r.kind,
            r.planned_start.time(),
            r.planned_end.time(),
            r.speaker,
            self.description,
            r.counts_for_hours,
        )


def validate_block(data: BlockInput) -> list[AgendaInputError]:
    """What is wrong with ``data``, one refusal per field (empty: it can be saved)."""
    problems = []
    if not data.title.strip():
        problems.append(AgendaInputError("block_title_required", "標題：不可空白"))
    elif len(data.title) > 300:
        problems.append(AgendaInputError("block_title_too_long", "標題：最多 300 字", n=300))
    if data.kind not in KINDS:
        problems.append(
            AgendaInputError(
                "block_unknown_kind", f"類型：「{data.kind}」不是已知的議程類型", kind=data.kind
            )
        )
    if data.end <= data.start:
        problems.append(
            AgendaInputError(
                "block_ends_before_start",
                f"時間：結束 {data.end:%H:%M} 必須晚於開始 {data.start:%H:%M}",
                start=f"{data.start:%H:%M}",
                end=f"{data.end:%H:%M}",
            )
        )
    if len(data.speaker) > 200:
        problems.append(AgendaInputError("block_speaker_too_long", "主講人：最多 200 字", n=200))
    return problems


def list_blocks(db: Database, session_id: int) -> tuple[AgendaRow, ...]:
    with db.read() as s:
        return tuple(_agenda_row(b) for b in _blocks(s, session_id))


def get_block(db: Database, block_id: int) -> BlockDetail:
    with db.read() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError("no_block", f"找不到議程段落 #{block_id}", id=block_id)
        return BlockDetail(_agenda_row(block), block.description)


def _blocks(s: Session, session_id: int) -> list[AgendaBlock]:
    return list(
        s.scalars(
            select(AgendaBlock)
            .where(AgendaBlock.session_id == session_id)
            .order_by(AgendaBlock.position, AgendaBlock.id)
        )
    )


def _session(s: Session, session_id: int) -> EventSession:
    es = s.get(EventSession, session_id)
    if es is None:
        raise AgendaInputError("no_session", f"找不到場次 #{session_id}", id=session_id)
    return es


def _renumber(blocks: Sequence[AgendaBlock]) -> None:
    for i, b in enumerate(blocks):
        b.position = i


def _fill(block: AgendaBlock, data: BlockInput, day: dt.date) -> None:
    block.title = data.title.strip()
    block.kind = data.kind
    block.planned_start = dt.datetime.combine(day, data.start)
    block.planned_end = dt.datetime.combine(day, data.end)
    block.speaker = data.speaker.strip()
    block.description = data.description.strip()
    block.counts_for_hours = data.counts_for_hours


def _snapshot(block: AgendaBlock) -> dict[str, object]:
    return {
        "title": block.title,
        "kind": block.kind,
        "speaker": block.speaker,
        "start": f"{block.planned_start:%H:%M}",
        "end": f"{block.planned_end:%H:%M}",
        "counts_for_hours": block.counts_for_hours,
    }


def add_block(
    db: Database,
    session_id: int,
    data: BlockInput,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> int:
    """Add a block; it is placed in time order among the existing blocks."""
    problems = validate_block(data)
    if problems:
        raise AgendaInputError.of(problems)
    with db.unit_of_work() as s:
        es = _session(s, session_id)
        blocks = _blocks(s, session_id)
        block = AgendaBlock(session_id=session_id, position=len(blocks))
        _fill(block, data, es.date)
        at = next(
            (i for i, b in enumerate(blocks) if b.planned_start > block.planned_start), len(blocks)
        )
        blocks.insert(at, block)
        s.add(block)
        _renumber(blocks)
        s.flush()
        audit.record(
            s,
            "agenda.block_add",
            actor=actor,
            entity="agenda_block",
            entity_id=block.id,
            at=now,
            session_id=session_id,
            **_snapshot(block),
        )
        return block.id


def update_block(
    db: Database,
    block_id: int,
    data: BlockInput,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    problems = validate_block(data)
    if problems:
        raise AgendaInputError.of(problems)
    with db.unit_of_work() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError("no_block", f"找不到議程段落 #{block_id}", id=block_id)
        before = _snapshot(block)
        _fill(block, data, block.session.date)
        audit.record(
            s,
            "agenda.block_edit",
            actor=actor,
            entity="agenda_block",
            entity_id=block.id,
            at=now,
            before=before,
            after=_snapshot(block),
        )


def import_blocks(
    db: Database,
    session_id: int,
    lines: Sequence[AgendaLine],
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> int:
    """Give a session with no agenda the blocks of an announcement, all or none."""
    inputs = [
        BlockInput(
            line.title,
            line.kind,
            line.start,
            line.end,
            line.speaker,
            counts_for_hours=line.counts_for_hours,
        )
        for line in lines
    ]
    problems = [
        AgendaInputError(p.code, f"第 {i} 段 {p}", **p.params)
        for i, data in enumerate(inputs, start=1)
        for p in validate_block(data)
    ]
    if problems:
        raise AgendaInputError.of(problems)
    with db.unit_of_work() as s:
        es = _session(s, session_id)
        if existing := _blocks(s, session_id):
            raise AgendaInputError(
                "agenda_not_empty",
                f"{es.name}已有 {len(existing)} 段議程；先清除再匯入",
                session=es.name,
                n=len(existing),
            )
        blocks = []
        for data in sorted(inputs, key=lambda d: d.start):
            block = AgendaBlock(session_id=session_id)
            _fill(block, data, es.date)
            blocks.append(block)
            s.add(block)
        _renumber(blocks)
        s.flush()
        audit.record(
            s,
            "agenda.import",
            actor=actor,
            entity="session",
            entity_id=session_id,
            at=now,
            blocks=len(blocks),
        )
    return len(blocks)


def delete_block(
    db: Database, block_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> None:
    with db.unit_of_work() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError("no_block", f"找不到議程段落 #{block_id}", id=block_id)
        _delete(s, [block], actor, now)


def clear_agenda(
    db: Database, session_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> int:
    """Remove every block of a session, all or none; returns how many."""
    with db.unit_of_work() as s:
        blocks = _blocks(s, _session(s, session_id).id)
        _delete(s, blocks, actor, now)
    return len(blocks)


def _delete(s: Session, blocks: Sequence[AgendaBlock], actor: str, now: dt.datetime | None) -> None:
    for block in blocks:
        state = _load_state(s, block.session_id)
        if state.block_id == block.id and state.status in (
            rules.RunStatus.RUNNING,
            rules.RunStatus.PAUSED,
        ):
            raise AgendaInputError("block_running", "正在進行的段落不能刪除；請先進入下一段")
        audit.record(
            s,
            "agenda.block_delete",
            actor=actor,
            entity="agenda_block",
            entity_id=block.id,
            at=now,
            session_id=block.session_id,
            **_snapshot(block),
        )
        s.delete(block)
    s.flush()
    if blocks:
        _renumber(_blocks(s, blocks[0].session_id))


def move_block(
    db: Database, block_id: int, offset: int, *, actor: str = "", now: dt.datetime | None = None
) -> None:
    """Move a block ``offset`` places up (−) or down (+) in the listed order."""
    with db.unit_of_work() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError("no_block", f"找不到議程段落 #{block_id}", id=block_id)
        blocks = _blocks(s, block.session_id)
        here = blocks.index(block)
        there = max(0, min(len(blocks) - 1, here + offset))
        if there == here:
            return
        blocks.insert(there, blocks.pop(here))
        _renumber(blocks)
        audit.record(
            s,
            "agenda.block_move",
            actor=actor,
            entity="agenda_block",
            entity_id=block.id,
            at=now,
            position=there,
        )


def to_rule_blocks(rows: Sequence[AgendaRow]) -> list[Block]:
    return [Block(r.id, r.planned_start, r.planned_end, r.kind, r.title) for r in rows]


def plan_issues(rows: Sequence[AgendaRow]) -> list[PlanIssue]:
    return agenda_plan.plan_issues(to_rule_blocks(rows))


def describe_issue(issue: PlanIssue, rows: Sequence[AgendaRow]) -> str:
    """A sentence for the editor: which blocks, what, how many minutes, when."""
    titles = {r.id: r.title for r in rows}
    this = titles.get(issue.block_id, "?")
    other = titles.get(issue.other_id, "?") if issue.other_id is not None else ""
    span = f"{issue.start:%H:%M}–{issue.end:%H:%M}"
    minutes = f"{abs(issue.minutes):g}"
    if issue.kind is agenda_plan.IssueKind.OVERLAP:
        return f"重疊 {minutes} 分鐘：「{other}」與「{this}」（{span}）"
    if issue.kind is agenda_plan.IssueKind.GAP:
        return f"空檔 {minutes} 分鐘：「{other}」之後到「{this}」之前（{span}）"
    if issue.kind is agenda_plan.IssueKind.EMPTY:
        return f"時間錯誤：「{this}」的結束時間不晚於開始時間（{span}）"
    return f"順序錯誤：「{this}」排在「{other}」之後，卻比它早開始"


# --------------------------------------------------------------------------- run


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

    def queue(self, now: dt.datetime) -> rules.QueueStatus | None:
        return rules.queue_status(self.state, on_session_day(now, self.session_date))

    def row(self, block_id: int | None) -> AgendaRow | None:
        return next((r for r in self.rows if r.id == block_id), None)


def _setting(s: Session, session_id: int, key: str) -> Setting | None:
    return s.scalar(select(Setting).where(Setting.scope == scope(session_id), Setting.key == key))


def _put_setting(
    s: Session, session_id: int, key: str, value: dict[str, object], now: dt.datetime
) -> None:
    row = _setting(s, session_id, key)
    if row is None:
        s.add(Setting(scope=scope(session_id), key=key, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now


def _load_state(s: Session, session_id: int) -> RunState:
    row = _setting(s, session_id, RUN_KEY)
    return state_from_json(row.value if row else None)


def _load_options(s: Session, session_id: int) -> TimerOptions:
    row = _setting(s, session_id, OPTIONS_KEY)
    value = row.value if row else {}
    return TimerOptions(
        warning_seconds=int(value.get("warning_seconds", rules.DEFAULT_WARNING_SECONDS)),
        danger_seconds=int(value.get("danger_seconds", rules.DEFAULT_DANGER_SECONDS)),
        chime=bool(value.get("chime", True)),
    )


def _view(s: Session, session_id: int, state: RunState | None = None) -> RunView:
    es = s.get(EventSession, session_id)
    if es is None:
        raise AgendaInputError("no_session", f"找不到場次 #{session_id}", id=session_id)
    rows = tuple(_agenda_row(b) for b in _blocks(s, session_id))
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
        state if state is not None else _load_state(s, session_id),
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
        raise AgendaInputError("bad_warning_times", "提醒時間：黃燈必須不少於紅燈，且都不可為負")
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        _put_setting(
            s,
            session_id,
            OPTIONS_KEY,
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
        by_id = {b.id: b for b in _blocks(s, session_id)}
        for mark in transition.marks:
            value = on_session_day(mark.value, view.session_date) if mark.value else None
            setattr(by_id[mark.block_id], mark.field, value)
        _put_setting(s, session_id, RUN_KEY, state_to_json(state), now)
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
    slot = rules.default_slot_seconds(block.seconds, len(view.tables))
    return rules.start_queue(state, view.tables, slot, state.started_at or now)


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
        db, session_id, "queue_next", now, actor, lambda st, bl, now: rules.queue_next(st, now)
    )


def queue_previous(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    return _run(
        db,
        session_id,
        "queue_previous",
        now,
        actor,
        lambda st, bl, now: rules.queue_previous(st, now),
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
        lambda st, bl, now: rules.queue_set_slot(st, slot_seconds),
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
        lambda st, bl, now: rules.queue_move(st, table, offset),
        table=table,
        offset=offset,
    )


def reset_run(db: Database, session_id: int, now: dt.datetime, *, actor: str = "") -> RunView:
    """Forget the run: clear the state and every block's actual times (audited)."""
    with db.unit_of_work() as s:
        cleared = 0
        for block in _blocks(s, session_id):
            if block.actual_start or block.actual_end:
                cleared += 1
            block.actual_start = None
            block.actual_end = None
        _put_setting(s, session_id, RUN_KEY, state_to_json(RunState()), now)
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
        raise AgendaInputError(
            "unknown_replan_mode", f"調整方式「{mode}」不明：請用 shift 或 absorb", mode=mode
        )
    with db.unit_of_work() as s:
        view = _view(s, session_id)
        t = view.timing(now)
        if t.following is None:
            raise AgendaInputError("nothing_to_replan", "後面沒有段落可以調整")
        amount = delta if delta is not None else dt.timedelta(seconds=round(t.next_delay))
        if mode == "shift":
            result = agenda_plan.shift_blocks(view.blocks, t.following.id, amount)
        else:
            result = agenda_plan.absorb_delay(view.blocks, t.following.id, amount)
        state = view.state
        if not state.baseline:
            state = replace(state, baseline={b.id: (b.start, b.end) for b in view.blocks})
        by_id = {b.id: b for b in _blocks(s, session_id)}
        for block_id, (start_at, end_at) in result.times.items():
            by_id[block_id].planned_start = start_at
            by_id[block_id].planned_end = end_at
        _put_setting(s, session_id, RUN_KEY, state_to_json(state), now)
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
        state = _load_state(s, session_id)
        rows = []
        for i, b in enumerate(_blocks(s, session_id), start=1):
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
