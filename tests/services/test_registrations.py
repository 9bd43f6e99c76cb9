import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Attendee, AuditEntry, Registration, Setting
from db.uow import Database
from desktop.core.importing import ImportFileError
from desktop.services.admission import apply_admission
from desktop.services.events import find_session, list_events
from desktop.services.importing import (
    import_file,
    import_mapping,
    read_registration_file,
    run_import,
)
from desktop.services.registrations import (
    RegistrationError,
    admit_with_reason,
    cancel_registration,
    move_registration,
    reveal_ids,
    update_registration,
)
from desktop.services.roster import list_roster
from tests.registration_files import HEADERS, MESSY_ROWS, SAMPLE, write_csv, write_xlsx

NOW = dt.datetime(2019, 3, 1, 12, 0)


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Attendee)),
            s.scalar(select(func.count()).select_from(Registration)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def snapshot(db: Database) -> list[tuple]:
    return [
        (
            r.name,
            r.agency,
            r.unit,
            r.title,
            r.email,
            r.phone,
            r.id_mask,
            r.session,
            r.status,
            r.queue,
            r.lunch,
            r.wants_hours,
            r.missing_from_import,
        )
        for r in list_roster(db)
    ]


def test_sample_imports_into_empty_event_then_reimport_changes_nothing(demo_db: Database) -> None:
    before = counts(demo_db)
    preview = import_file(demo_db, SAMPLE, commit=False, now=NOW)
    assert counts(demo_db) == before  # the preview wrote nothing
    assert (preview.rows_read, preview.imported, preview.duplicates_merged) == (37, 36, 1)
    summary = import_file(demo_db, SAMPLE, now=NOW)
    assert (summary.imported, summary.updated, summary.rejected) == (36, 0, ())
    assert summary.per_session == {"臺中場次": 20, "臺南場次": 6, "臺北場次": 10}
    # The demo's 135 people were entered by hand, not imported: an export cannot miss them.
    assert summary.missing == ()
    roster = {r.name: r for r in list_roster(demo_db)}
    chen = roster["陳喆瑋"]
    assert (chen.title, chen.session, chen.status) == ("股長", "臺中場次", "waitlisted")
    assert roster["洪媖如"].session == "臺中場次"  # 台中場次 matched
    assert not roster["楊正雄"].missing_from_import
    first = snapshot(demo_db)
    again = import_file(demo_db, SAMPLE, now=NOW)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 36)
    assert snapshot(demo_db) == first


def test_messy_csv_on_an_empty_event(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "messy.csv", MESSY_ROWS)
    summary = import_file(demo_db, path, now=NOW)
    assert [(p.row, p.column) for p in summary.rejected] == [(5, "姓名"), (9, "報名場次")]
    assert "高雄場次" in summary.rejected[1].message
    assert summary.imported == 5 and summary.duplicates_merged == 1
    with demo_db.read() as s:
        wang = s.scalars(select(Attendee).where(Attendee.name == "王小明")).one()
        assert wang.title == "股長" and wang.id_mask == "F13110****" and wang.id_status == "valid"
        assert b"F131104093" not in wang.id_cipher
        reg = wang.registrations[0]
        assert reg.registered_at == dt.datetime(2019, 2, 21, 9, 0)  # first row's place in line
        mei = s.scalars(select(Attendee).where(Attendee.name == "林美玲")).one()
        assert (mei.id_status, mei.wants_hours) == ("invalid", True)
        hua = s.scalars(select(Attendee).where(Attendee.name == "陳大華")).one()
        assert (hua.agency, hua.phone, hua.email) == (
            "台北市政府民政局",
            "0912000111",
            "hua@mail.example.gov.tw",
        )
        wang_id, hua_id = wang.id, hua.id
    ids = reveal_ids(demo_db, 1, "demo", [wang_id, hua_id])
    assert ids == {wang_id: "F131104093", hua_id: "W100000001"}


