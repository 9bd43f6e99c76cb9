"""Checking an agenda plan (overlaps, gaps, empty and out-of-order blocks) and moving the rest
of the day when a block runs over (shift everything, or let the next break take it up)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from desktop.core.agenda import ABSORBING_KINDS, Block, block_index

# --------------------------------------------------------------------------- plan checks


class IssueKind(StrEnum):
    OVERLAP = "overlap"
    GAP = "gap"
    EMPTY = "empty"  # end is not after start
    ORDER = "order"  # a block starts before the one listed above it


@dataclass(frozen=True)
class PlanIssue:
    kind: IssueKind
    block_id: int  # the later of the two blocks (or the block itself)
    other_id: int | None
    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


def plan_issues(blocks: Sequence[Block]) -> list[PlanIssue]:
    """Overlaps, gaps, empty blocks and out-of-order blocks of a plan in its listed order."""
    issues: list[PlanIssue] = []
    for block in blocks:
        if block.end <= block.start:
            issues.append(PlanIssue(IssueKind.EMPTY, block.id, None, block.start, block.end))
    for before, after in zip(blocks, blocks[1:], strict=False):
        if after.start < before.start:
            issues.append(
                PlanIssue(IssueKind.ORDER, after.id, before.id, after.start, before.start)
            )
        elif after.start < before.end:
            end = min(before.end, after.end)
            issues.append(PlanIssue(IssueKind.OVERLAP, after.id, before.id, after.start, end))
        elif after.start > before.end:
            issues.append(PlanIssue(IssueKind.GAP, after.id, before.id, before.end, after.start))
    return issues


# --------------------------------------------------------------------------- moving the plan


@dataclass(frozen=True)
class Replan:
    """New planned times for blocks that move; ``unabsorbed`` is the delay nothing took up."""

    times: dict[int, tuple[dt.datetime, dt.datetime]]
    absorbed_by: int | None = None
    unabsorbed: dt.timedelta = dt.timedelta(0)


def shift_blocks(blocks: Sequence[Block], from_id: int, delta: dt.timedelta) -> Replan:
    """Move the block ``from_id`` and every block after it by ``delta`` (negative: earlier)."""
    index = block_index(blocks, from_id)
    return Replan({b.id: (b.start + delta, b.end + delta) for b in blocks[index:]})


def absorb_delay(
    blocks: Sequence[Block],
    from_id: int,
    delta: dt.timedelta,
    *,
    kinds: Iterable[str] = ABSORBING_KINDS,
    min_seconds: float = 0,
) -> Replan:
    """Let the first break/lunch at or after ``from_id`` take up ``delta``.

    Blocks from ``from_id`` up to that break move later by ``delta``; the break starts later
    but keeps its planned end (it becomes shorter, never below ``min_seconds``), so the blocks
    after it keep their times. What the break cannot take shifts the blocks after it (and is
    reported as ``unabsorbed``). Without a break, everything from ``from_id`` shifts.
    """
    if delta <= dt.timedelta(0):
        return shift_blocks(blocks, from_id, delta)
    index = block_index(blocks, from_id)
    kinds = tuple(kinds)
    absorber = next((i for i in range(index, len(blocks)) if blocks[i].kind in kinds), None)
    if absorber is None:
        shifted = shift_blocks(blocks, from_id, delta)
        return replace(shifted, unabsorbed=delta)
    times: dict[int, tuple[dt.datetime, dt.datetime]] = {
        b.id: (b.start + delta, b.end + delta) for b in blocks[index:absorber]
    }
    pause = blocks[absorber]
    capacity = max(dt.timedelta(0), pause.end - pause.start - dt.timedelta(seconds=min_seconds))
    taken = min(delta, capacity)
    rest = delta - taken
    times[pause.id] = (pause.start + delta, pause.end + rest)
    for b in blocks[absorber + 1 :]:
        if rest:
            times[b.id] = (b.start + rest, b.end + rest)
    return Replan(times, absorbed_by=pause.id, unabsorbed=rest)


def apply_replan(blocks: Sequence[Block], replan: Replan) -> list[Block]:
    return [
        replace(b, start=replan.times[b.id][0], end=replan.times[b.id][1])
        if b.id in replan.times
        else b
        for b in blocks
    ]
