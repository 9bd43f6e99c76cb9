import datetime as dt

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Certificate, HoursAdjustment
from desktop.core.idvault import WrongPassphrase
from desktop.reports.portal_csv import PortalError
from desktop.services.certificates import issue_certificates
from desktop.services.course import set_course_fields
from desktop.services.hours import CloseDayError, adjust_hours, day_report, sort_people
from desktop.services.portal import portal_file
from tests.closeday_sim import simulate_day


def by_reg(report):
    return {p.registration_id: p for p in report.people}


def test_simulated_day_follows_the_policy(demo_db) -> None:
    sim = simulate_day(demo_db)
    report = day_report(demo_db, sim.session_id)
    people = by_reg(report)
    r = sim.roles
    assert report.course.course_hours == 5.0  # 320 planned credit minutes, rounded down
    assert people[r["full"]].hours == 5.0 and people[r["full"]].full
    assert people[r["full"]].reasons == ()
    # in 10:40: 50 + 30 + 30 + 100 (demo ran to 15:10) + 30 = 240 min = 4 h
    assert people[r["late"]].hours == 4.0
    assert "late_arrival" in people[r["late"]].reasons
    # out 14:00: 5+15+60 + 60+30 + 30+30 (demo from 13:30) = 230 min -> 3.5
    assert people[r["early"]].hours == 3.5 and "early_leave" in people[r["early"]].reasons
    assert people[r["no_out"]].hours == 0 and "missing_sign_out" in people[r["no_out"]].reasons
    assert people[r["lunch"]].hours == 5.0 and people[r["lunch"]].full
    assert len(people[r["lunch"]].intervals) == 2
    assert people[r["voided"]].hours == 5.0 and people[r["voided"]].full
    assert people[r["absent"]].hours == 0 and people[r["absent"]].reasons == ("absent",)
    assert not people[r["absent"]].present
    assert "no_id" in people[r["no_id"]].reasons and not people[r["no_id"]].eligible
    review = {p.registration_id for p in report.review()}
    assert {r["late"], r["early"], r["no_out"], r["no_id"]} <= review
    assert r["full"] not in review and r["absent"] not in review


def test_missing_sign_out_option_changes_the_credit(demo_db) -> None:
    sim = simulate_day(demo_db)
    set_course_fields(demo_db, sim.session_id, policy={"missing_sign_out": "session_end"})
    person = by_reg(day_report(demo_db, sim.session_id))[sim.roles["no_out"]]
    assert person.hours == 5.0 and not person.full and "missing_sign_out" in person.reasons
    set_course_fields(demo_db, sim.session_id, policy={"step": 1})
    late = by_reg(day_report(demo_db, sim.session_id))[sim.roles["early"]]
    assert late.hours == 3.0


def test_adjust_with_reason_is_audited(demo_db) -> None:
    sim = simulate_day(demo_db)
    reg = sim.roles["no_out"]
    with pytest.raises(CloseDayError, match="原因"):
        adjust_hours(demo_db, reg, 5, "  ")
    with pytest.raises(CloseDayError, match="課程時數"):
        adjust_hours(demo_db, reg, 6, "too much")
    with pytest.raises(CloseDayError, match="倍數"):
        adjust_hours(demo_db, reg, 4.25, "odd")
    adjust_hours(demo_db, reg, 5, "忘記簽退 桌長確認全程在場", actor="organiser")
    person = by_reg(day_report(demo_db, sim.session_id))[reg]
    assert person.hours == 5.0 and person.computed_hours == 0 and "adjusted" in person.reasons
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(HoursAdjustment)) == 1
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "hours.adjust")).one()
        assert entry.detail["reason"] == "忘記簽退 桌長確認全程在場"
        assert entry.detail["name"] != sim.names["no_out"]  # masked


