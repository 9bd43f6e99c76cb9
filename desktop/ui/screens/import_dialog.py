"""匯入報名資料: choose the export, check the column mapping, preview counts and every row's
problems, then write it all in one transaction (or nothing). The preview is the import's plan
(``plan_import``); 匯入 writes that same plan (``apply_import``), it does not import again.
When the import (with the admission rule, if ticked) would change anyone's status, the list of
who moves in and out is shown and the import is written only after 確認寫入."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.import_model import ImportSummary
from desktop.core.import_rows import ERROR
from desktop.core.importing import FIELDS, RawTable
from desktop.core.problems import CodedError
from desktop.services.events import SessionInfo
from desktop.services.importing import (
    ImportOutdated,
    PlannedImport,
    apply_import,
    import_mapping,
    plan_import,
    read_registration_file,
)
from desktop.ui.messages import error_text, field_label, word
from desktop.ui.palette import ALERT, GOOD
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.status_changes import confirm_changes, moves_out
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view


@dataclass(frozen=True)
class ProblemLine:
    """A line of the preview's problem list: a row's problem, or a merged duplicate."""

    row: int
    column: str
    handling: str  # 拒收 / 注意 / 合併
    text: str
    refused: bool


class ImportDialog(QDialog):
    def __init__(
        self, context: ScreenContext, sessions: list[SessionInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("匯入報名資料"))
        self.context = context
        self.sessions = sessions
        self.table: RawTable | None = None
        self.planned: PlannedImport | None = None
        self.committed: ImportSummary | None = None

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        # A typed or pasted path is read on Enter, as one chosen with 選擇檔案… (the field
        # looked editable but ignored typing).
        self.path_edit.setPlaceholderText(self.tr("報名表單匯出的 CSV（UTF-8 或 Big5）或 XLSX"))
        self.path_edit.returnPressed.connect(self._on_path_typed)
        browse = QPushButton(self.tr("選擇檔案…"))
        browse.clicked.connect(self.on_browse)
        self.session_choice = QComboBox()
        self.session_choice.setObjectName("importSession")
        self.session_choice.addItem(self.tr("依檔案中的「報名場次」"), None)
        for s in sessions:
            self.session_choice.addItem(s.name, s.id)
        self.session_choice.currentIndexChanged.connect(lambda _i: self.preview())
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("importPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("選填：以身分證字號比對已匯入的人"))
        self.passphrase.editingFinished.connect(self.preview)
        self.admit_after = QCheckBox(self.tr("匯入後依規則錄取（先來先錄取，名額與每機關上限）"))
        self.admit_after.setObjectName("importAdmitAfter")
        self.admit_after.setChecked(True)
        self.admit_after.toggled.connect(lambda _on: self.preview())

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("檔案"), file_row)
        form.addRow(self.tr("場次"), self.session_choice)
        form.addRow(self.tr("主辦單位密語"), self.passphrase)

        self.mapping_box = QGroupBox(self.tr("欄位對應（可修正，下次記住）"))
        grid = QGridLayout(self.mapping_box)
        self.mapping_combos: dict[str, QComboBox] = {}
        # Two fields a row: a form's column titles are whole questions (「是否需要公務人員終身
        # 學習時數」), cut to a third at four a row.
        for i, field in enumerate(FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.currentIndexChanged.connect(lambda _i: self.preview())
            self.mapping_combos[field] = combo
            grid.addWidget(QLabel(field_label(field)), i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
            grid.setColumnStretch((i % 2) * 2 + 1, 1)

        self.counts = QLabel(self.tr("請選擇檔案。"))
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)

        # A model, not an item per cell: a 10,000-row export with a defect in every fifth row
        # lists 2,000 problems, and the preview is redrawn at every change of the mapping.
        def refused(line: ProblemLine) -> str | None:
            return ALERT if line.refused else None

        self.problem_lines: RowTableModel[ProblemLine] = RowTableModel(
            [
                Column(self.tr("列"), lambda line: line.row, align_right=True),
                Column(self.tr("欄位"), lambda line: line.column),
                Column(self.tr("處理"), lambda line: line.handling, colour=refused),
                Column(self.tr("問題"), lambda line: line.text, colour=refused, elides=True),
            ],
            self,
        )
        self.problems = row_table_view(self.problem_lines, "importProblems")

        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button = self.buttons.addButton(
            self.tr("匯入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importCommit")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.admit_after)
        layout.addWidget(self.buttons)
        self.resize(940, 660)
        self._loading = False

    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("選擇報名資料"),
            "",
            self.tr("報名資料 (*.csv *.xlsx *.txt);;所有檔案 (*)"),
        )
        if path:
            self.load(Path(path))

    def _on_path_typed(self) -> None:
        typed = self.path_edit.text().strip().strip('"')
        if typed:
            self.load(Path(typed))

    def load(self, path: Path) -> bool:
        """Read the file and fill the mapping; False (with the reason shown) if unreadable."""
        self.path_edit.setText(str(path))
        self.table = None
        self.planned = None
        self.import_button.setEnabled(False)
        try:
            table = read_registration_file(path)
        except CodedError as exc:
            self._show_error(error_text(exc))
            return False
        self.table = table
        event_id = self.sessions[0].event_id if self.sessions else None
        mapping = import_mapping(self.context.db, table, event_id)
        self._loading = True
        for field, combo in self.mapping_combos.items():
            combo.clear()
            combo.addItem(self.tr("（不使用）"), -1)
            for i, header in enumerate(table.headers):
                combo.addItem(header or self.tr("第 {n} 欄").format(n=i + 1), i)
            combo.setCurrentIndex(combo.findData(mapping.get(field, -1)))
        self._loading = False
        self.preview()
        return True

    @property
    def summary(self) -> ImportSummary | None:
        """The preview shown: the plan that 匯入 writes."""
        return self.planned.summary if self.planned is not None else None

    def mapping(self) -> dict[str, int]:
        return {
            f: c.currentData()
            for f, c in self.mapping_combos.items()
            if c.currentData() is not None and c.currentData() >= 0
        }

    def set_mapping(self, field: str, header: str) -> None:
        combo = self.mapping_combos[field]
        combo.setCurrentIndex(combo.findText(header))

    def _session_id(self) -> int | None:
        data = self.session_choice.currentData()
        return data if isinstance(data, int) else None

    def _show_error(self, message: str) -> None:
        title = self.tr("無法匯入")
        self.counts.setText(f"<span style='color:{ALERT}'><b>{title}</b>：{message}</span>")
        self.problem_lines.set_rows(())
        self.import_button.setEnabled(False)

    def preview(self) -> ImportSummary | None:
        if self.table is None or self._loading:
            return None
        try:
            planned = plan_import(
                self.context.db,
                self.table,
                mapping=self.mapping(),
                session_id=self._session_id(),
                passphrase=self.passphrase.text() or None,
                admit=self.admit_after.isChecked(),
            )
        except CodedError as exc:
            self.planned = None
            self._show_error(error_text(exc))
            return None
        self._show_plan(planned)
        return planned.summary

    def _show_plan(self, planned: PlannedImport) -> None:
        self.planned = planned
        summary = planned.summary
        self._show_summary(summary)
        self.import_button.setEnabled(
            summary.imported + summary.updated + len(summary.missing) > 0 or summary.unchanged > 0
        )

    def _show_summary(self, s: ImportSummary) -> None:
        per_session = self.tr("、").join(f"{k} {v}" for k, v in s.per_session.items())
        self.counts.setText(
            self.tr(
                "<b>{file}</b>（{encoding}）讀取 <b>{read}</b> 列（空白列 {blank}）："
                "新增 <b>{new}</b>，更新 <b>{updated}</b>，不變 {same}，"
                "<span style='color:{alert}'>拒收 <b>{rejected}</b></span>，"
                "合併重複 {merged}，待確認 {flagged}，不在此次名單 {missing}{other}"
                "<br>{per_session}"
            ).format(
                alert=ALERT,
                file=s.source,
                encoding=s.encoding,
                read=s.rows_read,
                blank=s.blank_rows,
                new=s.imported,
                updated=s.updated,
                same=s.unchanged,
                rejected=len(s.rejected),
                merged=s.duplicates_merged,
                flagged=len(s.flagged),
                missing=len(s.missing),
                other=self.tr("，其他場次 {n} 列略過").format(n=s.other_sessions)
                if s.other_sessions
                else "",
                per_session=per_session,
            )
            + self._changes_text(s)
        )
        refused, noted, merged = self.tr("拒收"), self.tr("注意"), self.tr("合併")
        same_person = self.tr("與第 {row} 列是同一人，以較新的資料為準，保留第一次報名的順位")
        self.problem_lines.set_rows(
            [
                ProblemLine(
                    p.row,
                    p.column,
                    refused if p.severity == ERROR else noted,
                    word(p.outcome, **dict(p.params)),
                    p.severity == ERROR,
                )
                for p in s.problems()
            ]
            + [
                ProblemLine(m.merged_row, "", merged, same_person.format(row=m.kept_row), False)
                for m in s.merges
            ]
        )

    def _changes_text(self, s: ImportSummary) -> str:
        if not s.status_changes:
            return ""
        out = sum(1 for c in s.status_changes if moves_out(c))
        text = self.tr("錄取異動：錄取 {into} 人，移出名額 {out} 人（匯入前會列出請您確認）")
        text = text.format(into=len(s.status_changes) - out, out=out)
        colour = ALERT if out else GOOD
        return f"<br><span style='color:{colour}'>{text}</span>"

    def commit(self) -> ImportSummary | None:
        """Write the import (after the organiser confirmed the status changes it makes)."""
        if self.planned is None:
            return None
        changes = self.planned.summary.status_changes
        if not confirm_changes(changes, self):
            return None
        try:
            summary = apply_import(
                self.context.db, self.planned, actor=self.context.operator, expected=changes
            )
        except ImportOutdated as exc:
            # Someone checked in (or the roster changed) since the preview: show the new plan.
            self._show_plan(exc.planned)
            self.counts.setText(
                self.counts.text()
                + f"<br><span style='color:{ALERT}'>"
                + self.tr("名單在預覽後有變動，尚未匯入：請看過新的預覽後再按「匯入」。")
                + "</span>"
            )
            return None
        except CodedError as exc:
            self._show_error(error_text(exc))
            return None
        self.committed = summary
        self.accept()
        return summary
