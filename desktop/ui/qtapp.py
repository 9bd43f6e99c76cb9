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

APP_DISPLAY_NAME = "研習報到台 Workshop Desk"
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
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    icon = resource("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _ensure_chinese_font(app)
    _load_style(app)
    from desktop.ui.settings import current_language, install_translators

    install_translators(app, current_language())
    return app


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
