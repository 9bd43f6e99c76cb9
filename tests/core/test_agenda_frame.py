"""The one frame the run screen's countdown and the projector both draw."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core import agenda as rules
from desktop.core import agenda_queue as queues
from desktop.core.agenda import Block, RunState
from desktop.core.agenda_frame import EMPTY, frame

DAY = dt.date(2019, 3, 15)


def at(hhmm: str, sec: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmm)) + dt.timedelta(seconds=sec)


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    kind: str
    speaker: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    actual_start: dt.datetime | None = None


ROWS = (
    Row(1, "開幕", "opening", "", at("09:00"), at("09:05")),
    Row(2, "專題演講", "talk", "王教授", at("09:05"), at("10:00")),
    Row(3, "休息", "break", "", at("10:00"), at("10:10")),
    Row(4, "小組報告", "group_report", "", at("10:10"), at("10:40")),
)
BLOCKS = tuple(Block(r.id, r.planned_start, r.planned_end, r.kind, r.title) for r in ROWS)


def shown(state: RunState, now: dt.datetime, *, selected: int | None = None, rows=ROWS):
    blocks = BLOCKS if rows else ()
    return frame(
        state,
        rows,
        rules.timing(state, blocks, now),
        queues.queue_status(state, now),
        selected=selected,
        warning_seconds=300,
        danger_seconds=60,
    )


def test_no_blocks_and_before_the_start() -> None:
    empty = shown(RunState(), at("08:50"), rows=())
    assert (empty.phase, empty.clock, empty.block, empty.projected_end) == (
        EMPTY,
        "--:--",
        None,
        None,
    )
    idle = shown(RunState(), at("08:50"), selected=2)
    assert idle.phase == "idle" and idle.block == ROWS[1] and idle.clock == "55:00"
    assert idle.level == "idle" and idle.following is None and idle.speaker == ""
    assert shown(RunState(), at("08:50")).block == ROWS[0]  # nothing chosen: the first block


def test_running_block_levels_blink_and_overrun_prompt() -> None:
    state = rules.start(RunState(), BLOCKS, at("09:05"), block_id=2).state
    early = shown(state, at("09:06"))
    assert (early.phase, early.clock, early.level) == ("running", "54:00", "normal")
    assert early.block == ROWS[1] and early.following == ROWS[2] and early.speaker == "王教授"
    assert early.late_by == 0 and early.behind == 0
    assert shown(state, at("09:56")).level == "warning"
    assert shown(state, at("09:59", 30)).level == "danger"
    over = [shown(state, at("10:02", 0) + dt.timedelta(seconds=s / 2)) for s in range(4)]
    assert {f.level for f in over} == {"over"} and over[0].clock.startswith("+2:0")
    assert {f.visible for f in over} == {True, False}  # the blink past zero
    assert over[0].late_by == 120 and over[0].behind == 120  # the break starts 2 minutes late
    paused = shown(rules.pause(state, at("09:10")).state, at("09:20"))
    assert paused.level == "paused" and paused.clock == "50:00"
    extended = shown(rules.adjust(state, BLOCKS, 60).state, at("09:06"))
    assert extended.extra_seconds == 60 and extended.clock == "55:00"


def test_finished_day_and_the_report_queue() -> None:
    state = rules.start(RunState(), BLOCKS, at("10:10"), block_id=4).state
    tables = [(n, f"第{n}桌") for n in range(1, 4)]
    state = queues.start_queue(state, tables, 600, at("10:10"))
    queue = shown(state, at("10:19", 50)).queue
    assert queue is not None and (queue.label, queue.index, queue.count) == ("第1桌", 0, 3)
    assert (queue.clock, queue.level, queue.done) == ("0:10", "danger", False)
    assert queue.running_order == ("第1桌", "第2桌", "第3桌")
    state = rules.set_message(state, "請把握時間").state
    assert shown(state, at("10:12")).message == "請把握時間"
    done = rules.next_block(state, BLOCKS, at("10:40")).state
    last = shown(done, at("10:41"))
    assert (last.phase, last.block, last.clock, last.level) == ("finished", None, "0:00", "idle")
    assert last.finished_at == at("10:40") and last.projected_end == at("10:40")
