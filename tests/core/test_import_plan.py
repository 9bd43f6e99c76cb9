"""The import planner alone (``desktop.core.import_plan.make_plan``): a file's rows against a
``Snapshot`` of plain rows, no database. Each test reads what the organiser would preview (the
summary) and what the service would write (the plan's writes)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.admission import SESSION_CHANGED
from desktop.core.import_model import KnownPerson, KnownRegistration, KnownSession, Snapshot
from desktop.core.import_plan import make_plan
from desktop.core.importing import ImportFileError, RawTable
from desktop.core.problems import CodedError

AT = dt.datetime(2019, 3, 1, 12, 0)
HEADERS = ("時間戳記", "姓名", "服務機關", "電子郵件", "報名場次", "午餐")
MAPPING = {"timestamp": 0, "name": 1, "agency": 2, "email": 3, "session": 4, "lunch": 5}
TAIPEI = KnownSession(1, "臺北場次", capacity=2, agency_limit=1)
TAICHUNG = KnownSession(2, "臺中場次", capacity=40, agency_limit=5)


def table(*rows: tuple[object, ...], headers: tuple[str, ...] = HEADERS) -> RawTable:
    return RawTable("報名.csv", headers, rows, tuple(range(2, len(rows) + 2)), "utf-8")


def registration(rid: int, session: KnownSession, **changes: object) -> KnownRegistration:
    values: dict[str, object] = {
        "status": "waitlisted",
        "status_reason": "",
        "registered_at": dt.datetime(2019, 2, 1, 9, rid),
        "queue": rid,
        "lunch": "葷",
        "remark": "",
        "source": "import",
        "missing_from_import": False,
        "told": False,
        "checked_in": False,
    }
    values.update(changes)
    return KnownRegistration(rid, session.id, **values)  # type: ignore[arg-type]


def person(pid: int, name: str, email: str, *regs: KnownRegistration) -> KnownPerson:
    return KnownPerson(
        pid, name, "臺北市政府", "", "", email, "", False, "", "missing", None, tuple(regs)
    )


def snapshot(*people: KnownPerson, sessions: tuple[KnownSession, ...] = (TAIPEI, TAICHUNG)):
    return Snapshot(1, sessions, people, can_seal=False, version=())


def plan(raw: RawTable, known: Snapshot, *, session_id: int | None = None, admit: bool = False):
    mapping = {f: i for f, i in MAPPING.items() if i < len(raw.headers)}
    return make_plan(raw, mapping, known, session_id=session_id, admit=admit, at=AT)


ROW = ("2019/02/03 10:00:00", "王小明", "臺北市政府", "ming@example.gov.tw", "臺北場次", "葷")


def test_a_new_person_is_added_on_the_waiting_list_in_place() -> None:
    result = plan(table(ROW), snapshot())
    assert result.summary.imported == 1 and result.summary.per_session == {"臺北場次": 1}
    (new,) = result.writes.new_people
    assert new.values["name"] == "王小明" and new.values["email"] == "ming@example.gov.tw"
    (reg,) = result.writes.new_registrations
    assert (reg.key, reg.attendee_id, reg.new_person) == (-1, None, 0)
    assert reg.values["session_id"] == 1 and reg.values["status"] == "waitlisted"
    assert reg.values["queue"] == 1
    assert reg.values["registered_at"] == dt.datetime(2019, 2, 3, 10, 0)


def test_importing_what_is_stored_changes_nothing() -> None:
    stored = person(7, "王小明", "ming@example.gov.tw", registration(3, TAIPEI, queue=1))
    result = plan(table(ROW), snapshot(stored))
    summary, writes = result.summary, result.writes
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 0, 1)
    assert not (writes.new_people or writes.new_registrations or writes.people)
    assert not (writes.registrations or writes.audited)


def test_a_changed_answer_updates_and_a_blank_one_keeps_what_is_stored() -> None:
    stored = person(7, "王小明", "ming@example.gov.tw", registration(3, TAIPEI, queue=1))
    row = ("2019/02/03 10:00:00", "王小明", "", "ming@example.gov.tw", "臺北場次", "素")
    result = plan(table(row), snapshot(stored))
    assert result.summary.updated == 1
    (reg,) = result.writes.registrations
    assert reg.id == 3 and reg.values == {"lunch": "素"}
    (audited,) = result.writes.audited
    assert (audited.key, audited.fields, audited.row) == (3, ("lunch",), 2)
    (who,) = result.writes.people
    assert set(who.values) == {"updated_at"}  # the agency left blank is kept


def test_rows_without_a_known_session_are_rejected_with_the_reason() -> None:
    unknown = (*ROW[:4], "高雄場次", "葷")
    blank = ("2019/02/03 11:00:00", "李大華", "新北市政府", "hua@example.gov.tw", "", "葷")
    result = plan(table(unknown, blank), snapshot())
    rejected = [(p.row, p.code, p.column) for p in result.summary.rejected]
    assert rejected == [(2, "row_unknown_session", "報名場次"), (3, "row_no_session", "報名場次")]
    assert result.summary.imported == 0
    # A session chosen for the file takes the blank answer, and skips the other sessions.
    taichung = (*ROW[:4], "台中場次", "葷")
    chosen = plan(table(blank, taichung), snapshot(), session_id=TAIPEI.id)
    assert chosen.summary.per_session == {"臺北場次": 1} and chosen.summary.other_sessions == 1


def test_a_file_without_a_session_column_needs_a_chosen_session() -> None:
    headers = HEADERS[:4]
    with pytest.raises(ImportFileError) as refused:
        plan(table(ROW[:4], headers=headers), snapshot())
    assert refused.value.code == "no_session_column"
    assert "臺北場次、臺中場次" in str(refused.value)
    result = plan(table(ROW[:4], headers=headers), snapshot(), session_id=TAICHUNG.id)
    assert result.writes.new_registrations[0].values["session_id"] == TAICHUNG.id


def test_someone_missing_from_the_export_is_flagged_once_never_deleted() -> None:
    gone = person(8, "陳美玲", "ling@example.gov.tw", registration(4, TAIPEI, queue=1))
    by_hand = person(
        9, "林志強", "chiang@example.gov.tw", registration(5, TAIPEI, queue=2, source="desk")
    )
    result = plan(table(ROW), snapshot(gone, by_hand))
    assert [(m.registration_id, m.name) for m in result.summary.missing] == [(4, "陳美玲")]
    assert [(r.id, r.values) for r in result.writes.registrations] == [
        (4, {"missing_from_import": True})
    ]
    flagged_before = person(
        8,
        "陳美玲",
        "ling@example.gov.tw",
        registration(4, TAIPEI, queue=1, missing_from_import=True),
    )
    again = plan(table(ROW), snapshot(flagged_before))
    assert len(again.summary.missing) == 1 and not again.writes.registrations


def test_a_new_session_in_the_export_moves_a_seat_holder_back_in_line_unless_promised() -> None:
    row = (*ROW[:4], "臺中場次", "葷")
    seated = person(7, "王小明", "ming@example.gov.tw", registration(3, TAIPEI, status="admitted"))
    result = plan(table(row), snapshot(seated))
    (change,) = result.summary.status_changes
    assert (change.registration_id, change.old, change.new, change.reason) == (
        3,
        "admitted",
        "waitlisted",
        SESSION_CHANGED,
    )
    (reg,) = result.writes.registrations
    assert reg.values["session_id"] == TAICHUNG.id and reg.values["status"] == "waitlisted"
    arrived = person(
        7,
        "王小明",
        "ming@example.gov.tw",
        registration(3, TAIPEI, status="admitted", checked_in=True),
    )
    kept = plan(table(row), snapshot(arrived))
    assert [p.code for p in kept.summary.flagged] == ["row_kept_in_session"]
    assert not kept.summary.status_changes and not kept.writes.registrations


def test_one_person_in_two_sessions_keeps_both_and_is_flagged() -> None:
    second = ("2019/02/04 10:00:00", *ROW[1:4], "臺中場次", "葷")
    result = plan(table(ROW, second), snapshot())
    assert len(result.writes.new_people) == 1
    assert [r.values["session_id"] for r in result.writes.new_registrations] == [1, 2]
    assert [(p.row, p.code) for p in result.summary.flagged] == [(3, "row_two_sessions")]


def test_admitting_after_the_import_fills_the_seats_in_line_order_within_the_agency_limit() -> None:
    rows = [
        (f"2019/02/0{day} 10:00:00", name, agency, f"{i}@example.gov.tw", "臺北場次", "葷")
        for i, (day, name, agency) in enumerate(
            [(5, "甲", "臺北市政府"), (3, "乙", "新北市政府"), (4, "丙", "新北市政府")]
        )
    ]
    result = plan(table(*rows), snapshot(), admit=True)
    # Every session of the file's scope gets the rule. 臺北: two seats, one per agency; 丙 came
    # before 甲 but 新北市政府 already has its seat (乙).
    taipei, taichung = result.summary.admissions
    assert (taipei.session, taipei.admitted, taipei.waitlisted) == ("臺北場次", 2, 1)
    assert taipei.over_agency_limit == 1
    assert (taichung.session, taichung.admitted) == ("臺中場次", 0)
    moved = {change.name: change.new for change in result.summary.status_changes}
    assert moved == {"乙": "admitted", "甲": "admitted"}
    assert sorted(key for key, _ in result.writes.moves) == [-2, -1]


def test_an_id_number_without_the_events_key_is_refused() -> None:
    headers = (*HEADERS, "身分證字號")
    with pytest.raises(CodedError) as refused:
        make_plan(
            table((*ROW, "A223456781"), headers=headers),
            {**MAPPING, "id_number": 6},
            snapshot(),
            session_id=None,
            admit=False,
            at=AT,
        )
    assert refused.value.code == "no_id_key"
