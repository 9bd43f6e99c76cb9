"""Start the window: open the database (with clear dialogs on failure), show the main window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.app import describe, open_database, open_demo_database
from desktop.errors import user_message
from desktop.logs import install_excepthook, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.qtapp import ensure_app
from desktop.ui.screens import ScreenContext

if TYPE_CHECKING:
    from db.uow import Database
    from desktop.cli import Context

log = logging.getLogger(__name__)


class WindowHost:
    """Owns the current main window and swaps it when another database is opened."""

    def __init__(self) -> None:
        self.window: MainWindow | None = None
        self.db: Database | None = None

    def show(self, db: Database) -> MainWindow:
        old_window, old_db = self.window, self.db
        self.db = db
        self.window = MainWindow(ScreenContext(db=db), describe(db))
        self.window.open_database_requested.connect(self._on_open_path)
        self.window.open_demo_requested.connect(self._on_open_demo)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_db is not None:
            old_db.dispose()
        return self.window

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
        QMessageBox.critical(parent, "無法開啟資料庫", message)
        return None


def _show_crash(summary: str, log_file: Path) -> None:
    QMessageBox.critical(
        None,
        "發生未預期的錯誤",
        f"程式發生未預期的錯誤，已記錄於：\n{log_file}\n\n{summary}\n\n"
        "已儲存的資料不受影響；若畫面異常，請重新啟動程式。",
    )


def run_window(context: Context) -> int:
    setup_logging()
    app = ensure_app()
    install_excepthook(_show_crash)
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
