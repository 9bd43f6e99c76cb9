from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices

from desktop.reports.portal_csv import OPENED_HEADER
from desktop.services.checkin import check_in_registration
from desktop.services.course import set_course_fields
from desktop.services.events import find_session
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.document_parts import print_pdf_file
from desktop.ui.screens.documents import DocumentsScreen
from tests.closeday_sim import DAY, simulate_day


def make_screen(qtbot, demo_db):
    sim = simulate_day(demo_db)
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, "臺北"))
    screen.resize(1100, 700)
    return sim, screen


def test_review_list_and_adjust_with_reason(qtbot, demo_db) -> None:
    sim, screen = make_screen(qtbot, demo_db)
    assert screen.model.rowCount() == 40
    assert "課程時數 5 小時" in screen.summary.text()
    screen.review_only.setChecked(True)
    names = {screen.model.row_at(r).name for r in range(screen.model.rowCount())}
    assert {sim.names["late"], sim.names["no_out"]} <= names
    assert sim.names["full"] not in names
    person = next(
        screen.model.row_at(r)
        for r in range(screen.model.rowCount())
        if screen.model.row_at(r).name == sim.names["no_out"]
    )
    assert not screen.apply_adjustment(person, 5, "")
    assert "原因" in screen.status.text()
    assert screen.apply_adjustment(person, 5, "桌長確認在場")
    screen.review_only.setChecked(False)
    row = next(
        r
        for r in range(screen.model.rowCount())
        if screen.model.row_at(r).name == sim.names["no_out"]
    )
    assert screen.model.index(row, 5).data() == "5"
    assert screen.model.index(row, 6).data() == "人工調整"  # 依據: what decided the hours
    assert "桌長確認在場" in screen.model.index(row, 7).data()
    full = next(
        r
        for r in range(screen.model.rowCount())
        if screen.model.row_at(r).name == sim.names["full"]
    )
    assert screen.model.index(full, 6).data().startswith("全勤：核給課程時數")
    screen.grab().save("/tmp/closeday-documents-screen.png")


def test_build_in_worker_opens_the_pdf(qtbot, demo_db, monkeypatch, tmp_path) -> None:
    sim, screen = make_screen(qtbot, demo_db)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    screen.document.setCurrentIndex(screen.document.findData("certificates"))
    assert "所有姓名" in screen.check_glyphs()
    screen.start_build("open", tmp_path / "certs.pdf")
    qtbot.waitUntil(lambda: screen.last_result is not None, timeout=20000)
    assert opened == [str(tmp_path / "certs.pdf")]
    text = PdfReader(tmp_path / "certs.pdf").pages[0].extract_text()
    assert "研習證明書" in text.replace(" ", "")
    assert screen._thread is None  # worker thread finished and cleaned up


def test_print_renders_the_chosen_pages(qtbot, demo_db, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    sim, screen = make_screen(qtbot, demo_db)
    from desktop.services.exports import close_of_day

    source = tmp_path / "sheet.pdf"
    close_of_day(demo_db, sim.session_id, "signin", source)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_pdf_file(source, printer) == 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_portal_file_from_the_screen(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    sim, screen = make_screen(qtbot, demo_db)
    set_course_fields(demo_db, sim.session_id, event_fields={"course_code": "1234567"})
    out = tmp_path / "h.csv"
    assert "密語不正確" in screen.write_portal_file("opened", "bad", out)
    assert not out.exists()
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    text = screen.write_portal_file("opened", "demo", out)
    assert sim.names["full"] in text and "無法寫入" in text and warned == [text]
    assert out.read_bytes().decode("cp950").splitlines()[0] == ",".join(OPENED_HEADER)
    assert Path(out).stat().st_size > 0


def test_course_fields_dialog_makes_the_portal_export_possible(
    qtbot, demo_db, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.screens.document_parts import CourseDialog

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)  # rare-name rows

    sim, screen = make_screen(qtbot, demo_db)
    # without the course fields the export cannot be written, and the screen says which
    text = screen.write_portal_file("full", "demo", tmp_path / "a.csv")
    assert "課程類別代碼" in text and not (tmp_path / "a.csv").exists()
    dialog = CourseDialog(screen.report.course, screen.save_course_fields, screen)
    qtbot.addWidget(dialog)
    assert dialog.course_name.text() == "參與式預算實務應用培訓班"
    assert dialog.city.currentData() == "10" and dialog.term.text() == "1"
    dialog.category_code.setText("345")
    dialog.seal.setText(str(tmp_path / "no-such-seal.png"))
    dialog.accept()
    assert "no-such-seal.png" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.seal.setText("")
    dialog.step.setCurrentIndex(dialog.step.findData(1.0))
    dialog.grab().save("/tmp/closeday-course-dialog.png")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.error.text() == ""
    assert screen.report.course.category_code == "345"
    assert screen.report.course.policy.step == 1.0
    text = screen.write_portal_file("full", "demo", tmp_path / "a.csv")
    assert "已寫入" in text and (tmp_path / "a.csv").exists()
    dialog = CourseDialog(screen.report.course, screen.save_course_fields, screen)
    qtbot.addWidget(dialog)
    dialog.course_name.setText("  ")
    dialog.accept()
    assert "課程名稱" in dialog.error.text()
    assert screen.report.course.event_name == "參與式預算實務應用培訓班"


def test_certificate_preview_before_a_batch(qtbot, demo_db) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.screens.document_parts import CertificatePreview

    sim, screen = make_screen(qtbot, demo_db)
    screen.show()
    row = next(
        r
        for r in range(screen.model.rowCount())
        if screen.model.row_at(r).name == sim.names["late"]
    )
    screen.table.selectRow(row)
    qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CertificatePreview) and w.isVisible()
    )
    assert sim.names["late"] in dialog.caption.text() and "部分出席" in dialog.caption.text()
    image = dialog.page.pixmap().toImage()
    assert image.width() == 520 and image.height() > 700
    # the page is drawn: dark pixels of the text, not a blank
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 50
    dialog.grab().save("/tmp/closeday-certificate-preview.png")
    dialog.close()
    from sqlalchemy import func, select

    from db.models import Certificate

    with demo_db.read() as s:  # a preview issues nothing
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0


