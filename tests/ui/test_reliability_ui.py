from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from db.models import AuditEntry, CheckIn, Registration
from desktop.app import open_database
from desktop.core.atomicfile import partial_name
from desktop.lockfile import DatabaseLock
from desktop.services import backup
from desktop.ui import organiser, reliability
from desktop.ui.launch import WindowHost, _open_or_explain
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.base import ScreenContext


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answer Yes and record what they said, instead of blocking."""
    shown: list[tuple[str, str]] = []

    def box(kind):
        def show(_parent, title, text, *_args, **_kwargs):
            shown.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Yes

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return shown


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(ScreenContext(db=db), "demo.sqlite3")
    qtbot.addWidget(window)
    return window


def _check_in(db) -> None:
    with db.unit_of_work() as s:
        s.add(
            CheckIn(
                registration_id=s.scalars(select(Registration.id)).first(),
                action="in",
                at=dt.datetime(2019, 3, 15, 8, 31),
            )
        )


def test_menu_indicator_and_auto_backup(qtbot, demo_db, tmp_path: Path, boxes) -> None:
    backup.set_folder(tmp_path / "usb")
    window = _window(qtbot, demo_db)
    controller = reliability.ReliabilityController(window)
    texts = [a.text() for a in window.file_menu.actions() if a.text()]
    assert texts[-1] == "結束" and {
        "立即備份",
        "備份資料夾…",
        "從備份還原…",
        "切換為主辦模式…",
    } <= set(texts)
    assert controller.indicator.text() == "櫃台模式"
    assert controller.timer.isActive() and controller.timer.interval() == 5 * 60_000

    first = controller.auto_backup()
    assert first is not None and first.path.parent == tmp_path / "usb"
    assert controller.auto_backup() is None  # nothing changed since: skipped
    _check_in(demo_db)
    second = controller.auto_backup()
    assert second is not None and second.path != first.path
    with sqlite3.connect(second.path) as c:
        assert c.execute("SELECT count(*) FROM check_ins").fetchone()[0] == 1
    c.close()
    assert "已自動備份" in window.statusBar().currentMessage()
    window.statusBar().setFixedWidth(1280)
    window.grab().save(str(tmp_path / "window.png"))


@pytest.mark.allow_log(r"^automatic backup failed: .*no-such-stick")
def test_failed_backup_warns_above_the_work_area_until_one_works(
    qtbot, demo_db, tmp_path, boxes, monkeypatch
) -> None:
    window = _window(qtbot, demo_db)
    controller = reliability.ReliabilityController(window)
    pulled = tmp_path / "a-file"  # a folder under a file: cannot be made on any system
    pulled.write_bytes(b"")
    monkeypatch.setattr(
        backup, "load_settings", lambda: backup.BackupSettings(folder=pulled / "no-such-stick")
    )
    assert controller.auto_backup(force=True) is None
    assert "自動備份失敗" in window.statusBar().currentMessage() and boxes == []
    # The warning above the work area stays after the status bar's line has gone ...
    window.show()
    window.statusBar().clearMessage()
    assert controller.backup_warning.isVisible()
    assert "no-such-stick" in controller.backup_warning_text.text()
    window.grab().save(str(tmp_path / "backup-warning.png"))
    # ... 立即備份 failing again says so in a dialog too ...
    assert controller.backup_now() is None
    assert boxes[-1][0] == "warning" and "備份失敗" in boxes[-1][1]
    assert controller.backup_warning.isVisible()
    # ... and the next backup that works takes it away.
    monkeypatch.setattr(
        backup, "load_settings", lambda: backup.BackupSettings(folder=tmp_path / "usb")
    )
    assert controller.auto_backup(force=True) is not None
    assert not controller.backup_warning.isVisible()


@pytest.mark.allow_log(r"^restore failed: ")
def test_a_restore_that_fails_is_a_dialog_and_swaps_nothing(
    qtbot, demo_db_path, tmp_path, boxes, monkeypatch
) -> None:
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.sqlite3").path
    host = WindowHost()
    host.show(
        *reliability.lock_and_open(
            demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
        )
    )
    try:
        _check_in(host.db)
        real_copy = backup._copy_database

        def disk_full(source: Path, target: Path) -> None:
            if source == saved:  # the swap itself; keeping the current file aside works
                raise OSError(28, "No space left on device")
            real_copy(source, target)

        monkeypatch.setattr(backup, "_copy_database", disk_full)
        host._on_restore(str(saved))
        kind, text = boxes[-1]
        assert kind == "critical" and "無法還原" in text
        assert str(saved) in text and "No space left on device" in text
        with host.db.read() as s:  # reopened: the check-in is still there
            assert len(s.scalars(select(CheckIn)).all()) == 1
        assert not list(demo_db_path.parent.glob(".demo.sqlite3.*.partial"))
    finally:
        host.close()


def test_organiser_mode_unlock_and_lock(qtbot, demo_db, monkeypatch, boxes) -> None:
    window = _window(qtbot, demo_db)
    controller = reliability.ReliabilityController(window)
    context = window.context
    answers = iter(["wrong", None])
    monkeypatch.setattr(organiser, "ask_passphrase", lambda *a: next(answers))
    assert context.require_organiser(window) is False and not context.session_state.organiser
    monkeypatch.setattr(organiser, "ask_passphrase", lambda *a: "demo")
    with qtbot.waitSignal(context.session_state.organiser_changed) as signal:
        assert context.require_organiser(window) is True
    assert signal.args == [True]
    assert controller.indicator.text() == "主辦模式（已解鎖）"
    assert controller.mode_action.text() == "鎖定（回到櫃台模式）"
    assert context.require_organiser(window) is True  # no second question
    with qtbot.waitSignal(context.session_state.organiser_changed):
        controller.toggle_mode()
    assert controller.indicator.text() == "櫃台模式"
    with demo_db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("role.%"))).all()
    assert actions == ["role.unlock_failed", "role.unlock", "role.lock"]


def test_second_window_on_the_same_file_is_refused(qtbot, demo_db_path: Path, boxes) -> None:
    host = WindowHost()
    opened = reliability.lock_and_open(
        demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
    )
    assert opened is not None
    host.show(*opened)
    try:
        second = reliability.lock_and_open(
            demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
        )
        assert second is None
        assert "這個資料庫已在另一個視窗開啟" in boxes[-1][1]
        # The same window re-opening its own file keeps its lock.
        host._on_open_path(str(demo_db_path))
        assert host.lock is not None and host.lock.held and host.window is not None
    finally:
        host.close()
    assert DatabaseLock(demo_db_path).acquire().held  # released on close


def test_restore_from_the_window_swaps_the_data_and_keeps_the_lock(
    qtbot, demo_db_path, tmp_path, boxes, monkeypatch
) -> None:
    saved = backup.backup_to(demo_db_path, tmp_path / "saved.sqlite3").path
    host = WindowHost()
    host.show(
        *reliability.lock_and_open(
            demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
        )
    )
    try:
        _check_in(host.db)
        monkeypatch.setattr(organiser, "ask_passphrase", lambda *a: "demo")
        assert host.window.context.require_organiser(host.window)
        lock = host.lock
        assert host.reliability.confirm_restore(saved)  # emits restore_requested → host
        assert "要用這個備份取代目前的資料嗎" in boxes[-1][1] and "另一個活動" not in boxes[-1][1]
        with host.db.read() as s:
            assert s.scalars(select(CheckIn)).all() == []
        assert host.lock is lock and lock.held
        assert not host.window.context.session_state.organiser  # a new window starts locked
    finally:
        host.close()


@pytest.mark.allow_log(r"^damaged database .*malformed")
def test_damaged_file_offers_the_newest_good_backup(qtbot, demo_db_path, tmp_path, boxes) -> None:
    good = backup.auto_backup(demo_db_path).path
    data = bytearray(demo_db_path.read_bytes())
    data[4096 * 2 : 4096 * 12] = b"\xa5" * (4096 * 10)
    demo_db_path.write_bytes(bytes(data))
    opened = reliability.lock_and_open(
        demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
    )
    assert opened is not None
    db, lock = opened
    assert "已損毀" in boxes[-1][1] and str(good) in boxes[-1][1]
    with db.read() as s:
        assert len(s.scalars(select(Registration)).all()) == 135
    assert list(demo_db_path.parent.glob("demo.before-restore-*.sqlite3"))
    db.dispose()
    lock.release()


def test_opening_the_window_removes_copies_a_killed_backup_left(
    qtbot, demo_db_path: Path, tmp_path: Path, boxes
) -> None:
    settings = backup.set_folder(tmp_path / "usb")
    # What SIGKILL leaves behind: the whole database copied under the hidden partial name,
    # killed before the rename (an automatic backup) or before the swap (a restore).
    target = settings.folder / f"{backup.backup_prefix(demo_db_path)}-20190315-084000.sqlite3"
    killed_backup = partial_name(target)
    killed_restore = partial_name(demo_db_path)
    other_database = settings.folder / ".other-abc123-20190315-084000.sqlite3.partial"
    for file in (killed_backup, killed_restore, other_database):
        backup._copy_database(demo_db_path, file)
    kept = backup.auto_backup(demo_db_path, settings).path
    host = WindowHost()
    opened = reliability.lock_and_open(
        demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
    )
    assert opened is not None
    host.show(*opened)
    host.close()
    assert not killed_backup.exists() and not killed_restore.exists()
    assert other_database.exists() and kept.exists()  # another database's; a finished backup


def test_restoring_another_events_backup_says_so_before_asking(
    qtbot, demo_db_path, empty_db, empty_db_path, tmp_path, boxes, monkeypatch
) -> None:
    from desktop.services.events import create_event

    create_event(empty_db, name="別的活動", organiser="他機關", passphrase="tea at four, room 707")
    other = backup.backup_to(empty_db_path, tmp_path / "other.sqlite3").path
    host = WindowHost()
    host.show(
        *reliability.lock_and_open(
            demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
        )
    )
    try:
        monkeypatch.setattr(
            QMessageBox,
            "question",
            staticmethod(
                lambda _p, title, text, *_a: (
                    boxes.append(("question", text)) or QMessageBox.StandardButton.Cancel
                )
            ),
        )
        assert not host.reliability.confirm_restore(other)
        assert "另一個活動「別的活動」" in boxes[-1][1]
    finally:
        host.close()
