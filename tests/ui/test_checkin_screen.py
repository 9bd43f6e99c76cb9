from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.models import CheckIn, Event, Registration
from db.uow import Database
from desktop.core.tokens import make_token
from desktop.services import desk_search
from desktop.services.passes import export_passes
from desktop.ui.camera import CameraPanel, DecoderPipeline, decode_image
from desktop.ui.checkin.scanner_test import TEST_CODE, ScannerTestDialog
from desktop.ui.checkin.walk_in_dialog import WalkInDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import screen_index
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.checkin import CheckInScreen
from tests.ui.scanning import scan, scanner_clock

NOW = dt.datetime(2019, 3, 15, 8, 42)


@pytest.fixture
def desk(qtbot, demo_db: Database):
    window = MainWindow(ScreenContext(db=demo_db, desk="desk-1"), "demo")
    qtbot.addWidget(window)
    screen = window.screen_of(CheckInScreen)
    window.show()
    window.show_screen(screen_index("CheckInScreen"))
    screen.chimes.muted = True
    screen.clock = lambda: NOW
    screen.key_clock = scanner_clock()
    window.activateWindow()
    qtbot.waitUntil(lambda: screen.scan_field.hasFocus())
    with demo_db.read() as s:
        secret = s.scalars(select(Event.token_secret)).one()
        regs = {
            st: s.scalars(
                select(Registration.id).where(
                    Registration.session_id == screen.session.id, Registration.status == st
                )
            ).all()
            for st in ("admitted", "waitlisted")
        }
        other = s.scalars(
            select(Registration.id).where(Registration.session_id != screen.session.id)
        ).first()
    yield screen, secret, regs, other
    screen.shutdown()


def test_every_result_code_has_its_wording_on_the_card(qtbot, desk, demo_db) -> None:
    screen, secret, regs, other = desk
    card = screen.card
    token = make_token(secret, regs["admitted"][0])
    cases = [
        (token, "in", "報到成功", "未排桌"),
        (token, "in", "已報到過", "08:42 在 desk-1 報到"),
        (token, "out", "簽退成功", "簽退時間 08:42"),
        (token, "out", "已簽退過", "已於 08:42 簽退"),
        (token, "in", "再次入場", ""),
        (make_token(secret, regs["admitted"][1]), "out", "尚未報到", "無法簽退"),
        (make_token(secret, regs["waitlisted"][0]), "in", "未錄取：候補", "名額已滿"),
        (make_token(secret, other), "in", "報名的是其他場次", "臺南場次 108年3月29日（星期五）"),
        (make_token(b"x" * 32, 1), "in", "不是本活動的入場證", "其他活動"),
        (
            token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
            "in",
            "入場證損毀或遭竄改",
            "核對持證人",
        ),
        ("9789573317241", "in", "無法辨識的條碼", "不是研習報到台的入場證"),
    ]
    codes = []
    for code, mode, title, detail in cases:
        screen.set_mode(mode)
        scan(qtbot, code)
        assert card.title_label.text() == title
        assert detail in card.detail_label.text()
        codes.append(screen.last_result.code)
    assert set(codes) == {
        "ok",
        "already_checked_in",
        "already_checked_out",
        "not_checked_in",
        "not_admitted",
        "other_session",
        "other_event",
        "forged",
        "invalid_code",
    }
    assert screen.card.kind == "bad"


