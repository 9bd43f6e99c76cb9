"""Start the window: show it at once, then open the database (with clear dialogs on failure).

The main window appears before the data layer is imported (SQLAlchemy, the models and the
schema check cost most of a second on a laptop): the first event-loop turn after it shows
opens the database and fills it in. So this module imports the data layer inside functions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import collector, paths
from desktop.logs import install_excepthook, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.qtapp import ensure_app

if TYPE_CHECKING:
    from db.uow import Database
    from desktop.cli import Context
    from desktop.lockfile import DatabaseLock
    from desktop.ui.reliability import ReliabilityController
    from desktop.ui.welcome import WelcomeWindow

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
        from desktop.ui.welcome import WelcomeWindow

        old = (self.window, self.db, self.lock, self.reliability)
        self.db = self.lock = self.reliability = None
        welcome = WelcomeWindow(target)
        welcome.demo_requested.connect(self._on_open_demo)
        welcome.open_requested.connect(self._on_open_path)
        welcome.database_ready.connect(lambda db: self._on_event_created(db, target))
        self.window = welcome
        welcome.show()
        _retire(*old, keep_lock=None)
        return welcome

    def show_opening(self) -> MainWindow:
        """Start-up: the main window's frame, shown while the database opens (``show``)."""
        self.window = MainWindow(None)
        self.window.show_as_last_time()
        return self.window

    def show(self, db: Database, lock: DatabaseLock | None = None) -> MainWindow:
        from desktop.app import describe
        from desktop.ui.reliability import ReliabilityController
        from desktop.ui.screens.base import ScreenContext

        old = (self.window, self.db, self.lock, self.reliability)
        self.db, self.lock = db, lock
        opening = self.window if isinstance(self.window, MainWindow) else None
        if opening is not None and not opening.attached:
            window, old = opening, (None, *old[1:])  # the start-up frame is filled in
            window.attach(ScreenContext(db=db), describe(db))
        else:
            window = MainWindow(ScreenContext(db=db), describe(db))
            window.show_as_last_time()
        self.window = window
        window.open_database_requested.connect(self._on_open_path)
        window.open_demo_requested.connect(self._on_open_demo)
        self.reliability = ReliabilityController(window)
        self.reliability.restore_requested.connect(self._on_restore)
        _retire(*old, keep_lock=lock)  # after the new window shows, so the app does not quit
        return window

    def close(self) -> None:
        """The app is quitting: closing backup, then release the database and its lock."""
        old = (self.window, self.db, self.lock, self.reliability)
        self.window = self.db = self.lock = self.reliability = None
        _retire(*old, keep_lock=None)

    def open(self, path: Path | None, opener: Callable[[], Database]) -> bool:
        """Lock and open a database, then show it: in the main window, or in the welcome when
        the file has no event yet (a new or emptied file: the main window would have no way
        to create one; the welcome creates it in that file). False when that was refused or
        failed (the user was told why)."""
        from desktop.services.events import list_events
        from desktop.ui.reliability import lock_and_open

        opened = lock_and_open(path, opener, self.lock, self.window, _open_or_explain)
        if opened is None:
            return False
        db, lock = opened
        if path is not None and not list_events(db):
            _retire(None, db, lock, None, keep_lock=self.lock)
            self.show_welcome(path)
        else:
            self.show(db, lock)
        return True

    def _on_open_path(self, path: str) -> None:
        from db.engine import database_url, sqlite_file
        from desktop.app import open_database

        self.open(sqlite_file(database_url(path)), lambda: open_database(path))

    def _on_event_created(self, db: Database, target: Path) -> None:
        """The welcome created an event in ``target``: reopen it under the window lock."""
        db.dispose()
        self._on_open_path(str(target))
        if isinstance(self.window, MainWindow):
            self.window.show_next_step()

    def _on_open_demo(self) -> None:
        from desktop.app import open_demo_database

        self.open(paths.demo_database(), open_demo_database)

    def _on_restore(self, backup_file: str) -> None:
        """Restore with the lock kept: close the connections, swap the file, reopen."""
        from desktop.app import open_database
        from desktop.ui.reliability import restore_or_explain

        if self.db is None or self.lock is None:
            return
        path, lock = self.lock.database, self.lock
        if self.reliability is not None:
            self.reliability.shutdown()  # a last backup of what is being replaced
            self.reliability = None
        self.db.dispose()  # the old window stays up until the restored one replaces it
        restore_or_explain(path, Path(backup_file), self.window)  # on failure: a dialog
        db = _open_or_explain(lambda: open_database(path), self.window)
        if db is not None:
            self.show(db, lock)


def _retire(
    window: QWidget | None,
    db: Database | None,
    lock: DatabaseLock | None,
    reliability: ReliabilityController | None,
    *,
    keep_lock: DatabaseLock | None,
) -> None:
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


def _open_or_explain(
    opener: Callable[[], Database], parent: QWidget | None = None
) -> Database | None:
    from desktop.errors import environment_problem
    from desktop.ui.messages import error_text

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


def _event_file(context: Context) -> Path | None:
    """The database file the window opens: ``--db`` or the default one; None with ``--demo``
    or a server URL."""
    if context.demo or (context.db_target and "://" in context.db_target):
        return None
    return Path(context.db_target).expanduser() if context.db_target else paths.default_database()


def run_window(context: Context) -> int:
    setup_logging()
    app = ensure_app()
    install_excepthook(_show_crash)
    host = WindowHost()
    target = _event_file(context)
    if target is not None and not target.exists():
        host.show_welcome(target)  # the first run: nothing to open
        collector.started()
    else:
        host.show_opening()
        QTimer.singleShot(0, lambda: _open_first(host, context))
    code = app.exec()
    host.close()
    return code


def _open_first(host: WindowHost, context: Context) -> None:
    """Start-up, once the window shows: open the database into it (``WindowHost.open``: the
    welcome for a file without an event); a database that cannot be opened ends the app
    (exit status 2)."""
    from db.engine import database_url, sqlite_file
    from desktop.app import open_database, open_demo_database

    if context.demo:
        target = Path(context.db_target) if context.db_target else None
        opened = host.open(target or paths.demo_database(), lambda: open_demo_database(target))
    else:
        chosen = context.db_target or str(paths.default_database())
        opened = host.open(sqlite_file(database_url(chosen)), lambda: open_database(chosen))
    collector.started()
    if not opened:
        QCoreApplication.exit(2)
