"""The arrival display: a second screen facing the queue greets each arrival."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import mask_name

translate = QCoreApplication.translate  # translate("checkin", "…"): lupdate finds the literal


class ArrivalDisplay(QWidget):
    """For a second screen facing the queue: 「歡迎 王○明 · 第 3 桌」 (masked name)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("arrivalDisplay")
        self.setWindowTitle(translate("checkin", "歡迎畫面"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("background:#1f4e79; color:white;")
        self.label = QLabel(translate("checkin", "歡迎光臨"))
        self.label.setObjectName("welcomeText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-size:64px; font-weight:bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.resize(900, 400)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(8000)
        self._idle.timeout.connect(lambda: self.label.setText(translate("checkin", "歡迎光臨")))

    def welcome(self, name: str, table: int | None) -> None:
        text = translate("checkin", "歡迎 {name}").format(name=mask_name(name))
        if table is not None:
            text += translate("checkin", " · 第 {n} 桌").format(n=table)
        self.label.setText(text)
        self._idle.start()

    def show_on_second_screen(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.show()
