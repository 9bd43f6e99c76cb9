"""文件: close the day — hours review with adjust-with-reason, the close-of-day PDFs (open in
the system viewer or print), and the learning-hours portal file.

Long documents are built in a worker thread with a progress dialog that can cancel; the
service writes to a temporary file and renames it only when the build finished.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop import paths
from desktop.core.idvault import WrongPassphrase
from desktop.core.problems import CodedError
from desktop.reports.fonts import GlyphProblem
from desktop.reports.portal_csv import PortalError, RowProblem, hours_text
from desktop.services import exports
from desktop.services.certificates import certificate_preview
from desktop.services.course import set_course_fields
from desktop.services.documents import DOCUMENTS, check_glyphs
from desktop.services.events import SessionInfo
from desktop.services.exports import DocumentResult
from desktop.services.hours import CloseDayError, DayReport, PersonHours, adjust_hours, day_report
from desktop.services.portal import portal_course_problems
from desktop.ui.messages import error_text, reasons_text, rule_text, word
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.screens.document_parts import (
    AdjustDialog,
    CertificatePreview,
    CourseDialog,
    CourseFieldValues,
    DocumentWorker,
    print_pdf_file,
)
from desktop.ui.tablemodel import Column, RowTableModel


class DocumentsScreen(Screen):
    action = "export.personal_data"

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("documents")
        self.report: DayReport | None = None
        self._thread: QThread | None = None
        self._worker: DocumentWorker | None = None
        self._progress: QProgressDialog | None = None
        self._after_build = "open"
        self.last_result: DocumentResult | None = None

        self.document = QComboBox()
        self.document.setObjectName("documentKind")
        for key, label in zip(
            DOCUMENTS,
            (self.tr("簽到表"), self.tr("出席紀錄"), self.tr("研習證明書"), self.tr("名牌")),
            strict=True,
        ):
            self.document.addItem(label, key)
        self.order = QComboBox()
        self.order.setObjectName("documentOrder")
        for key, label in (
            ("agency", self.tr("依機關")),
            ("table", self.tr("依桌號")),
            ("queue", self.tr("依報名順序")),
        ):
            self.order.addItem(label, key)
        self.check_button = QPushButton(self.tr("檢查缺字"))
        self.open_button = QPushButton(self.tr("產生並開啟 PDF"))
        self.print_button = QPushButton(self.tr("列印…"))
        self.save_button = QPushButton(self.tr("另存 PDF…"))
        self.export_button = QPushButton(self.tr("匯出時數檔 (Big5 CSV)…"))
        self.course_button = QPushButton(self.tr("課程欄位…"))
        self.course_button.setObjectName("courseFields")
        self.course_button.setToolTip(self.tr("入口網站的課程欄位、證書字號與用印、時數規則"))
        self.course_button.clicked.connect(self.edit_course_fields)
        self.preview_button = QPushButton(self.tr("預覽證書…"))
        self.preview_button.setObjectName("previewCertificate")
        self.preview_button.setToolTip(
            self.tr("以表格中選擇的學員（或第一位有時數者）預覽證書，不發字號")
        )
        self.preview_button.clicked.connect(self.preview_certificate)
        self.survey_button = QPushButton(self.tr("課後問卷…"))
        self.survey_button.setObjectName("surveyButton")
        self.survey_button.clicked.connect(self.open_survey)
        for name, button in (
            ("checkGlyphs", self.check_button),
            ("openPdf", self.open_button),
            ("printPdf", self.print_button),
            ("savePdf", self.save_button),
            ("exportHours", self.export_button),
        ):
            button.setObjectName(name)
        self.check_button.clicked.connect(self.check_glyphs)
        self.open_button.clicked.connect(lambda: self.start_build("open"))
        self.print_button.clicked.connect(lambda: self.start_build("print"))
        self.save_button.clicked.connect(self.save_as)
        self.export_button.clicked.connect(self.export_hours)
        self.status = QLabel()
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summary = QLabel()
        self.summary.setObjectName("hoursSummary")
        self.summary.setWordWrap(True)  # beside four buttons on a 1366-pixel laptop
        self.review_only = QCheckBox(self.tr("只顯示需複核"))
        self.review_only.setObjectName("reviewOnly")
        self.review_only.toggled.connect(self._fill)
        self.adjust_button = QPushButton(self.tr("調整時數…"))
        self.adjust_button.setObjectName("adjustButton")
        self.adjust_button.clicked.connect(self.adjust_selected)
        self.model: RowTableModel[PersonHours] = RowTableModel(
            [
                Column(self.tr("姓名"), lambda p: p.name),
                Column(self.tr("機關"), lambda p: p.agency),
                Column(self.tr("桌號"), lambda p: p.table, align_right=True),
                Column(
                    self.tr("簽到"), lambda p: "、".join(f"{i.start:%H:%M}" for i in p.intervals)
                ),
                Column(
                    self.tr("簽退"),
                    lambda p: "、".join(f"{i.end:%H:%M}" if i.end else "—" for i in p.intervals),
                ),
                Column(self.tr("時數"), lambda p: hours_text(p.hours), align_right=True),
                Column(self.tr("依據"), lambda p: rule_text(p.rule, p.schedule)),
                Column(
                    self.tr("說明"),
                    lambda p: (
                        self.tr("{reasons}（{adjustment}）").format(
                            reasons=reasons_text(p.reasons), adjustment=p.adjustment.reason
                        )
                        if p.adjustment
                        else reasons_text(p.reasons)
                    ),
                ),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("hoursTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.adjust_selected())

        docs = QHBoxLayout()
        docs.addWidget(QLabel(self.tr("文件")))
        docs.addWidget(self.document)
        docs.addWidget(QLabel(self.tr("排序")))
        docs.addWidget(self.order)
        docs.addStretch(1)
        # The commands on their own row: beside the two pickers, in English, they made the
        # screen wider than a 1280-pixel window.
        commands = QHBoxLayout()
        for button in (
            self.check_button,
            self.preview_button,
            self.open_button,
            self.print_button,
            self.save_button,
            self.survey_button,
        ):
            commands.addWidget(button)
        commands.addStretch(1)
        review = QHBoxLayout()
        review.addWidget(self.summary, 1)
        review.addWidget(self.review_only)
        review.addWidget(self.adjust_button)
        review.addWidget(self.course_button)
        review.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(docs)
        layout.addLayout(commands)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("<b>學習時數複核</b>")))
        layout.addLayout(review)
        layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("文件")

    # ------------------------------------------------------------------ hours review
    def show_session(self, session: SessionInfo | None) -> None:
        enabled = session is not None
        for w in (
            self.check_button,
            self.open_button,
            self.print_button,
            self.save_button,
            self.export_button,
            self.adjust_button,
            self.course_button,
            self.preview_button,
        ):
            w.setEnabled(enabled)
        if session is None:
            self.report = None
            self.summary.setText(self.tr("尚無場次。"))
            self.model.set_rows(())
            return
        try:
            self.report = day_report(self.context.db, session.id)
        except CloseDayError as exc:
            self.report = None
            self.summary.setText(error_text(exc))
            self.model.set_rows(())
            return
        self._fill()

    def _fill(self) -> None:
        if self.report is None:
            return
        r = self.report
        present = r.present()
        self.summary.setText(
            self.tr(
                "課程時數 {hours} 小時　名單 {people} 人　出席 {present} 人　全勤 {full} 人　"
                "需複核 {review} 人"
            ).format(
                hours=hours_text(r.course.course_hours),
                people=len(r.people),
                present=len(present),
                full=sum(1 for p in present if p.full),
                review=len(r.review()),
            )
        )
        self.model.set_rows(r.review() if self.review_only.isChecked() else r.people)

    def selected_person(self) -> PersonHours | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def adjust_selected(self) -> None:
        person = self.selected_person()
        if person is None or self.report is None:
            self.status.setText(self.tr("請先在表格中選擇一位學員。"))
            return
        dialog = AdjustDialog(
            person, self.report.course.course_hours, self.report.course.policy.step, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_adjustment(person, dialog.hours.value(), dialog.reason.text())

    def apply_adjustment(self, person: PersonHours, hours: float, reason: str) -> bool:
        try:
            adjust_hours(
                self.context.db,
                person.registration_id,
                hours,
                reason,
                actor=self.context.operator or self.context.desk,
            )
        except CloseDayError as exc:
            self.status.setText(error_text(exc))
            return False
        self.status.setText(
            self.tr("已調整 {name} 的時數為 {hours} 小時。").format(
                name=person.name, hours=hours_text(hours)
            )
        )
        self.refresh()
        return True

    # ------------------------------------------------------------------ course fields
    def edit_course_fields(self) -> None:
        if self.session is None or self.report is None:
            return
        CourseDialog(self.report.course, self.save_course_fields, self).exec()

    def save_course_fields(self, values: CourseFieldValues) -> str:
        """Save the dialog's values; returns the problem ("" when saved)."""
        if self.session is None:
            return ""
        try:
            set_course_fields(
                self.context.db,
                self.session.id,
                actor=self.context.operator or self.context.desk,
                **values,
            )
        except CloseDayError as exc:
            return error_text(exc)
        self.status.setText(self.tr("已儲存課程欄位與證書設定。"))
        self.refresh()
        return ""

    # ------------------------------------------------------------------ documents
    def preview_certificate(self) -> CertificatePreview | None:
        """Show the selected person's certificate (or the first with hours) before a batch."""
        if self.session is None or self.report is None:
            return None
        selected = self.selected_person()
        try:
            person, pdf = certificate_preview(
                self.context.db,
                self.session.id,
                selected.registration_id if selected is not None else None,
            )
        except CloseDayError as exc:
            self.status.setText(str(exc))
            return None
        dialog = CertificatePreview(
            person, person.full_attendance(self.report.course.course_hours), pdf, self
        )
        dialog.open()
        return dialog

    def current_document(self) -> str:
        return str(self.document.currentData())

    def check_glyphs(self) -> str:
        if self.session is None:
            return ""
        text = self._glyph_text(
            check_glyphs(self.context.db, self.session.id, self.current_document())
        )
        self.status.setText(text)
        return text

    def _glyph_text(self, problems: tuple[GlyphProblem, ...]) -> str:
        if not problems:
            text = self.tr("缺字檢查：所有姓名與機關都能以內嵌字型印出。")
        else:
            lines = [
                self.tr("{text}：缺「{missing}」").format(text=p.text, missing=p.missing)
                + (
                    self.tr("（備用字型也沒有，會印成空白框）")
                    if p.unresolved
                    else self.tr("（以備用字型印出）")
                )
                for p in problems
            ]
            text = self.tr("缺字檢查：") + "；".join(lines)
        return text

    def output_path(self) -> Path:
        assert self.session is not None
        return paths.proposed_file(f"{self.session.name}-{self.current_document()}", ".pdf")

    def save_as(self) -> None:
        if self.session is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存 PDF"), str(self.output_path()), "PDF (*.pdf)"
        )
        if name:
            self.start_build("none", Path(name))

    def start_build(self, after: str, target: Path | None = None) -> None:
        """Build the chosen document in a worker thread; ``after`` is open/print/none."""
        if self.session is None or self._thread is not None:
            return
        self._after_build = after
        self._thread = QThread(self)
        self._worker = DocumentWorker(
            self.context.db,
            self.session.id,
            self.current_document(),
            target or self.output_path(),
            str(self.order.currentData()),
            self.context.operator or self.context.desk,
            overwrite=target is not None,  # a name from the save dialog, which asked
        )
        self._worker.moveToThread(self._thread)
        self._progress = QProgressDialog(self.tr("正在產生 PDF…"), self.tr("取消"), 0, 0, self)
        self._progress.setObjectName("documentProgress")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(self._worker.cancel)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.locked.connect(self._on_locked)
        self._worker.cancelled.connect(self._on_cancelled)
        self._thread.started.connect(self._worker.run)
        self.status.setText(self.tr("產生中…"))
        self._thread.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _finish_thread(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None
        if self._worker is not None:
            self._worker.deleteLater()
            self._worker = None

    @Slot(object)
    def _on_finished(self, result: DocumentResult) -> None:
        self._finish_thread()
        self.last_result = result
        # The glyph check comes with the build: it checked exactly the text drawn.
        self.status.setText(
            self.tr("已產生 {path}（{people} 人）").format(path=result.path, people=result.rows)
            + "　"
            + self._glyph_text(result.missing_glyphs)
        )
        if self._after_build == "open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        elif self._after_build == "print":
            self.print_pdf(result.path)
        self.refresh()  # certificates add serials

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish_thread()
        self.status.setText(self.tr("無法產生文件：") + message)

    @Slot(str, object)
    def _on_locked(self, message: str, another: Path) -> None:
        """The file chosen in the save dialog is open in another program: say so and offer
        the dialog again with another name."""
        self._finish_thread()
        self.status.setText(self.tr("無法產生文件：") + message)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存 PDF（原檔正在其他程式中開啟）"), str(another), "PDF (*.pdf)"
        )
        if name:
            self.start_build(self._after_build, Path(name))

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish_thread()
        self.status.setText(self.tr("已取消，未寫入任何檔案。"))

    def print_pdf(self, path: Path) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_pdf_file(path, printer)
        self.status.setText(self.tr("已送出列印 {pages} 頁。").format(pages=pages))

    # ------------------------------------------------------------------ portal file
    def layout_names(self, *, short: bool = False) -> dict[str, str]:
        """The two portal layouts, named in words (the CLI's ``full`` / ``opened``)."""
        if short:
            return {"full": self.tr("完整欄位"), "opened": self.tr("已開課")}
        return {
            "full": self.tr("完整欄位（完整課程資料，25 欄）"),
            "opened": self.tr("已開課（已開班課程，17 欄）"),
        }

    def open_survey(self) -> None:
        """The questionnaire: template, open/close, paper forms, its results among these papers."""
        if self.session is None:
            return
        from desktop.ui.survey_dialog import SurveyDialog

        actor = self.context.operator or self.context.desk
        SurveyDialog(self.context.db, self.session.id, actor, self).open()

    def export_hours(self) -> None:
        """Course fields first (filled right here when missing), then the layout, the
        passphrase and the file name: nothing is asked that a missing field would waste."""
        if self.session is None or self.report is None:
            return
        problems = portal_course_problems(self.report.course)
        while all(problems.values()):
            if not self._offer_course_fields(problems):
                return
            problems = portal_course_problems(self.report.course)
        layout = self._choose_layout(problems)
        if layout is None:
            return
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("主辦單位密語"),
            self.tr("讀取身分證字號需要主辦單位密語："),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("匯出時數檔"),
            str(paths.proposed_file(f"{self.session.name}-時數", ".csv")),
            "CSV (*.csv)",
        )
        if name:
            self.write_portal_file(layout, passphrase, Path(name))

    def _offer_course_fields(self, problems: dict[str, list[PortalError]]) -> bool:
        """Say what the course fields lack and open them; False when the operator declines."""
        names = self.layout_names(short=True)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("匯出時數檔"),
            self.tr("匯出時數檔前，請先填好課程欄位：")
            + "\n"
            + "\n".join(
                self.tr("{layout}：{problems}").format(
                    layout=names[layout], problems=error_text(PortalError.of(lack))
                )
                for layout, lack in problems.items()
            ),
            parent=self,
        )
        fill = box.addButton(self.tr("填寫課程欄位…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not fill:
            return False
        # export_hours read the report before asking
        return CourseDialog(self.report.course, self.save_course_fields, self).exec() == (  # type: ignore[union-attr]
            QDialog.DialogCode.Accepted
        )

    def _choose_layout(self, problems: dict[str, list[PortalError]]) -> str | None:
        """The layouts whose fields are complete; a layout still lacking fields is named."""
        names, short = self.layout_names(), self.layout_names(short=True)
        ready = [layout for layout, lack in problems.items() if not lack]
        note = "".join(
            "\n"
            + self.tr("「{name}」尚缺：{lack}（按「課程欄位…」填寫）").format(
                name=short[layout], lack=error_text(PortalError.of(lack))
            )
            for layout, lack in problems.items()
            if lack
        )
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("時數檔格式"),
            self.tr("格式") + note,
            [names[layout] for layout in ready],
            0,
            False,
        )
        return ready[[names[layout] for layout in ready].index(choice)] if ok else None

    @staticmethod
    def _skipped_text(problem: RowProblem) -> str:
        """Why a person's row is not in the portal file; 0 hours' reasons in the window's
        words (the row carries them as codes)."""
        params = dict(problem.params)
        if "reason_codes" in params:
            codes = params["reason_codes"]
            params["reasons"] = reasons_text(codes if isinstance(codes, tuple) else ()) or "—"
        return word(problem.outcome, **params)

    def write_portal_file(self, layout: str, passphrase: str, target: Path) -> str:
        assert self.session is not None
        try:
            result = exports.portal_hours(
                self.context.db, self.session.id, layout, passphrase, target, overwrite=True
            )
        except WrongPassphrase:
            text = self.tr("密語不正確。")
        except PortalError as exc:
            text = self.tr("無法匯出：") + error_text(exc) + self.tr("（請按「課程欄位…」填寫）")
        except (CodedError, OSError) as exc:
            text = self.tr("無法匯出：") + error_text(exc)
        else:
            lines = [
                self.tr("第 {row} 列 {name}：{detail}").format(
                    row=p.row, name=p.name, detail=self._skipped_text(p)
                )
                for p in result.skipped
            ]
            text = self.tr("已寫入 {n} 列至 {path}。").format(n=result.written, path=target)
            if lines:
                text = (
                    self.tr("以下 {n} 列無法寫入，請修正或於入口網站手動輸入：\n").format(
                        n=len(lines)
                    )
                    + "\n".join(lines)
                    + "\n\n"
                    + text
                )
                QMessageBox.warning(self, self.tr("時數檔"), text)
        self.status.setText(text)
        return text
