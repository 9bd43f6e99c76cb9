"""A whole training day in the real main window, as an organiser and a desk clerk would run it:
名單 (import, admit) → 分桌 → 報到 (scans, search, walk-in) → 名單 (the export imported again
on the morning: nobody in the room loses their seat) → 報到 (sign-out) → 議程 → 小組報告 → 文件.
Each step drives real widgets; the counts must agree between screens after the same actions."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import func, select

from db.models import Attendee, CheckIn, Event, GroupReport, Registration, SeatAssignment
from db.uow import Database
from desktop.core.tokens import make_token
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import screen_index
from desktop.ui.screens.base import ScreenContext
from tests.ui.scanning import scan, scanner_clock

SAMPLE = Path(__file__).parents[1] / "data" / "registrations-sample.csv"
SHOTS = os.environ.get("WHOLE_DAY_SHOTS")  # a folder to grab each step into, to look at


def _screen(window: MainWindow, kind: str):
    index = screen_index(kind)
    window.show_screen(index)
    assert window.stack.currentIndex() == index
    return window.work_area(index)


def _grab(window: MainWindow, name: str) -> None:
    QApplication.processEvents()
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _when_modal(action) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        action(dialog)

    QTimer.singleShot(0, run)


def test_whole_day_in_the_window(qtbot, demo_db: Database, monkeypatch) -> None:
    context = ScreenContext(db=demo_db, operator="主辦", desk="desk-1")
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    assert "臺北場次" in window.session_picker.currentText()
    assert context.session_state.unlock(context, DEMO_PASSPHRASE)
    session = window.current_session()
    _grab(window, "00-overview")

    # 名單: import the sample through the dialog, admit
    roster = _screen(window, "RosterScreen")
    before = roster.model.rowCount()

    def import_it(dialog: QDialog) -> None:
        assert dialog.load(SAMPLE), dialog.counts.text()
        dialog.grab().save(str(Path(SHOTS) / "01-import.png")) if SHOTS else None
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    _when_modal(import_it)
    qtbot.mouseClick(roster.import_button, Qt.MouseButton.LeftButton)
    after_import = roster.model.rowCount()
    answers: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: answers.append(a[2]))
    qtbot.mouseClick(roster.admit_button, Qt.MouseButton.LeftButton)
    assert answers and "錄取" in answers[-1]
    _grab(window, "02-roster")
    assert (before, after_import) == (45, 55)
    counts = roster.count_label.text()
    assert "已錄取 40／名額 40" in counts and "候補 15" in counts

    # 分桌: 自動分桌
    tables = _screen(window, "TablesScreen")
    qtbot.mouseClick(tables.assign_button, Qt.MouseButton.LeftButton)
    _grab(window, "03-tables")
    with demo_db.read() as s:
        seated = s.scalar(select(func.count()).select_from(SeatAssignment))
        secret = s.scalars(select(Event.token_secret).where(Event.id == session.event_id)).one()
        # The last in line first: the ones a careless re-admission would move out.
        admitted = s.scalars(
            select(Registration.id)
            .where(Registration.session_id == session.id, Registration.status == "admitted")
            .order_by(Registration.queue.desc())
        ).all()
    assert seated == 40 and "未分桌 0 人" in tables.summary.text()

    # 報到: five passes scanned, one search, one walk-in, one sign-out
    desk = _screen(window, "CheckInScreen")
    desk.chimes.muted = True
    now = [dt.datetime.combine(session.date, dt.time(8, 42))]  # the desk runs on the day
    desk.clock = lambda: now[0]
    desk.key_clock = scanner_clock()
    window.activateWindow()  # offscreen does not hand activation back after a modal dialog
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: desk.scan_field.hasFocus())
    for reg in admitted[:5]:
        scan(qtbot, make_token(secret, reg))
        qtbot.waitUntil(
            lambda reg=reg: desk.last_result is not None and desk.last_result.registration_id == reg
        )
    _grab(window, "04-scans")
    qtbot.waitUntil(lambda: desk.counts.arrived == 5)
    assert (
        "1桌 0/0" not in desk.counts_panel.tables_label.text()
    )  # the seating from 分桌 is known here
    with demo_db.read() as s:
        phone = s.scalar(
            select(Attendee.phone).join(Registration).where(Registration.id == admitted[5])
        )
    desk.search_field.setFocus()
    desk.search_field.setText(phone[-6:])
    qtbot.waitUntil(lambda: desk.hits_model.rowCount() == 1)
    qtbot.keyClick(desk.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.counts.arrived == 6)

    def walk_in(dialog: QDialog) -> None:
        dialog.name.setText("現場一號")
        dialog.agency.setText("臺北市政府")
        dialog.grab().save(str(Path(SHOTS) / "05-walkin.png")) if SHOTS else None
        dialog.submit()

    _when_modal(walk_in)
    qtbot.mouseClick(desk.walk_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.counts.walk_ins == 1)

    # 名單: the morning's fresh export, imported again with 匯入後依規則錄取 ticked (the
    # default). The walk-in holds a seat too, yet nobody who checked in moves to the waitlist.
    roster = _screen(window, "RosterScreen")

    def import_again(dialog: QDialog) -> None:
        assert dialog.load(SAMPLE) and dialog.admit_after.isChecked()
        assert "錄取異動" not in dialog.counts.text()  # nothing to confirm: nobody moves
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    _when_modal(import_again)
    qtbot.mouseClick(roster.import_button, Qt.MouseButton.LeftButton)
    assert "已錄取 40／名額 40" in roster.count_label.text()
    with demo_db.read() as s:
        arrived = s.scalars(select(CheckIn.registration_id).where(CheckIn.action == "in")).all()
        statuses = set(
            s.scalars(select(Registration.status).where(Registration.id.in_(arrived))).all()
        )
    assert len(arrived) == 7 and statuses == {"admitted", "walk_in"}
    desk = _screen(window, "CheckInScreen")
    now[0] = dt.datetime.combine(session.date, dt.time(15, 35))
    _when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # on purpose
    qtbot.mouseClick(desk.out_button, Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    desk.scan_field.setFocus()
    scan(qtbot, make_token(secret, admitted[0]))
    qtbot.waitUntil(lambda: desk.counts.signed_out == 1)
    assert desk.last_result.code == "ok"  # the last in line, checked in before the re-import
    _grab(window, "06-checkin")
    c = desk.counts
    assert (c.arrived, c.expected, c.walk_ins, c.present, c.signed_out) == (7, 41, 1, 6, 1)
    assert "已報到 7 / 應到 41" in desk.counts_panel.counts_label.text()
    with demo_db.read() as s:
        rows = s.scalar(select(func.count()).select_from(CheckIn))
    assert rows == 8  # five scans, a search, a walk-in, a sign-out

    overview = _screen(window, "OverviewScreen")
    _grab(window, "07-overview")
    assert "已錄取 40" in overview.heading.text() and "現場報名 1" in overview.heading.text()
    roster = _screen(window, "RosterScreen")
    _grab(window, "08-roster")
    assert roster.model.rowCount() == 56 and "現場 1" in roster.count_label.text()

    # 議程: start the first block, next, extend (keys, as at the lectern)
    agenda = _screen(window, "AgendaScreen")
    now[0] = dt.datetime.combine(session.date, dt.time(8, 30))
    agenda.clock = lambda: now[0]
    agenda.setFocus()
    qtbot.keyClick(agenda, Qt.Key.Key_Space)
    assert agenda.view.state.block_id == agenda.view.rows[0].id
    now[0] = dt.datetime.combine(session.date, dt.time(9, 0))
    qtbot.keyClick(agenda, Qt.Key.Key_Right)
    assert agenda.view.state.block_id == agenda.view.rows[1].id
    qtbot.keyClick(agenda, Qt.Key.Key_Up)
    assert agenda.view.state.extra_seconds == 60
    _grab(window, "09-agenda")

    # 小組報告: table 1, a topic and a proposal with a cost
    reports = _screen(window, "GroupReportsScreen")
    assert reports.table_picker.count() == 6 and reports.current_table().number == 1
    form = reports.form
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.topic.setText("社區公園改善")
        form.proposal_editors[0].title_edit.setText("公園照明")
        form.proposal_editors[0].cost_edit.setFocus()
        qtbot.keyClicks(form.proposal_editors[0].cost_edit, "300,000")
    assert "NT$300,000" in form.proposal_editors[0].cost_hint.text()
    _grab(window, "10-reports")

    # 文件: sign-in sheet and certificates, then the hours review
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    docs = _screen(window, "DocumentsScreen")
    _grab(window, "11-documents")
    assert "名單 41 人" in docs.summary.text() and "出席 7 人" in docs.summary.text()
    for kind in ("signin", "certificates"):
        index = docs.document.findData(kind)
        docs.document.setCurrentIndex(index)
        before = len(opened)
        qtbot.mouseClick(docs.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda before=before: len(opened) > before and docs._thread is None, timeout=15000
        )
        assert "（0 人）" not in docs.status.text(), docs.status.text()
    assert [Path(p).name for p in opened] == ["臺北場次-signin.pdf", "臺北場次-certificates.pdf"]
    assert "研習證明書" in PdfReader(opened[1]).pages[0].extract_text().replace(" ", "")
    docs.review_only.setChecked(True)
    _grab(window, "12-review")
    assert 0 < docs.model.rowCount() < 7  # the one who signed out at 15:35 needs no review
    with demo_db.read() as s:
        report = s.scalars(select(GroupReport)).one()
        assert report.table.number == 1
        content = str(report.content)
    assert "社區公園改善" in content and "公園照明" in content and "300000" in content
