from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.integrity import DamagedDatabase, check_file
from db.models import CheckIn, Registration
from desktop.app import open_database
from desktop.services import backup
from desktop.services.backup import BackupError, BackupSettings


def _check_in(db, n: int = 1) -> None:
    with db.unit_of_work() as s:
        registration_id = s.scalars(select(Registration.id).limit(1)).one()
        for _ in range(n):
            s.add(
                CheckIn(
                    registration_id=registration_id, action="in", at=dt.datetime(2019, 3, 15, 8, 30)
                )
            )


def _count(path: Path) -> int:
    with sqlite3.connect(path) as c:
        n = c.execute("SELECT count(*) FROM check_ins").fetchone()[0]
    c.close()
    return n


def test_backup_while_open_copies_committed_wal_content(demo_db_path: Path, tmp_path: Path) -> None:
    db = open_database(demo_db_path)
    _check_in(db, 3)  # committed, still only in the -wal file (db stays open)
    assert Path(f"{demo_db_path}-wal").stat().st_size > 0
    info = backup.backup_to(demo_db_path, tmp_path / "out" / "copy.sqlite3")
    db.dispose()
    assert info.path.exists() and info.bytes == info.path.stat().st_size
    assert _count(info.path) == 3
    assert check_file(info.path) is None
    assert not Path(f"{info.path}-wal").exists()  # a single self-contained file
    assert not list((tmp_path / "out").glob(".*partial"))


def test_backup_of_a_damaged_file_fails_and_leaves_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(BackupError):
        backup.backup_to(bad, tmp_path / "copy.sqlite3")
    assert list(tmp_path.iterdir()) == [bad]


def test_same_file_name_in_another_folder_keeps_its_own_backups(
    demo_db_path: Path, tmp_path: Path
) -> None:
    settings = BackupSettings(folder=tmp_path / "usb", keep=1)
    twin = tmp_path / "elsewhere" / demo_db_path.name
    twin.parent.mkdir()
    twin.write_bytes(demo_db_path.read_bytes())
    mine = backup.auto_backup(demo_db_path, settings, now=dt.datetime(2019, 3, 15, 8, 0))
    theirs = backup.auto_backup(twin, settings, now=dt.datetime(2019, 3, 15, 8, 5))
    assert mine.path.exists() and theirs.path.exists()  # rotation kept one of EACH
    assert backup.list_backups(demo_db_path, settings.folder) == [mine.path]


def test_auto_backup_names_by_time_and_keeps_the_newest(demo_db_path: Path, tmp_path: Path) -> None:
    settings = BackupSettings(folder=tmp_path / "usb", keep=3)
    start = dt.datetime(2019, 3, 15, 8, 0)
    made = [
        backup.auto_backup(demo_db_path, settings, now=start + dt.timedelta(minutes=5 * i))
        for i in range(5)
    ]
    prefix = backup.backup_prefix(demo_db_path)
    assert prefix.startswith("demo-") and len(prefix) == len("demo-") + 6
    names = [p.name for p in backup.list_backups(demo_db_path, settings.folder)]
    assert names == [
        f"{prefix}-20190315-082000.sqlite3",
        f"{prefix}-20190315-081500.sqlite3",
        f"{prefix}-20190315-081000.sqlite3",
    ]
    assert made[-1].removed and [p.name for p in made[-1].removed] == [
        f"{prefix}-20190315-080500.sqlite3"
    ]
    again = backup.auto_backup(demo_db_path, settings, now=start + dt.timedelta(minutes=20))
    assert again.path.name == f"{prefix}-20190315-082000-2.sqlite3"
    assert backup.list_backups(demo_db_path, settings.folder)[0] == again.path


def test_settings_round_trip_and_folder_must_be_writable(tmp_path: Path) -> None:
    assert backup.load_settings().folder == backup.default_folder()
    chosen = backup.set_folder(tmp_path / "stick")
    assert backup.load_settings() == chosen and chosen.folder == tmp_path / "stick"
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises((BackupError, OSError)):
        backup.set_folder(tmp_path / "file" / "sub")


def test_restore_replaces_the_file_and_keeps_the_current_one(
    demo_db_path: Path, tmp_path: Path
) -> None:
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.sqlite3").path
    db = open_database(demo_db_path)
    _check_in(db, 2)
    db.dispose()
    result = backup.restore(demo_db_path, saved, now=dt.datetime(2019, 3, 15, 12, 0))
    assert _count(demo_db_path) == 0
    assert result.previous_copy == demo_db_path.with_name(
        "demo.before-restore-20190315-120000.sqlite3"
    )
    assert _count(result.previous_copy) == 2
    assert not Path(f"{demo_db_path}-wal").exists()
    db = open_database(demo_db_path)  # opens, migrates, works
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Registration)) == 135
    db.dispose()


def test_restore_refuses_a_damaged_or_foreign_backup_and_changes_nothing(
    demo_db_path: Path, tmp_path: Path
) -> None:
    before = demo_db_path.read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(before[:4096] + b"\xff" * 8192 + before[12288:])
    foreign = tmp_path / "foreign.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t(x)").connection.close()
    for bad in (damaged, foreign, tmp_path / "missing.sqlite3"):
        with pytest.raises(BackupError):
            backup.restore(demo_db_path, bad)
    assert demo_db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("demo")) == [
        "demo.sqlite3"
    ]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 20)):  # wipe b-tree pages
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.allow_log(r"^damaged database .*malformed")
def test_damaged_file_at_start_names_the_newest_good_backup(
    demo_db_path: Path, tmp_path: Path
) -> None:
    settings = BackupSettings(folder=tmp_path / "backups")
    old = backup.auto_backup(demo_db_path, settings, now=dt.datetime(2019, 3, 15, 8, 0)).path
    newest = backup.auto_backup(demo_db_path, settings, now=dt.datetime(2019, 3, 15, 8, 5)).path
    _damage(newest)  # the newest backup is bad too: the older good one is offered
    backup.save_settings(settings)
    _damage(demo_db_path)
    with pytest.raises(DamagedDatabase) as caught:
        open_database(demo_db_path)
    assert caught.value.newest_backup == old
    assert str(old) in str(caught.value)


def test_a_locked_or_unopenable_file_is_not_called_damaged(
    demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: a good database another program holds locked (or in a read-only folder) was
    reported as damaged and the window offered to restore an older backup over it."""
    import sqlite3

    from db import integrity
    from db.integrity import UnreadableDatabase

    settings = BackupSettings(folder=tmp_path / "backups")
    backup.auto_backup(demo_db_path, settings)
    backup.save_settings(settings)
    monkeypatch.setattr(integrity, "BUSY_TIMEOUT", 0.05)
    with pytest.raises(UnreadableDatabase):
        check_file(tmp_path)  # a folder: SQLite cannot open it, but nothing is damaged
    holder = sqlite3.connect(demo_db_path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a write
        with pytest.raises(UnreadableDatabase) as caught:
            open_database(demo_db_path)
        assert "鎖住" in str(caught.value) and str(demo_db_path) in str(caught.value)
        with pytest.raises(BackupError):
            backup.validate_backup(demo_db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(demo_db_path).dispose()  # and it opens once the other program lets go
