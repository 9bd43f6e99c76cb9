import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from db.models import (
    AuditEntry,
    CheckIn,
    GroupReport,
    Registration,
    SeatAssignment,
)
from db.uow import Database
from desktop.core.group_report import Member, Proposal, ReportContent
from desktop.core.pins import PinError
from desktop.services import group_report_compile as compiled
from desktop.services import group_report_photo as photos
from desktop.services import group_reports as svc
from desktop.services.events import find_session
from desktop.services.organiser_pin import check_organiser_pin, has_organiser_pin, set_organiser_pin

T0 = dt.datetime(2019, 3, 15, 10, 0)


def seat(
    db: Database,
    session_id: int,
    table_number: int,
    count: int,
    *,
    checked_in: int = 0,
    voided: int = 0,
    signed_out: int = 0,
) -> list[int]:
    """Seat ``count`` admitted people at a table; the first ``checked_in`` have checked in."""
    with db.unit_of_work() as s:
        table = next(t for t in svc.list_tables(db, session_id) if t.number == table_number)
        taken = set(s.scalars(select(SeatAssignment.registration_id)))
        regs = [
            r
            for r in s.scalars(
                select(Registration)
                .where(Registration.session_id == session_id, Registration.status == "admitted")
                .order_by(Registration.queue)
            )
            if r.id not in taken
        ][:count]
        for i, r in enumerate(regs):
            s.add(
                SeatAssignment(
                    registration_id=r.id,
                    table_id=table.id,
                    assigned_at=T0 + dt.timedelta(seconds=i),
                )
            )
            if i < checked_in:
                row = CheckIn(registration_id=r.id, action="in", at=T0)
                s.add(row)
                s.flush()
                if i < voided:
                    s.add(CheckIn(registration_id=r.id, action="void", voids_id=row.id, at=T0))
                elif i < voided + signed_out:
                    s.add(CheckIn(registration_id=r.id, action="out", at=T0))
        return [r.id for r in regs]


