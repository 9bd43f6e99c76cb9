"""Message boxes whose sentences quote text from outside (proposal titles from phones, names
from an import): shown as plain text. QMessageBox's static functions guess the format
(``Qt.AutoText``), so a title such as ``<img src=…>`` would be rendered as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton


def _box(parent: QWidget, title: str, text: str, icon: Icon, buttons: Button) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def tell(parent: QWidget, title: str, text: str, *, warning: bool = False) -> None:
    """An information (or warning) box with one OK button."""
    icon = Icon.Warning if warning else Icon.Information
    _box(parent, title, text, icon, Button.Ok).exec()


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question, No by default; True when the user chose Yes."""
    box = _box(parent, title, text, Icon.Question, Button.Yes | Button.No)
    box.setDefaultButton(Button.No)
    return box.exec() == Button.Yes