def test_reimport_with_changes_and_a_removed_person(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "v1.csv", MESSY_ROWS)
    import_file(demo_db, path, now=NOW)
    rows = [list(r) for r in MESSY_ROWS if r[1] != "張志豪"]  # 張志豪 left the export
    rows[0][4] = "專員"  # 王小明's first row changed, but the later row (股長) still wins
    rows[-2][1] = "黃小琪"
    rows[-2][8] = "臺中場次"  # the bad session corrected: now imported
    # 林美玲 edited her form answer: her row now says 臺南 (and a corrected ID, 素)
    mei_row = next(r for r in rows if r[1] == "林美玲")
    mei_row[7:10] = ["A800000014", "臺南場次", "素"]
    v2 = write_csv(tmp_path / "v2.csv", rows)
    summary = import_file(demo_db, v2, now=NOW)
    assert summary.imported == 1  # 黃小琪
    assert summary.updated == 1  # 林美玲: corrected ID, lunch, moved to 臺南
    assert [m.name for m in summary.missing if m.session == "臺中場次"][-1:] == ["張志豪"]
    roster = {r.name: r for r in list_roster(demo_db)}
    assert roster["張志豪"].missing_from_import
    mei = roster["林美玲"]
    assert (mei.session, mei.lunch, mei.id_valid) == ("臺南場次", "素", True)
    with demo_db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "registration.import.update")
        ).one()
        assert set(entry.detail["fields"]) >= {"session", "lunch", "id_number"}
        assert "F131104093" not in str(entry.detail)


def test_one_person_in_two_sessions_keeps_both_registrations(
    demo_db: Database, tmp_path: Path
) -> None:
    # Someone registers for 臺中 and later also for 臺南: one attendee, two registrations (not
    # the first silently dropped), flagged for the organiser; the later person data wins.
    rows = [
        [
            "2019/2/22 下午 2:00:00",
            "周杰倫",
            "新竹縣政府",
            "文化局",
            "科員",
            "jay@mail.example.gov.tw",
            "0955123456",
            "",
            "4/12 臺中場",
            "葷",
            "否",
            "",
        ],
        [
            "2019/2/22 下午 2:05:00",
            "周杰倫",
            "新竹縣政府",
            "文化局",
            "專員",
            "jay@mail.example.gov.tw",
            "0955123456",
            "",
            "臺南場次",
            "素",
            "否",
            "",
        ],
        [
            "2019/2/22 下午 2:10:00",
            "周杰倫",
            "新竹縣政府",
            "文化局",
            "專員",
            "jay@mail.example.gov.tw",
            "0955123456",
            "",
            "臺中",
            "素",
            "否",
            "改吃素",
        ],
    ]
    path = write_csv(tmp_path / "two.csv", rows)
    summary = import_file(demo_db, path, now=NOW)
    assert (summary.imported, summary.duplicates_merged) == (1, 1)
    assert summary.per_session == {"臺中場次": 1, "臺南場次": 1}
    assert [(p.row, p.column) for p in summary.flagged] == [(3, "報名場次")]
    assert "臺中場次" in summary.flagged[0].message and "臺南場次" in summary.flagged[0].message
    jay = [r for r in list_roster(demo_db) if r.name == "周杰倫"]
    assert sorted((r.session, r.title, r.lunch) for r in jay) == [
        ("臺中場次", "專員", "素"),
        ("臺南場次", "專員", "素"),
    ]
    with demo_db.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(Attendee).where(Attendee.name == "周杰倫"))
            == 1
        )
        stamps = sorted(
            r.registered_at
            for r in s.scalars(select(Registration).join(Attendee).where(Attendee.name == "周杰倫"))
        )
    assert stamps == [dt.datetime(2019, 2, 22, 14, 0), dt.datetime(2019, 2, 22, 14, 5)]
    again = import_file(demo_db, path, now=NOW)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 1)
    assert len([r for r in list_roster(demo_db) if r.name == "周杰倫"]) == 2


def test_file_without_session_column_needs_a_session(demo_db: Database, tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h != "報名場次"]
    rows = [[v for i, v in enumerate(r) if i != 8] for r in MESSY_ROWS]
    path = write_csv(tmp_path / "one-session.csv", rows, headers=headers)
    before = counts(demo_db)
    with pytest.raises(ImportFileError, match="請指定場次") as refused:
        import_file(demo_db, path)
    assert refused.value.code == "no_session_column" and "--" not in str(refused.value)
    assert counts(demo_db) == before
    tainan = find_session(demo_db, "台南")
    summary = import_file(demo_db, path, session_id=tainan.id, now=NOW)
    assert summary.per_session == {"臺南場次": 6}
    assert not summary.missing or {m.session for m in summary.missing} == {"臺南場次"}


def test_xlsx_import_and_remembered_mapping(demo_db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "export.xlsx", headers=[*HEADERS[:9], "午餐", HEADERS[10], "留言"])
    table = read_registration_file(path)
    mapping = import_mapping(demo_db, table)
    assert "remark" not in mapping  # 留言 is not a header it knows
    mapping["remark"] = table.headers.index("留言")
    summary = run_import(demo_db, table, mapping=mapping, now=NOW)
    assert summary.imported == 3
    with demo_db.read() as s:
        setting = s.scalars(select(Setting).where(Setting.key == "import.mapping")).one()
        assert setting.value["fields"]["remark"] == "留言"
    assert import_mapping(demo_db, read_registration_file(path))["remark"] == 11
    roster = {r.name: r for r in list_roster(demo_db)}
    assert roster["李俊傑"].phone == "0912345000" and roster["TOM LEE"].phone == "082123456"


