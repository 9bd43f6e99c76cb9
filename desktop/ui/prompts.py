"""A question with a list of answers, in a box wide enough for its title."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

# QInputDialog.getItem sized itself to a short label and fixed that size: the title bar cut
# the title (「Change session」 in a 200-pixel box).
MIN_WIDTH = 360


class ChoiceDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, label: str, items: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(MIN_WIDTH)
        self.items = QComboBox()
        self.items.setObjectName("choiceItems")
        self.items.addItems(list(items))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = QLabel(label)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.items)
        layout.addWidget(buttons)


def choose(parent: QWidget, title: str, label: str, items: Sequence[str]) -> str | None:
    """The item picked, or None when cancelled."""
    dialog = ChoiceDialog(parent, title, label, items)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.items.currentText()
