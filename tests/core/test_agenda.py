from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import agenda as rules
from desktop.core import agenda_plan as plans
from desktop.core import agenda_queue as queues
from desktop.core.agenda import AgendaError, Block, RunState, RunStatus
from desktop.core.agenda_json import state_from_json, state_to_json
from desktop.core.agenda_plan import IssueKind

DAY = dt.date(2019, 3, 15)


def at(hhmm: str, sec: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmm)) + dt.timedelta(seconds=sec)


def plan() -> list[Block]:
    return [
        Block(1, at("09:00"), at("09:05"), "opening"),
        Block(2, at("09:05"), at("10:00"), "talk"),
        Block(3, at("10:00"), at("10:10"), "break"),
        Block(4, at("10:10"), at("11:00"), "group_discussion"),
        Block(5, at("11:00"), at("11:30"), "group_report"),
        Block(6, at("11:30"), at("12:30"), "lunch"),
        Block(7, at("12:30"), at("13:00"), "discussion"),
    ]


def test_plan_issues_find_overlaps_gaps_empty_and_order() -> None:
    blocks = [
        Block(1, at("09:00"), at("09:30")),
        Block(2, at("09:20"), at("10:00")),  # overlaps 10 min
        Block(3, at("10:15"), at("10:15")),  # 15 min gap, empty block
        Block(4, at("10:00"), at("10:30")),  # starts before the one above
    ]
    issues = {(i.kind, i.block_id): i for i in plans.plan_issues(blocks)}
    assert issues[(IssueKind.OVERLAP, 2)].minutes == 10
    assert issues[(IssueKind.GAP, 3)].minutes == 15
    assert (IssueKind.EMPTY, 3) in issues
    assert (IssueKind.ORDER, 4) in issues
    assert plans.plan_issues(plan()) == []


def test_countdown_pause_resume_and_extend_use_absolute_times() -> None:
    blocks = plan()
    state = rules.toggle(RunState(), blocks, at("09:00")).state
    assert state.status is RunStatus.RUNNING
    assert rules.remaining_seconds(state, blocks, at("09:02")) == 180
    state = rules.toggle(state, blocks, at("09:02")).state  # pause
    assert state.status is RunStatus.PAUSED
    assert rules.remaining_seconds(state, blocks, at("09:30")) == 180  # frozen while paused
    state = rules.toggle(state, blocks, at("09:10")).state  # resume after 8 minutes
    assert state.paused_seconds == 480
    assert rules.remaining_seconds(state, blocks, at("09:11")) == 120
    state = rules.adjust(state, blocks, 300).state
    state = rules.adjust(state, blocks, -60).state
    assert rules.remaining_seconds(state, blocks, at("09:11")) == 120 + 240
    # shortening never goes below an empty block
    state = rules.adjust(state, blocks, -3600).state
    assert rules.block_seconds(state, blocks) == 0


def test_next_and_previous_mark_actual_times() -> None:
    blocks = plan()
    t = rules.start(RunState(), blocks, at("09:01"))
    assert t.marks == (rules.Mark(1, "actual_start", at("09:01")),)
    t = rules.next_block(t.state, blocks, at("09:07"))
    assert t.marks == (
        rules.Mark(1, "actual_end", at("09:07")),
        rules.Mark(2, "actual_start", at("09:07")),
    )
    assert t.state.block_id == 2
    back = rules.previous_block(t.state, at("09:08"))
    assert back.marks == (rules.Mark(2, "actual_start", None), rules.Mark(1, "actual_end", None))
    assert back.state.block_id == 1 and back.state.started_at == at("09:01")
    with pytest.raises(AgendaError) as err:
        rules.previous_block(back.state, at("09:09"))
    assert err.value.code == "no_previous"


def test_last_next_finishes_the_day_and_previous_reopens_it() -> None:
    blocks = plan()[:2]
    state = rules.start(RunState(), blocks, at("09:00")).state
    state = rules.next_block(state, blocks, at("09:05")).state
    done = rules.next_block(state, blocks, at("10:02"))
    assert done.state.status is RunStatus.FINISHED
    assert done.marks == (rules.Mark(2, "actual_end", at("10:02")),)
    reopened = rules.previous_block(done.state, at("10:03"))
    assert reopened.state.block_id == 2 and reopened.marks == (rules.Mark(2, "actual_end", None),)


def test_timing_reports_delay_and_projected_end() -> None:
    blocks = plan()
    state = rules.start(RunState(), blocks, at("09:05"), block_id=2).state
    t = rules.timing(state, blocks, at("10:07"))  # talk overran by 7 minutes so far
    assert t.remaining == -420
    assert t.behind == 420 and t.next_delay == 420
    # the break 10:07–10:17, then everything after it 7 minutes late
    assert t.projected_end == at("13:07")
    t = rules.timing(state, blocks, at("09:30"))
    assert t.behind == 0 and t.next_delay == 0 and t.projected_end == at("13:00")


