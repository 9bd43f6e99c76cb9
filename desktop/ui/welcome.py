"""First run: no database yet. Offer the demo event, a new event, or an existing file —
never an empty, puzzling window.

``WelcomeWindow`` emits ``demo_requested``, ``open_requested(path)`` or ``database_ready(db)``
(after a new event was created in ``target``); ``launch.WindowHost`` swaps in the main window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.newevent import MIN_PASSPHRASE, Problem, check_event, check_session
from desktop.ui.messages import error_text, word
from desktop.ui.palette import ALERT
from desktop.ui.qtapp import app_name


@dataclass(frozen=True)
class SessionInput:
    name: str
    date: dt.date
    start: dt.time
    end: dt.time
    venue: str
    address: str
    capacity: int
    agency_limit: int


class SessionForm(QWidget):
    """The fields of a 場次: name, date, class time, venue, address, capacity, per-agency limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("sessionName")
        self.name.setPlaceholderText(self.tr("例：臺北場次"))
        self.date = QDateEdit(QDate.currentDate().addDays(14))
        self.date.setObjectName("sessionDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setObjectName("sessionStart")
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(16, 0))
        self.end.setObjectName("sessionEnd")
        self.end.setDisplayFormat("HH:mm")
        self.venue = QLineEdit()
        self.venue.setObjectName("sessionVenue")
        self.venue.setPlaceholderText(self.tr("例：國發會 707 會議室"))
        self.address = QLineEdit()
        self.address.setObjectName("sessionAddress")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("sessionCapacity")
        self.capacity.setRange(1, 2000)
        self.capacity.setValue(40)
        self.agency_limit = QSpinBox()
        self.agency_limit.setObjectName("sessionAgencyLimit")
        self.agency_limit.setRange(1, 2000)
        self.agency_limit.setValue(2)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        times.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("場次名稱"), self.name)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("上課時間"), times)
        form.addRow(self.tr("地點"), self.venue)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("名額"), self.capacity)
        form.addRow(self.tr("每機關上限"), self.agency_limit)

    def value(self) -> SessionInput:
        day, start, end = self.date.date(), self.start.time(), self.end.time()
        return SessionInput(
            name=self.name.text().strip(),
            date=dt.date(day.year(), day.month(), day.day()),
            start=dt.time(start.hour(), start.minute()),  # the editors show no seconds
            end=dt.time(end.hour(), end.minute()),
            venue=self.venue.text().strip(),
            address=self.address.text().strip(),
            capacity=self.capacity.value(),
            agency_limit=self.agency_limit.value(),
        )

    def problems(self, existing_names: tuple[str, ...] = ()) -> list[Problem]:
        v = self.value()
        return check_session(
            v.name, v.date, v.start, v.end, v.venue, v.capacity, v.agency_limit, existing_names
        )

    def field(self, name: str) -> QWidget:
        return {
            "name": self.name,
            "venue": self.venue,
            "end": self.end,
            "capacity": self.capacity,
            "agency_limit": self.agency_limit,
        }.get(name, self.name)


def available_height(widget: QWidget) -> int:
    """How tall a dialog may be on the widget's monitor (room left for the title bar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return 10_000
    return screen.availableGeometry().height() - 40


def problem_text(problem: Problem) -> str:
    """The sentence, in the user's language, for a validation problem: 「欄位：原因」."""
    label = QCoreApplication.translate("vocabulary", problem.label)
    separator = QCoreApplication.translate("welcome", "：")
    return f"{label}{separator}{word(problem.outcome, **dict(problem.params))}"


