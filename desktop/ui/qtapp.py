"""The QApplication every window, test and self-test starts from."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.paths import resource
from desktop.ui.wheel import WheelSafeStyle, guard_wheel

log = logging.getLogger(__name__)


def app_name() -> str:
    """The product's name in the interface's language, in window titles and the about box.
    Not Qt's application display name: Qt appends that to every window title (「新增場次 —
    研習報到台 Workshop Desk」 cut to 「…hop Desk」 on a narrow dialog, the main window's name
    twice)."""
    return QCoreApplication.translate("qtapp", "研習報到台")


BASE_POINT_SIZE = 11  # readable in a bright room


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        guard_wheel(app)  # an application made elsewhere (pytest-qt) gets the same guard
        return app
    QCoreApplication.setOrganizationName("WorkshopDesk")
    QCoreApplication.setApplicationName("WorkshopDesk")
    QCoreApplication.setApplicationVersion(__version__)
    # Fractional scaling (125 %, 150 % on Windows laptops) without rounding blur or jumps.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    look(app)
    from desktop.ui.settings import current_language, install_translators

    install_translators(app, current_language())
    return app


def look(app: QApplication) -> None:
    """Everything the product sets on its application that decides how text is laid out:
    the icon, no display name, the Chinese font, the style (the clipping test applies it to
    pytest-qt's application, so it measures what users see)."""
    # An empty display name, not none: Qt then appends nothing to window titles.
    app.setApplicationDisplayName("")
    icon = resource("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _ensure_chinese_font(app)
    _load_style(app)


def _load_style(app: QApplication) -> None:
    """The calm light look of ``resources/style.qss`` on the Fusion style (same on every OS),
    guarding value controls from stray wheel turns (``desktop.ui.wheel``)."""
    app.setStyle(WheelSafeStyle("Fusion"))
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt >= 6.8: stay light under a dark system theme
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(app.style().standardPalette())
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    sheet = resource("style.qss")
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("style sheet not loaded: %s", exc)


def _ensure_chinese_font(app: QApplication) -> None:
    """Use the system's Chinese font when there is one; otherwise the bundled Kai face, so a
    machine without CJK fonts still shows Chinese instead of empty boxes."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese):
        return
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", "ukai-tw.ttf")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0])
        font.setPointSizeF(app.font().pointSizeF())
        app.setFont(font)
