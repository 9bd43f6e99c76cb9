"""Keeping data safe, in the window: backups, restore, the mode indicator, opening under lock.

``WindowHost`` (desktop/ui/launch.py) owns one ``ReliabilityController`` per main window; it
adds its actions to the window's 檔案 menu, the desk/organiser indicator to the status bar, and
runs the automatic backup timer (every ``interval_minutes``, skipped while nothing changed,
and once more when the window closes or another database is opened). A failed backup
(automatic or 立即備份) puts a red warning above the work area that stays until a backup
succeeds: a status-bar line fades after seconds, and a desk working on without backups must
know it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from db.engine import sqlite_file
from db.integrity import DamagedDatabase
from desktop.core.newevent import MIN_PASSPHRASE
from desktop.core.outcomes import backup as words
from desktop.core.outcomes import newevent
from desktop.core.problems import CodedError
from desktop.errors import environment_problem
from desktop.lockfile import DatabaseInUse, DatabaseLock
from desktop.services import backup, security
from desktop.ui.messages import error_text, word
from desktop.ui.organiser import ask_passphrase
from desktop.ui.palette import ALERT

if TYPE_CHECKING:
    from db.uow import Database
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def database_path(db: Database) -> Path | None:
    return sqlite_file(str(db.engine.url))


class ReliabilityController(QObject):
    restore_requested = Signal(str)  # a checked backup file; the host swaps the database

    def __init__(self, window: MainWindow, *, interval_minutes: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.path = database_path(self.context.db)
        self.last_backup: backup.BackupInfo | None = None
        self.last_failure: str | None = (
            None  # the last backup's failure, worded; None once one works
        )
        self._signature = backup.database_signature(self.path) if self.path else None
        self._build_actions()
        self._build_indicator()
        self._build_backup_warning()
        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        minutes = interval_minutes or backup.load_settings().interval_minutes
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self.auto_backup)
        if self.path is not None:
            self.timer.start()

    # --- menu and indicator -------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu, before = self.window.file_menu, self.window.file_menu_end

        def add(text: str, slot: Callable[[], object], name: str) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(name)
            menu.insertAction(before, action)
            action.triggered.connect(lambda _=False: slot())
            return action

        menu.insertSeparator(before)
        self.backup_now_action = add(self.tr("立即備份"), self.backup_now, "backupNowAction")
        self.folder_action = add(self.tr("備份資料夾…"), self.choose_folder, "backupFolderAction")
        self.restore_action = add(self.tr("從備份還原…"), self.choose_restore, "restoreAction")
        menu.insertSeparator(before)
        self.mode_action = add(self.tr("切換為主辦模式…"), self.toggle_mode, "organiserModeAction")
        self.passphrase_action = add(
            self.tr("設定／變更主辦密語…"), self.change_passphrase, "passphraseAction"
        )
        for action in (self.backup_now_action, self.folder_action, self.restore_action):
            action.setEnabled(self.path is not None)

    def _build_indicator(self) -> None:
        self.indicator = QToolButton()
        self.indicator.setObjectName("modeIndicator")
        self.indicator.setAutoRaise(True)
        self.indicator.clicked.connect(self.toggle_mode)
        self.window.statusBar().addPermanentWidget(self.indicator)
        self.context.session_state.organiser_changed.connect(self._show_mode)
        self._show_mode(self.context.session_state.organiser)

    def _show_mode(self, organiser: bool) -> None:
        if organiser:
            self.indicator.setText(self.tr("主辦模式（已解鎖）"))
            self.indicator.setToolTip(self.tr("可編輯、匯出個資、變更設定。按一下鎖定回櫃台模式。"))
            self.indicator.setStyleSheet("color: white; background: #b45309; padding: 2px 8px;")
            self.mode_action.setText(self.tr("鎖定（回到櫃台模式）"))
        else:
            self.indicator.setText(self.tr("櫃台模式"))
            self.indicator.setToolTip(self.tr("報到、查詢、現場報名。按一下輸入主辦密語。"))
            self.indicator.setStyleSheet("padding: 2px 8px;")
            self.mode_action.setText(self.tr("切換為主辦模式…"))

    def _build_backup_warning(self) -> None:
        """The warning a failed backup leaves above the work area (hidden while backups work)."""
        self.backup_warning = QFrame()
        self.backup_warning.setObjectName("backupWarning")
        self.backup_warning.setStyleSheet(
            f"#backupWarning {{ background:#fde7e9; border-bottom:2px solid {ALERT}; }}"
        )
        self.backup_warning_text = QLabel()
        self.backup_warning_text.setObjectName("backupWarningText")
        self.backup_warning_text.setWordWrap(True)
        retry = QPushButton(self.tr("再備份一次"))
        retry.setObjectName("backupWarningRetry")
        retry.clicked.connect(self.backup_now)
        folder = QPushButton(self.tr("備份資料夾…"))
        folder.setObjectName("backupWarningFolder")
        folder.clicked.connect(self.choose_folder)
        row = QHBoxLayout(self.backup_warning)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.backup_warning_text, 1)
        row.addWidget(retry)
        row.addWidget(folder)
        self.backup_warning.hide()
        self.window.banner_column.insertWidget(0, self.backup_warning)

    def toggle_mode(self) -> None:
        state = self.context.session_state
        if state.organiser:
            state.lock(self.context)
        else:
            self.context.require_organiser(self.window)

    # --- backups ------------------------------------------------------------------------------

    def auto_backup(self, *, force: bool = False) -> backup.BackupInfo | None:
        """The timer's backup: skipped when nothing was written since the last one."""
        if self.path is None:
            return None
        signature = backup.database_signature(self.path)
        if not force and signature == self._signature and self.last_backup is not None:
            return None
        try:
            info = backup.auto_backup(self.path)
        except (CodedError, OSError) as exc:
            # e.g. the USB stick was pulled: tell, but never interrupt the desk with a dialog.
            log.warning("automatic backup failed: %s", exc)
            self.last_failure = error_text(exc)
            self.window.statusBar().showMessage(
                self.tr("⚠ 自動備份失敗：{error}").format(error=self.last_failure), 30_000
            )
            self.backup_warning_text.setText(
                self.tr(
                    "⚠ 備份失敗（{time}）：{error}\n資料仍在這台電腦上，但沒有新的備份；"
                    "請檢查備份資料夾（例如隨身碟是否插著），再按「再備份一次」。"
                ).format(time=dt.datetime.now().strftime("%H:%M"), error=self.last_failure)
            )
            self.backup_warning.show()
            return None
        self._signature, self.last_backup, self.last_failure = signature, info, None
        self.backup_warning.hide()
        self.window.statusBar().showMessage(
            self.tr("已自動備份 {time} → {path}").format(
                time=info.at.strftime("%H:%M"), path=info.path
            ),
            10_000,
        )
        return info

    def backup_now(self) -> backup.BackupInfo | None:
        info = self.auto_backup(force=True)
        if info is None:
            if self.last_failure is not None:
                QMessageBox.warning(
                    self.window,
                    self.tr("立即備份"),
                    self.tr("備份失敗：{error}").format(error=self.last_failure),
                )
            return None
        QMessageBox.information(
            self.window,
            self.tr("立即備份"),
            self.tr("已備份到：\n{path}").format(path=info.path),
        )
        return info

    def choose_folder(self) -> None:
        if not self.context.require_organiser(self.window):
            return
        current = backup.load_settings().folder
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("選擇備份資料夾（例如隨身碟）"), str(current)
        )
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> bool:
        try:
            backup.set_folder(folder)
        except (backup.BackupError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("備份資料夾"), error_text(exc))
            return False
        self.auto_backup(force=True)
        return True

    def choose_restore(self) -> None:
        if self.path is None or not self.context.require_organiser(self.window):
            return
        folder = backup.load_settings().folder
        file, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("選擇要還原的備份"),
            str(folder),
            self.tr("研習報到台備份 (*.sqlite3 *.db);;所有檔案 (*)"),
        )
        if file:
            self.confirm_restore(Path(file))

    def confirm_restore(self, file: Path) -> bool:
        try:
            backup.validate_backup(file)
        except backup.BackupError as exc:
            QMessageBox.warning(self.window, self.tr("從備份還原"), error_text(exc))
            return False
        stamp = dt.datetime.fromtimestamp(file.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        question = self.tr(
            "要用這個備份取代目前的資料嗎？\n\n{file}\n（{time}）\n\n"
            "備份之後的報到紀錄與變更將不在還原後的資料中；"
            "目前的檔案會另存一份，不會遺失。"
        ).format(file=file, time=stamp)
        other = backup.other_event(self.path, file) if self.path is not None else None
        if other is not None:
            question = (
                self.tr("注意：這個備份屬於另一個活動「{event}」，還原會取代目前整個活動。").format(
                    event=other
                )
                + "\n\n"
                + question
            )
        answer = QMessageBox.question(
            self.window,
            self.tr("從備份還原"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.restore_requested.emit(str(file))
        return True

    def change_passphrase(self) -> None:
        db = self.context.db
        try:
            has = security.has_passphrase(db)
        except security.SecurityError as exc:
            QMessageBox.warning(self.window, self.tr("主辦密語"), error_text(exc))
            return
        old = None
        if has:
            old = ask_passphrase(self.window, self.tr("變更主辦密語"), self.tr("目前的主辦密語："))
            if old is None:
                return
        new = ask_passphrase(
            self.window,
            self.tr("主辦密語"),
            self.tr("新的主辦密語（至少 {n} 個字元）：").format(n=MIN_PASSPHRASE),
        )
        if new is None:
            return
        again = ask_passphrase(
            self.window, self.tr("主辦密語"), self.tr("再輸入一次新的主辦密語：")
        )
        if again != new:
            QMessageBox.warning(
                self.window,
                self.tr("主辦密語"),
                self.tr("{reason}，密語未變更。").format(reason=word(newevent.MISMATCH)),
            )
            return
        try:
            security.set_passphrase(
                db, new, old=old, actor=self.context.operator or self.context.desk
            )
        except security.SecurityError as exc:
            QMessageBox.warning(self.window, self.tr("主辦密語"), error_text(exc))
            return
        QMessageBox.information(
            self.window,
            self.tr("主辦密語"),
            self.tr("主辦密語已設定。請妥善保存，遺失將無法讀取身分證字號。"),
        )

    def shutdown(self) -> None:
        """Stop the timer and take the closing backup."""
        self.timer.stop()
        self.auto_backup()


# --- opening a database for a window ----------------------------------------------------------


def lock_and_open(
    path: Path | None,
    opener: Callable[[], Database],
    held: DatabaseLock | None,
    parent: QWidget | None,
    explain: Callable[[Callable[[], Database], QWidget | None], Database | None],
) -> tuple[Database, DatabaseLock | None] | None:
    """Take the window lock on ``path`` (reusing ``held`` for the same file), then open it.

    A second window is refused with a message. A damaged file is reported and, when a good
    backup exists, restoring it is offered (the current file is kept aside).
    """
    lock = (
        held if held is not None and path is not None and held.database == path.resolve() else None
    )
    if path is not None and lock is None:
        try:
            lock = DatabaseLock(path).acquire()
        except DatabaseInUse as exc:
            title = QCoreApplication.translate("launch", "資料庫使用中")
            QMessageBox.warning(parent, title, error_text(environment_problem(exc) or exc))
            return None
    db: Database | None = None
    try:
        db = opener()
    except DamagedDatabase as exc:
        db = _offer_restore(exc, opener, parent, explain)
    except Exception as exc:
        problem = environment_problem(exc)
        if problem is None:
            if lock is not None and lock is not held:
                lock.release()
            raise
        message = error_text(problem)
        log.warning("cannot open database: %s", problem)
        title = QCoreApplication.translate("launch", "無法開啟資料庫")
        QMessageBox.critical(parent, title, message)
    if db is None:
        if lock is not None and lock is not held:
            lock.release()
        return None
    if path is not None:
        for leftover in backup.remove_leftovers(path.resolve()):
            log.info("removed a partial copy left by a killed backup or restore: %s", leftover)
    return db, lock


def _offer_restore(
    exc: DamagedDatabase,
    opener: Callable[[], Database],
    parent: QWidget | None,
    explain: Callable[[Callable[[], Database], QWidget | None], Database | None],
) -> Database | None:
    title = QCoreApplication.translate("launch", "資料庫已損毀")
    if exc.newest_backup is None:
        QMessageBox.critical(parent, title, error_text(environment_problem(exc) or exc))
        return None
    answer = QMessageBox.question(
        parent,
        title,
        QCoreApplication.translate(
            "launch",
            "資料庫檔案已損毀：\n{database}\n（{problem}）\n\n最新的完好備份：\n"
            "{backup}\n\n要從這個備份還原嗎？損毀的檔案會另存一份。",
        ).format(database=exc.database, problem=exc.problem, backup=exc.newest_backup),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    if not restore_or_explain(exc.database, exc.newest_backup, parent):
        return None
    return explain(opener, parent)


def restore_or_explain(database: Path, backup_file: Path, parent: QWidget | None) -> bool:
    """``backup.restore``; any failure is a dialog naming the file and the reason (the swap is
    atomic: on failure the database file is the one it was). True when restored."""
    try:
        backup.restore(database, backup_file)
    except (CodedError, OSError) as exc:
        if isinstance(exc, CodedError):
            message = error_text(exc)
        else:  # not worded by the service: say which file and why
            message = word(
                words.RESTORE_FAILED,
                backup=backup_file,
                path=database,
                detail=exc.strerror or exc,
            )
        log.warning("restore failed: %s", exc)
        QMessageBox.critical(parent, QCoreApplication.translate("launch", "無法還原"), message)
        return False
    return True