def test_failure_midway_imports_nothing(demo_db: Database, tmp_path: Path, monkeypatch) -> None:
    import desktop.services.importing as service
    from desktop.services.bulk import insert_rows

    path = write_csv(tmp_path / "messy.csv", MESSY_ROWS)
    before = counts(demo_db)

    written = []

    def boom(*args, **kwargs):  # the people are in, their registrations fail
        written.append(args)
        if len(written) == 2:
            raise RuntimeError("disk full")
        insert_rows(*args, **kwargs)

    monkeypatch.setattr(service, "insert_rows", boom)
    with pytest.raises(RuntimeError):
        import_file(demo_db, path)
    assert counts(demo_db) == before


def test_passphrase_recognises_people_by_id(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "v1.csv", MESSY_ROWS)
    import_file(demo_db, path, now=NOW)
    # 王小明 changed e-mail and agency: only the ID can tell it is him.
    rows = [list(r) for r in MESSY_ROWS]
    for r in rows:
        if r[1] == "王小明":
            r[2], r[5] = "臺北市政府", "wang@new.example.gov.tw"
    v2 = write_csv(tmp_path / "v2.csv", rows)
    without = import_file(demo_db, v2, commit=False, now=NOW)
    assert without.imported == 1  # looks like a new person
    with pytest.raises(RegistrationError, match="密語"):
        import_file(demo_db, v2, passphrase="wrong")
    summary = import_file(demo_db, v2, passphrase="demo", now=NOW)
    assert (summary.imported, summary.updated, summary.id_matching) == (0, 1, True)


def test_admission_respects_capacity_and_agency_limit(demo_db: Database, tmp_path: Path) -> None:
    import_file(demo_db, SAMPLE, now=NOW)
    for session in list_events(demo_db)[0].sessions:
        result = apply_admission(demo_db, session.id, actor="t")
        rows = [r for r in list_roster(demo_db, session.id) if r.status == "admitted"]
        assert len(rows) == result.admitted <= session.capacity
        per_agency: dict[str, int] = {}
        from desktop.core.text import match_key

        for r in rows:
            per_agency[match_key(r.agency)] = per_agency.get(match_key(r.agency), 0) + 1
        assert max(per_agency.values()) <= session.agency_limit
    again = apply_admission(demo_db, list_events(demo_db)[0].sessions[0].id)
    assert again.changed == 0


def test_overrides_cancel_moves_up_the_next_and_everything_is_audited(demo_db: Database) -> None:
    taipei = list_events(demo_db)[0].sessions[0]
    roster = list_roster(demo_db, taipei.id)
    admitted = [r for r in roster if r.status == "admitted"]
    waitlisted = [r for r in roster if r.status == "waitlisted"]
    assert len(admitted) == 40
    result = cancel_registration(
        demo_db, admitted[0].registration_id, "臨時公差", actor="organiser"
    )
    assert len(result.promoted) == 1 and result.seats_taken == 40
    promoted = next(r for r in list_roster(demo_db, taipei.id) if r.name == result.promoted[0])
    assert promoted.status == "admitted" and promoted.registration_id in {
        w.registration_id for w in waitlisted
    }

    late = waitlisted[-1]
    with pytest.raises(RegistrationError):
        admit_with_reason(demo_db, late.registration_id, "  ")
    kept = admit_with_reason(demo_db, late.registration_id, "講座推薦", actor="organiser")
    assert kept.status == "admitted" and kept.seats_taken == 41
    # The proposal keeps the organiser's decision.
    apply_admission(demo_db, taipei.id)
    assert (
        next(
            r for r in list_roster(demo_db, taipei.id) if r.registration_id == late.registration_id
        ).status
        == "admitted"
    )

    tainan = list_events(demo_db)[0].sessions[1]
    mover = admitted[1]
    moved = move_registration(
        demo_db, mover.registration_id, tainan.id, "改參加臺南", actor="organiser"
    )
    assert moved.session == "臺南場次" and moved.status == "waitlisted"  # Tainan is full
    with demo_db.read() as s:
        actions = [
            a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.actor == "organiser"))
        ]
    assert actions.count("registration.status") >= 3 and "registration.move" in actions


