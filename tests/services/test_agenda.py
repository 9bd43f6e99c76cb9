from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.models import AgendaBlock, AuditEntry, Setting
from db.uow import Database
from desktop.core.agenda import RunStatus
from desktop.core.agenda_csv import AgendaLine
from desktop.core.outcomes import agenda
from desktop.services import agenda as service
from desktop.services import agenda_run as run_service
from desktop.services import exports
from desktop.services.agenda import AgendaInputError, BlockInput
from desktop.services.events import find_session

DAY = dt.date(2019, 3, 15)


def at(hhmm: str, sec: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmm)) + dt.timedelta(seconds=sec)


def test_editor_validates_adds_in_time_order_and_flags_overlaps(demo_db: Database) -> None:
    taipei = find_session(demo_db, "臺北")
    with pytest.raises(AgendaInputError) as err:
        service.add_block(demo_db, taipei.id, BlockInput(" ", "talk", dt.time(10), dt.time(9)))
    assert [p.code for p in err.value.problems] == [
        "block_title_required",
        "block_ends_before_start",
    ]
    assert "結束 09:00 必須晚於開始 10:00" in str(err.value)
    assert len(service.list_blocks(demo_db, taipei.id)) == 11  # nothing half-written

    new_id = service.add_block(
        demo_db, taipei.id, BlockInput("茶敘", "break", dt.time(10, 15), dt.time(10, 40))
    )
    rows = service.list_blocks(demo_db, taipei.id)
    assert [r.id for r in rows].index(new_id) == 4  # right after the talk that starts 09:20
    assert rows[4].planned_start == at("10:15")
    issues = [service.issue_outcome(i, rows) for i in service.plan_issues(rows)]
    assert any(o is agenda.PLAN_OVERLAP and "茶敘" in o.say(**p) for o, p in issues), issues

    service.move_block(demo_db, new_id, 5)
    assert [r.id for r in service.list_blocks(demo_db, taipei.id)].index(new_id) == 9
    service.delete_block(demo_db, new_id)
    rows = service.list_blocks(demo_db, taipei.id)
    assert len(rows) == 11 and [r.position for r in rows] == list(range(11))
    assert service.plan_issues(rows) == []
    with demo_db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("agenda.%")))
        assert set(actions) >= {"agenda.block_add", "agenda.block_move", "agenda.block_delete"}


def test_an_imported_block_problem_names_its_place_as_data(demo_db: Database) -> None:
    """第 2 段 is ``block`` in the parameters: the sentence has it, and a window can word the
    field's problem and the place in its own language."""
    taipei = find_session(demo_db, "臺北")
    lines = [
        AgendaLine(dt.time(9), dt.time(10), "開場", "", "opening"),
        AgendaLine(dt.time(10), dt.time(11), " ", "", "talk"),
    ]
    with pytest.raises(AgendaInputError) as err:
        service.import_blocks(demo_db, taipei.id, lines)
    (problem,) = err.value.problems
    assert problem.outcome is agenda.BLOCK_TITLE_REQUIRED and problem.params == {"block": 2}
    assert str(err.value) == "第 2 段 標題：不可空白"


