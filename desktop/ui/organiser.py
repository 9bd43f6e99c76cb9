"""Desk mode and organiser mode in the window (see ``desktop.services.security``).

For other screens — the whole API:

* ``context.session_state.organiser`` → bool, the current mode;
* ``context.session_state.organiser_changed`` → ``Signal(bool)``, emitted on every switch (enable
  or hide organiser-only buttons in a slot connected to it);
* ``context.require_organiser(parent) -> bool`` → call it before an organiser-only action
  (editing, exports with personal data, settings, revealing an ID). True at once in organiser
  mode; otherwise it asks for the organiser passphrase (audited) and returns True only if it
  was right. ``context.session_state.last_passphrase()`` is deliberately absent: a screen that
  needs the passphrase itself (e.g. to decrypt IDs for the portal file) asks with
  ``ask_passphrase`` and calls the service with it, so the secret is never kept in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.services import security
from desktop.services.security import RoleState
from desktop.ui.messages import error_text

if TYPE_CHECKING:
    from desktop.ui.screens.base import ScreenContext


class SessionState(QObject):
    """The window's role, with a signal. One per window (per ``ScreenContext``)."""

    organiser_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.roles = RoleState()

    @property
    def organiser(self) -> bool:
        return self.roles.organiser

    def allows(self, action: str) -> bool:
        return self.roles.allows(action)

    def unlock(self, context: ScreenContext, passphrase: str, event_id: int | None = None) -> bool:
        ok = security.unlock_organiser(
            context.db,
            self.roles,
            passphrase,
            event_id=event_id,
            actor=context.operator or context.desk,
            desk=context.desk,
        )
        if ok:
            self.organiser_changed.emit(True)
        return ok

    def lock(self, context: ScreenContext) -> None:
        if self.organiser:
            security.lock_organiser(
                context.db, self.roles, actor=context.operator or context.desk, desk=context.desk
            )
            self.organiser_changed.emit(False)


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A password dialog; None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def require_organiser(context: ScreenContext, parent: QWidget | None = None) -> bool:
    state = context.session_state
    if state.organiser:
        return True
    title = QCoreApplication.translate("Organiser", "主辦模式")
    try:
        if not security.has_passphrase(context.db):
            QMessageBox.information(
                parent,
                title,
                QCoreApplication.translate(
                    "Organiser", "這個活動還沒有設定主辦密語，請先在「檔案」選單設定。"
                ),
            )
            return False
    except security.SecurityError as exc:
        QMessageBox.warning(parent, title, error_text(exc))
        return False
    hint = security.passphrase_hint(context.db)
    for attempt in range(3):
        label = QCoreApplication.translate("Organiser", "請輸入主辦密語以切換為主辦模式：")
        if attempt:
            label = QCoreApplication.translate("Organiser", "密語不正確，請再試一次：")
        if hint:
            label += "\n" + QCoreApplication.translate(
                "Organiser", "（示範活動的密語是「{hint}」）"
            ).format(hint=hint)
        passphrase = ask_passphrase(parent, title, label)
        if passphrase is None:
            return False
        if state.unlock(context, passphrase):
            return True
    return False