class NewEventDialog(QDialog):
    """Name, organiser and the passphrase (twice) that seals ID numbers; optionally a first 場次."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newEventDialog")
        self.setWindowTitle(self.tr("建立新活動"))
        self.name = QLineEdit()
        self.name.setObjectName("eventName")
        self.name.setPlaceholderText(self.tr("例：參與式預算實務應用培訓班"))
        self.organiser = QLineEdit()
        self.organiser.setObjectName("eventOrganiser")
        self.organiser.setPlaceholderText(self.tr("例：國家發展委員會"))
        self.executor = QLineEdit()
        self.executor.setObjectName("eventExecutor")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("eventPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("eventPassphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(
            self.tr(
                "主辦密語用來加密學員的身分證字號，也用來切換到主辦模式（名單、分桌、議程、"
                "小組報告、文件）；請妥善保管，遺失後無法復原。至少 {n} 個字元。"
            ).format(n=MIN_PASSPHRASE)
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("活動名稱"), self.name)
        form.addRow(self.tr("主辦單位"), self.organiser)
        form.addRow(self.tr("執行單位（可空白）"), self.executor)
        form.addRow(self.tr("主辦密語"), self.passphrase)
        form.addRow(self.tr("再次輸入主辦密語"), self.repeat)
        form.addRow(hint)

        self.with_session = QCheckBox(self.tr("同時建立第一個場次（也可以稍後再新增）"))
        self.with_session.setObjectName("withSession")
        self.with_session.setChecked(True)
        self.session_form = SessionForm()
        session_box = QGroupBox(self.tr("第一個場次"))
        box_layout = QVBoxLayout(session_box)
        box_layout.addWidget(self.session_form)
        self.with_session.toggled.connect(session_box.setEnabled)

        self.error = QLabel()
        self.error.setObjectName("newEventError")
        self.error.setStyleSheet(f"color: {ALERT}; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("建立"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        # The fields scroll when the screen is short (a 1366×768 laptop cannot show all of
        # them); the problems and the 建立/取消 buttons stay in view below them.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.with_session)
        fields_layout.addWidget(session_box)
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("newEventFields")
        self.fields_area.setWidget(fields)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_area.setMinimumHeight(min(fields.sizeHint().height(), 240))
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_area, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        height = fields.sizeHint().height() + buttons.sizeHint().height() + 40
        self.resize(560, min(height, available_height(self)))

    def problems(self) -> list[tuple[QWidget, Problem, bool]]:
        found: list[tuple[QWidget, Problem, bool]] = []
        fields = {
            "name": self.name,
            "organiser": self.organiser,
            "passphrase": self.passphrase,
            "repeat": self.repeat,
        }
        for problem in check_event(
            self.name.text(), self.organiser.text(), self.passphrase.text(), self.repeat.text()
        ):
            found.append((fields[problem.field], problem, False))
        if self.with_session.isChecked():
            for problem in self.session_form.problems():
                found.append((self.session_form.field(problem.field), problem, True))
        return found

    def accept(self) -> None:
        found = self.problems()
        if found:
            self.error.setText("\n".join(problem_text(p) for _, p, _ in found))
            self.error.show()
            found[0][0].setFocus()
            self.fields_area.ensureWidgetVisible(found[0][0])
            return
        super().accept()

    def session_input(self) -> SessionInput | None:
        return self.session_form.value() if self.with_session.isChecked() else None


class NewSessionDialog(QDialog):
    """Add a 場次 to an existing event."""

    def __init__(self, existing_names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newSessionDialog")
        self.setWindowTitle(self.tr("新增場次"))
        self.existing_names = existing_names
        self.form = SessionForm()
        self.error = QLabel()
        self.error.setObjectName("newSessionError")
        self.error.setStyleSheet(f"color: {ALERT}; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新增"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        problems = self.form.problems(self.existing_names)
        if problems:
            self.error.setText("\n".join(problem_text(p) for p in problems))
            self.error.show()
            self.form.field(problems[0].field).setFocus()
            return
        super().accept()


class WelcomeWindow(QWidget):
    demo_requested = Signal()
    open_requested = Signal(str)
    database_ready = Signal(object)  # db.uow.Database with the new event

    def __init__(self, target: Path) -> None:
        super().__init__()
        self.target = target  # where a new event's database is created
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("{app} — 開始使用").format(app=app_name()))
        self.resize(760, 560)
        self.dialog: NewEventDialog | None = None

        title = QLabel(self.tr("歡迎使用研習報到台"))
        title.setObjectName("welcomeTitle")
        intro = QLabel(self.tr("這台電腦還沒有活動資料。請選擇要怎麼開始："))
        intro.setObjectName("welcomeIntro")
        intro.setWordWrap(True)
        self.demo_button = self._choice(
            1,
            self.tr("開啟示範活動"),
            self.tr("參與式預算實務應用培訓班（臺北、臺南、臺中三個場次），可放心練習操作。"),
        )
        self.new_button = self._choice(
            2,
            self.tr("建立新活動"),
            self.tr("輸入活動名稱、主辦單位與主辦密語，並可同時建立第一個場次。"),
        )
        self.open_button = self._choice(
            3,
            self.tr("開啟既有的資料庫檔案"),
            self.tr("開啟其他電腦或先前建立的研習報到台資料庫（.sqlite3）。"),
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.start_new_event)
        self.open_button.clicked.connect(self._on_open_file)
        where = QLabel(self.tr("新活動的資料庫將存放於：{path}").format(path=target))
        where.setObjectName("welcomeWhere")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 32)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        for button in (self.demo_button, self.new_button, self.open_button):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(where)
        QShortcut(QKeySequence.StandardKey.Open, self).activated.connect(self._on_open_file)
        self.demo_button.setFocus()

    def _choice(self, key: int, text: str, detail: str) -> QPushButton:
        """A large button; the digit (or Alt+digit) presses it, Tab/Enter work as usual."""
        button = QPushButton(f"{key}　{text}\n{detail}")
        button.setObjectName("welcomeChoice")
        button.setAutoDefault(True)
        button.setToolTip(detail)
        button.setShortcut(QKeySequence(f"Alt+{key}"))
        QShortcut(QKeySequence(str(key)), self).activated.connect(button.click)
        return button

    def _on_open_file(self) -> None:
        path = ask_database_file(self)
        if path:
            self.open_requested.emit(path)

    def start_new_event(self) -> NewEventDialog:
        """Open the new-event dialog (window-modal, not blocking); on OK the event is created."""
        self.dialog = NewEventDialog(self)
        self.dialog.accepted.connect(self._create_event)
        self.dialog.open()
        return self.dialog

    def _create_event(self) -> None:
        from desktop.app import open_database
        from desktop.errors import environment_problem
        from desktop.services.events import create_event
        from desktop.services.newevent import add_session

        dialog = self.dialog
        assert dialog is not None
        try:
            db = open_database(self.target)
        except Exception as exc:
            problem = environment_problem(exc)
            if problem is None:
                raise
            QMessageBox.critical(self, self.tr("無法建立資料庫"), error_text(problem))
            return
        event_id = create_event(
            db,
            name=dialog.name.text().strip(),
            organiser=dialog.organiser.text().strip(),
            executor=dialog.executor.text().strip(),
            passphrase=dialog.passphrase.text(),
        )
        session = dialog.session_input()
        if session is not None:
            add_session(
                db,
                event_id,
                name=session.name,
                date=session.date,
                start=session.start,
                end=session.end,
                venue=session.venue,
                address=session.address,
                capacity=session.capacity,
                agency_limit=session.agency_limit,
            )
        self.database_ready.emit(db)


def ask_database_file(parent: QWidget) -> str:
    """The database file the user picks to open ("" when cancelled): the welcome window's and
    the main window's 開啟資料庫 ask the same way."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("welcome", "開啟資料庫"),
        "",
        QCoreApplication.translate("welcome", "研習報到台資料庫 (*.sqlite3 *.db);;所有檔案 (*)"),
    )
    return path


def add_session_interactively(parent: QWidget, db: Database) -> bool:
    """檔案 → 新增場次…: ask for the fields and add the 場次 to the (first) event.

    Returns True when a session was added. With no event yet, says how to create one."""
    from desktop.services.events import list_events
    from desktop.services.newevent import InvalidInput, add_session

    events = list_events(db)
    if not events:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("welcome", "新增場次"),
            QCoreApplication.translate("welcome", "這個資料庫還沒有活動；請先建立活動。"),
        )
        return False
    event = events[0]
    dialog = NewSessionDialog(tuple(s.name for s in event.sessions), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    v = dialog.form.value()
    try:
        add_session(
            db,
            event.id,
            name=v.name,
            date=v.date,
            start=v.start,
            end=v.end,
            venue=v.venue,
            address=v.address,
            capacity=v.capacity,
            agency_limit=v.agency_limit,
        )
    except InvalidInput as exc:
        QMessageBox.warning(
            parent, dialog.windowTitle(), "\n".join(problem_text(p) for p in exc.problems)
        )
        return False
    return True