def test_scan_while_a_result_card_is_showing_is_not_lost(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    scan(qtbot, make_token(secret, regs["admitted"][0]))
    assert screen.card.title_label.text() == "報到成功"
    # Staff clicked into the not-yet-arrived list; the next person's pass is scanned.
    screen.counts_panel.missing_view.setFocus()
    qtbot.waitUntil(lambda: screen.counts_panel.missing_view.hasFocus())
    second = regs["admitted"][1]
    scan(qtbot, make_token(secret, second), ending="tab")
    assert screen.last_result.registration_id == second and screen.last_result.ok
    # In the search field: the burst is taken out of the field and handled as a scan.
    screen.search_field.setFocus()
    screen.search_field.setText("王")
    qtbot.waitUntil(lambda: screen.search_field.hasFocus())
    third = regs["admitted"][2]
    scan(qtbot, make_token(secret, third))
    assert screen.last_result.registration_id == third and screen.last_result.ok
    assert screen.search_field.text() == "王"
    with demo_db.read() as s:
        assert s.scalar(select(CheckIn.id).where(CheckIn.registration_id == third)) is not None


def test_scan_without_terminator_ends_by_pause(qtbot, desk) -> None:
    screen, secret, regs, _ = desk
    reg = regs["admitted"][5]
    scan(qtbot, make_token(secret, reg), ending="none")
    qtbot.waitUntil(
        lambda: screen.last_result is not None and screen.last_result.registration_id == reg
    )
    assert screen.last_result.ok and screen.scan_field.text() == ""


def test_slow_typing_in_search_is_not_a_scan_and_enter_checks_in_the_hit(qtbot, desk) -> None:
    screen, secret, regs, _ = desk
    ticks = itertools.count(step=0.25)
    screen.key_clock = lambda: next(ticks)  # a person: a quarter of a second per key
    hits = desk_search.search(screen.context.db, screen.session.id, "", 1)
    assert hits == []
    with screen.context.db.read() as s:
        from db.models import Attendee

        phone = s.scalar(
            select(Attendee.phone).join(Registration).where(Registration.id == regs["admitted"][7])
        )
    screen.search_field.setFocus()
    qtbot.waitUntil(lambda: screen.search_field.hasFocus())
    qtbot.keyClicks(screen.search_field, phone[-6:])
    qtbot.waitUntil(lambda: screen.hits_model.rowCount() == 1)
    assert screen.last_result is None  # nothing was taken for a scan
    qtbot.keyClick(screen.search_field, Qt.Key.Key_Return)
    assert screen.last_result.ok and screen.last_result.registration_id == regs["admitted"][7]
    assert screen.last_result.method == "search"
    assert screen.scan_field.hasFocus() and screen.search_field.text() == ""


def test_search_is_tai_insensitive(qtbot, desk) -> None:
    screen, *_ = desk
    screen.search_field.setText("台北市")
    screen.update_hits()
    assert screen.hits_model.rowCount() > 0
    assert all(
        "臺北市" in screen.hits_model.row_at(i).agency for i in range(screen.hits_model.rowCount())
    )


def test_ctrl_z_undoes_and_the_log_keeps_both_rows(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    reg = regs["admitted"][3]
    scan(qtbot, make_token(secret, reg))
    qtbot.waitUntil(lambda: screen.counts.arrived == 1)
    assert reg not in {p.registration_id for p in screen.counts_panel.missing_model._rows}
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.card.title_label.text() == "已復原"
    assert "尚未報到" in screen.card.detail_label.text()
    qtbot.waitUntil(lambda: screen.counts.arrived == 0)
    assert reg in {p.registration_id for p in screen.counts_panel.missing_model._rows}
    with demo_db.read() as s:
        rows = s.execute(
            select(CheckIn.action, CheckIn.voids_id, CheckIn.reason)
            .where(CheckIn.registration_id == reg)
            .order_by(CheckIn.id)
        ).all()
    assert [r[0] for r in rows] == ["in", "void"] and rows[1][2]
    # Checking in again works after the undo.
    scan(qtbot, make_token(secret, reg))
    assert screen.card.title_label.text() == "報到成功"


def test_not_admitted_with_free_seat_is_admitted_from_the_card(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    with demo_db.unit_of_work() as s:
        s.get_one(Registration, regs["admitted"][0]).status = "cancelled"
    scan(qtbot, make_token(secret, regs["waitlisted"][0]))
    assert "尚有 1 個空位" in screen.card.detail_label.text()
    assert screen.card.admit_button.isVisibleTo(screen)
    screen.card.admit_button.click()
    assert screen.last_result.ok and screen.last_result.status == "walk_in"


def test_walk_in_dialog_warns_over_capacity_and_checks_in(qtbot, desk, demo_db) -> None:
    screen, *_ = desk
    dialog = WalkInDialog(demo_db, screen.session.id)
    qtbot.addWidget(dialog)
    assert (
        "名額已滿" in dialog.capacity_label.text()
        and "超過名額 1 人" in dialog.capacity_label.text()
    )
    assert not dialog.id_number.isEnabled()
    dialog.submit()
    assert "姓名" in dialog.error.text() and dialog.result_value is None
    dialog.name.setText("林小華")
    dialog.agency.setText("台南市政府")
    dialog.wants_hours.setChecked(True)
    assert dialog.id_number.isEnabled()
    dialog.id_number.setText("F131104093")
    dialog.lunch.setFocus()
    qtbot.keyClick(dialog.lunch, Qt.Key.Key_Down)  # 葷 → 素, by the keyboard as at the desk
    assert dialog.lunch.currentText() == "素"
    dialog.submit()
    assert dialog.result_value is not None and dialog.result_value.over_capacity
    result = screen.check_in_registration(dialog.result_value.registration_id, "walk_in")
    assert result.ok and result.status == "walk_in" and result.lunch == "素"
    qtbot.waitUntil(lambda: screen.counts.walk_ins == 1)


def test_scanner_self_test_reports_characters_ending_and_speed(qtbot) -> None:
    ticks = itertools.count(step=0.004)
    dialog = ScannerTestDialog(clock=lambda: next(ticks))
    qtbot.addWidget(dialog)
    assert not dialog.field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    with qtbot.waitSignal(dialog.reported) as blocker:
        qtbot.keyClicks(dialog.field, TEST_CODE.lower())
        qtbot.keyClick(dialog.field, Qt.Key.Key_Tab)
    report = blocker.args[0]
    assert report.ending == "tab" and report.caps_changed and report.looks_like_scanner
    assert report.mean_gap_ms == 4.0
    assert "大小寫不同" in dialog.findings.text() and "Tab" in dialog.findings.text()


def test_camera_panel_says_plainly_there_is_no_camera(qtbot) -> None:
    panel = CameraPanel()
    qtbot.addWidget(panel)
    assert not panel.has_camera()
    assert "找不到攝影機" in panel.status.text()
    assert not panel.start_button.isEnabled()


def test_real_qr_from_a_rendered_pass_checks_in_through_the_decoder(
    qtbot, desk, demo_db, tmp_path: Path
) -> None:
    screen, secret, regs, _ = desk
    result = export_passes(demo_db, screen.session.id, tmp_path)
    png = result.pngs[4]
    # A webcam frame: the pass shown on a phone, in a 1280×720 picture.
    image = QImage(str(png))
    frame = QImage(1280, 720, QImage.Format.Format_RGB32)
    frame.fill(Qt.GlobalColor.darkGray)
    from PySide6.QtGui import QPainter

    painter = QPainter(frame)
    painter.drawImage(
        420, 40, image.scaledToHeight(640, Qt.TransformationMode.SmoothTransformation)
    )
    painter.end()
    texts = decode_image(frame)
    assert len(texts) == 1 and texts[0].startswith("WS1:")
    pipeline = DecoderPipeline(required=2)
    pipeline.code_read.connect(lambda code: screen.submit_scan(code, method="camera"))
    try:
        for _ in range(3):
            qtbot.waitUntil(lambda: not pipeline.busy)
            pipeline.offer(frame)
        qtbot.waitUntil(lambda: screen.last_result is not None)
        qtbot.waitUntil(lambda: not pipeline.busy)
    finally:
        pipeline.stop()
    assert screen.last_result.ok and screen.last_result.method == "camera"
    reg_id = int(png.stem.split("-")[1])
    assert screen.last_result.registration_id == reg_id
    assert screen.card.title_label.text() == "報到成功"
    assert screen.arrival_display.label.text().startswith("歡迎 ")
    # Seen in three frames, accepted once.
    with demo_db.read() as s:
        assert len(s.scalars(select(CheckIn).where(CheckIn.registration_id == reg_id)).all()) == 1


def test_back_to_back_scans_without_terminator_are_both_handled(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    clock = [100.0]
    screen.key_clock = lambda: clock[0]

    def burst(code: str, gap_before: float) -> None:
        clock[0] += gap_before
        for char in code:
            clock[0] += 0.005
            qtbot.keyClicks(QApplication.focusWidget(), char)

    first, second, third, fourth = regs["admitted"][10:14]
    # The next pass is read 0.1 s after the last key of one with no terminator (before the
    # pause that would end it): both are checked in, in the scan field and in the search field.
    burst(make_token(secret, first), 1)
    burst(make_token(secret, second), 0.1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    screen.search_field.setFocus()
    screen.search_field.setText("王")
    qtbot.waitUntil(lambda: screen.search_field.hasFocus())
    # A scanner that read twice inside one burst: the two passes arrive glued together.
    burst(make_token(secret, third) + make_token(secret, fourth), 1)
    qtbot.waitUntil(
        lambda: screen.last_result is not None and screen.last_result.registration_id == fourth
    )
    assert screen.search_field.text() == "王" and screen.scan_field.text() == ""
    with demo_db.read() as s:
        checked = set(s.scalars(select(CheckIn.registration_id).where(CheckIn.action == "in")))
    assert {first, second, third, fourth} <= checked


def test_walk_in_wanting_hours_is_warned_about_a_missing_or_mistyped_id(
    qtbot, desk, demo_db
) -> None:
    screen, *_ = desk
    dialog = WalkInDialog(demo_db, screen.session.id)
    qtbot.addWidget(dialog)
    dialog.name.setText("陳大文")
    dialog.wants_hours.setChecked(True)
    dialog.id_number.setText("A123456788")  # one digit mistyped: the check digit fails
    dialog.submit()
    assert dialog.result_value is None and "檢查碼不符" in dialog.error.text()
    dialog.id_number.setText("A12345678")
    dialog.submit()
    assert dialog.result_value is None and "格式不對" in dialog.error.text()
    dialog.id_number.setText("a123456789")  # corrected (lower case is fine)
    dialog.submit()
    assert dialog.result_value is not None
    # No ID at hand: warned once, added on the second click as typed.
    second = WalkInDialog(demo_db, screen.session.id)
    qtbot.addWidget(second)
    second.name.setText("林小華")
    second.wants_hours.setChecked(True)
    second.submit()
    assert second.result_value is None and "需要時數須填身分證字號" in second.error.text()
    second.submit()
    assert second.result_value is not None
    with demo_db.read() as s:
        from db.models import Attendee

        statuses = dict(
            s.execute(
                select(Attendee.name, Attendee.id_status).where(
                    Attendee.name.in_(("陳大文", "林小華"))
                )
            ).all()
        )
    assert statuses == {"陳大文": "valid", "林小華": "missing"}


def test_void_dialog_says_how_each_row_was_recorded_in_words(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    scan(qtbot, make_token(secret, regs["admitted"][0]))
    screen.check_in_registration(regs["admitted"][1], "list")
    from desktop.ui.checkin.void_dialog import VoidDialog

    dialog = VoidDialog(demo_db, screen.session.id, "desk-1", "")
    qtbot.addWidget(dialog)
    shown = {dialog.model.data(dialog.model.index(r, 5)) for r in range(dialog.model.rowCount())}
    assert shown == {"掃描器", "未到名單"}


def test_the_log_shows_refused_scans_with_why(qtbot, desk) -> None:
    screen, secret, regs, _ = desk
    token = make_token(secret, regs["admitted"][0])
    scan(qtbot, token)
    scan(qtbot, token)  # already checked in
    scan(qtbot, "HELLO123")
    assert screen.card.title_label.text() == "無法辨識的條碼"
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        model = dialog.model
        seen["rows"] = [
            tuple(model.data(model.index(r, c)) for c in (1, 4, 5)) for r in range(model.rowCount())
        ]
        seen["summary"] = dialog.summary.text()
        dialog.reject()

    QTimer.singleShot(0, look)
    qtbot.mouseClick(screen.log_button, Qt.MouseButton.LeftButton)
    assert seen["rows"] == [
        ("未受理：無法辨識的條碼", "desk-1", "掃描器"),
        ("未受理：已報到過", "desk-1", "掃描器"),
        ("報到", "desk-1", "掃描器"),
    ]
    assert "共 3 筆，其中 2 筆為未受理的掃描" in str(seen["summary"])
    qtbot.waitUntil(lambda: screen.counts.arrived == 1)  # the refusals counted nobody
    screen.refresh_counts()
    assert screen.counts.arrived == 1


def test_ctrl_z_after_admitting_at_the_desk_says_the_status_is_back(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    with demo_db.unit_of_work() as s:
        s.get_one(Registration, regs["admitted"][0]).status = "cancelled"
    scan(qtbot, make_token(secret, regs["waitlisted"][0]))
    screen.card.admit_button.click()
    assert screen.last_result.ok
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.card.title_label.text() == "已復原"
    assert "報名狀態恢復為：候補" in screen.card.detail_label.text()
    qtbot.waitUntil(lambda: screen.counts.walk_ins == 0)


def test_result_card_wording_is_in_the_english_catalogue() -> None:
    from tests.packaging.test_translations import translated, visible_strings

    found = {(ctx, text) for ctx, text, _ in visible_strings()}
    for context, text in (
        ("messages", "報到成功"),  # the outcomes are worded in the window's one table
        ("messages", "已報到過"),
        ("messages", "不是本活動的入場證"),
        ("checkin", "歡迎 {name}"),
        ("checkin", "{who}\n簽退時間 {time}"),
    ):
        assert (context, text) in found, text  # lupdate sees it
        assert (context, text) in translated(), text


def test_desk_shows_seating_and_people_added_on_other_screens(qtbot, demo_db) -> None:
    """QA: after 自動分桌 on 分桌, 報到 still said 各桌 0/0 and had no tables in its list (and a
    walk-in added on 名單 was not found by search) until the session was switched."""
    from desktop.services import seating
    from desktop.services.walkins import add_walk_in

    window = MainWindow(ScreenContext(db=demo_db, desk="desk-1"), "demo")
    qtbot.addWidget(window)
    window.show()
    screen = window.screen_of(CheckInScreen)  # built before the other screens change the day
    session_id = window.current_session().id
    seating.assign(demo_db, session_id)
    add_walk_in(demo_db, session_id, name="現場甲", agency="臺北市政府", wants_hours=False)
    window.show_screen(screen_index("CheckInScreen"))
    assert "1桌 0/0" not in screen.counts_panel.tables_label.text()
    assert all(t.seated for t in screen.counts.tables)
    assert [e.name for e in screen.index.find("現場甲")] == ["現場甲"]


def test_desk_warns_when_the_session_is_not_today(qtbot, desk) -> None:
    """QA whole day: on another day than the session's (wrong 場次 picked, or a rehearsal) the
    desk said 報到成功 and nothing else; the hours review then showed 0 hours for everyone."""
    screen, *_ = desk
    screen.refresh_counts()
    assert screen.counts_panel.date_warning.isHidden()  # NOW is the demo session's day
    screen.clock = lambda: NOW + dt.timedelta(days=3)
    screen.refresh_counts()
    assert not screen.counts_panel.date_warning.isHidden()
    assert (
        "2019-03-15" in screen.counts_panel.date_warning.text()
        and "2019-03-18" in screen.counts_panel.date_warning.text()
    )


def _answer_next_question(button: str) -> None:
    """Click ``button`` ("yes"/"cancel") on the next message box, as the operator would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def run() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, run)
            return
        which = (
            QMessageBox.StandardButton.Yes if button == "yes" else QMessageBox.StandardButton.Cancel
        )
        box.button(which).click()

    QTimer.singleShot(0, run)


def test_sign_out_mode_is_unmistakable_and_chosen_on_purpose(qtbot, desk) -> None:
    """QA: 報到 and 簽退 looked the same and both results were green; staff signed arriving
    people out. Switching asks once; the scan frame, the search hint and the card wear the
    mode; a sign-out result is not the check-in green."""
    from desktop.ui.checkin.card import COLOURS

    screen, secret, regs, _ = desk
    token = make_token(secret, regs["admitted"][0])
    scan(qtbot, token)
    checked_in = (screen.card.kind, screen.card.styleSheet())
    assert "報到" in screen.scan_field.placeholderText()
    assert "Enter 報到" in screen.search_field.placeholderText()
    _answer_next_question("cancel")  # a stray click on 簽退 changes nothing
    qtbot.mouseClick(screen.out_button, Qt.MouseButton.LeftButton)
    assert screen.mode == "in" and screen.in_button.isChecked()
    _answer_next_question("yes")
    qtbot.mouseClick(screen.out_button, Qt.MouseButton.LeftButton)
    assert screen.mode == "out" and screen.out_button.isChecked()
    purple = COLOURS["out"][0]
    assert purple in screen.scan_field.styleSheet()
    assert COLOURS["good"][0] not in screen.scan_field.styleSheet()
    assert screen.scan_field.placeholderText().startswith("簽退")
    assert "Enter 簽退" in screen.search_field.placeholderText()
    assert screen.card.title_label.text() == "簽退模式"
    screen.window().activateWindow()  # back from the question
    qtbot.waitUntil(screen.scan_field.hasFocus)
    scan(qtbot, token)
    assert screen.last_result.ok and screen.last_result.mode == "out"
    assert screen.card.title_label.text() == "簽退成功"
    assert (screen.card.kind, screen.card.styleSheet()) != checked_in
    assert purple in screen.card.styleSheet() and COLOURS["good"][0] not in screen.card.styleSheet()
    qtbot.mouseClick(screen.in_button, Qt.MouseButton.LeftButton)  # back to 報到: no question
    assert screen.mode == "in" and COLOURS["good"][0] in screen.scan_field.styleSheet()


def test_enter_with_two_matches_waits_for_a_chosen_row(qtbot, desk, demo_db) -> None:
    """QA: with two search matches Enter checked in the first row, even one already checked
    in. Enter acts on one match or on the row the operator chose, never on row 0 by default."""
    screen, secret, regs, _ = desk
    term = next(
        t for t in ("王", "李", "陳", "林", "張", "黃", "臺北市") if len(screen.index.find(t)) >= 2
    )
    first = screen.index.find(term)[0].registration_id
    screen.set_mode("in")
    screen.check_in_registration(first, "search")  # the first match is here already
    before = screen.last_result
    screen.search_field.setFocus()
    qtbot.waitUntil(screen.search_field.hasFocus)
    screen.search_field.setText(term)
    qtbot.waitUntil(lambda: screen.hits_model.rowCount() >= 2)
    assert not screen.hits_view.selectionModel().selectedRows()
    qtbot.keyClick(screen.search_field, Qt.Key.Key_Return)
    assert screen.last_result is before  # nobody checked in
    assert "請選擇" in screen.card.title_label.text()
    with demo_db.read() as s:
        assert len(s.scalars(select(CheckIn.id).where(CheckIn.registration_id == first)).all()) == 1
    qtbot.keyClick(screen.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(screen.search_field, Qt.Key.Key_Down)  # the operator picks the second
    second = screen.hits_model.row_at(1).registration_id
    qtbot.keyClick(screen.search_field, Qt.Key.Key_Return)
    assert screen.last_result.registration_id == second and screen.last_result.ok
    # a row clicked with the mouse, then Enter in the list
    screen.search_field.setText(term)
    qtbot.waitUntil(lambda: screen.hits_model.rowCount() >= 2)
    third_row = 2 if screen.hits_model.rowCount() > 2 else 0
    target = screen.hits_model.row_at(third_row).registration_id
    rect = screen.hits_view.visualRect(screen.hits_model.index(third_row, 0))
    qtbot.mouseClick(screen.hits_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(screen.hits_view, Qt.Key.Key_Return)
    assert screen.last_result.registration_id == target


def test_scanner_self_test_accepts_a_real_pass(qtbot, desk) -> None:
    """QA: scanning a printed pass in 掃描器測試 said "內容與測試碼不同" though the dialog asks
    for the test code or a pass. A genuine pass of this event is a valid scan."""
    from PySide6.QtCore import QTimer

    screen, secret, regs, _ = desk
    token = make_token(secret, regs["admitted"][0])
    seen: list[str] = []

    def scan_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ScannerTestDialog):
            QTimer.singleShot(10, scan_in_dialog)
            return
        for code in (token, token[:-3] + "AAA"):
            qtbot.keyClicks(dialog.field, code)
            qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
            seen.append(dialog.findings.text())
        dialog.reject()

    QTimer.singleShot(0, scan_in_dialog)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    real, damaged = seen
    assert "入場證" in real and "✔" in real and "內容與測試碼不同" not in real
    assert "內容與測試碼不同" in damaged
    assert screen.last_result is None  # the self-test checked nobody in


def test_walk_in_dialog_grows_when_a_warning_wraps(qtbot, demo_db) -> None:
    """QA at 1366×768: a wrapped warning squashed the walk-in fields. The dialog grows instead:
    every field keeps its height and the whole warning shows."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.services.events import find_session

    session = find_session(demo_db, "臺北")
    dialog = WalkInDialog(demo_db, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.adjustSize()  # as opened: its own size, no room to spare
    dialog.resize(dialog.minimumSizeHint())
    dialog.name.setText("王小明")
    qtbot.mouseClick(
        dialog.wants_hours, Qt.MouseButton.LeftButton, pos=dialog.wants_hours.rect().center()
    )
    qtbot.keyClicks(dialog.id_number, "A12345678")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    QApplication.processEvents()
    for field in (dialog.name, dialog.agency, dialog.title_field, dialog.phone, dialog.id_number):
        assert field.height() >= field.minimumSizeHint().height()
    error = dialog.error
    assert error.height() >= error.heightForWidth(error.width())
