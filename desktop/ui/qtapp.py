"""The QApplication every window, test and self-test starts from."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.paths import resource

APP_DISPLAY_NAME = "研習報到台 Workshop Desk"


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("WorkshopDesk")
    QCoreApplication.setApplicationName("WorkshopDesk")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    icon = resource("icons", "app.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _ensure_chinese_font(app)
    return app


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
