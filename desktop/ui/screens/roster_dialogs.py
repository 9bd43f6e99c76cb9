"""The roster's person dialog: edit a registration or type a walk-in."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import mask_email, mask_phone
from desktop.services.roster import RosterRow


class PersonDialog(QDialog):
    """Edit a registration, or type a walk-in. The ID is write-only: typing replaces it."""

    def __init__(
        self, title: str, parent: QWidget, *, row: RosterRow | None, revealed: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("personDialog")
        self.name = QLineEdit(row.name if row else "")
        self.agency = QLineEdit(row.agency if row else "")
        self.unit = QLineEdit(row.unit if row else "")
        self.title_edit = QLineEdit(row.title if row else "")
        self.email = QLineEdit((row.email if revealed else "") if row else "")
        self.phone = QLineEdit((row.phone if revealed else "") if row else "")
        if row and not revealed:
            self.email.setPlaceholderText(
                self.tr("{v}（留空不變）").format(v=mask_email(row.email))
            )
            self.phone.setPlaceholderText(
                self.tr("{v}（留空不變）").format(v=mask_phone(row.phone))
            )
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(
            self.tr("{v}（留空不變）").format(v=row.id_mask)
            if row and row.id_mask
            else self.tr("未填")
        )
        self.lunch = QComboBox()
        for label, code in ((self.tr("葷"), "葷"), (self.tr("素"), "素"), (self.tr("不用餐"), "")):
            self.lunch.addItem(label, code)
        self.lunch.setCurrentIndex(max(self.lunch.findData(row.lunch if row else "葷"), 0))
        self.wants_hours = QCheckBox(self.tr("需要公務人員終身學習時數"))
        self.wants_hours.setChecked(row.wants_hours if row else False)
        self._revealed = revealed
        self._row = row
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("服務機關"), self.agency)
        form.addRow(self.tr("單位"), self.unit)
        form.addRow(self.tr("職稱"), self.title_edit)
        form.addRow(self.tr("電子郵件"), self.email)
        form.addRow(self.tr("聯絡電話"), self.phone)
        form.addRow(self.tr("身分證字號"), self.id_number)
        form.addRow(self.tr("用餐"), self.lunch)
        form.addRow("", self.wants_hours)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("確定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)  # a masked e-mail with 「（留空不變）」 read whole in English

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": self.name.text(),
            "agency": self.agency.text(),
            "unit": self.unit.text(),
            "title": self.title_edit.text(),
            "lunch": self.lunch.currentData(),
            "wants_hours": self.wants_hours.isChecked(),
            "id_number": self.id_number.text(),
        }
        for key, edit in (("email", self.email), ("phone", self.phone)):
            if edit.text() or self._row is None or self._revealed:
                values[key] = edit.text()
        return values