def test_a_simulated_day_with_overrun_shift_absorb_and_report(
    demo_db: Database, tmp_path: Path
) -> None:
    taipei = find_session(demo_db, "臺北")
    sid = taipei.id
    ids = [r.id for r in service.list_blocks(demo_db, sid)]
    view = run_service.toggle(demo_db, sid, at("08:30"))  # 報到
    view = run_service.next_block(demo_db, sid, at("09:01"))  # 開場 one minute late
    view = run_service.next_block(demo_db, sid, at("09:06"))
    view = run_service.next_block(demo_db, sid, at("09:21"))  # the talk
    view = run_service.adjust(demo_db, sid, 300, at("10:00"))  # speaker gets 5 more minutes
    t = view.timing(at("10:30"))  # and runs to 10:30: 4 minutes past the extension
    assert t.remaining == -240  # 69 minutes run of 60 + 5
    assert t.next_delay == 600  # the break planned at 10:20 starts at 10:30 at the earliest

    view, result = run_service.replan(demo_db, sid, "absorb", at("10:30"))
    assert result.absorbed_by == ids[4] and result.unabsorbed == dt.timedelta(minutes=0)
    rows = {r.id: r for r in view.rows}
    assert (rows[ids[4]].planned_start, rows[ids[4]].planned_end) == (at("10:30"), at("10:30"))
    assert rows[ids[5]].planned_start == at("10:30")  # group discussion unchanged

    view = run_service.next_block(demo_db, sid, at("10:30"))  # into the (now empty) break
    view = run_service.next_block(demo_db, sid, at("10:31"))  # group discussion, 1 min late
    view = run_service.next_block(demo_db, sid, at("11:45"))  # reports start 15 min late
    assert view.state.queue is not None and len(view.state.queue.order) == 6
    assert view.state.queue.slot_seconds == 300  # 30 minutes ÷ 6 tables
    view, result = run_service.replan(demo_db, sid, "shift", at("11:50"))
    rows = {r.id: r for r in view.rows}
    assert rows[ids[7]].planned_start == at("12:15")  # lunch shifted by 15 minutes
    assert rows[ids[10]].planned_end == at("15:45")
    assert view.timing(at("11:50")).projected_end == at("15:45")

    # the report keeps the original plan and shows what happened
    report = {r.position: r for r in run_service.planned_vs_actual(demo_db, sid)}
    talk = report[4]
    assert (talk.original_start, talk.original_end) == (at("09:20"), at("10:20"))
    assert (talk.actual_start, talk.actual_end) == (at("09:21"), at("10:30"))
    assert talk.actual_minutes == 69 and talk.length_difference_minutes == 9
    assert report[8].original_start == at("12:00") and report[8].planned_start == at("12:15")
    assert report[7].actual_start == at("11:45") and report[7].actual_end is None

    csv_path = exports.agenda_report(demo_db, sid, tmp_path / "agenda.csv", "csv").path
    with csv_path.open(encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[0][:3] == ["序號", "議程", "類型"]
    assert lines[4][9:15] == ["09:21:00", "10:30:00", "60", "69", "+9", "+1"]
    pdf = exports.agenda_report(demo_db, sid, tmp_path / "agenda.pdf", "pdf").path
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "議程預定與實際時間" in text and "09:21–10:30" in text and "→12:15–13:15" in text

    with demo_db.read() as s:
        setting = s.scalar(
            select(Setting).where(Setting.scope == f"session:{sid}", Setting.key == "agenda_run")
        )
        assert setting is not None and setting.value["block_id"] == ids[6]
        logged = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("agenda.re%")))
        )
    assert logged == ["agenda.replan.absorb", "agenda.replan.shift"]


def test_state_survives_reopening_the_database(demo_db_path: Path) -> None:
    from desktop.app import open_database

    db = open_database(demo_db_path)
    sid = find_session(db, "臺南").id
    run_service.toggle(db, sid, dt.datetime(2019, 3, 29, 10, 0))
    run_service.next_block(db, sid, dt.datetime(2019, 3, 29, 10, 30))
    run_service.toggle(db, sid, dt.datetime(2019, 3, 29, 10, 32))  # pause 3 minutes
    run_service.toggle(db, sid, dt.datetime(2019, 3, 29, 10, 35))
    db.dispose()
    del db

    again = open_database(demo_db_path)
    view = run_service.load_run(again, sid)
    assert view.state.status is RunStatus.RUNNING
    assert view.row(view.state.block_id).title == "主辦單位開場致詞"  # type: ignore[union-attr]
    # 5 minutes planned, 2 run before the pause, 1 after
    assert view.timing(dt.datetime(2019, 3, 29, 10, 36)).remaining == 120
    again.dispose()


def test_a_rehearsal_on_another_day_logs_times_on_the_session_date(demo_db: Database) -> None:
    sid = find_session(demo_db, "臺中").id
    run_service.toggle(demo_db, sid, dt.datetime(2026, 1, 5, 10, 2))
    with demo_db.read() as s:
        block = s.scalars(
            select(AgendaBlock).where(AgendaBlock.session_id == sid).order_by(AgendaBlock.position)
        ).first()
        assert block is not None
        assert block.actual_start == dt.datetime(2019, 4, 12, 10, 2)


def test_reset_clears_actual_times(demo_db: Database) -> None:
    sid = find_session(demo_db, "臺北").id
    run_service.toggle(demo_db, sid, at("08:30"))
    run_service.next_block(demo_db, sid, at("09:00"))
    view = run_service.reset_run(demo_db, sid, at("09:01"))
    assert view.state.status is RunStatus.IDLE
    assert all(r.actual_start is None and r.actual_end is None for r in view.rows)


def test_a_rehearsal_on_another_day_runs_on_the_sessions_clock(demo_db: Database) -> None:
    """Pressing Space on the demo's 2019 agenda today must not say "4,050,638 minutes behind"."""
    taipei = find_session(demo_db, "臺北")
    today = dt.datetime(2026, 11, 26, 9, 21)  # the talk (09:20–10:20) starts a minute late
    talk = taipei.agenda[3]
    view = run_service.toggle(demo_db, taipei.id, today, block_id=talk.id)
    timing = view.timing(today + dt.timedelta(minutes=10))
    assert timing.status is RunStatus.RUNNING
    assert 49 * 60 <= timing.remaining <= 50 * 60  # 60-minute talk, 10 minutes in
    assert abs(timing.behind) <= 60  # about a minute late, not years
    with demo_db.read() as s:
        started = s.get_one(AgendaBlock, talk.id).actual_start
    assert started == dt.datetime(2019, 3, 15, 9, 21)  # logged on the session's date
