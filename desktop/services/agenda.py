"""Agenda use cases: editing a session's blocks (add, update, import, delete, move) and checking
the plan (running the day: ``desktop.services.agenda_run``; what both keep in the database:
``desktop.services.agenda_store``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import AgendaBlock, BlockKind, EventSession
from db.uow import Database
from desktop.core import agenda as rules
from desktop.core import agenda_plan
from desktop.core.agenda import Block
from desktop.core.agenda_csv import AgendaLine
from desktop.core.agenda_plan import PlanIssue
from desktop.core.problems import CodedError
from desktop.services import audit
from desktop.services.agenda_store import load_state, ordered_blocks
from desktop.services.events import AgendaRow, _agenda_row

KINDS = tuple(k.value for k in BlockKind)


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
        return tuple(_agenda_row(b) for b in ordered_blocks(s, session_id))


def get_block(db: Database, block_id: int) -> BlockDetail:
    with db.read() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError("no_block", f"找不到議程段落 #{block_id}", id=block_id)
        return BlockDetail(_agenda_row(block), block.description)


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
        blocks = ordered_blocks(s, session_id)
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
        if existing := ordered_blocks(s, session_id):
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
        blocks = ordered_blocks(s, _session(s, session_id).id)
        _delete(s, blocks, actor, now)
    return len(blocks)


def _delete(s: Session, blocks: Sequence[AgendaBlock], actor: str, now: dt.datetime | None) -> None:
    for block in blocks:
        state = load_state(s, block.session_id)
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
        _renumber(ordered_blocks(s, blocks[0].session_id))


def move_block(
    db: Database, block_id: int, offset: int, *, actor: str = "", now: dt.datetime | None = None
) -> None:
    """Move a block ``offset`` places up (−) or down (+) in the listed order."""
    with db.unit_of_work() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError("no_block", f"找不到議程段落 #{block_id}", id=block_id)
        blocks = ordered_blocks(s, block.session_id)
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
