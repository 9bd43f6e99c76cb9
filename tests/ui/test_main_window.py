from __future__ import annotations

from db.uow import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import ScreenContext


def test_window_shows_seed_session_agenda_and_roster(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
    qtbot.addWidget(window)
    assert window.session_picker.count() == 3
    assert "臺北場次" in window.session_picker.currentText()
    overview = window.screens[0]
    assert overview.agenda_model.rowCount() == 11
    assert overview.roster_model.rowCount() == 45
    assert "108年3月15日（星期五）" in overview.heading.text()
    assert "demo.sqlite3" in window.database_status.text()

    window.session_picker.setCurrentIndex(1)
    assert "成功大學" in overview.heading.text()
    titles = [overview.agenda_model.index(r, 1).data() for r in range(overview.agenda_model.rowCount())]
    assert titles[4] == "午餐及小組交流時間"
