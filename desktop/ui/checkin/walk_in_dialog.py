"""現場報名 at the desk."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.ids import IdProblem, id_problem, normalize_id
from desktop.services import checkin as service
from desktop.services.walkins import WalkInError, WalkInResult, add_walk_in
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT


class WalkInDialog(QDialog):
    """現場報名: the few fields needed; the ID only when the person wants learning hours."""

    def __init__(
        self, db: Database, session_id: int, actor: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("現場報名"))
        self.db, self.session_id, self.actor = db, session_id, actor
        self.result_value: WalkInResult | None = None
        self._warned_for: tuple[bool, str] | None = None
        self.name = QLineEdit()
        self.agency = QLineEdit()
        self.title_field = QLineEdit()
        self.phone = QLineEdit()
        self.wants_hours = QCheckBox(self.tr("需要公務人員終身學習時數"))
        self.id_number = QLineEdit()
        self.id_number.setEnabled(False)
        self.id_number.setPlaceholderText(self.tr("需要時數才填"))
        self.wants_hours.toggled.connect(self.id_number.setEnabled)
        self.lunch = QComboBox()
        for label, value in ((self.tr("葷"), "葷"), (self.tr("素"), "素"), (self.tr("不用餐"), "")):
            self.lunch.addItem(label, value)  # shown in the window's language, stored as on paper
        self.capacity_label = QLabel()
        self.capacity_label.setObjectName("capacityWarning")
        self.capacity_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(f"color:{ALERT};")
        self.error.setWordWrap(True)
        self.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("服務機關"), self.agency)
        form.addRow(self.tr("職稱"), self.title_field)
        form.addRow(self.tr("聯絡電話"), self.phone)
        form.addRow("", self.wants_hours)
        form.addRow(self.tr("身分證字號"), self.id_number)
        form.addRow(self.tr("用餐"), self.lunch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("加入並報到"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.capacity_label)
        self.column.addLayout(form)
        self.column.addWidget(self.error)
        self.column.addWidget(self.buttons)
        taken, capacity = service.session_seats(db, session_id)
        self.over = taken + 1 > capacity
        if self.over:
            self.capacity_label.setText(
                self.tr(
                    "⚠ 名額已滿：已錄取與現場報名共 {taken} 人，名額 {capacity}。"
                    "加入後將超過名額 {over} 人。"
                ).format(taken=taken, capacity=capacity, over=taken + 1 - capacity)
            )
            self.capacity_label.setStyleSheet(f"color:{ALERT}; font-weight:bold;")
        else:
            self.capacity_label.setText(
                self.tr("名額：已用 {taken} / {capacity}").format(taken=taken, capacity=capacity)
            )

    def id_warning(self) -> str:
        """What is wrong with the ID of a person who wants hours ("" when nothing is). The
        person is standing at the desk: this is the moment to get it right."""
        if not self.wants_hours.isChecked():
            return ""
        problem = id_problem(self.id_number.text())
        if problem is None:
            return ""
        again = self.tr("確定照此加入請再按一次「加入並報到」（之後由主辦單位補正）。")
        if problem == IdProblem.MISSING:
            return self.tr("需要時數須填身分證字號，否則無法登錄時數。") + again
        if problem == IdProblem.BAD_FORMAT:
            return self.tr("身分證字號格式不對（1 個英文字母加 9 碼），請再核對。") + again
        return self.tr("身分證字號檢查碼不符，可能打錯一碼，請再核對。") + again

    def submit(self) -> None:
        warning = self.id_warning()
        typed = (self.wants_hours.isChecked(), normalize_id(self.id_number.text()))
        if warning and self._warned_for != typed:
            self._warned_for = typed  # the same input, confirmed by a second click, is added
            self._say(warning)
            self.id_number.setFocus()
            return
        try:
            self.result_value = add_walk_in(
                self.db,
                self.session_id,
                name=self.name.text(),
                agency=self.agency.text(),
                title=self.title_field.text(),
                phone=self.phone.text(),
                wants_hours=self.wants_hours.isChecked(),
                id_number=self.id_number.text() or None,
                lunch=self.lunch.currentData(),
                actor=self.actor,
            )
        except (WalkInError, ValueError) as exc:
            self._say(error_text(exc))
            return
        self.accept()

    def _say(self, text: str) -> None:
        """Show ``text`` under the fields; a warning that wraps to three lines grows the dialog
        (word-wrapped labels are not part of a layout's minimum size) instead of squashing
        every field."""
        self.error.setText(text)
        needed = self.column.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)