def test_shift_and_absorb_move_the_rest_of_the_day() -> None:
    blocks = plan()
    delay = dt.timedelta(minutes=7)
    shifted = plans.shift_blocks(blocks, 3, delay)
    assert shifted.times[3] == (at("10:07"), at("10:17"))
    assert shifted.times[7] == (at("12:37"), at("13:07"))
    assert 2 not in shifted.times

    absorbed = plans.absorb_delay(blocks, 3, delay)
    assert absorbed.absorbed_by == 3 and absorbed.unabsorbed == dt.timedelta(0)
    assert absorbed.times == {3: (at("10:07"), at("10:10"))}  # the break is 3 minutes now

    # a bigger delay than the break: the rest moves on
    absorbed = plans.absorb_delay(blocks, 3, dt.timedelta(minutes=15))
    assert absorbed.times[3] == (at("10:15"), at("10:15"))
    assert absorbed.unabsorbed == dt.timedelta(minutes=5)
    assert absorbed.times[4] == (at("10:15"), at("11:05"))

    # from the group discussion the next absorber is lunch; the blocks before it move
    absorbed = plans.absorb_delay(blocks, 4, delay)
    assert absorbed.absorbed_by == 6
    assert absorbed.times[5] == (at("11:07"), at("11:37"))
    assert absorbed.times[6] == (at("11:37"), at("12:30"))
    assert 7 not in absorbed.times
    new = plans.apply_replan(blocks, absorbed)
    assert plans.plan_issues(new[3:]) == []  # the moved part of the day still fits


def test_alert_levels_and_blinking() -> None:
    assert rules.alert_level(301) is rules.Level.NORMAL
    assert rules.alert_level(300) is rules.Level.WARNING
    assert rules.alert_level(60) is rules.Level.DANGER
    assert rules.alert_level(-0.1) is rules.Level.OVER
    assert rules.alert_level(100, warning=120, danger=30) is rules.Level.WARNING
    assert rules.flash_on(5) and rules.flash_on(-0.2) and not rules.flash_on(-0.7)
    assert rules.format_clock(90.2) == "1:31"
    assert rules.format_clock(0) == "0:00"
    assert rules.format_clock(-75.5) == "+1:15"
    assert rules.format_clock(3725) == "1:02:05"


def test_report_queue_slots_order_and_pause() -> None:
    blocks = plan()
    state = rules.start(RunState(), blocks, at("11:00"), block_id=5).state
    slot = queues.default_slot_seconds(1800, 6)
    assert slot == 300
    tables = [(n, f"第{n}桌") for n in range(1, 7)]
    state = queues.start_queue(state, tables, slot, at("11:00"))
    status = queues.queue_status(state, at("11:02"))
    assert status is not None and status.label == "第1桌" and status.slot_remaining == 180
    state = rules.pause(state, at("11:02")).state
    state = rules.resume(state, at("11:04")).state
    assert queues.queue_status(state, at("11:05")).slot_remaining == 120  # type: ignore[union-attr]
    state = queues.queue_next(state, at("11:05"))
    state = queues.queue_move(state, 6, -3)  # table 6 reports third
    status = queues.queue_status(state, at("11:06"))
    assert status is not None and status.index == 1 and status.label == "第2桌"
    assert status.running_order == ("第1桌", "第2桌", "第6桌", "第3桌", "第4桌", "第5桌")
    with pytest.raises(AgendaError):
        queues.queue_move(state, 1, 2)  # already reported
    state = queues.queue_set_slot(state, 240)
    assert queues.queue_status(state, at("11:06")).slot_remaining == 180  # type: ignore[union-attr]
    for _ in range(5):
        state = queues.queue_next(state, at("11:10"))
    assert queues.queue_status(state, at("11:10")).done  # type: ignore[union-attr]


def test_state_round_trips_through_json() -> None:
    import json

    blocks = plan()
    state = rules.start(RunState(), blocks, at("09:00")).state
    state = rules.next_block(state, blocks, at("09:06")).state
    state = rules.pause(state, at("09:30")).state
    state = queues.start_queue(state, [(1, "第1桌"), (2, "第2桌")], 120, at("09:30"))
    state = rules.set_message(state, " 請把握時間 ").state
    text = json.dumps(state_to_json(state))
    back = state_from_json(json.loads(text))
    assert back == state
    assert state_from_json(None) == RunState()


def test_a_stray_previous_is_taken_back_by_next_right_after() -> None:
    blocks = plan()
    state = rules.start(RunState(), blocks, at("09:00")).state
    state = rules.next_block(state, blocks, at("09:05")).state  # the talk, 09:05
    state = rules.adjust(state, blocks, 300).state
    back = rules.previous_block(state, at("09:50"))  # ← by mistake 45 minutes into the talk
    assert back.state.block_id == 1
    saved = state_from_json(state_to_json(back.state))  # survives a restart
    again = rules.next_block(saved, blocks, at("09:50", 30))
    assert again.marks == (
        rules.Mark(1, "actual_end", at("09:05")),
        rules.Mark(2, "actual_start", at("09:05")),
    )
    assert again.state.block_id == 2 and again.state.extra_seconds == 300
    assert rules.remaining_seconds(again.state, blocks, at("09:51")) == (55 + 5 - 46) * 60
    # Going back on purpose and on a while later starts the block afresh.
    back = rules.previous_block(again.state, at("09:52"))
    later = rules.next_block(back.state, blocks, at("09:55"))
    assert later.marks[1] == rules.Mark(2, "actual_start", at("09:55"))
    # The day's end is put back too.
    state = rules.start(RunState(), blocks[:2], at("09:00")).state
    state = rules.next_block(state, blocks[:2], at("09:05")).state
    done = rules.next_block(state, blocks[:2], at("10:00")).state
    reopened = rules.previous_block(done, at("10:10")).state
    redone = rules.next_block(reopened, blocks[:2], at("10:10", 10))
    assert redone.state.finished_at == at("10:00")
    assert redone.marks == (rules.Mark(2, "actual_end", at("10:00")),)
