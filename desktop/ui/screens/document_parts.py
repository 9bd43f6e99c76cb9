"""The 文件 screen's parts: the worker that builds a document off the GUI thread, the
certificate preview, the adjust-hours and course-fields dialogs, and printing a PDF."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QObject,
    QRectF,
    QSize,
    Signal,
    Slot,
)
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.atomicfile import FileInUse
from desktop.core.filenames import numbered
from desktop.core.hours import MISSING_SIGN_OUT_NAMES, MISSING_SIGN_OUT_OPTIONS
from desktop.core.problems import CodedError
from desktop.core.vocabulary import CONTEXT as VOCABULARY
from desktop.reports.docparts import Cancelled
from desktop.reports.portal_csv import hours_text
from desktop.services import exports
from desktop.services.certificates import DEFAULT_BODY, DEFAULT_SERIAL_PATTERN
from desktop.services.course import images_json
from desktop.services.hours import CourseInfo, PersonHours
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT

if TYPE_CHECKING:  # QtPrintSupport is loaded when printing
    from PySide6.QtPrintSupport import QPrinter


class DocumentWorker(QObject):
    """Builds one document off the GUI thread; ``cancel()`` stops it at the next page."""

    progressed = Signal(int, int)
    finished = Signal(object)  # DocumentResult
    failed = Signal(str)
    locked = Signal(str, object)  # the chosen file is open elsewhere: why, a name to offer
    cancelled = Signal()

    def __init__(
        self,
        db: Database,
        session_id: int,
        document: str,
        target: Path,
        order: str,
        actor: str,
        overwrite: bool,
    ) -> None:
        super().__init__()
        self.db, self.session_id, self.document = db, session_id, document
        self.target, self.order, self.actor = target, order, actor
        self.overwrite = overwrite  # the person confirmed replacing the file in a dialog
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._build()
        except Cancelled:
            self.cancelled.emit()
        except FileInUse as exc:
            self.locked.emit(error_text(exc), numbered(self.target, 2))
        except (CodedError, OSError) as exc:
            self.failed.emit(error_text(exc))
        else:
            self.finished.emit(result)

    def _build(self) -> exports.DocumentResult:
        """The document at ``target``; a proposed name (not one the person chose) that is
        open in another program (last time's PDF still in Acrobat) moves on to ``name (2)``,
        ``name (3)``… (a name the person chose is theirs: the screen asks again)."""
        names = [self.target]
        if not self.overwrite:
            names += [numbered(self.target, n) for n in range(2, 100)]
        for target in names[:-1]:
            with contextlib.suppress(FileInUse):
                return self._build_at(target)
        return self._build_at(names[-1])

    def _build_at(self, target: Path) -> exports.DocumentResult:
        return exports.close_of_day(
            self.db,
            self.session_id,
            self.document,
            target,
            order=self.order,
            progress=self._progress,
            actor=self.actor,
            overwrite=self.overwrite,
        )


def render_pdf_page(data: bytes, width: int) -> QPixmap:
    """The first page of a PDF (bytes) as a picture ``width`` pixels wide (QtPdf)."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0)
    image = document.render(0, QSize(width, round(width * size.height() / size.width())))
    document.close()
    return QPixmap.fromImage(image)


class CertificatePreview(QDialog):
    """One certificate as it will print, before a batch (nothing is issued)."""

    def __init__(
        self, person: PersonHours, full: bool, pdf: bytes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificatePreview")
        self.setWindowTitle(self.tr("證書預覽"))
        self.page = QLabel()
        self.page.setObjectName("certificatePage")
        self.page.setPixmap(render_pdf_page(pdf, 520))
        wording = (
            self.tr("全勤：研習期滿用語")
            if full
            else self.tr("部分出席：載明時數 {hours} 小時").format(hours=hours_text(person.hours))
        )
        self.caption = QLabel(
            self.tr("{name}　{wording}（預覽不發字號）").format(name=person.name, wording=wording)
        )
        self.caption.setObjectName("previewCaption")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.page)
        layout.addWidget(buttons)


class AdjustDialog(QDialog):
    def __init__(
        self, person: PersonHours, course_hours: float, step: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("調整時數"))
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("adjustHours")
        self.hours.setRange(0, course_hours)
        self.hours.setSingleStep(step)
        self.hours.setDecimals(1)
        self.hours.setValue(person.hours)
        self.reason = QLineEdit()
        self.reason.setObjectName("adjustReason")
        self.reason.setPlaceholderText(self.tr("必填，例如：忘記簽退，桌長確認全程在場"))
        self.reason.setMinimumWidth(420)  # the example reason read whole (it was cut at 153 px)
        form = QFormLayout(self)
        form.addRow(self.tr("姓名"), QLabel(person.name))
        form.addRow(self.tr("計算時數"), QLabel(hours_text(person.computed_hours)))
        form.addRow(self.tr("核給時數"), self.hours)
        form.addRow(self.tr("原因"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


CITY_CODES = (
    ("01", "海外"),
    ("10", "臺北市"),
    ("20", "基隆市"),
    ("21", "連江縣"),
    ("23", "新北市"),
    ("26", "宜蘭縣"),
    ("30", "新竹市"),
    ("31", "新竹縣"),
    ("33", "桃園市"),
    ("35", "苗栗縣"),
    ("40", "臺中市"),
    ("50", "彰化縣"),
    ("54", "南投縣"),
    ("60", "嘉義市"),
    ("61", "嘉義縣"),
    ("63", "雲林縣"),
    ("70", "臺南市"),
    ("80", "高雄市"),
    ("88", "澎湖縣"),
    ("89", "金門縣"),
    ("90", "屏東縣"),
    ("95", "臺東縣"),
    ("97", "花蓮縣"),
)


class CourseFieldValues(TypedDict):
    """What the course dialog hands to ``set_course_fields`` (its keyword arguments)."""

    event_fields: dict[str, str]
    session_fields: dict[str, str]
    settings: dict[str, Any]
    images: dict[str, str | Path | None]
    policy: dict[str, Any]


class CourseDialog(QDialog):
    """The portal's course fields, certificate settings and hours policy, filled in once
    (what ``workshop-desk event set`` sets). OK saves; a problem keeps the dialog open."""

    def __init__(
        self,
        course: CourseInfo,
        save: Callable[[CourseFieldValues], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("課程欄位與證書設定"))
        self._save = save
        settings = course.settings

        def line(name: str, value: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(value)
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            edit.setMinimumWidth(380)
            return edit

        self.course_name = line("courseName", course.event_name)
        self.course_code = line(
            "courseCode", course.course_code, self.tr("已在入口網站開班時的課程代碼")
        )
        self.category_code = line(
            "categoryCode", course.category_code, self.tr("入口網站的課程類別代碼，例如 345")
        )
        self.city = QComboBox()
        self.city.setObjectName("cityCode")
        for code, city in CITY_CODES:
            self.city.addItem(f"{code} {city}", code)
        index = self.city.findData(course.city_code)
        self.city.setCurrentIndex(index if index >= 0 else self.city.findData("10"))
        self.term = line("term", course.term)
        self.serial_pattern = line(
            "serialPattern", settings.get("serial_pattern", ""), DEFAULT_SERIAL_PATTERN
        )
        self.signer = line("signer", settings.get("signer", ""), self.tr("例如：主任委員 ○○○"))
        self.body = line("certificateBody", settings.get("body", ""), DEFAULT_BODY)
        stored = images_json(course)
        # A file chosen here is read into the database on OK; empty keeps what is stored.
        self.seal = line("sealImage", "", self._stored_text(stored["seal"]))
        self.signature = line("signatureImage", "", self._stored_text(stored["signature"]))
        self.step = QComboBox()
        self.step.setObjectName("hoursStep")
        self.step.addItem(self.tr("0.5 小時"), 0.5)
        self.step.addItem(self.tr("1 小時"), 1.0)
        self.step.setCurrentIndex(self.step.findData(course.policy.step))
        self.missing = QComboBox()
        self.missing.setObjectName("missingSignOut")
        for key in MISSING_SIGN_OUT_OPTIONS:
            self.missing.addItem(
                QCoreApplication.translate(VOCABULARY, MISSING_SIGN_OUT_NAMES[key]), key
            )
        self.missing.setCurrentIndex(self.missing.findData(course.policy.missing_sign_out))
        self.error = QLabel()
        self.error.setObjectName("courseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT}")

        form = QFormLayout(self)
        form.addRow(self.tr("課程名稱"), self.course_name)
        form.addRow(self.tr("課程代碼"), self.course_code)
        form.addRow(self.tr("課程類別代碼"), self.category_code)
        form.addRow(self.tr("上課縣市"), self.city)
        form.addRow(self.tr("期別"), self.term)
        form.addRow(self.tr("證書字號格式"), self.serial_pattern)
        form.addRow(self.tr("證書署名"), self.signer)
        form.addRow(self.tr("證書結語"), self.body)
        form.addRow(self.tr("用印圖檔"), self._with_browse(self.seal))
        form.addRow(self.tr("簽名圖檔"), self._with_browse(self.signature))
        form.addRow(self.tr("時數計算單位"), self.step)
        form.addRow(self.tr("未簽退者"), self.missing)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _stored_text(self, info: dict[str, int] | None) -> str:
        if info is None:
            return self.tr("未設定；選擇 PNG/JPEG 圖檔")
        return self.tr("已存入資料庫（{w}×{h} 像素）；選擇新圖檔以取代").format(
            w=info["width"], h=info["height"]
        )

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("選擇…"))
        browse.clicked.connect(lambda: self._browse(edit))
        row.addWidget(browse)
        return box

    def _browse(self, edit: QLineEdit) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("選擇圖檔"), edit.text(), self.tr("圖片 (*.png *.jpg *.jpeg)")
        )
        if name:
            edit.setText(name)

    def values(self) -> CourseFieldValues:
        return {
            "event_fields": {
                "name": self.course_name.text(),
                "course_code": self.course_code.text(),
                "category_code": self.category_code.text(),
            },
            "session_fields": {"city_code": str(self.city.currentData()), "term": self.term.text()},
            "settings": {
                "serial_pattern": self.serial_pattern.text().strip(),
                "signer": self.signer.text().strip(),
                "body": self.body.text().strip(),
            },
            "images": {
                key: edit.text().strip()
                for key, edit in (("seal_image", self.seal), ("signature_image", self.signature))
                if edit.text().strip()
            },
            "policy": {
                "step": self.step.currentData(),
                "missing_sign_out": self.missing.currentData(),
            },
        }

    def accept(self) -> None:
        problem = self._save(self.values())
        self.error.setText(problem)
        if not problem:
            super().accept()


def print_pdf_file(path: Path, printer: QPrinter) -> int:
    """Render the PDF's pages (QtPdf) onto ``printer``, honouring its page range and copies.
    Returns the number of pages sent."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    document = QPdfDocument()
    document.load(str(path))
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    try:
        for _copy in range(copies):
            for number in range(first, last + 1):
                if sent:
                    printer.newPage()
                target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
                target.moveTo(0, 0)
                image = document.render(number - 1, target.size().toSize())
                painter.drawImage(target, image)
                sent += 1
    finally:
        painter.end()
        document.close()
    return sent // copies if copies else sent
