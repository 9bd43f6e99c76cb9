"""What every work area has: the database, the chosen session, and a refresh."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from db.uow import Database
from desktop.services.events import SessionInfo
from desktop.services.security import ORGANISER_ACTIONS
from desktop.ui.organiser import SessionState, require_organiser


@dataclass
class ScreenContext:
    db: Database
    desk: str = "desk-1"  # which registration desk this laptop is (shown in check-in logs)
    operator: str = ""
    # Desk or organiser mode: ``session_state.organiser`` + ``organiser_changed`` signal.
    session_state: SessionState = field(default_factory=SessionState)

    def require_organiser(self, parent: QWidget | None = None) -> bool:
        """True if in organiser mode, else ask for the passphrase (see desktop/ui/organiser.py)."""
        return require_organiser(self, parent)


class Screen(QWidget):
    """A work area. Subclasses set ``object_name`` and implement ``title`` and ``show_session``.

    A screen whose ``action`` is one of ``security.ORGANISER_ACTIONS`` (editing, exports with
    personal data) opens only in organiser mode; desk mode keeps check-in, search and walk-ins.
    """

    action: str | None = None  # what working on this screen amounts to

    @property
    def organiser_only(self) -> bool:
        return self.action in ORGANISER_ACTIONS

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