def test_edit_changes_fields_and_is_audited(demo_db: Database) -> None:
    row = list_roster(demo_db)[0]
    changed = update_registration(
        demo_db,
        row.registration_id,
        title="參議",
        phone="912000333",
        lunch="素",
        id_number="F131104093",
        actor="desk",
    )
    assert set(changed) == {"title", "phone", "lunch", "id_number"}
    after = next(r for r in list_roster(demo_db) if r.registration_id == row.registration_id)
    assert (after.title, after.phone, after.lunch, after.id_mask) == (
        "參議",
        "0912000333",
        "素",
        "F13110****",
    )
    with pytest.raises(RegistrationError):
        update_registration(demo_db, row.registration_id, name=" ")


def _last_admitted(db: Database, session_id: int):
    return [r for r in list_roster(db, session_id) if r.status == "admitted"][-1]


def test_reimport_and_admission_never_demote_a_checked_in_person(demo_db: Database) -> None:
    # The reproduction: the last admitted person of 臺北 is in the room; the export
    # (with earlier registrants) is imported and the rule applied — they must keep the seat.
    from desktop.core.tokens import make_token
    from desktop.services.checkin import check_in_registration, scan

    taipei = list_events(demo_db)[0].sessions[0]
    last = _last_admitted(demo_db, taipei.id)
    at = dt.datetime.combine(taipei.date, dt.time(8, 40))
    assert check_in_registration(demo_db, taipei.id, last.registration_id, now=at).ok
    import_file(demo_db, SAMPLE, now=NOW)
    result = apply_admission(demo_db, taipei.id, actor="t", now=NOW)
    after = {r.registration_id: r for r in list_roster(demo_db, taipei.id)}
    assert after[last.registration_id].status == "admitted"
    assert result.admitted <= taipei.capacity
    assert all(c.old != "admitted" for c in result.status_changes)
    with demo_db.read() as s:
        from db.models import Event

        secret = s.scalars(select(Event.token_secret)).one()
    again = scan(
        demo_db,
        taipei.id,
        make_token(secret, last.registration_id),
        now=at + dt.timedelta(minutes=5),
    )
    assert again.code == "already_checked_in"


def _roomy_taipei(db: Database):
    """臺北 with 60 seats and 9 per agency, so the people of MESSY_ROWS get one."""
    from db.models import EventSession

    taipei = list_events(db)[0].sessions[0]
    with db.unit_of_work() as s:
        es = s.get_one(EventSession, taipei.id)
        es.capacity, es.agency_limit = 60, 9
    return taipei


def _wang_moves_to_tainan(tmp_path: Path) -> Path:
    rows = [list(r) for r in MESSY_ROWS]
    for r in rows:
        if r[1] == "王小明":
            r[8] = "臺南場次"
    return write_csv(tmp_path / "v2.csv", rows)


def test_an_export_moving_an_admitted_person_is_a_status_change_to_confirm(
    demo_db: Database, tmp_path: Path
) -> None:
    from desktop.services.admission import UnconfirmedChanges

    taipei = _roomy_taipei(demo_db)
    import_file(demo_db, write_csv(tmp_path / "v1.csv", MESSY_ROWS), now=NOW)
    first = apply_admission(demo_db, taipei.id, now=NOW)
    assert {c.name for c in first.status_changes} >= {"王小明", "陳大華"}
    assert {(c.old, c.new, c.reason) for c in first.status_changes} == {
        ("waitlisted", "admitted", "seat_free")
    }
    v2 = _wang_moves_to_tainan(tmp_path)
    before = snapshot(demo_db)
    preview = import_file(demo_db, v2, commit=False, now=NOW)
    [change] = preview.status_changes
    assert (change.name, change.session, change.old, change.new, change.reason) == (
        "王小明",
        "臺南場次",
        "admitted",
        "waitlisted",
        "session_changed",
    )
    with pytest.raises(UnconfirmedChanges) as refused:
        import_file(demo_db, v2, expected=(), now=NOW)
    assert refused.value.changes == preview.status_changes
    assert snapshot(demo_db) == before  # nothing written
    done = import_file(demo_db, v2, expected=preview.status_changes, now=NOW)
    assert done.status_changes == preview.status_changes
    wang = next(r for r in list_roster(demo_db) if r.name == "王小明")
    assert (wang.session, wang.status) == ("臺南場次", "waitlisted")


