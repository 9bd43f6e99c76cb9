"""The mouse wheel changes a value only in the control the operator is working in.

Scrolling down a form passes over drop-downs and number boxes (a table's feasibility, the votes
of a group report) that Qt would silently change, save and project. One filter on the
application covers every combo box and spin box of every window, present and future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

VALUE_CONTROLS = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("wheelGuard")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(watched, VALUE_CONTROLS):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # A wheel turn must not hand the control focus (and with it the wheel).
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # handed on to the parent: the page scrolls instead
            return True
        return False


def guard_wheel(app: QApplication) -> None:
    """Install the guard on ``app`` once."""
    if app.findChild(WheelGuard, "wheelGuard") is None:
        app.installEventFilter(WheelGuard(app))
