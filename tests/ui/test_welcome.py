"""First run: no database yet → a welcome that leads to the demo, a new event, or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QPushButton

from desktop import paths
from desktop.services.events import list_events
from desktop.ui.launch import WindowHost
from desktop.ui.main_window import MainWindow
from desktop.ui.welcome import WelcomeWindow


def test_a_file_without_an_event_opens_in_the_welcome(qtbot, empty_db_path: Path) -> None:
    """QA: ``--db`` naming a new or empty file opened a main window with no event and no way
    to create one; it gets the welcome, creating the event in that file. The file is opened
    once, under the window lock, which the welcome lets go."""
    from desktop.app import open_database

    host = WindowHost()
    assert host.open(empty_db_path, lambda: open_database(empty_db_path))
    welcome = host.window
    assert isinstance(welcome, WelcomeWindow) and welcome.isVisible()
    qtbot.addWidget(welcome)
    assert welcome.target == empty_db_path
    assert host.db is None and host.lock is None
    assert host.open(empty_db_path, lambda: open_database(empty_db_path))  # not locked out
    assert isinstance(host.window, WelcomeWindow)
    qtbot.addWidget(host.window)


def test_a_file_with_an_event_opens_in_the_main_window(qtbot, demo_db_path: Path) -> None:
    from desktop.app import open_database

    host = WindowHost()
    assert host.open(demo_db_path, lambda: open_database(demo_db_path))
    assert isinstance(host.window, MainWindow)
    qtbot.addWidget(host.window)
    assert host.window.session_picker.count() == 3
    host.close()


def test_welcome_opens_the_demo_event(qtbot) -> None:
    host = WindowHost()
    welcome = host.show_welcome(paths.default_database())
    qtbot.addWidget(welcome)
    assert welcome.isVisible() and "開始使用" in welcome.windowTitle()
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    assert isinstance(host.window, MainWindow)
    qtbot.addWidget(host.window)
    assert host.window.session_picker.count() == 3
    assert not paths.default_database().exists()  # the demo has its own file
    host.db.dispose()


def test_welcome_creates_a_new_event_with_its_first_session(qtbot) -> None:
    target = paths.default_database()
    host = WindowHost()
    welcome = host.show_welcome(target)
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)
    dialog = welcome.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText("資料治理研習班")
    dialog.organiser.setText("國家發展委員會")
    dialog.passphrase.setText("s3cret-pass")
    dialog.repeat.setText("s3cret-pasS")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    # Refused: says why, keeps the dialog, writes nothing.
    assert dialog.isVisible()
    assert "兩次輸入不一致" in dialog.error.text()
    assert "場次名稱：必須填寫" in dialog.error.text()
    assert "地點：必須填寫" in dialog.error.text()
    assert not target.exists()

    dialog.repeat.setText("s3cret-pass")
    dialog.session_form.name.setText("臺北場次")
    dialog.session_form.venue.setText("國發會 707 會議室")
    dialog.session_form.capacity.setValue(35)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert isinstance(host.window, MainWindow)
    qtbot.addWidget(host.window)
    assert "臺北場次" in host.window.session_picker.currentText()
    assert host.window.current_session().capacity == 35
    assert str(target) in host.window.windowTitle()
    # QA: the new, empty event opened on 總覽 without a word on what comes next.
    banner = host.window.next_step
    assert banner.isVisible() and "名單" in host.window.next_step_text.text()
    assert "匯入報名資料" in host.window.next_step_text.text()
    assert host.window.next_step_button.isVisible()
    qtbot.mouseClick(banner.findChild(QPushButton, "nextStepClose"), Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    (event,) = list_events(host.db)
    assert (event.name, event.organiser) == ("資料治理研習班", "國家發展委員會")
    host.db.dispose()


def test_new_event_without_a_session(qtbot, tmp_path: Path) -> None:
    welcome = WelcomeWindow(tmp_path / "new.sqlite3")
    qtbot.addWidget(welcome)
    dialog = welcome.start_new_event()
    dialog.name.setText("研習")
    dialog.organiser.setText("機關")
    dialog.passphrase.setText("12345678")
    dialog.repeat.setText("12345678")
    dialog.with_session.setChecked(False)
    dialog.accept()
    # The first guess of anyone holding a copy of the database: refused, nothing written.
    assert dialog.isVisible() and "太常見" in dialog.error.text()
    assert not (tmp_path / "new.sqlite3").exists()
    dialog.passphrase.setText("tea at four, room 707")
    dialog.repeat.setText("tea at four, room 707")
    with qtbot.waitSignal(welcome.database_ready) as ready:
        dialog.accept()
    db = ready.args[0]
    (event,) = list_events(db)
    assert event.sessions == ()
    db.dispose()


def test_welcome_is_keyboard_operable(qtbot, tmp_path: Path) -> None:
    welcome = WelcomeWindow(tmp_path / "new.sqlite3")
    qtbot.addWidget(welcome)
    with qtbot.waitActive(welcome):
        welcome.show()
        welcome.activateWindow()
    assert welcome.demo_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(welcome.demo_requested, timeout=5000):
        welcome.demo_button.setFocus()
        qtbot.keyClick(welcome.demo_button, Qt.Key.Key_Return)
    with qtbot.waitSignal(welcome.demo_requested, timeout=5000):
        qtbot.keyClick(welcome, Qt.Key.Key_1)  # the digit of a choice presses it


def test_new_event_dialog_fits_a_short_screen(qtbot, tmp_path: Path, monkeypatch) -> None:
    """QA: the dialog was 756 px tall (788 with its problems listed): on a 1366×768 laptop
    建立 was below the edge of the screen. It also called the passphrase 通關密語 while every
    later prompt asks for the 主辦密語."""
    import desktop.ui.welcome as welcome_module

    monkeypatch.setattr(welcome_module, "available_height", lambda widget: 600)
    welcome = WelcomeWindow(tmp_path / "new.sqlite3")
    qtbot.addWidget(welcome)
    dialog = welcome.start_new_event()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 600
    dialog.accept()  # empty: every problem listed, the dialog stays
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isVisible() and dialog.rect().contains(
        ok.geometry().translated(ok.parentWidget().mapTo(dialog, ok.pos()) - ok.pos())
    )
    assert dialog.fields_area.verticalScrollBar().maximum() > 0  # the fields scroll instead
    labels = [
        dialog.findChild(QFormLayout).labelForField(w).text()
        for w in (dialog.passphrase, dialog.repeat)
    ]
    assert labels == ["主辦密語", "再次輸入主辦密語"]