def test_a_certificate_run_with_nobody_eligible_says_why(qtbot, demo_db, tmp_path) -> None:
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, "臺北"))  # nobody has checked in yet
    screen.document.setCurrentIndex(screen.document.findData("certificates"))
    screen.start_build("none", tmp_path / "certs.pdf")
    qtbot.waitUntil(lambda: screen._thread is None, timeout=20000)
    assert "沒有人可發研習證明書" in screen.status.text()
    assert "還沒有人簽到" in screen.status.text()
    assert not (tmp_path / "certs.pdf").exists()
    assert screen.preview_certificate() is None and "還沒有人簽到" in screen.status.text()


def test_hours_export_asks_for_the_course_fields_first_and_names_layouts_in_words(
    qtbot, demo_db, tmp_path, monkeypatch
) -> None:
    """QA: the export asked for the format, the passphrase and the file name, then said that
    課程類別代碼 was missing; the layouts were called `full` / `opened`. Now the course fields
    come first, filled right there, and the layouts are named in words."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QFileDialog,
        QInputDialog,
        QMessageBox,
        QPushButton,
    )

    from desktop.ui.screens.document_parts import CourseDialog

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)  # rare-name rows
    sim, screen = make_screen(qtbot, demo_db)
    screen.show()
    out = tmp_path / "hours.csv"
    seen: list[str] = []

    def answer(dialog) -> None:
        if isinstance(dialog, QMessageBox):
            seen.append("fields:" + dialog.text())
            fill = next(b for b in dialog.findChildren(QPushButton) if "課程欄位" in b.text())
            fill.click()
        elif isinstance(dialog, CourseDialog):
            seen.append("course dialog")
            dialog.category_code.setText("345")
            dialog.course_code.setText("1234567")
            dialog.accept()
        elif (
            isinstance(dialog, QInputDialog)
            and dialog.textEchoMode() == dialog.textEchoMode().Password
        ):
            seen.append("passphrase")
            dialog.setTextValue("demo")
            dialog.accept()
        elif isinstance(dialog, QInputDialog):
            items = dialog.comboBoxItems()
            seen.append("layout:" + "|".join(items))
            dialog.setTextValue(next(i for i in items if i.startswith("已開課")))
            dialog.accept()
        QTimer.singleShot(20, next_modal)

    def save_as(*_args, **_kwargs):
        seen.append("file")  # the platform's file dialog, asked last
        return str(out), "CSV (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    last: list[object] = [None]
    done = [False]

    def next_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if done[0] or (seen and seen[-1] == "passphrase"):
            return  # what follows is the file name; or the test is over (no stray polling)
        if dialog is None or dialog is last[0]:
            QTimer.singleShot(10, next_modal)
            return
        last[0] = dialog
        answer(dialog)

    QTimer.singleShot(0, next_modal)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    done[0] = True
    assert [s.split(":")[0] for s in seen] == [
        "fields",
        "course dialog",
        "layout",
        "passphrase",
        "file",
    ]
    assert "課程類別代碼" in seen[0] and "完整欄位" in seen[0]
    layouts = seen[2]
    assert "完整欄位" in layouts and "已開課" in layouts
    assert "full" not in layouts and "opened" not in layouts
    assert "已寫入" in screen.status.text(), (seen, screen.status.text())
    assert out.read_bytes().decode("cp950").splitlines()[0] == ",".join(OPENED_HEADER)


def test_generate_and_open_writes_a_new_name_when_the_last_pdf_is_open(
    qtbot, demo_db, monkeypatch
) -> None:
    """產生並開啟 twice while Acrobat holds the first PDF (Windows refuses to replace it:
    PermissionError on os.replace): the second goes to ``name (2).pdf`` and opens."""
    import dataclasses
    import os
    from pathlib import PureWindowsPath

    from PySide6.QtCore import Qt

    from desktop import paths
    from desktop.core import atomicfile

    _sim, screen = make_screen(qtbot, demo_db)
    session = dataclasses.replace(screen.session, name="3/15 上午場 9:00?")
    screen.set_session(session)
    screen.document.setCurrentIndex(screen.document.findData("signin"))
    proposed = screen.output_path()
    assert proposed.parent == paths.documents_dir()
    assert PureWindowsPath(proposed.name).name == proposed.name
    assert proposed.name == "3_15 上午場 9_00_-signin.pdf"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1 and screen._thread is None, timeout=20000)
    assert opened == [str(proposed)]
    first = proposed.read_bytes()

    real_replace = os.replace

    def held_by_acrobat(source, target):
        if Path(target) == proposed:
            raise PermissionError(13, "Access is denied", str(source))  # WinError 5
        real_replace(source, target)

    monkeypatch.setattr(atomicfile.os, "replace", held_by_acrobat)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2 and screen._thread is None, timeout=20000)
    second = proposed.with_name("3_15 上午場 9_00_-signin (2).pdf")
    assert opened[1] == str(second) and second.read_bytes().startswith(b"%PDF-")
    assert proposed.read_bytes() == first  # the file Acrobat holds is left alone
    assert not [p for p in proposed.parent.iterdir() if p.name.endswith(".partial")]


def test_a_chosen_file_open_in_acrobat_is_said_and_another_name_offered(
    qtbot, demo_db, monkeypatch, tmp_path
) -> None:
    import os

    from PySide6.QtWidgets import QFileDialog

    from desktop.core import atomicfile

    _sim, screen = make_screen(qtbot, demo_db)
    screen.document.setCurrentIndex(screen.document.findData("signin"))
    chosen = tmp_path / "簽到表.pdf"
    chosen.write_bytes(b"%PDF-1.4 in Acrobat")
    real_replace = os.replace

    def held_by_acrobat(source, target):
        if Path(target) == chosen:
            raise PermissionError(13, "Access is denied", str(source))
        real_replace(source, target)

    offered: list[str] = []

    def save_dialog(_parent, _title, proposed, _filter):
        offered.append(proposed)
        return proposed, ""

    monkeypatch.setattr(atomicfile.os, "replace", held_by_acrobat)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    screen.start_build("none", chosen)
    qtbot.waitUntil(
        lambda: screen.last_result is not None and screen._thread is None, timeout=20000
    )
    assert offered == [str(tmp_path / "簽到表 (2).pdf")]
    assert screen.last_result.path == tmp_path / "簽到表 (2).pdf"
    assert chosen.read_bytes() == b"%PDF-1.4 in Acrobat"


def test_a_check_in_on_another_day_is_named_not_called_late(qtbot, demo_db) -> None:
    """The desk's clock a day on: the review names the real reason, not 「遲到」."""
    sim = simulate_day(demo_db)
    next_day = dt.datetime.combine(DAY + dt.timedelta(days=1), dt.time(9, 30))
    result = check_in_registration(
        demo_db, sim.session_id, sim.roles["absent"], desk="desk-1", now=next_day
    )
    assert result.ok
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, "臺北"))
    screen.resize(1100, 700)
    screen.show()
    qtbot.waitExposed(screen)
    box = screen.review_only
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert screen.review_only.isChecked()
    row = next(
        r
        for r in range(screen.model.rowCount())
        if screen.model.row_at(r).name == sim.names["absent"]
    )
    assert screen.model.index(row, 5).data() == "0"
    reasons = screen.model.index(row, 7).data()
    assert "非場次日期報到（不計時數）" in reasons
    assert "遲到" not in reasons
