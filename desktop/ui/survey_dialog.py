"""課後問卷 in the window: the organiser edits the template before opening, opens and closes the
questionnaire, types paper forms, exports the results with the closing papers and puts them
on the projector. Everything goes through ``desktop.services.survey`` and the export service;
the dialog only shows what they return."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop import paths
from desktop.core.problems import CodedError
from desktop.core.survey import SCALE_LABELS, SCORES, Item, Kind, SurveyStatus
from desktop.services import survey as svc
from desktop.services.vote import paper_voters
from desktop.ui.elide import fit_combo
from desktop.ui.labels import scale_label, with_detail
from desktop.ui.messages import error_text
from desktop.ui.survey_projector import SurveyProjector


class SurveyDialog(QDialog):
    def __init__(
        self, db: Database, session_id: int, actor: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyDialog")
        self.setWindowTitle(self.tr("課後問卷"))
        self.db, self.session_id, self.actor = db, session_id, actor
        self.projector: SurveyProjector | None = None
        self.status = QLabel()
        self.status.setObjectName("surveyStatus")
        self.items_list = QListWidget()
        self.items_list.setObjectName("surveyItems")
        self.new_text = QLineEdit()
        self.new_text.setObjectName("surveyNewText")
        self.new_text.setPlaceholderText(self.tr("新題目的文字"))
        self.new_kind = QComboBox()
        self.new_kind.setObjectName("surveyNewKind")
        self.new_kind.addItem(self.tr("五點量表"), Kind.SCALE.value)
        self.new_kind.addItem(self.tr("開放題"), Kind.TEXT.value)
        fit_combo(self.new_kind)
        self.add_button = self._button(self.tr("新增題目"), "surveyAdd", self._add)
        self.remove_button = self._button(self.tr("移除所選題目"), "surveyRemove", self._remove)
        self.rename_button = self._button(self.tr("修改所選題目"), "surveyRename", self._rename)
        self.new_text.setToolTip(self.tr("新增或修改題目時的文字"))
        # The item's text on a row of its own, the commands below it: on one row, in English,
        # the text field was left 28 px wide and the kind picker was cut.
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.new_text, 1)
        edit_row.addWidget(self.new_kind)
        item_commands = QHBoxLayout()
        item_commands.addWidget(self.add_button)
        item_commands.addWidget(self.rename_button)
        item_commands.addWidget(self.remove_button)
        item_commands.addStretch(1)

        self.open_button = self._button(self.tr("開放作答"), "surveyOpen", self._open)
        self.close_button = self._button(self.tr("結束問卷"), "surveyClose", self._close)
        self.paper_button = self._button(self.tr("輸入紙本問卷…"), "surveyPaper", self.type_paper)
        self.project_button = self._button(
            self.tr("投影結果"), "surveyProject", self.show_projector
        )
        run_row = QHBoxLayout()
        for b in (self.open_button, self.close_button, self.paper_button, self.project_button):
            run_row.addWidget(b)

        export = QGroupBox(self.tr("結果檔（結訓文件）"))
        self.all_sessions = QCheckBox(self.tr("全部場次並列"))
        self.all_sessions.setObjectName("surveyAllSessions")
        self.pdf_button = self._button(
            self.tr("匯出 PDF…"), "surveyPdf", lambda: self.export("pdf")
        )
        self.xlsx_button = self._button(
            self.tr("匯出 Excel…"), "surveyXlsx", lambda: self.export("xlsx")
        )
        export_row = QHBoxLayout(export)
        export_row.addWidget(self.all_sessions)
        export_row.addStretch(1)
        export_row.addWidget(self.pdf_button)
        export_row.addWidget(self.xlsx_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.items_list, 1)
        layout.addLayout(edit_row)
        layout.addLayout(item_commands)
        layout.addLayout(run_row)
        layout.addWidget(export)
        self.resize(640, 560)
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def refresh(self, state: svc.SurveyState | None = None) -> None:
        state = state or svc.survey_state(self.db, self.session_id)
        self.state = state
        labels = {
            "none": self.tr("尚未開放（標準範本）"),
            SurveyStatus.DRAFT: self.tr("草稿"),
            SurveyStatus.OPEN: self.tr("作答中"),
            SurveyStatus.CLOSED: self.tr("已結束"),
        }
        self.status.setText(
            self.tr("{status}　回覆 {r}／已報到 {c}").format(
                status=labels.get(state.status, state.status), r=state.responses, c=state.checked_in
            )
        )
        self.items_list.clear()
        for number, item in enumerate(state.items, start=1):
            kind = self.tr("量表") if item.kind == Kind.SCALE else self.tr("開放題")
            self.items_list.addItem(f"{number}. " + with_detail(item.text, kind))
        editable = state.status in ("none", SurveyStatus.DRAFT)
        for w in (
            self.new_text,
            self.new_kind,
            self.add_button,
            self.rename_button,
            self.remove_button,
        ):
            w.setEnabled(editable)
        self.open_button.setEnabled(editable)
        self.close_button.setEnabled(state.status == SurveyStatus.OPEN)
        self.paper_button.setEnabled(state.status == SurveyStatus.OPEN)
        for w in (self.project_button, self.pdf_button, self.xlsx_button):
            w.setEnabled(state.closed)

    def _run(self, action: Callable[[], svc.SurveyState]) -> bool:
        try:
            self.refresh(action())
        except CodedError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
            return False
        return True

    # --- the template (before opening) ------------------------------------------------------
    def _add(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        taken = {i.id for i in self.state.items}
        number = len(taken) + 1
        while f"q{number}" in taken:
            number += 1
        item = Item(f"q{number}", text, Kind(self.new_kind.currentData()))
        items = self.state.items + (item,)
        if self._run(lambda: svc.set_template(self.db, self.session_id, items, actor=self.actor)):
            self.new_text.clear()

    def _rename(self) -> None:
        """The selected item gets the text typed in the new item's box (its id and kind stay,
        so answers keep their meaning)."""
        row, text = self.items_list.currentRow(), self.new_text.text().strip()
        if row < 0 or not text:
            return
        old = self.state.items[row]
        items = (
            self.state.items[:row] + (Item(old.id, text, old.kind),) + self.state.items[row + 1 :]
        )
        if self._run(lambda: svc.set_template(self.db, self.session_id, items, actor=self.actor)):
            self.new_text.clear()

    def _remove(self) -> None:
        row = self.items_list.currentRow()
        if row < 0 or len(self.state.items) <= 1:
            return
        items = self.state.items[:row] + self.state.items[row + 1 :]
        self._run(lambda: svc.set_template(self.db, self.session_id, items, actor=self.actor))

    # --- running it ---------------------------------------------------------------------------
    def _open(self) -> None:
        self._run(lambda: svc.open_survey(self.db, self.session_id, actor=self.actor))

    def _close(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("結束後不能再填寫，誰填了哪一份的紀錄會被清除。確定結束？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: svc.close_survey(self.db, self.session_id, actor=self.actor))

    def type_paper(self) -> PaperFormDialog:
        dialog = PaperFormDialog(self.db, self.session_id, self.state.items, self.actor, self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def export(self, fmt: str, target: Path | None = None) -> Path | None:
        """The results file among the closing papers (``exports.survey_results``)."""
        from desktop.services import exports
        from desktop.services.events import event_of_session

        ids: tuple[int, ...] = (self.session_id,)
        if self.all_sessions.isChecked():
            course = event_of_session(self.db, self.session_id)
            ids = tuple(s.id for s in course.sessions if svc.survey_state(self.db, s.id).closed)
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.windowTitle(),
                str(paths.data_dir() / f"{self.state.session_name}-課後問卷.{fmt}"),
                "PDF (*.pdf)" if fmt == "pdf" else "Excel (*.xlsx)",
            )
            if not name:
                return None
            target = Path(name)
        try:
            written = exports.survey_results(self.db, ids, target, overwrite=True)
        except CodedError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        self.status.setText(self.tr("已匯出 {path}").format(path=written.path))
        return written.path

    def show_projector(self) -> SurveyProjector:
        if self.projector is None:
            self.projector = SurveyProjector()
        self.projector.set_state(svc.survey_state(self.db, self.session_id))
        self.projector.show()
        self.projector.raise_()
        return self.projector

    def done(self, result: int) -> None:
        if self.projector is not None:
            self.projector.close()
            self.projector = None
        super().done(result)


class PaperFormDialog(QDialog):
    """One paper form typed at the desk: who handed it in, then an answer per item."""

    def __init__(
        self,
        db: Database,
        session_id: int,
        items: tuple[Item, ...],
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyPaperDialog")
        self.setWindowTitle(self.tr("輸入紙本問卷"))
        self.db, self.session_id, self.items, self.actor = db, session_id, items, actor
        self.person = QComboBox()
        self.person.setObjectName("surveyPerson")
        for p in paper_voters(db, session_id):  # the checked-in people, as for paper ballots
            self.person.addItem(with_detail(p.name, p.agency), p.registration_id)
        form = QFormLayout()
        form.addRow(self.tr("填寫人："), self.person)
        self.fields: dict[str, QComboBox | QLineEdit] = {}
        for item in items:
            field: QComboBox | QLineEdit
            if item.kind == Kind.SCALE:
                field = QComboBox()
                field.addItem(self.tr("未填"), None)
                for score, label in zip(SCORES, SCALE_LABELS, strict=True):
                    field.addItem(f"{score} {scale_label(label)}", score)
            else:
                field = QLineEdit()
            field.setObjectName(f"surveyAnswer_{item.id}")
            self.fields[item.id] = field
            form.addRow(item.text, field)
        self.outcome = QLabel()
        self.outcome.setObjectName("surveyPaperResult")
        self.outcome.setWordWrap(True)
        self.save_button = QPushButton(self.tr("登錄這份問卷"))
        self.save_button.setObjectName("surveyPaperSave")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.save_button)

    def answers(self) -> dict[str, object]:
        found: dict[str, object] = {}
        for key, field in self.fields.items():
            if isinstance(field, QComboBox):
                if field.currentData() is not None:
                    found[key] = int(field.currentData())
            elif field.text().strip():
                found[key] = field.text()
        return found

    def save(self) -> None:
        if self.person.currentData() is None:
            self.outcome.setText(self.tr("還沒有人報到，無法登錄問卷。"))
            return
        try:
            done = svc.answer(
                self.db,
                self.session_id,
                int(self.person.currentData()),
                self.answers(),
                paper_by=self.actor or "desk",
            )
        except CodedError as exc:
            self.outcome.setText(error_text(exc))
            return
        self.outcome.setText(
            self.tr("已取代這個人先前的回覆。") if done.replaced else self.tr("已登錄。")
        )
        for field in self.fields.values():
            if isinstance(field, QComboBox):
                field.setCurrentIndex(0)
            else:
                field.clear()
