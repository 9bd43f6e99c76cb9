"""Start the window: open the database (with clear dialogs on failure), show the main window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db.engine import database_url, sqlite_file
from desktop import paths
from desktop.app import describe, open_database, open_demo_database
from desktop.errors import environment_problem
from desktop.lockfile import DatabaseLock
from desktop.logs import install_excepthook, setup_logging
from desktop.services.backup import BackupError, restore
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import error_text
from desktop.ui.qtapp import ensure_app
from desktop.ui.reliability import ReliabilityController, lock_and_open
from desktop.ui.screens import ScreenContext
from desktop.ui.welcome import WelcomeWindow

if TYPE_CHECKING:
    from db.uow import Database
    from desktop.cli import Context

log = logging.getLogger(__name__)


class WindowHost:
    """Owns the current main window and swaps it when another database is opened.

    It also holds the database's window lock (one window per file) and the window's
    ``ReliabilityController`` (automatic backups, restore, desk/organiser mode).
    """

    def __init__(self) -> None:
        self.window: QWidget | None = None  # the main window, or the first-run welcome
        self.db: Database | None = None
        self.lock: DatabaseLock | None = None
        self.reliability: ReliabilityController | None = None

    def show_welcome(self, target: Path) -> WelcomeWindow:
        """First run: no event yet. The welcome offers the demo, a new event (in ``target``) or
        a file; whichever the user picks replaces it with the main window."""
        welcome = WelcomeWindow(target)
        welcome.demo_requested.connect(self._on_open_demo)
        welcome.open_requested.connect(self._on_open_path)
        welcome.database_ready.connect(lambda db: self._on_event_created(db, target))
        self.window = welcome
        welcome.show()
        return welcome

    def show(self, db: Database, lock: DatabaseLock | None = None) -> MainWindow:
        old = (self.window, self.db, self.lock, self.reliability)
        self.db, self.lock = db, lock
        self.window = MainWindow(ScreenContext(db=db), describe(db))
        self.window.open_database_requested.connect(self._on_open_path)
        self.window.open_demo_requested.connect(self._on_open_demo)
        self.reliability = ReliabilityController(self.window)
        self.reliability.restore_requested.connect(self._on_restore)
        self.window.show_as_last_time()
        _retire(*old, keep_lock=lock)  # after the new window shows, so the app does not quit
        return self.window

    def close(self) -> None:
        """The app is quitting: closing backup, then release the database and its lock."""
        old = (self.window, self.db, self.lock, self.reliability)
        self.window = self.db = self.lock = self.reliability = None
        _retire(*old, keep_lock=None)

    def _open(self, path: Path | None, opener) -> None:  # type: ignore[no-untyped-def]
        opened = lock_and_open(path, opener, self.lock, self.window, _open_or_explain)
        if opened is not None:
            self.show(*opened)

    def _on_open_path(self, path: str) -> None:
        self._open(sqlite_file(database_url(path)), lambda: open_database(path))

    def _on_event_created(self, db: Database, target: Path) -> None:
        """The welcome created an event in ``target``: reopen it under the window lock."""
        db.dispose()
        self._on_open_path(str(target))
        if isinstance(self.window, MainWindow):
            self.window.show_next_step()

    def _on_open_demo(self) -> None:
        self._open(paths.demo_database(), open_demo_database)

    def _on_restore(self, backup_file: str) -> None:
        """Restore with the lock kept: close the connections, swap the file, reopen."""
        if self.db is None or self.lock is None:
            return
        path, lock = self.lock.database, self.lock
        if self.reliability is not None:
            self.reliability.shutdown()  # a last backup of what is being replaced
            self.reliability = None
        self.db.dispose()  # the old window stays up until the restored one replaces it
        try:
            restore(path, Path(backup_file))
        except BackupError as exc:
            title = QCoreApplication.translate("launch", "無法還原")
            QMessageBox.critical(self.window, title, error_text(exc))
        db = _open_or_explain(lambda: open_database(path), self.window)
        if db is not None:
            self.show(db, lock)


def _retire(window, db, lock, reliability, *, keep_lock) -> None:  # type: ignore[no-untyped-def]
    """Closing backup, close the window, dispose the database, release its lock."""
    if reliability is not None:
        reliability.shutdown()
    if window is not None:
        window.close()
        window.deleteLater()
    if db is not None:
        db.dispose()
    if lock is not None and lock is not keep_lock:
        lock.release()


def _open_or_explain(opener, parent=None):  # type: ignore[no-untyped-def]
    try:
        return opener()
    except Exception as exc:
        problem = environment_problem(exc)
        if problem is None:
            raise
        message = error_text(problem)
        log.warning("cannot open database: %s", message)
        title = QCoreApplication.translate("launch", "無法開啟資料庫")
        QMessageBox.critical(parent, title, message)
        return None


def _show_crash(summary: str, log_file: Path) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("launch", "發生未預期的錯誤"),
        QCoreApplication.translate(
            "launch",
            "程式發生未預期的錯誤，已記錄於：\n{log_file}\n\n{summary}\n\n"
            "已儲存的資料不受影響；若畫面異常，請重新啟動程式。",
        ).format(log_file=log_file, summary=summary),
    )


def needs_welcome(context: Context) -> Path | None:
    """The database file to create an event in when it has none yet: the default database on
    a first run, or the file ``--db`` names (a new or empty file: the main window would have
    no event and no way to create one). None with ``--demo``, a server URL, or an event."""
    if context.demo or (context.db_target and "://" in context.db_target):
        return None
    target = Path(context.db_target).expanduser() if context.db_target else paths.default_database()
    if target.is_dir():
        return None  # the normal path explains
    if not target.exists():
        return target
    from desktop.services.events import list_events

    try:
        db = open_database(target)
    except Exception:
        return None  # the normal path opens it again and explains the problem
    try:
        return None if list_events(db) else target
    finally:
        db.dispose()


def run_window(context: Context) -> int:
    setup_logging()
    app = ensure_app()
    install_excepthook(_show_crash)
    first_run = needs_welcome(context)
    if first_run is not None:
        host = WindowHost()
        host.show_welcome(first_run)
        code = app.exec()
        host.close()
        return code
    if context.demo:
        target = Path(context.db_target) if context.db_target else None
        path: Path | None = target or paths.demo_database()
        opened = lock_and_open(
            path, lambda: open_demo_database(target), None, None, _open_or_explain
        )
    else:
        chosen = context.db_target or paths.default_database()
        path = sqlite_file(database_url(chosen))
        opened = lock_and_open(path, lambda: open_database(chosen), None, None, _open_or_explain)
    if opened is None:
        return 2
    host = WindowHost()
    host.show(*opened)
    code = app.exec()
    host.close()
    return code
