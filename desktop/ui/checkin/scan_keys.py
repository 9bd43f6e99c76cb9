"""Catching scans wherever the focus is in the desk's window.

A keyboard-wedge scanner types like a keyboard. While the check-in screen is showing, an
application-level event filter routes every key press: in the scan field the keys are typed
raw (input method off); on buttons, tables and the result card they are sent to the scan
field; in the search field a fast burst of keys (a scanner, told apart by key timing) is taken
back out of the field and handled as a scan. A scan ends with Enter, Tab or nothing (a short
pause).

With an input method on (Microsoft Bopomofo), the search field keeps it for Chinese names, and
a scanner's keys reach it as input-method events (composition and committed text) instead of
key presses: a fast burst of them that starts like a pass (``ComposedScan``) is taken back out
of the field too, the composition dropped, and handled as a scan; anything else (a name being
composed) goes on to the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.core.scaninput import ComposedScan, ScanDetector, split_codes

if TYPE_CHECKING:
    from desktop.ui.screens.checkin import CheckInScreen

SCAN_TIMEOUT_MS = 150  # a burst with no terminator ends after this pause
TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanKeys(QObject):
    """The screen's key router: hands each finished scan to ``screen.submit_scan``."""

    def __init__(self, screen: CheckInScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.detector = ScanDetector()
        self.composed = ComposedScan()
        self._composed_target: QLineEdit | None = None
        self._composed_snapshot: tuple[str, int] = ("", 0)
        self._dropping = False  # the composition of a finished scan is being dropped
        self._burst_target: QWidget | None = None
        self._snapshot: tuple[str, int] | None = None
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCAN_TIMEOUT_MS)
        self._timer.timeout.connect(self._on_timeout)
        screen.scan_field.returnPressed.connect(self.submit_field)

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        screen = self.screen
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.InputMethod) or not screen.isVisible():
            return False
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None or obj is not target or target.window() is not screen.window():
            return False
        if isinstance(event, QInputMethodEvent):
            return self.handle_input_method(target, event)
        assert isinstance(event, QKeyEvent)
        return self.handle_key(target, event)

    def handle_input_method(self, target: QWidget, event: QInputMethodEvent) -> bool:
        """Route one input-method event; True when it was consumed (a scan's)."""
        if self._dropping:
            # Ours (nothing composed) clears the field; the input method's echo of the
            # composition it was told to drop goes nowhere.
            return bool(event.commitString() or event.preeditString())
        screen = self.screen
        if not isinstance(target, QLineEdit) or not screen.isAncestorOf(target):
            return False
        commit = event.commitString()
        if self.composed.feed(commit, event.preeditString(), screen.key_clock()):
            # Before the event reaches the field: what to put back if this burst is a scan.
            self._composed_target = target
            self._composed_snapshot = (target.text(), target.cursorPosition())
        if target is not self._composed_target or not self.composed.is_scan:
            return False
        if self.composed.complete(commit):
            self._finish_composed()
            return True
        self._timer.start()  # committed key by key, or held composed: Enter, Tab or a pause
        return False

    def handle_key(self, target: QWidget, event: QKeyEvent) -> bool:
        """Route one key press; True when it was consumed."""
        if event.isAutoRepeat():
            return False
        screen = self.screen
        scan_field = screen.scan_field
        key, text = event.key(), event.text()
        mods = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        other_input = isinstance(target, TEXT_INPUTS) and target is not scan_field
        if event.matches(QKeySequence.StandardKey.Undo):
            if other_input and isinstance(target, QLineEdit) and target.text():
                return False  # undo typing in the search field
            screen.undo_last()
            return True
        printable = len(text) == 1 and 32 <= ord(text) < 127 and not mods
        now = screen.key_clock()
        ending = key in _ENTER or (key == Qt.Key.Key_Tab and not mods)
        if target is scan_field:
            if printable:
                self._record(text, now, target)
            elif key == Qt.Key.Key_Tab and scan_field.text():
                self.submit_field()
                return True
            return False  # Enter: returnPressed
        if target is screen.search_field and key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not mods:
            screen.step_hit(1 if key == Qt.Key.Key_Down else -1)
            return True
        if other_input and screen.isAncestorOf(target):
            if ending and self.composed.is_scan and self._composed_target is target:
                self._finish_composed()
                return True
            if printable:
                self._record(text, now, target)
                return False
            if ending and self.detector.is_scan(now) and self._burst_target is target:
                self._finish_burst()
                return True
            return False
        # Buttons, tables, the card, the navigation: the scan field takes the keys.
        if printable:
            scan_field.setFocus()
            self._record(text, now, scan_field)
            scan_field.insert(text)
            return True
        if ending and scan_field.text():
            self.submit_field()
            return True
        return False

    def _record(self, char: str, now: float, target: QWidget) -> None:
        """Called before the key reaches its widget."""
        if (
            self.detector.times
            and now - self.detector.times[-1] > self.detector.max_gap
            and self.detector.is_scan()
        ):
            # The next scan began before the pause that ends a scan with no terminator:
            # handle the previous one first instead of dropping it.
            self._finish_burst()
        if self._burst_target is not target:
            self.detector.reset()
        if self.detector.key(char, now) or self._burst_target is not target:
            self._burst_target = target
            # Before the key reaches the field: what to put back if this burst is a scan.
            self._snapshot = (
                (target.text(), target.cursorPosition())
                if isinstance(target, QLineEdit) and target is not self.screen.scan_field
                else None
            )
        self._timer.start()

    def _on_timeout(self) -> None:
        if self.detector.is_scan():
            self._finish_burst()
        elif self.composed.is_scan:
            self._finish_composed()

    def _finish_composed(self) -> None:
        """The scan that came through the input method: the field as it was before it, the
        composition dropped (in the field and in the input method), the code submitted."""
        code, target = self.composed.text, self._composed_target
        self.composed.reset()
        self._timer.stop()
        self._composed_target = None
        if target is not None:
            self._dropping = True
            try:
                QApplication.sendEvent(target, QInputMethodEvent())  # no composition shown
                QGuiApplication.inputMethod().reset()
            finally:
                self._dropping = False
            target.setText(self._composed_snapshot[0])
            target.setCursorPosition(self._composed_snapshot[1])
        for one in split_codes(code):
            self.screen.submit_scan(one, method="scanner")

    def _finish_burst(self) -> None:
        code, target = self.detector.text, self._burst_target
        self.detector.reset()
        self._timer.stop()
        if isinstance(target, QLineEdit) and target is not self.screen.scan_field:
            if self._snapshot is not None:
                target.setText(self._snapshot[0])
                target.setCursorPosition(self._snapshot[1])
        else:
            self.screen.scan_field.clear()
        self._burst_target, self._snapshot = None, None
        for one in split_codes(code):
            self.screen.submit_scan(one, method="scanner")

    def submit_field(self) -> None:
        """Enter (or Tab) in the scan field: a scanner's burst, or a code typed by hand."""
        scan_field = self.screen.scan_field
        if self.detector.is_scan(self.screen.key_clock()) and self._burst_target is scan_field:
            self._finish_burst()
            return
        text = scan_field.text()
        scan_field.clear()
        self.detector.reset()
        self._timer.stop()
        self.screen.submit_scan(text, method="typed")
