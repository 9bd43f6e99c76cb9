"""議程編輯: the session's blocks in a table — add, edit, delete, move up and down — and the
plan's overlaps and gaps; ``BlockDialog`` edits one block. Changes go through the agenda
service; ``changed`` tells the agenda screen to read the day again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from db.models import BlockKind
from desktop.core.agenda_plan import PlanIssue
from desktop.services import agenda as service
from desktop.services.agenda import AgendaInputError, BlockInput
from desktop.services.events import AgendaRow, SessionInfo
from desktop.ui.elide import ColumnFit
from desktop.ui.labels import block_kind_label, yes_no
from desktop.ui.messages import error_text, word
from desktop.ui.palette import ALERT
from desktop.ui.screens.base import ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view

Clock = Callable[[], dt.datetime]


class BlockDialog(QDialog):
    """Add or edit one block; validation messages stay in the dialog until fixed."""

    def __init__(self, parent: QWidget, data: BlockInput | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaBlockDialog")
        self.setWindowTitle(self.tr("議程段落"))
        self.title = QLineEdit()
        self.title.setObjectName("blockTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("blockKind")
        for kind in BlockKind:
            self.kind.addItem(block_kind_label(kind.value), kind.value)
        self.start = QTimeEdit()
        self.start.setObjectName("blockStart")
        self.end = QTimeEdit()
        self.end.setObjectName("blockEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.speaker = QLineEdit()
        self.speaker.setObjectName("blockSpeaker")
        self.description = QPlainTextEdit()
        self.description.setObjectName("blockDescription")
        self.description.setMaximumHeight(80)
        self.counts = QCheckBox(self.tr("計入學習時數"))
        self.counts.setObjectName("blockCounts")
        self.errors = QLabel()
        self.errors.setObjectName("blockErrors")
        self.errors.setStyleSheet(f"color: {ALERT};")
        self.errors.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("標題"), self.title)
        form.addRow(self.tr("類型"), self.kind)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        form.addRow(self.tr("時間"), times)
        form.addRow(self.tr("主講人"), self.speaker)
        form.addRow(self.tr("說明"), self.description)
        form.addRow("", self.counts)
        form.addRow(self.errors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        data = data or BlockInput("", "talk", dt.time(9, 0), dt.time(10, 0))
        self.title.setText(data.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.start.setTime(QTime(data.start.hour, data.start.minute))
        self.end.setTime(QTime(data.end.hour, data.end.minute))
        self.speaker.setText(data.speaker)
        self.description.setPlainText(data.description)
        self.counts.setChecked(data.counts_for_hours)
        # check-in, breaks and lunch are not class time: changing the kind suggests the flag
        self.kind.currentIndexChanged.connect(
            lambda _i: self.counts.setChecked(
                self.kind.currentData() not in ("check_in", "break", "lunch")
            )
        )

    def value(self) -> BlockInput:
        start, end = self.start.time(), self.end.time()
        return BlockInput(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            start=dt.time(start.hour(), start.minute()),
            end=dt.time(end.hour(), end.minute()),
            speaker=self.speaker.text(),
            description=self.description.toPlainText(),
            counts_for_hours=self.counts.isChecked(),
        )

    def _on_ok(self) -> None:
        problems = service.validate_block(self.value())
        self.errors.setText("\n".join(error_text(p) for p in problems))
        if not problems:
            self.accept()


class AgendaEditor(QWidget):
    changed = Signal()  # a block was added, edited, removed or moved

    def __init__(self, context: ScreenContext, clock: Clock, report: Callable[[str], None]) -> None:
        super().__init__()
        self.context, self.clock, self.report = context, clock, report
        self.session: SessionInfo | None = None
        self.rows: tuple[AgendaRow, ...] = ()
        self._issue_rows: set[int] = set()
        self.editor_model: RowTableModel[AgendaRow] = RowTableModel(
            [
                Column(self.tr("時間"), lambda b: f"{b.planned_start:%H:%M}–{b.planned_end:%H:%M}"),
                Column(
                    self.tr("分鐘"),
                    lambda b: round((b.planned_end - b.planned_start).total_seconds() / 60),
                    align_right=True,
                ),
                Column(self.tr("議程"), lambda b: b.title, elides=True),
                Column(self.tr("類型"), lambda b: block_kind_label(b.kind)),
                Column(self.tr("主講人"), lambda b: b.speaker, elides=True),
                Column(self.tr("計入時數"), lambda b: yes_no(b.counts_for_hours)),
                Column(self.tr("提醒"), lambda b: "⚠" if b.id in self._issue_rows else ""),
            ]
        )
        self.editor_view = row_table_view(self.editor_model, "agendaEditorTable", single=True)
        # Titles and speakers give up width so 計入時數 and 提醒 stay in view (in English they
        # were pushed past the edge).
        self.editor_view.horizontalHeader().setStretchLastSection(False)
        self.column_fit = ColumnFit(self.editor_view, (2, 4))
        self.editor_view.doubleClicked.connect(lambda _i: self.edit_block())
        self.issues = QLabel()
        self.issues.setObjectName("agendaIssues")
        self.issues.setWordWrap(True)
        self.issues.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("新增…"), self.add_block, "agendaAdd"),
            (self.tr("編輯…"), self.edit_block, "agendaEdit"),
            (self.tr("刪除"), self.delete_block, "agendaDelete"),
            (self.tr("上移"), lambda: self.move_block(-1), "agendaUp"),
            (self.tr("下移"), lambda: self.move_block(1), "agendaDown"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.editor_view, 1)
        layout.addWidget(self.issues)

    def show_session(self, session: SessionInfo | None) -> None:
        self.session = session
        if session is None:
            self.rows = ()
            self.editor_model.set_rows(())
            self.issues.setText(self.tr("尚無場次。"))

    def _selected_editor_row(self) -> AgendaRow | None:
        indexes = self.editor_view.selectionModel().selectedRows()
        return self.editor_model.row_at(indexes[0].row()) if indexes else None

    def add_block(self) -> None:
        if self.session is None:
            return
        session_id = self.session.id
        dialog = BlockDialog(self)
        rows = self.rows
        if rows:
            last = rows[-1]
            dialog.start.setTime(QTime(last.planned_end.hour, last.planned_end.minute))
            dialog.end.setTime(QTime(last.planned_end.hour, last.planned_end.minute).addSecs(1800))
        if dialog.exec():
            self._edit(
                lambda: service.add_block(
                    self.context.db,
                    session_id,
                    dialog.value(),
                    actor=self.context.operator,
                    now=self.clock(),
                )
            )

    def edit_block(self) -> None:
        row = self._selected_editor_row()
        if row is None:
            return
        detail = service.get_block(self.context.db, row.id)
        dialog = BlockDialog(self, detail.as_input())
        if dialog.exec():
            self._edit(
                lambda: service.update_block(
                    self.context.db,
                    row.id,
                    dialog.value(),
                    actor=self.context.operator,
                    now=self.clock(),
                )
            )

    def delete_block(self) -> None:
        row = self._selected_editor_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("刪除段落"), self.tr("刪除「{title}」？").format(title=row.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._edit(
                lambda: service.delete_block(
                    self.context.db, row.id, actor=self.context.operator, now=self.clock()
                )
            )

    def move_block(self, offset: int) -> None:
        row = self._selected_editor_row()
        if row is None:
            return
        self._edit(
            lambda: service.move_block(
                self.context.db, row.id, offset, actor=self.context.operator, now=self.clock()
            )
        )
        for i in range(self.editor_model.rowCount()):
            if self.editor_model.row_at(i).id == row.id:
                self.editor_view.selectRow(i)

    def _edit(self, action: Callable[[], object]) -> None:
        try:
            action()
        except AgendaInputError as exc:
            self.report(error_text(exc))
            return
        self.changed.emit()

    def show_plan(self, rows: tuple[AgendaRow, ...]) -> None:
        self.rows = rows
        issues = service.plan_issues(rows)
        self._issue_rows = {i.block_id for i in issues}
        self.editor_model.set_rows(rows)
        if issues:
            lines = "<br>".join("⚠ " + _escape(_issue_text(i, rows)) for i in issues)
            self.issues.setText(f"<span style='color:#b26a00'>{lines}</span>")
        else:
            self.issues.setText(self.tr("議程時間連續，沒有重疊或空檔。"))


def _issue_text(issue: PlanIssue, rows: tuple[AgendaRow, ...]) -> str:
    outcome, params = service.issue_outcome(issue, rows)
    return word(outcome, **params)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
