"""The look: the navigation uses little space, the style sheet and icon load, language menu."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from db.uow import Database
from desktop.paths import resource
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import ScreenContext


def test_navigation_is_narrow_and_the_screen_gets_the_space(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    navigation, stack = window.navigation.width(), window.stack.width()
    assert 100 <= navigation <= 240
    assert navigation + stack == window.centralWidget().width()  # no empty gap between them
    # Every title fits without being cut.
    metrics = window.navigation.fontMetrics()
    for screen in window.screens:
        assert metrics.horizontalAdvance(screen.title()) < navigation - 20


def test_language_menu_saves_the_choice(qtbot, demo_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import settings

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.language_menu.actions()}
    assert actions["language_zh_TW"].isChecked() and not actions["language_en"].isChecked()
    actions["language_en"].trigger()
    assert settings.current_language() == "en"
    assert told and "重新啟動" in told[0]


def test_style_sheet_and_icons_are_shipped() -> None:
    style = resource("style.qss").read_text(encoding="utf-8")
    assert "QListWidget#navigation" in style and "font-size" in style
    from PySide6.QtGui import QImage

    icon = QImage(str(resource("icons", "app.png")))
    assert icon.width() == icon.height() == 256
    assert resource("icons", "app.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # ICO header


def test_the_window_fits_a_1366x768_laptop_in_both_languages(qtbot, qapp, demo_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA: the window opened 1280×800 on a 768-high screen (status bar with the mode below the
    edge), and in English the widest screen's toolbar forced it to 1713 px wide."""
    from PySide6.QtGui import QGuiApplication

    from desktop.ui import settings

    settings.install_translators(qapp, "en")
    try:
        window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
        qtbot.addWidget(window)
        assert window.screens[0].title() == "Overview"
        minimum = window.minimumSizeHint()
        assert minimum.width() <= 1280 and minimum.height() <= 700
    finally:
        settings.remove_translators(qapp)
    # On a real (not offscreen) display the first size is bounded by the monitor.
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    available = window.screen().availableGeometry()
    size = window._initial_size()
    assert size.width() <= available.width() and size.height() <= available.height() - 30