def test_a_published_list_keeps_people_in_their_session(demo_db: Database, tmp_path: Path) -> None:
    from desktop.services.exports import admitted_list

    taipei = _roomy_taipei(demo_db)
    import_file(demo_db, write_csv(tmp_path / "v1.csv", MESSY_ROWS), now=NOW)
    apply_admission(demo_db, taipei.id, now=NOW)
    assert admitted_list(demo_db, taipei.id, tmp_path / "list.xlsx", now=NOW).rows == 47
    with demo_db.read() as s:
        told = s.scalar(
            select(func.count())
            .select_from(Registration)
            .where(Registration.session_id == taipei.id, Registration.told_at.is_not(None))
        )
    assert told == 47
    summary = import_file(demo_db, _wang_moves_to_tainan(tmp_path), expected=(), now=NOW)
    assert summary.status_changes == ()
    assert any(
        "王小明" not in p.message and "改場次" in p.message and p.row == 2 for p in summary.flagged
    )
    wang = next(r for r in list_roster(demo_db) if r.name == "王小明")
    assert (wang.session, wang.status) == ("臺北場次", "admitted")


def test_import_with_admission_is_one_unit_that_reports_who_moves_in(
    demo_db: Database, tmp_path: Path
) -> None:
    taipei = _roomy_taipei(demo_db)
    table = read_registration_file(write_csv(tmp_path / "v1.csv", MESSY_ROWS))
    preview = run_import(demo_db, table, session_id=taipei.id, admit=True, commit=False, now=NOW)
    names = [c.name for c in preview.status_changes]  # 5 of the demo's waitlist, and 2 new
    assert len(names) == 7 and {"王小明", "陳大華"} <= set(names)
    assert [r.admitted for r in preview.admissions] == [47]
    assert not any(r.name == "王小明" for r in list_roster(demo_db))
    done = run_import(
        demo_db, table, session_id=taipei.id, admit=True, expected=preview.status_changes, now=NOW
    )
    # The plan names the new people's changes without ids (they have no row yet); the applied
    # import reports the rows it wrote.
    assert [c.seen() for c in done.status_changes] == [c.seen() for c in preview.status_changes]
    roster = {r.name: r for r in list_roster(demo_db, taipei.id)}
    assert roster["王小明"].status == "admitted"
    assert {c.name: c.registration_id for c in done.status_changes}["王小明"] == (
        roster["王小明"].registration_id
    )


def test_issuing_passes_tells_people_their_seat(demo_db: Database, tmp_path: Path) -> None:
    from desktop.services.passes import export_passes

    taipei = list_events(demo_db)[0].sessions[0]
    result = export_passes(demo_db, taipei.id, tmp_path)
    with demo_db.read() as s:
        told = s.scalars(
            select(Registration.status).where(
                Registration.session_id == taipei.id, Registration.told_at.is_not(None)
            )
        ).all()
        detail = s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "admission.told")
        ).one()
    assert len(told) == result.count == 40 and set(told) == {"admitted"}
    assert (detail["how"], detail["first_time"]) == ("passes", 40)
    # Moved by hand: what they were told was about the other session.
    admitted = [r for r in list_roster(demo_db, taipei.id) if r.status == "admitted"]
    move_registration(demo_db, admitted[0].registration_id, list_events(demo_db)[0].sessions[1].id)
    with demo_db.read() as s:
        assert s.get_one(Registration, admitted[0].registration_id).told_at is None


def test_confirming_writes_the_previewed_plan_and_a_changed_roster_is_planned_again(
    demo_db: Database, tmp_path: Path
) -> None:
    from desktop.services.importing import ImportOutdated, apply_import, plan_import

    def imports(db: Database) -> int:
        with db.read() as s:
            return s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "registration.import")
            )

    taipei = _roomy_taipei(demo_db)
    import_file(demo_db, write_csv(tmp_path / "v1.csv", MESSY_ROWS), now=NOW)
    apply_admission(demo_db, taipei.id, now=NOW)
    table = read_registration_file(_wang_moves_to_tainan(tmp_path))
    planned = plan_import(demo_db, table, now=NOW)
    [change] = planned.summary.status_changes
    before = imports(demo_db)
    # Nothing changed since the preview: the plan is written as it is.
    again = plan_import(demo_db, table, now=NOW)
    assert again.snapshot.version == planned.snapshot.version
    # The organiser admits 王小明 by hand after the preview: he may no longer be moved, so
    # the confirmed change is not what the import does now — nothing is written.
    admit_with_reason(demo_db, change.registration_id, "講師推薦", now=NOW)
    with pytest.raises(ImportOutdated) as outdated:
        apply_import(demo_db, planned, expected=planned.summary.status_changes)
    assert outdated.value.planned.summary.status_changes == ()
    assert imports(demo_db) == before  # nothing written
    done = apply_import(demo_db, outdated.value.planned, expected=())
    assert done.committed and any(p.code == "row_kept_in_session" for p in done.flagged)
    wang = next(r for r in list_roster(demo_db) if r.name == "王小明")
    assert (wang.session, wang.status) == ("臺北場次", "admitted")
