from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from sqlalchemy import select

from db.models import CheckIn, Registration, SeatAssignment
from db.uow import Database
from desktop.services import group_reports as svc
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.events import find_session
from desktop.services.organiser_pin import check_organiser_pin, set_organiser_pin
from desktop.ui.leader_mode import LeaderModeWindow, PinDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import screen_index
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.group_reports import GroupReportsScreen


def open_window(qtbot, db: Database) -> tuple[MainWindow, GroupReportsScreen]:
    window = MainWindow(ScreenContext(db=db, operator="主辦"), "demo")
    qtbot.addWidget(window)
    window.show()
    assert window.context.session_state.unlock(window.context, DEMO_PASSPHRASE)  # organiser mode
    window.show_screen(screen_index("GroupReportsScreen"))
    return window, window.screen_of(GroupReportsScreen)


def answer_dialog(*texts: str, accept: bool = True) -> None:
    """Fill the next modal dialog's line edits with ``texts`` and accept (or cancel) it."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, act)
            return
        for edit, text in zip(dialog.findChildren(QLineEdit), texts, strict=False):
            edit.setText(text)
        if accept and isinstance(dialog, PinDialog):
            dialog._accept()
        elif accept:
            dialog.accept()
        else:
            dialog.reject()

    QTimer.singleShot(0, act)


def test_typing_is_saved_without_leaving_the_field(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    table = screen.current_table()
    assert table is not None and table.number == 1
    form = screen.form
    with qtbot.waitSignal(form.saved, timeout=10_000) as blocker:
        form.topic.setText("社區公園改善")
        form.points_for.insertPlainText("居民有共識")
        qtbot.keyClicks(form.proposal_editors[0].cost_edit, "300,000")
    assert blocker.args[0].new_revision
    snap = svc.load_report(demo_db, table.id)
    assert snap.content.topic == "社區公園改善" and snap.content.points_for == "居民有共識"
    assert snap.content.proposals[0].cost == 300000
    assert "NT$300,000" in form.proposal_editors[0].cost_hint.text()
    assert screen.revisions.rowCount() == 1
    # an unreadable cost is kept as typed and explained
    form.proposal_editors[0].cost_edit.setText("很多錢")
    assert "看不懂" in form.proposal_editors[0].cost_hint.text()
    # switching table writes at once, no timer needed
    screen.table_picker.setCurrentIndex(1)
    assert svc.load_report(demo_db, table.id).content.proposals[0].cost_text == "很多錢"
    assert screen.form.topic.text() == ""


def test_focus_out_and_hide_save_immediately(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    form = screen.form
    form.debounce_ms = form.max_wait_ms = 60_000  # only the focus change can save now
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    form.topic.setFocus()
    assert QApplication.focusWidget() is form.topic
    form.topic.setText("焦點離開就存")
    assert form.pending
    form.feedback.setFocus()
    QApplication.processEvents()
    assert not form.pending
    assert svc.load_report(demo_db, screen.current_table().id).content.topic == "焦點離開就存"
    form.feedback.setPlainText("講師回饋")
    window.hide()
    assert svc.load_report(demo_db, screen.current_table().id).content.feedback == "講師回饋"


def test_members_come_from_seating_and_check_ins(qtbot, demo_db: Database) -> None:
    session = find_session(demo_db, "臺北")
    table = svc.find_table(demo_db, session.id, 1)
    with demo_db.unit_of_work() as s:
        regs = s.scalars(
            select(Registration)
            .where(Registration.session_id == session.id)
            .order_by(Registration.queue)
            .limit(3)
        ).all()
        for i, r in enumerate(regs):
            s.add(
                SeatAssignment(
                    registration_id=r.id,
                    table_id=table.id,
                    assigned_at=dt.datetime(2019, 3, 15, 8, i),
                )
            )
        s.add(CheckIn(registration_id=regs[0].id, action="in", at=dt.datetime(2019, 3, 15, 8, 50)))
        names = [r.attendee.name for r in regs]
    window, screen = open_window(qtbot, demo_db)
    members = screen.form.members
    assert [members.item(i).text() for i in range(members.count())] == names
    assert [members.item(i).checkState() == Qt.CheckState.Checked for i in range(3)] == [
        True,
        False,
        False,
    ]
    with qtbot.waitSignal(screen.form.saved, timeout=10_000):
        members.item(1).setCheckState(Qt.CheckState.Checked)
    stored = svc.load_report(demo_db, table.id).content
    assert [m.name for m in stored.present_members()] == names[:2]


def test_leader_mode_hides_everything_else_until_the_pin(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    event_id = screen.session.event_id
    # an application-wide shortcut of another visible window (say the projector, which stays
    # up during leader mode) must not fire in leader mode either
    from PySide6.QtWidgets import QWidget as _W

    other = _W()
    qtbot.addWidget(other)
    other.show()
    fired: list[str] = []
    global_action = QAction("global", other)
    global_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
    global_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    global_action.triggered.connect(lambda: fired.append("k"))
    other.addAction(global_action)
    nav_action = next(
        a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+1")
    )
    nav_fired: list[bool] = []
    nav_action.triggered.connect(lambda: nav_fired.append(True))
    start_row = window.navigation.currentRow()

    answer_dialog("2468", "2468")  # no PIN yet: the organiser sets one first
    leader = screen.enter_leader_mode()
    assert isinstance(leader, LeaderModeWindow)
    qtbot.addWidget(leader)
    assert check_organiser_pin(demo_db, event_id, "2468")
    assert leader.isVisible() and not window.isVisible() and not window.isEnabled()
    assert len(leader.table_buttons) == 6
    qtbot.mouseClick(leader.table_buttons[2], Qt.MouseButton.LeftButton)
    assert leader.table.number == 3 and "張雅筑" in leader.banner.text()
    # nothing in the leader window reaches the roster, menus or session picker
    from PySide6.QtWidgets import QListWidget, QMenuBar, QWidget

    names = {w.objectName() for w in leader.findChildren(QWidget)}
    assert not names & {"sessionPicker", "navigation", "overview", "tablePicker"}
    assert not leader.findChildren(QMenuBar)
    assert [w.objectName() for w in leader.findChildren(QListWidget)] == ["members"]
    assert not window.isAncestorOf(leader)

    leader.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is leader)
    for key in [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_9, Qt.Key.Key_O, Qt.Key.Key_Q]:
        qtbot.keyClick(leader.form.topic, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        leader.form.topic,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert fired == [] and nav_fired == [] and leader.guard.blocked >= 1
    assert not window.isVisible() and window.navigation.currentRow() == start_row
    assert leader.isVisible()

    with qtbot.waitSignal(leader.form.saved, timeout=10_000):
        leader.form.topic.setText("第3桌的主題")
    assert svc.load_report(demo_db, leader.table.id).content.topic == "第3桌的主題"
    assert svc.list_revisions(demo_db, leader.table.id)[0].author == "桌長 張雅筑"

    answer_dialog(accept=False)  # the close box without a PIN: still in leader mode
    leader.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert leader.isVisible() and not window.isVisible()
    assert not leader.try_unlock("1111")
    assert leader.isVisible() and not window.isVisible()

    answer_dialog("2468")
    qtbot.mouseClick(leader.exit_button, Qt.MouseButton.LeftButton)
    assert not leader.isVisible() and window.isVisible() and window.isEnabled()
    assert screen.leader_window is None
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert fired == ["k"]  # the guard is gone with the mode (and the key did reach shortcuts)


def test_wrong_pins_lock_out(demo_db: Database, qtbot) -> None:
    session = find_session(demo_db, "臺北")
    set_organiser_pin(demo_db, session.event_id, "2468")
    leader = LeaderModeWindow(demo_db, session)
    qtbot.addWidget(leader)
    leader.start(None, full_screen=False)
    for _ in range(3):
        assert not leader.try_unlock("0000")
    assert not leader.try_unlock("2468")  # locked for 5 s even with the right PIN
    assert leader.isVisible()
    leader._locked_until = 0
    assert leader.try_unlock("2468") and not leader.isVisible()


def test_projector_follows_the_queue_and_masks_names(qtbot, demo_db: Database) -> None:
    from desktop.core.group_report import Member, Proposal, ReportContent
    from desktop.ui.report_projector import ReportProjector

    session = find_session(demo_db, "臺北")
    for number, topic in ((2, "公園"), (5, "圖書館")):
        svc.save_report(
            demo_db,
            svc.find_table(demo_db, session.id, number).id,
            ReportContent(
                members=(Member("王小明"),),
                topic=topic,
                proposals=(Proposal("提案甲", cost_text="約 30 萬", votes=4),),
            ),
        )
    projector = ReportProjector(demo_db, session.id)
    qtbot.addWidget(projector)
    shown: list[int] = []
    projector.table_shown.connect(shown.append)
    projector.set_queue([5, 2, 1], current=0)
    text = projector.view.toPlainText()
    assert "圖書館" in text and "王○明" in text and "王小明" not in text and "NT$300,000" in text
    projector.next()
    assert "公園" in projector.view.toPlainText()
    qtbot.keyClick(projector, Qt.Key.Key_Right)
    assert "尚未填寫" in projector.view.toPlainText()
    projector.next()  # end of the queue: stays
    projector.previous()
    assert shown == [5, 2, 1, 2]
    projector.show_table(4)
    assert "第 4 桌" in projector.view.toPlainText()
    # feedback typed at the desk appears without touching the projector
    svc.save_report(
        demo_db, svc.find_table(demo_db, session.id, 4).id, ReportContent(feedback="講師說很好")
    )
    projector._render(force=False)
    assert "講師說很好" in projector.view.toPlainText()


def test_restore_revision_and_export(qtbot, demo_db: Database, tmp_path: Path, monkeypatch) -> None:
    from desktop.core.group_report import ReportContent

    window, screen = open_window(qtbot, demo_db)
    table = screen.current_table()
    svc.save_report(
        demo_db,
        table.id,
        ReportContent(topic="第一版"),
        author="甲",
        now=dt.datetime(2019, 3, 15, 10, 0),
    )
    svc.save_report(
        demo_db,
        table.id,
        ReportContent(topic="第二版"),
        author="甲",
        now=dt.datetime(2019, 3, 15, 10, 5),
    )
    screen.refresh()
    assert screen.form.topic.text() == "第二版" and screen.revisions.rowCount() == 2
    screen.revision_view.selectRow(1)
    assert "第一版" in screen.revision_preview.toPlainText()
    screen._restore()
    assert screen.form.topic.text() == "第一版" and screen.revisions.rowCount() == 3
    monkeypatch.setattr(
        "desktop.ui.screens.group_reports.QMessageBox.information", lambda *a, **k: None
    )
    screen.export_to(tmp_path / "x.pdf")
    screen.export_to(tmp_path / "x.xlsx")
    assert (tmp_path / "x.pdf").stat().st_size > 1000 and (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("bad", ["notes.txt"])
def test_bad_photo_is_explained(
    qtbot, demo_db: Database, tmp_path: Path, monkeypatch, bad: str
) -> None:
    window, screen = open_window(qtbot, demo_db)
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.group_report_form.QMessageBox.warning",
        lambda _p, _t, text: warnings.append(text),
    )
    path = tmp_path / bad
    path.write_text("hello", encoding="utf-8")
    assert not screen.form.attach_photo_file(path)
    assert "不是圖片檔" in warnings[0] and bad in warnings[0]
    assert "BytesIO" not in warnings[0]  # no Python internals in the message


def test_projector_follows_the_agendas_report_back_queue(qtbot, demo_db: Database) -> None:
    from desktop.services import agenda_run
    from desktop.ui.report_projector import ReportProjector

    session = find_session(demo_db, "臺北")
    report_block = next(b for b in session.agenda if b.kind == "group_report")  # 11:30–12:00
    start = dt.datetime(2019, 3, 15, 11, 30)
    agenda_run.toggle(demo_db, session.id, start, block_id=report_block.id)
    clock = [start + dt.timedelta(minutes=1)]
    projector = ReportProjector(demo_db, session.id, clock=lambda: clock[0])
    qtbot.addWidget(projector)
    projector._on_poll()
    assert projector.number == 1 and projector.queue == [1, 2, 3, 4, 5, 6]
    assert "4:00" in projector.queue_label.text()  # 30 min ÷ 6 tables, 1 minute gone
    agenda_run.queue_next(demo_db, session.id, clock[0])
    projector._on_poll()
    assert projector.number == 2 and "第 2 桌" in projector.view.toPlainText()
    qtbot.keyClick(projector, Qt.Key.Key_5)  # the operator picks a table: stop following
    agenda_run.queue_next(demo_db, session.id, clock[0])
    projector._on_poll()
    assert projector.number == 5


def test_a_wrong_pin_keeps_the_table_in_view_and_a_lockout_says_wait(
    demo_db: Database, qtbot
) -> None:
    session = find_session(demo_db, "臺北")
    set_organiser_pin(demo_db, session.event_id, "2468")
    leader = LeaderModeWindow(demo_db, session)
    qtbot.addWidget(leader)
    leader.start(None, full_screen=False)
    leader.choose_table(svc.find_table(demo_db, session.id, 3))
    answer_dialog("0000")
    leader.request_exit()
    assert "第3桌" in leader.banner.text() and "PIN 不正確" in leader.banner.text()
    leader._failures, leader._locked_until = 5, 0.0
    assert not leader.try_unlock("1111")  # now locked out
    answer_dialog("2468")  # the right PIN, but too soon
    leader.request_exit()
    assert leader.isVisible()
    assert "第3桌" in leader.banner.text() and "秒後再試" in leader.banner.text()
    assert "PIN 不正確" not in leader.banner.text()


def wheel(widget, steps: int) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (one notch is 120)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_only_the_control_in_focus(qtbot, demo_db: Database) -> None:
    """QA: scrolling the report over a feasibility drop-down or the votes box changed it,
    autosaved and projected. Wheel turns change a value only in the control that has focus."""
    from desktop.ui.qtapp import ensure_app

    ensure_app()  # the application-wide guard, as at start-up
    window, screen = open_window(qtbot, demo_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = screen.form.proposal_editors[0]
    mark = next(iter(editor.marks.values()))
    screen.form.topic.setFocus()
    before = (mark.currentText(), editor.votes.value())
    wheel(mark, -1)
    wheel(editor.votes, 1)
    assert (mark.currentText(), editor.votes.value()) == before
    assert not screen.form.pending  # nothing changed, nothing to save
    qtbot.mouseClick(editor.votes, Qt.MouseButton.LeftButton)  # the operator picks the box
    assert editor.votes.hasFocus()
    wheel(editor.votes, 1)
    assert editor.votes.value() == before[1] + 1
    mark.setFocus(Qt.FocusReason.TabFocusReason)
    wheel(mark, -1)
    assert mark.currentText() != before[0]


def test_refusals_are_worded_in_the_english_window(
    qtbot,
    qapp,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch,
) -> None:
    """Issue 14: the cost hint, a refused photo and a failed save speak English in the English
    window (the zh-TW sentences stay for the CLI and the report's problems)."""
    from desktop.services import table_setup
    from desktop.ui import settings

    settings.install_translators(qapp, "en")
    try:
        window, screen = open_window(qtbot, demo_db)
        form = screen.form
        qtbot.keyClicks(form.proposal_editors[0].cost_edit, "30-50k")
        assert form.proposal_editors[0].cost_hint.text() == (
            "The cost “30-50k” is a range: give one estimate (for example the upper end)"
        )

        warnings: list[str] = []
        monkeypatch.setattr(
            "desktop.ui.group_report_form.QMessageBox.warning",
            lambda _p, _t, text: warnings.append(text),
        )
        (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
        assert not form.attach_photo_file(tmp_path / "notes.txt")
        assert warnings == ["“notes.txt” is not an image (use JPEG, PNG, GIF, BMP or WebP)"]

        # Another window removes the last table while its report is open here.
        screen.table_picker.setCurrentIndex(screen.table_picker.count() - 1)
        last = screen.current_table()
        assert last is not None
        tables = svc.list_tables(demo_db, last.session_id)
        table_setup.apply_template(demo_db, last.session_id, len(tables) - 1, 7)
        form.topic.setText("Park")
        assert not form.flush()
        assert form.status.text().startswith(f"Not saved! No table #{last.id}"), form.status.text()
    finally:
        settings.remove_translators(qapp)


def test_the_table_projector_speaks_the_english_interface(qtbot, qapp, demo_db: Database) -> None:
    """Issue 28: "Reporting order" in English above Chinese headings (主題、正面觀點、提案、
    經費…). Every heading follows the interface; the table's own words and names stay."""
    import re

    from desktop.core.group_report import Member, Proposal, ReportContent
    from desktop.ui import settings
    from desktop.ui.report_projector import ReportProjector

    session = find_session(demo_db, "臺北")
    table = svc.find_table(demo_db, session.id, 2)
    svc.save_report(
        demo_db,
        table.id,
        ReportContent(
            members=(Member("王小明"), Member("Amy Lin")),
            topic="Parks",
            points_for="Shade\nBenches",
            points_against="Upkeep",
            proposals=(
                Proposal(
                    "Pocket park",
                    cost_text="300000",
                    votes=4,
                    problem="No shade",
                    location="Ward 3",
                    beneficiaries="Children",
                ),
                Proposal("", cost_text=""),
            ),
            ranking="1 > 2",
            open_questions="Who maintains it?",
            feedback="Well argued",
        ),
    )
    settings.install_translators(qapp, "en")
    try:
        projector = ReportProjector(demo_db, session.id)
        qtbot.addWidget(projector)
        projector.set_queue([2, 1], current=0)
        shown = projector.view.toPlainText() + "\n" + projector.queue_label.text()
        for heading in (
            "Topic: Parks",
            "Points in favour",
            "Proposals",
            "4 votes",
            "Cost NT$300,000",
        ):
            assert heading in shown, shown
        assert "Reporting order" in shown
        names = table.leader_name, "王○明"
        chinese = [
            c for c in re.findall(r"[\u3400-\u9fff]+", shown) if not any(c in n for n in names)
        ]
        assert chinese == [], shown
        projector.show_table(1)  # an empty report: the placeholder too
        assert "(not filled in yet)" in projector.view.toPlainText()
        assert not re.search(
            r"[\u3400-\u9fff（）：、]",
            projector.view.toPlainText().replace(
                svc.find_table(demo_db, session.id, 1).leader_name or "-", ""
            ),
        )
    finally:
        settings.remove_translators(qapp)