def test_certificates_get_serials_and_reprints_keep_them(demo_db) -> None:
    sim = simulate_day(demo_db)
    set_course_fields(
        demo_db, sim.session_id, settings={"serial_pattern": "國發研字第{year}{seq:04d}號"}
    )
    first = issue_certificates(demo_db, sim.session_id, now=dt.datetime(2019, 3, 15, 16))
    assert first and all(c.hours > 0 for c in first)
    assert first[0].serial == "國發研字第1080001號"
    assert len({c.serial for c in first}) == len(first)
    again = issue_certificates(demo_db, sim.session_id, now=dt.datetime(2019, 3, 20))
    assert [c.serial for c in again] == [c.serial for c in first]
    assert all(c.print_count == 2 for c in again)
    # someone adjusted from 0 gets the next number, not a reused one
    adjust_hours(demo_db, sim.roles["no_out"], 5, "確認在場")
    later = issue_certificates(demo_db, sim.session_id, [sim.roles["no_out"]])
    assert later[0].sequence == len(first) + 1
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == len(first) + 1
    with pytest.raises(CloseDayError, match="seq"):
        set_course_fields(demo_db, sim.session_id, settings={"serial_pattern": "第{year}號"})


def test_dry_run_issues_nothing(demo_db) -> None:
    sim = simulate_day(demo_db)
    rows = issue_certificates(demo_db, sim.session_id, dry_run=True)
    assert rows
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0


def test_portal_rows_need_course_fields_and_passphrase(demo_db) -> None:
    sim = simulate_day(demo_db)
    with pytest.raises(PortalError, match="課程類別代碼"):
        portal_file(demo_db, sim.session_id, "full", "demo")
    set_course_fields(demo_db, sim.session_id, event_fields={"category_code": "345"})
    with pytest.raises(WrongPassphrase):
        portal_file(demo_db, sim.session_id, "full", "wrong")
    result = portal_file(demo_db, sim.session_id, "full", "demo")
    names_written = {row[6] for row in result.portal.rows}
    skipped = {p.name: p.code for p in result.skipped}
    # the rare-character names cannot be written in Big5 and are listed, not written
    assert skipped[sim.names["full"]] == "not_big5"
    assert skipped[sim.names["late"]] == "not_big5"
    assert skipped[sim.names["no_id"]] == "id_missing"
    # 0 hours (no sign-out): not written, but listed with the reason and the person's 序號 on
    # the attendance record (sorted by agency)
    assert skipped[sim.names["no_out"]] == "no_hours"
    report = day_report(demo_db, sim.session_id)
    numbers = {p.name: n for n, p in enumerate(sort_people(report.people, "agency"), start=1)}
    assert {p.row for p in result.skipped} == {numbers[p.name] for p in result.skipped}
    no_out = next(p for p in result.skipped if p.name == sim.names["no_out"])
    assert "未簽退" in no_out.detail
    assert sim.names["lunch"] in names_written or sim.names["lunch"] in skipped
    assert all(float(row[11]) > 0 for row in result.portal.rows)
    assert all(row[0][0].isalpha() and len(row[0]) == 10 for row in result.portal.rows)


@pytest.mark.parametrize(
    "pattern", ["研字第{seq:04d號", "研字第{seq:04d}}號{", "{seq:04d}{year!z}", "{seq:04d}{term.x}"]
)
def test_a_broken_serial_pattern_is_a_message_not_a_traceback(demo_db, pattern) -> None:
    sim = simulate_day(demo_db)
    with pytest.raises(CloseDayError, match="字號格式"):
        set_course_fields(demo_db, sim.session_id, settings={"serial_pattern": pattern})


def test_every_requester_gets_an_outcome_in_both_layouts(demo_db) -> None:
    from db.models import Attendee, Event, Registration
    from desktop.core.ids import make_id
    from desktop.services.idnumbers import store_id_number

    sim = simulate_day(demo_db)
    with demo_db.unit_of_work() as s:  # the no-show asked for hours and gave a valid ID
        attendee = s.get_one(Attendee, s.get_one(Registration, sim.roles["absent"]).attendee_id)
        attendee.wants_hours = True
        attendee.name = name = "鄭秀雲"  # a Big5 name: only the hours decide the outcome
        store_id_number(attendee, s.get_one(Event, attendee.event_id), make_id("F", "1", "3199999"))
    set_course_fields(
        demo_db, sim.session_id, event_fields={"category_code": "345", "course_code": "C123"}
    )
    full = portal_file(demo_db, sim.session_id, "full", "demo")
    skipped = {p.name: p for p in full.skipped}
    assert skipped[name].code == "no_hours" and "未出席" in skipped[name].detail
    opened = portal_file(demo_db, sim.session_id, "opened", "demo")
    row = next(r for r in opened.portal.rows if r[3] == name)
    assert row[4] == "不通過" and row[6] == "0" and row[8] == "未出席"
    assert name not in {p.name for p in opened.skipped}
