"""掃描器測試: the scanner self-test dialog."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.scaninput import ScanReport, scan_report

TEST_CODE = "WS1:SCANNER.TEST0123456789"


class ScannerTestDialog(QDialog):
    """Scan the test code: the app reports the characters, the ending and the speed."""

    reported = Signal(object)  # ScanReport

    def __init__(
        self,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
        is_pass: Callable[[str], bool] = lambda _text: False,
    ) -> None:
        """``is_pass``: the text is a genuine pass of this event (read whole and right)."""
        super().__init__(parent)
        self.setObjectName("scannerTestDialog")
        self.is_pass = is_pass
        self.setWindowTitle(self.tr("掃描器測試"))
        self.clock = clock
        self.chars: list[str] = []
        self.times: list[float] = []
        self.report: ScanReport | None = None
        from desktop.reports.qr import qr_png

        picture = QLabel()
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(TEST_CODE, box=6))
        picture.setPixmap(pixmap)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = QLineEdit()
        self.field.setObjectName("scannerTestField")
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setPlaceholderText(self.tr("用掃描器掃上方的測試碼（或印出的入場證）"))
        self.field.setMinimumWidth(420)  # its hint read whole
        self.field.installEventFilter(self)
        self.findings = QLabel(self.tr("等待掃描…"))
        self.findings.setObjectName("scannerTestResult")
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(300)
        self._timeout.timeout.connect(lambda: self._finish("none"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("測試碼：{code}").format(code=TEST_CODE)))
        layout.addWidget(picture)
        layout.addWidget(self.field)
        layout.addWidget(self.findings)
        layout.addWidget(buttons)
        self.field.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._finish("enter")
                return True
            if event.key() == Qt.Key.Key_Tab:
                self._finish("tab")
                return True
            if event.text() and event.text().isprintable():
                if not self.chars:
                    self.field.clear()
                self.chars.append(event.text())
                self.times.append(self.clock())
                self._timeout.start()
        return super().eventFilter(obj, event)

    def _finish(self, ending: str) -> None:
        self._timeout.stop()
        if not self.chars:
            return
        self.report = scan_report("".join(self.chars), self.times, ending, TEST_CODE)
        self.chars, self.times = [], []
        r = self.report
        endings = {
            "enter": self.tr("Enter"),
            "tab": self.tr("Tab"),
            "none": self.tr("沒有結尾字元（以逾時判斷）"),
        }
        lines = [
            self.tr("收到 {n} 個字元：{text}").format(n=len(r.text), text=r.text),
            self.tr("結尾：{ending}").format(ending=endings[r.ending]),
            self.tr("速度：平均每字 {mean} ms，最慢 {top} ms（每秒 {cps} 字）").format(
                mean=r.mean_gap_ms, top=r.max_gap_ms, cps=r.chars_per_second
            ),
        ]
        if r.matches:
            lines.append(self.tr("✔ 內容正確"))
        elif self.is_pass(r.text):
            lines.append(self.tr("✔ 這是本活動的入場證，內容完整正確"))
        elif r.caps_changed:
            lines.append(self.tr("⚠ 大小寫不同（大寫鎖定？）：報到時會自動轉大寫，仍可使用"))
        else:
            lines.append(self.tr("✘ 內容與測試碼不同：請檢查掃描器的鍵盤配置或輸入法"))
        lines.append(
            self.tr("✔ 速度像掃描器，可自動辨識")
            if r.looks_like_scanner
            else self.tr("⚠ 速度像手動輸入：掃描器太慢時，請把游標放在掃描欄再掃")
        )
        self.findings.setText("\n".join(lines))
        self.reported.emit(r)