def test_members_are_prefilled_from_seating_and_check_ins(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    ids = seat(demo_db, session.id, 1, 5, checked_in=4, voided=1, signed_out=1)
    table = svc.find_table(demo_db, session.id, 1)
    snap = svc.load_report(demo_db, table.id)
    assert snap.report_id is None and snap.table.leader_name == "林佳穎"
    assert [m.registration_id for m in snap.content.members] == ids
    # voided check-in: absent; signed out later: still took part; never checked in: absent
    assert [m.present for m in snap.content.members] == [False, True, True, True, False]


def test_every_save_is_written_and_revisions_are_coalesced(demo_db: Database) -> None:
    table = svc.find_table(demo_db, find_session(demo_db, "臺北").id, 2)
    first = svc.save_report(demo_db, table.id, ReportContent(topic="公"), author="桌長", now=T0)
    typing = [
        svc.save_report(
            demo_db,
            table.id,
            ReportContent(topic="公園" + "改" * i),
            author="桌長",
            now=T0 + dt.timedelta(seconds=i),
        )
        for i in range(1, 30)
    ]
    assert first.new_revision and not any(r.new_revision for r in typing)
    assert svc.load_report(demo_db, table.id).content.topic == "公園" + "改" * 29
    later = svc.save_report(
        demo_db,
        table.id,
        ReportContent(topic="X"),
        author="桌長",
        now=T0 + dt.timedelta(seconds=61),
    )
    other = svc.save_report(
        demo_db,
        table.id,
        ReportContent(topic="X", feedback="講師回饋"),
        author="主辦",
        now=T0 + dt.timedelta(seconds=62),
    )
    same = svc.save_report(
        demo_db,
        table.id,
        ReportContent(topic="X", feedback="講師回饋"),
        author="主辦",
        now=T0 + dt.timedelta(seconds=63),
    )
    assert later.new_revision and other.new_revision and not same.changed
    revisions = svc.list_revisions(demo_db, table.id)
    # the first revision kept the last words typed in its minute, before "X" replaced them
    assert [r.content.topic for r in revisions] == ["X", "X", "公園" + "改" * 29]
    assert [r.author for r in revisions] == ["主辦", "桌長", "桌長"]
    restored = svc.restore_revision(
        demo_db, table.id, revisions[-1].id, author="主辦", now=T0 + dt.timedelta(seconds=64)
    )
    assert restored.new_revision
    assert svc.load_report(demo_db, table.id).content.topic == "公園" + "改" * 29
    assert len(svc.list_revisions(demo_db, table.id)) == 4


def test_unknown_table_is_refused(demo_db: Database) -> None:
    with pytest.raises(svc.GroupReportError):
        svc.save_report(demo_db, 99999, ReportContent(topic="x"))
    with pytest.raises(svc.GroupReportError):
        svc.find_table(demo_db, find_session(demo_db, "臺北").id, 7)


def png_bytes(size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_photo_is_checked_stored_and_removed(demo_db: Database, tmp_path: Path) -> None:
    table = svc.find_table(demo_db, find_session(demo_db, "臺北").id, 3)
    path = tmp_path / "海報.png"
    path.write_bytes(png_bytes())
    checked = photos.attach_photo(demo_db, table.id, path, author="桌長")
    assert (checked.format, checked.width, checked.height) == ("PNG", 40, 30)
    assert photos.load_photo(demo_db, table.id) == (path.read_bytes(), "海報.png")
    text = tmp_path / "notes.txt"
    text.write_text("not an image", encoding="utf-8")
    with pytest.raises(svc.GroupReportError) as info:
        photos.attach_photo(demo_db, table.id, text)
    assert info.value.code == "photo_not_an_image" and "notes.txt" in str(info.value)
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff" * (photos.MAX_PHOTO_BYTES + 10))
    with pytest.raises(svc.GroupReportError) as info:
        photos.attach_photo(demo_db, table.id, big)
    assert info.value.code == "photo_too_large" and "10 MB" in str(info.value)
    assert photos.load_photo(demo_db, table.id) is not None  # the good photo stays
    photos.remove_photo(demo_db, table.id)
    assert photos.load_photo(demo_db, table.id) is None


def test_compile_session_lists_every_table(demo_db: Database) -> None:
    session = find_session(demo_db, "臺南")
    table = svc.find_table(demo_db, session.id, 4)
    svc.save_report(
        demo_db,
        table.id,
        ReportContent(
            members=(Member("甲"),),
            topic="老街活化",
            proposals=(
                Proposal("導覽牌", cost_text="約 30 萬"),
                Proposal("步道", cost_text="很多"),
            ),
        ),
    )
    compilation = compiled.compile_session(demo_db, session.id)
    assert (
        compilation.session_name == "臺南場次"
        and len(compilation.reports) == 6
        and compilation.filled == 1
    )
    report = compilation.reports[3]
    assert report.content.topic == "老街活化" and report.content.total_cost() == 300000
    assert [p.code for p in report.problems] == ["cost_unreadable"]
    assert compilation.reports[0].content.is_empty()


def test_organiser_pin_set_check_and_change(demo_db: Database) -> None:
    event_id = find_session(demo_db, "臺北").event_id
    assert not has_organiser_pin(demo_db, event_id)
    assert not check_organiser_pin(demo_db, event_id, "1234")
    set_organiser_pin(demo_db, event_id, "2468", actor="主辦")
    assert has_organiser_pin(demo_db, event_id)
    assert check_organiser_pin(demo_db, event_id, "2468")
    assert not check_organiser_pin(demo_db, event_id, "1111", purpose="leave_leader_mode")
    with pytest.raises(PinError) as info:
        set_organiser_pin(demo_db, event_id, "9999", current="0000")
    assert info.value.code == "wrong_pin"
    set_organiser_pin(demo_db, event_id, "9999", current="2468")
    assert check_organiser_pin(demo_db, event_id, "9999")
    with demo_db.read() as s:
        actions = [a for a in s.scalars(select(AuditEntry.action)) if a.startswith("event.pin")]
        assert actions == ["event.pin_set", "event.pin_wrong", "event.pin_change"]
        assert not any("2468" in str(e.detail) for e in s.scalars(select(AuditEntry)))


def test_refused_photo_writes_nothing(demo_db: Database) -> None:
    table = svc.find_table(demo_db, find_session(demo_db, "臺中").id, 1)
    with pytest.raises(svc.GroupReportError):
        photos.attach_photo(demo_db, table.id, b"GIF89a-broken", name="x.gif")
    with demo_db.read() as s:
        assert s.scalar(select(GroupReport.id).where(GroupReport.table_id == table.id)) is None
    photos.attach_photo(demo_db, table.id, png_bytes(), name="ok.png")
    assert svc.load_report(demo_db, table.id).photo_name == "ok.png"


def test_a_photo_cut_short_is_refused_and_sizes_are_told_truly(
    demo_db: Database, tmp_path: Path
) -> None:
    table = svc.find_table(demo_db, find_session(demo_db, "臺北").id, 3)
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 100, 50)).save(out, "JPEG")
    half = tmp_path / "half.jpg"  # copied off a phone mid-transfer
    half.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    with pytest.raises(svc.GroupReportError) as info:
        photos.attach_photo(demo_db, table.id, half)
    assert info.value.code == "photo_damaged" and "half.jpg" in str(info.value)
    assert "0x" not in str(info.value) and "BytesIO" not in str(info.value)
    assert photos.load_photo(demo_db, table.id) is None
    big = tmp_path / "video.jpg"
    big.write_bytes(b"\xff" * (25 * 1024 * 1024))
    with pytest.raises(svc.GroupReportError) as info:
        photos.attach_photo(demo_db, table.id, big)
    assert "25.0 MB" in str(info.value)


