"""What every work area has: the database, the chosen session, and a refresh."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from db.uow import Database
from desktop.services.events import SessionInfo


@dataclass
class ScreenContext:
    db: Database
    desk: str = "desk-1"  # which registration desk this laptop is (shown in check-in logs)
    operator: str = ""


class Screen(QWidget):
    """A work area. Subclasses set ``object_name`` and implement ``title`` and ``show_session``."""

    def __init__(self, context: ScreenContext) -> None:
        super().__init__()
        self.context = context
        self.session: SessionInfo | None = None

    def title(self) -> str:
        raise NotImplementedError

    def set_session(self, session: SessionInfo | None) -> None:
        self.session = session
        self.show_session(session)

    def show_session(self, session: SessionInfo | None) -> None:
        """Fill the screen for ``session`` (None: the database has no session yet)."""
        raise NotImplementedError

    def refresh(self) -> None:
        self.show_session(self.session)
