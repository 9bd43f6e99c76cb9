"""The app's style: the mouse wheel changes a value only in the control the operator is
working in, and every message box shows its sentence as plain text.

Scrolling down a form passes over drop-downs and number boxes (a table's feasibility, the votes
of a group report) that Qt would silently change, save and project. The application's style
guards every combo box and spin box of every window, present and future, as Qt polishes it:
once per control. (An application-wide event filter did the same, but it handed every event of
every widget to Python: 60 ms before the first window appeared, and a Python call per event
all day.)

Message boxes quote text from outside (a proposal title from a phone, a name or a file name from
an import) and QMessageBox guesses the format (``Qt.AutoText``): a title such as ``<img src=…>``
was rendered as markup. The style makes each box plain text as Qt polishes it, so no call site
can forget it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QMessageBox,
    QProxyStyle,
    QWidget,
)

VALUE_CONTROLS = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """On a value control: a wheel turn while it does not have focus goes to its parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()  # handed on to the parent: the page scrolls instead
            return True
        return False


class WheelSafeStyle(QProxyStyle):
    """A style (Fusion for the app) that guards each value control it polishes and makes each
    message box plain text."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self._guard = WheelGuard(self)

    def polish(self, target: Any) -> Any:  # Qt's three overloads: widget, palette, application
        polished = super().polish(target)
        if isinstance(target, VALUE_CONTROLS):
            if target.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                # A wheel turn must not hand the control focus (and with it the wheel).
                target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target.installEventFilter(self._guard)  # installed once, however often polished
        elif isinstance(target, QMessageBox):
            target.setTextFormat(Qt.TextFormat.PlainText)
        return polished


def guard_wheel(app: QApplication) -> None:
    """Give ``app`` a wheel-safe version of its style (same look) once; Qt polishes the
    widgets that exist again with it."""
    if not isinstance(app.style(), WheelSafeStyle):
        app.setStyle(WheelSafeStyle(app.style().name()))
