"""作廢報到紀錄: undo an earlier check-in or sign-out, with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.services import checkin as service
from desktop.services import checkin_log
from desktop.ui.checkin.log_dialog import log_columns, log_view
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT
from desktop.ui.tablemodel import Column, RowTableModel


class VoidDialog(QDialog):
    """作廢報到紀錄: pick an earlier check-in or sign-out and give the reason."""

    def __init__(
        self, db: Database, session_id: int, desk: str, operator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voidDialog")
        self.setWindowTitle(self.tr("作廢報到紀錄"))
        self.resize(720, 480)
        self.db, self.desk, self.operator = db, desk, operator
        self.voided: checkin_log.VoidResult | None = None
        rows = [
            r
            for r in checkin_log.list_log(db, session_id)
            if r.action in ("in", "out") and not r.voided
        ]
        self.model: RowTableModel[checkin_log.LogRow] = RowTableModel(
            log_columns(
                Column(
                    self.tr("動作"),
                    lambda r: self.tr("報到") if r.action == "in" else self.tr("簽退"),
                )
            )
        )
        self.model.set_rows(rows)
        self.view = log_view(self.model)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("作廢原因（必填），例如：刷錯人、重複刷卡"))
        self.error = QLabel()
        self.error.setStyleSheet(f"color:{ALERT};")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("作廢"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("紀錄不會被刪除：作廢會新增一筆作廢紀錄並註明原因。")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def selected(self) -> checkin_log.LogRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.selected() is not None and bool(self.reason.text().strip()))

    def submit(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.voided = checkin_log.void(
                self.db, row.id, self.reason.text(), desk=self.desk, operator=self.operator
            )
        except service.CheckInError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