def test_a_save_on_an_old_revision_merges_and_a_clash_keeps_both_texts(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    table = svc.find_table(demo_db, session.id, 2)
    first = svc.save_report(
        demo_db, table.id, ReportContent(topic="公園"), base_revision=0, author="桌長", now=T0
    )
    desk = svc.save_report(
        demo_db,
        table.id,
        ReportContent(topic="公園", feedback="好"),
        base_revision=first.revision,
        author="桌長模式",
        now=T0,
    )
    phone = svc.save_report(
        demo_db,
        table.id,
        {"topic": "共融公園"},
        base_revision=first.revision,
        author="現場裝置 #1",
        now=T0,
    )
    assert not phone.conflicts and phone.revision == desk.revision + 1
    content = svc.load_report(demo_db, table.id).content
    assert (content.topic, content.feedback) == ("共融公園", "好")
    clash = svc.save_report(
        demo_db,
        table.id,
        {"topic": "河濱公園"},
        base_revision=first.revision,
        author="現場裝置 #2",
        now=T0,
    )
    assert set(clash.conflicts) == {"topic"} and clash.conflicts["topic"].theirs == "共融公園"
    assert svc.load_report(demo_db, table.id).content.topic == "共融公園"
    assert "河濱公園" in [r.content.topic for r in svc.list_revisions(demo_db, table.id)]


def test_a_save_on_a_pruned_base_shows_conflicts_instead_of_overwriting(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    table = svc.find_table(demo_db, session.id, 3)
    svc.save_report(demo_db, table.id, ReportContent(topic="公園"), base_revision=0, now=T0)
    later = T0 + dt.timedelta(seconds=svc.STATE_SECONDS + 60)
    svc.save_report(demo_db, table.id, {"topic": "河濱公園"}, base_revision=1, now=later)
    svc.save_report(
        demo_db,
        table.id,
        {"topic": "河濱公園!"},
        base_revision=2,
        now=later + dt.timedelta(seconds=svc.STATE_SECONDS + 60),
    )
    late = svc.save_report(demo_db, table.id, {"topic": "公園改"}, base_revision=1, now=later)
    assert set(late.conflicts) == {"topic"}
    assert svc.load_report(demo_db, table.id).content.topic == "河濱公園!"
