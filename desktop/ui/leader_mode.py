"""桌長模式 (table-leader mode): a laptop handed to a table leader shows only that table's report.

The main window hands over to ``LeaderModeWindow``, a separate full-screen window with no menu,
no navigation and no session picker; the main window is hidden and disabled, and while the
mode is on an application-wide filter swallows every shortcut that belongs to another window
(Ctrl+1..9, Ctrl+O, Ctrl+Q and whatever later features add). Leaving — the button, the
window's close box, Alt+F4 — asks for the organiser's PIN; after ``FREE_ATTEMPTS`` wrong PINs
the next try waits (``desktop.core.pins.lockout_seconds``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core import pins
from desktop.services import group_reports as svc
from desktop.services.events import SessionInfo
from desktop.services.organiser_pin import check_organiser_pin, set_organiser_pin
from desktop.ui.group_report_form import ReportForm
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT


class PinDialog(QDialog):
    """Asks for the organiser PIN (``mode="check"``) or a new one, twice (``mode="set"``)."""

    def __init__(self, parent: QWidget | None, *, mode: str, message: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.mode = mode
        self.setWindowTitle(
            self.tr("主辦單位 PIN") if mode == "check" else self.tr("設定主辦單位 PIN")
        )
        self.pin = QLineEdit()
        self.pin.setObjectName("pinEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("pinRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setStyleSheet(f"color:{ALERT}")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        if message:
            label = QLabel(message)
            label.setWordWrap(True)
            form.addRow(label)
        form.addRow(self.tr("PIN"), self.pin)
        if mode == "set":
            form.addRow(self.tr("再輸入一次"), self.repeat)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if self.mode == "set":
            try:
                pins.validate_pin(self.pin.text())
            except pins.PinError as exc:
                self.error.setText(error_text(exc))
                return
            if pins.normalise_pin(self.pin.text()) != pins.normalise_pin(self.repeat.text()):
                self.error.setText(self.tr("兩次輸入的 PIN 不一樣"))
                return
        self.accept()

    def value(self) -> str:
        return self.pin.text()


def ensure_organiser_pin(parent: QWidget, db: Database, event_id: int, actor: str = "") -> bool:
    """True when the event has a PIN, asking the organiser to set one first if it has none."""
    from desktop.services.organiser_pin import has_organiser_pin

    if has_organiser_pin(db, event_id):
        return True
    dialog = PinDialog(
        parent,
        mode="set",
        message=QCoreApplication.translate(
            "LeaderMode",
            "進入桌長模式前，請先設定主辦單位 PIN。離開桌長模式時需要輸入這組 PIN，請勿告訴桌長。",
        ),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    set_organiser_pin(db, event_id, dialog.value(), actor=actor)
    return True


class _ShortcutGuard(QObject):
    """Swallows shortcuts of every window except the leader window while leader mode is on."""

    def __init__(self, allowed: QWidget) -> None:
        super().__init__(allowed)
        self.allowed = allowed
        self.blocked = 0

    def _inside(self, obj: QObject) -> bool:
        widgets: list[QWidget] = []
        if isinstance(obj, QWidget):
            widgets = [obj]
        elif isinstance(obj, QAction):
            widgets = [w for w in obj.associatedObjects() if isinstance(w, QWidget)]
            parent = obj.parent()
            if isinstance(parent, QWidget):
                widgets.append(parent)
        elif isinstance(obj, QShortcut):
            parent = obj.parent()
            widgets = [parent] if isinstance(parent, QWidget) else []
        return bool(widgets) and all(
            w is self.allowed or self.allowed.isAncestorOf(w) for w in widgets
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and not self._inside(obj):
            self.blocked += 1
            return True
        return False


class LeaderModeWindow(QWidget):
    """Full-window leader view: pick a table, then that table's report only."""

    finished = Signal()  # the organiser's PIN was given; the main window takes over again

    def __init__(self, db: Database, session: SessionInfo, *, operator: str = "") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("leaderMode")
        self.setWindowTitle(self.tr("桌長模式 — {session}").format(session=session.name))
        self.db = db
        self.session = session
        self.operator = operator
        self._unlocked = False
        self._failures = 0
        self._locked_until = 0.0
        self.guard = _ShortcutGuard(self)

        self.pages = QStackedWidget()
        picker = QWidget()
        picker_layout = QVBoxLayout(picker)
        prompt = QLabel(self.tr("請選擇您的桌次"))
        prompt.setStyleSheet("font-size:22pt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picker_layout.addStretch(1)
        picker_layout.addWidget(prompt)
        grid = QGridLayout()
        self.table_buttons: list[QPushButton] = []
        for index, table in enumerate(svc.list_tables(db, session.id)):
            leader = self.tr("桌長")
            button = QPushButton(f"{table.name}\n{leader} {table.leader_name}")
            button.setObjectName(f"pickTable{table.number}")
            button.setMinimumSize(220, 110)
            button.setStyleSheet("font-size:16pt")
            button.clicked.connect(lambda _=False, t=table: self.choose_table(t))
            grid.addWidget(button, index // 3, index % 3)
            self.table_buttons.append(button)
        picker_layout.addLayout(grid)
        picker_layout.addStretch(2)
        self.pages.addWidget(picker)

        self.form = ReportForm(db, self._author, allow_reload_members=True)
        self.pages.addWidget(self.form)
        self.table: svc.TableInfo | None = None

        self.banner = QLabel(self.tr("桌長模式　{session}").format(session=session.name))
        self.banner.setObjectName("leaderBanner")
        self.banner.setStyleSheet("font-size:13pt; font-weight:bold; color:#1f3b57")
        self.exit_button = QPushButton(self.tr("離開桌長模式（需主辦單位 PIN）"))
        self.exit_button.setObjectName("leaveLeaderMode")
        self.exit_button.clicked.connect(self.request_exit)
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.exit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

    def _author(self) -> str:
        leader = self.table.leader_name if self.table else ""
        return f"桌長 {leader}".strip()

    def choose_table(self, table: svc.TableInfo) -> None:
        self.table = table
        self.form.load(table.id)
        self.banner.setText(self._banner_text())
        self.pages.setCurrentWidget(self.form)

    # --- the hand-over ------------------------------------------------------------------------
    def start(self, host: QWidget | None, *, full_screen: bool = True) -> None:
        """Show this window and hide and disable ``host`` (the main window)."""
        self.host = host
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.guard)
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.activateWindow()
        if host is not None:
            host.setEnabled(False)
            host.hide()

    def _finish(self) -> None:
        self.form.flush()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.guard)
        host = getattr(self, "host", None)
        if host is not None:
            host.setEnabled(True)
            host.show()
            host.activateWindow()
        self._unlocked = True
        self.finished.emit()
        self.close()

    def try_unlock(self, pin: str) -> bool:
        """Check ``pin``; on success leave leader mode. Honours the lockout after wrong tries."""
        if time.monotonic() < self._locked_until:
            return False
        if check_organiser_pin(
            self.db, self.session.event_id, pin, actor=self._author(), purpose="leave_leader_mode"
        ):
            self._failures = 0
            self._finish()
            return True
        self._failures += 1
        self._locked_until = time.monotonic() + pins.lockout_seconds(self._failures)
        return False

    def request_exit(self) -> None:
        self.form.flush()
        wait = self._locked_until - time.monotonic()
        message = self.tr("請主辦單位輸入 PIN 以離開桌長模式。")
        if wait > 0:
            message = self.tr("PIN 錯誤次數過多，請 {s} 秒後再試。").format(s=int(wait) + 1)
        dialog = PinDialog(self, mode="check", message=message)
        dialog.setObjectName("leavePinDialog")
        if dialog.exec() == QDialog.DialogCode.Accepted and not self.try_unlock(dialog.value()):
            # Keep the table in the banner; during a lockout even the right PIN is not
            # checked, so say to wait rather than "wrong".
            wait = self._locked_until - time.monotonic()
            note = (
                self.tr("PIN 錯誤次數過多，請 {s} 秒後再試。").format(s=int(wait) + 1)
                if wait > 0
                else self.tr("PIN 不正確，仍在桌長模式")
            )
            self.banner.setText(f"{self._banner_text()}　{note}")

    def _banner_text(self) -> str:
        if self.table is None:
            return self.tr("桌長模式　{session}").format(session=self.session.name)
        return self.tr("桌長模式　{session}　{table}").format(
            session=self.session.name, table=self.table.label
        )

    def refresh_from_store(self, table_id: int) -> None:
        """Another device (a leader's phone) saved this table: show it unless typing."""
        if self.form.table_id == table_id:
            self.form.refresh_from_store()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            self.form.flush()
            super().closeEvent(event)
            return
        event.ignore()
        # Deferred: never open the PIN dialog from inside another window's close handling.
        QTimer.singleShot(0, self._request_exit_if_locked)

    def _request_exit_if_locked(self) -> None:
        if self.isVisible() and not self._unlocked:
            self.request_exit()
