"""The small things a clerk tripped over in the 1366×768 pass (issue 28), each driven by real
clicks and keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.uow import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import screen_index
from desktop.ui.screens.base import ScreenContext

ROOT = Path(__file__).resolve().parents[2]


def _on_next_box(act) -> None:
    """Run ``act(box)`` on the next message box, from inside its event loop."""

    def run() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, run)
            return
        act(box)

    QTimer.singleShot(0, run)


def test_sign_out_shows_as_chosen_only_once_confirmed(qtbot, demo_db: Database) -> None:
    """QA: 簽退 showed as selected while its question was still open; Cancel put it back."""
    from desktop.ui.screens.checkin import CheckInScreen

    window = MainWindow(ScreenContext(db=demo_db), "demo")
    qtbot.addWidget(window)
    screen = window.screen_of(CheckInScreen)
    window.show()
    window.show_screen(screen_index("CheckInScreen"))
    while_asked: list[bool] = []

    def answer(button: QMessageBox.StandardButton):
        def act(box: QMessageBox) -> None:
            while_asked.append(screen.out_button.isChecked())
            box.button(button).click()

        return act

    _on_next_box(answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(screen.out_button, Qt.MouseButton.LeftButton)
    assert while_asked == [False]
    assert screen.mode == "in" and screen.in_button.isChecked()
    _on_next_box(answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(screen.out_button, Qt.MouseButton.LeftButton)
    assert while_asked == [False, False]  # still 報到 while asked, 簽退 once confirmed
    assert screen.mode == "out" and screen.out_button.isChecked()


def test_the_import_dialog_reads_a_typed_path(qtbot, demo_db: Database) -> None:
    """QA: the 檔案 field looked editable but ignored typing. A path typed (or pasted) and
    Enter reads the file as 選擇檔案… does; a wrong one says what is wrong."""
    from desktop.services.events import all_sessions
    from desktop.ui.screens.import_dialog import ImportDialog

    dialog = ImportDialog(ScreenContext(db=demo_db), list(all_sessions(demo_db)))
    qtbot.addWidget(dialog)
    dialog.show()
    path = ROOT / "tests" / "data" / "registrations-sample.csv"
    qtbot.keyClicks(dialog.path_edit, str(path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.table is not None and dialog.summary is not None
    assert dialog.mapping_combos["name"].currentIndex() > 0  # the mapping was filled
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(path.with_name("no-such-file.csv")))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.table is None and "無法匯入" in dialog.counts.text()
    assert not dialog.import_button.isEnabled()


def test_admitting_with_a_reason_warns_when_the_session_is_full(qtbot, demo_db: Database) -> None:
    """QA: 錄取（附理由）… took the session to 41／40 without a word; 現場報名 warns."""
    from PySide6.QtWidgets import QInputDialog

    from desktop.ui.screens.roster import RosterScreen

    window = MainWindow(ScreenContext(db=demo_db), "demo")
    qtbot.addWidget(window)
    assert window.context.session_state.unlock(window.context, "demo")
    screen = window.screen_of(RosterScreen)
    window.show()
    window.show_screen(screen_index("RosterScreen"))
    waiting = next(
        i for i in range(screen.model.rowCount()) if screen.model.row_at(i).status == "waitlisted"
    )
    screen.table.selectRow(waiting)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        asked.append(box.labelText())
        box.reject()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(screen.admit_reason_button, Qt.MouseButton.LeftButton)
    assert asked and "名額已滿" in asked[0] and "超過名額 1 人" in asked[0]
    assert screen.model.row_at(waiting).status == "waitlisted"  # cancelled: nothing changed


def test_the_check_in_card_says_where_search_really_is(qtbot, demo_db: Database) -> None:
    """QA: the card said search was 「在右方」; the search box is below it."""
    from PySide6.QtCore import QPoint

    from desktop.ui.screens.checkin import CheckInScreen

    window = MainWindow(ScreenContext(db=demo_db), "demo")
    qtbot.addWidget(window)
    screen = window.screen_of(CheckInScreen)
    window.resize(1366, 700)
    window.show()
    window.show_screen(screen_index("CheckInScreen"))
    qtbot.waitExposed(window)
    card = screen.card.mapTo(window, QPoint(0, screen.card.height()))
    search = screen.search_field.mapTo(window, QPoint(0, 0))
    assert search.y() >= card.y()  # the search box is under the card...
    assert "下方" in screen.card.detail_label.text()  # ...and the card says so
    assert "右方" not in screen.card.detail_label.text()
