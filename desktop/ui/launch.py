"""Start the window: open the database (with clear dialogs on failure), show the main window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import paths
from desktop.app import describe, open_database, open_demo_database
from desktop.errors import user_message
from desktop.logs import install_excepthook, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.qtapp import ensure_app
from desktop.ui.screens import ScreenContext
from desktop.ui.welcome import WelcomeWindow

if TYPE_CHECKING:
    from db.uow import Database
    from desktop.cli import Context

log = logging.getLogger(__name__)


class WindowHost:
    """Owns the current main window and swaps it when another database is opened."""

    def __init__(self) -> None:
        self.window: QWidget | None = None  # the main window, or the first-run welcome
        self.db: Database | None = None

    def show_welcome(self, target: Path) -> WelcomeWindow:
        """First run: no event yet. The welcome offers the demo, a new event (in ``target``) or
        a file; whichever the user picks replaces it with the main window."""
        welcome = WelcomeWindow(target)
        welcome.demo_requested.connect(self._on_open_demo)
        welcome.open_requested.connect(self._on_open_path)
        welcome.database_ready.connect(self.show)
        self.window = welcome
        welcome.show()
        return welcome

    def show(self, db: Database) -> MainWindow:
        old_window, old_db = self.window, self.db
        self.db = db
        window = MainWindow(ScreenContext(db=db), describe(db))
        window.open_database_requested.connect(self._on_open_path)
        window.open_demo_requested.connect(self._on_open_demo)
        window.show()
        self.window = window
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_db is not None:
            old_db.dispose()
        return window

    def _on_open_path(self, path: str) -> None:
        db = _open_or_explain(lambda: open_database(path), self.window)
        if db is not None:
            self.show(db)

    def _on_open_demo(self) -> None:
        db = _open_or_explain(open_demo_database, self.window)
        if db is not None:
            self.show(db)


def _open_or_explain(opener, parent=None):  # type: ignore[no-untyped-def]
    try:
        return opener()
    except Exception as exc:
        message = user_message(exc)
        if message is None:
            raise
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
    """The default database when this is a first run (no ``--db``/``--demo`` and no event in
    the default database yet), else None."""
    if context.demo or context.db_target:
        return None
    target = paths.default_database()
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
        if host.db is not None:
            host.db.dispose()
        return code
    if context.demo:
        target = Path(context.db_target) if context.db_target else None
        db = _open_or_explain(lambda: open_demo_database(target))
    else:
        db = _open_or_explain(
            lambda: open_database(context.db_target or paths.default_database())
        )
    if db is None:
        return 2
    host = WindowHost()
    host.show(db)
    code = app.exec()
    if host.db is not None:
        host.db.dispose()
    return code
