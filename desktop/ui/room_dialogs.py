"""The desk's two windows onto the room page: one person's room code (show it, replace a lost
one) and the session's handouts (add, remove).

Both are thin: the work is ``desktop.services.room`` and ``desktop.services.handouts``. The
code is shown only here, for the person standing at the desk, never on the projector.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.handouts import MAX_FILE, MAX_SESSION
from desktop.core.problems import CodedError
from desktop.services import handouts as store
from desktop.services import room
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view


class RoomCodeDialog(QDialog):
    """房間碼: the person's code in large type; 更換 gives a new one (the old one and the
    devices signed in with it stop working at once)."""

    def __init__(
        self,
        db: Database,
        session_id: int,
        registration_id: int,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roomCodeDialog")
        self.setWindowTitle(self.tr("房間碼"))
        self.db, self.session_id, self.actor = db, session_id, actor
        self.person = str(registration_id)
        self.name_label = QLabel()
        self.code_label = QLabel()
        self.code_label.setObjectName("roomCode")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(28)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "請與會者用手機開啟投影幕上的網址，輸入這組房間碼登入。"
                "更換後，舊的房間碼與用它登入的裝置立即失效。"
            )
        )
        hint.setWordWrap(True)
        self.replace_button = QPushButton(self.tr("更換房間碼…"))
        self.replace_button.setObjectName("roomCodeReplace")
        self.replace_button.clicked.connect(self.replace)
        self.print_button = QPushButton(self.tr("列印…"))
        self.print_button.setObjectName("roomCodePrint")
        self.print_button.clicked.connect(self.print_slip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.code_label)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.shown: room.RoomCode | None = None
        try:
            self._show(room.show_code(db, session_id, self.person, actor=actor))
        except CodedError as exc:
            self.name_label.setText(error_text(exc))
            self.replace_button.setEnabled(False)
            self.print_button.setEnabled(False)

    def _show(self, code: room.RoomCode) -> None:
        self.shown = code
        self.name_label.setText(
            self.tr("{name}（報名編號 {id}）").format(name=code.name, id=code.registration_id)
        )
        self.code_label.setText(code.code)

    def replace(self, *, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("更換房間碼"),
                self.tr("舊的房間碼將立即失效，用它登入的裝置也要重新登入。要更換嗎？"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._show(room.replace_code(self.db, self.session_id, self.person, actor=self.actor))

    def print_slip(self) -> None:
        """A slip with the code for a walk-in or a lost badge, on the printer chosen."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.paint_slip(printer)

    def paint_slip(self, device: QPagedPaintDevice) -> None:
        """Name, session, the code in large type and how to use it, at the top of a page
        (cut it off; it is the size of a badge)."""
        if self.shown is None:
            return
        painter = QPainter(device)
        try:
            dpi = device.logicalDpiY()
            width = min(device.width(), int(3.6 * dpi))  # 9 cm, a badge's width
            y = 0.0
            for text, points, bold in (
                (f"{self.shown.name}　{self.shown.session}", 12, False),
                (self.tr("房間碼"), 10, False),
                (self.shown.code, 26, True),
                (
                    self.tr("手機開啟投影幕上的網址（…/me），輸入房間碼登入。"),
                    9,
                    False,
                ),
            ):
                font = QFont(self.font())
                font.setPointSize(points)
                font.setBold(bold)
                painter.setFont(font)
                height = painter.fontMetrics().height() * (2 if points == 9 else 1) + dpi * 0.05
                box = QRectF(0, y, width, height)
                painter.drawText(box, int(Qt.TextFlag.TextWordWrap), text)
                y += height
        finally:
            painter.end()


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class HandoutsDialog(QDialog):
    """講義: the session's files for the room page; add PDF, PPTX, DOCX or ZIP, remove one."""

    def __init__(
        self, db: Database, session_id: int, actor: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoutsDialog")
        self.setWindowTitle(self.tr("講義"))
        self.db, self.session_id, self.actor = db, session_id, actor
        self.model: RowTableModel[store.HandoutInfo] = RowTableModel(
            [
                Column(self.tr("標題"), lambda h: h.title),
                Column(self.tr("檔名"), lambda h: h.file_name),
                Column(self.tr("大小"), lambda h: _size(h.size), align_right=True),
            ]
        )
        self.view = row_table_view(self.model, "handoutsTable", single=True)
        self.total = QLabel()
        self.error = QLabel()
        self.error.setObjectName("handoutsError")
        self.error.setStyleSheet(f"color:{ALERT};")
        self.error.setWordWrap(True)
        self.add_button = QPushButton(self.tr("新增檔案…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(640, 380)
        self.reload()

    def reload(self) -> None:
        rows = store.list_handouts(self.db, self.session_id)
        self.model.set_rows(rows)
        self.total.setText(
            self.tr("共 {n} 份，{size}（每檔上限 {file}，每場次上限 {session}）").format(
                n=len(rows),
                size=_size(sum(h.size for h in rows)),
                file=_size(MAX_FILE),
                session=_size(MAX_SESSION),
            )
        )
        self.remove_button.setEnabled(bool(rows))

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("新增講義"),
            "",
            self.tr("講義 (*.pdf *.pptx *.docx *.zip)"),
        )
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Add each file; the ones refused are named with the reason, the others are kept."""
        problems = []
        for path in paths:
            try:
                store.add_handout(self.db, self.session_id, path, actor=self.actor)
            except CodedError as exc:
                problems.append(error_text(exc))
        self.error.setText("\n".join(problems))
        self.reload()

    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.model.row_at(rows[0].row())
        store.remove_handout(self.db, self.session_id, chosen.id, actor=self.actor)
        self.error.clear()
        self.reload()
