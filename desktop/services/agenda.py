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
from desktop.core.outcomes import agenda, events
from desktop.core.problems import CodedError, Outcome
from desktop.services import audit
from desktop.services.agenda_store import load_state, ordered_blocks
from desktop.services.events import AgendaRow, _agenda_row

KINDS = tuple(k.value for k in BlockKind)


class AgendaInputError(CodedError):
    """Input a block cannot be saved with; ``problems`` says what is wrong, field by field.

    A problem of an imported block carries ``block`` (its place in the file, from 1) as data:
    its sentence is then ``agenda.IN_BLOCK`` (第 3 段 …), so a window can word both
    parts in its language (``word(IN_BLOCK, block=…, problem=word(exc.outcome, …))``).
    """

    def __init__(self, outcome: Outcome, /, **params: object) -> None:
        super().__init__(outcome, **params)
        if "block" in params:
            self.args = (agenda.IN_BLOCK.say(block=params["block"], problem=self.args[0]),)


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
        problems.append(AgendaInputError(agenda.BLOCK_TITLE_REQUIRED))
    elif len(data.title) > 300:
        problems.append(AgendaInputError(agenda.BLOCK_TITLE_TOO_LONG, n=300))
    if data.kind not in KINDS:
        problems.append(AgendaInputError(agenda.BLOCK_UNKNOWN_KIND, kind=data.kind))
    if data.end <= data.start:
        problems.append(
            AgendaInputError(
                agenda.BLOCK_ENDS_BEFORE_START,
                start=f"{data.start:%H:%M}",
                end=f"{data.end:%H:%M}",
            )
        )
    if len(data.speaker) > 200:
        problems.append(AgendaInputError(agenda.BLOCK_SPEAKER_TOO_LONG, n=200))
    return problems


def list_blocks(db: Database, session_id: int) -> tuple[AgendaRow, ...]:
    with db.read() as s:
        return tuple(_agenda_row(b) for b in ordered_blocks(s, session_id))


def get_block(db: Database, block_id: int) -> BlockDetail:
    with db.read() as s:
        block = s.get(AgendaBlock, block_id)
        if block is None:
            raise AgendaInputError(agenda.NO_BLOCK, id=block_id)
        return BlockDetail(_agenda_row(block), block.description)


def _session(s: Session, session_id: int) -> EventSession:
    es = s.get(EventSession, session_id)
    if es is None:
        raise AgendaInputError(events.NO_SESSION, id=session_id)
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
            raise AgendaInputError(agenda.NO_BLOCK, id=block_id)
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
        AgendaInputError(p.outcome, block=i, **p.params)
        for i, data in enumerate(inputs, start=1)
        for p in validate_block(data)
    ]
    if problems:
        raise AgendaInputError.of(problems)
    with db.unit_of_work() as s:
        es = _session(s, session_id)
        if existing := ordered_blocks(s, session_id):
            raise AgendaInputError(agenda.AGENDA_NOT_EMPTY, session=es.name, n=len(existing))
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
            raise AgendaInputError(agenda.NO_BLOCK, id=block_id)
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
            raise AgendaInputError(agenda.BLOCK_RUNNING)
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
            raise AgendaInputError(agenda.NO_BLOCK, id=block_id)
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


def issue_outcome(issue: PlanIssue, rows: Sequence[AgendaRow]) -> tuple[Outcome, dict[str, str]]:
    """What the editor says of ``issue`` and its parameters: which blocks, what, how many
    minutes, when (``say(**params)`` in zh-TW, the window's ``word`` in its language)."""
    titles = {r.id: r.title for r in rows}
    params = {
        "this": titles.get(issue.block_id, "?"),
        "other": titles.get(issue.other_id, "?") if issue.other_id is not None else "",
        "span": f"{issue.start:%H:%M}–{issue.end:%H:%M}",
        "minutes": f"{abs(issue.minutes):g}",
    }
    return ISSUE_OUTCOMES[issue.kind], params


ISSUE_OUTCOMES = {
    agenda_plan.IssueKind.OVERLAP: agenda.PLAN_OVERLAP,
    agenda_plan.IssueKind.GAP: agenda.PLAN_GAP,
    agenda_plan.IssueKind.EMPTY: agenda.PLAN_EMPTY,
    agenda_plan.IssueKind.ORDER: agenda.PLAN_ORDER,
}
