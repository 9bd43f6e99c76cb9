"""確認錄取異動: before an import or the admission rule changes anyone's status, the organiser
sees who moves into a seat and who moves out of one, and nothing is written until 確認寫入."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.admission import StatusChange
from desktop.core.status import holds_seat
from desktop.ui.labels import change_reason_label, status_label
from desktop.ui.palette import ALERT, GOOD

OUT_COLOUR = QColor(ALERT)  # losing a seat: the organiser must look twice
IN_COLOUR = QColor(GOOD)


def moves_out(change: StatusChange) -> bool:
    return holds_seat(change.old) and not holds_seat(change.new)


class StatusChangesDialog(QDialog):
    def __init__(self, changes: Sequence[StatusChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusChangesDialog")
        self.setWindowTitle(self.tr("確認錄取異動"))
        out = sorted((c for c in changes if moves_out(c)), key=lambda c: (c.session, c.name))
        into = [c for c in changes if not moves_out(c)]
        self.heading = QLabel(
            self.tr(
                "以下 {n} 人的錄取狀態會改變：移出名額 <b>{out}</b> 人，錄取 <b>{into}</b> 人。"
                "按「確認寫入」才會寫入；已報到的人不會被改變。"
            ).format(n=len(changes), out=len(out), into=len(into))
        )
        self.heading.setObjectName("statusChangesHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(changes), 5)
        self.table.setObjectName("statusChangesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("場次"),
                self.tr("姓名"),
                self.tr("原狀態"),
                self.tr("新狀態"),
                self.tr("原因"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        for i, change in enumerate([*out, *into]):  # who loses a seat first
            colour = OUT_COLOUR if moves_out(change) else IN_COLOUR
            cells = (
                change.session,
                change.name,
                status_label(change.old),
                status_label(change.new),
                change_reason_label(change.reason),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(QBrush(colour))
                self.table.setItem(i, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button = buttons.addButton(
            self.tr("確認寫入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("statusChangesConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        # As tall as the list (a long one scrolls), within a 768-pixel screen.
        rows = self.table.verticalHeader().defaultSectionSize() * max(len(changes), 3)
        self.resize(660, min(520, 150 + rows))
        self.confirm_button.setFocus()


def confirm_changes(changes: Sequence[StatusChange], parent: QWidget | None) -> bool:
    """True when there is nothing to confirm or the organiser confirmed the list."""
    if not changes:
        return True
    return StatusChangesDialog(changes, parent).exec() == QDialog.DialogCode.Accepted
