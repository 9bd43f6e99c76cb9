"""Settings kept in the database (``db.models.Setting``), declared once: each is a
``StoredSetting`` below (its key, and whose it is: an event's or a session's), read with
``read`` and written with ``write`` inside the caller's unit of work. They travel with the
event's database (a backup holds them); a desk's own preferences (language, window) are
``desktop.ui.settings`` instead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting


@dataclass(frozen=True)
class StoredSetting:
    key: str
    owner: Literal["event", "session"]  # the row's scope is "<owner>:<id>"

    def scope(self, owner_id: int) -> str:
        return f"{self.owner}:{owner_id}"


# The column mapping of the event's last import, by header text: {"fields": {field: header}}.
IMPORT_MAPPING = StoredSetting("import.mapping", "event")
# The demo event's public passphrase, said in the unlock prompt: {"text": ...}. Real events
# never have it.
PASSPHRASE_HINT = StoredSetting("passphrase_hint", "event")
# The agenda's run state (``desktop.core.agenda_json``), written with the actual times.
AGENDA_RUN = StoredSetting("agenda_run", "session")
# The agenda timer's warning and danger thresholds and chime.
AGENDA_TIMER = StoredSetting("agenda_timer", "session")
# Seating: {"on_arrival": true} seats people at check-in.
SEATING = StoredSetting("seating", "session")
# The session's ID numbers were purged: {"at", "by", "purged"}.
IDS_PURGED = StoredSetting("ids_purged", "session")
STORED_SETTINGS = (IMPORT_MAPPING, PASSPHRASE_HINT, AGENDA_RUN, AGENDA_TIMER, SEATING, IDS_PURGED)


def _row(s: Session, setting: StoredSetting, owner_id: int) -> Setting | None:
    return s.scalar(
        select(Setting).where(Setting.scope == setting.scope(owner_id), Setting.key == setting.key)
    )


def read(s: Session, setting: StoredSetting, owner_id: int) -> dict[str, Any]:
    """The stored value of ``setting`` for the event or session ``owner_id``; {} when none."""
    row = _row(s, setting, owner_id)
    return row.value if row is not None else {}


def write(
    s: Session, setting: StoredSetting, owner_id: int, value: dict[str, Any], at: dt.datetime
) -> None:
    """Store ``value`` as ``setting`` of ``owner_id`` (replacing what was stored)."""
    row = _row(s, setting, owner_id)
    if row is None:
        s.add(Setting(scope=setting.scope(owner_id), key=setting.key, value=value, updated_at=at))
    else:
        row.value, row.updated_at = value, at


def owners(s: Session, setting: StoredSetting) -> set[int]:
    """The events or sessions that have ``setting`` stored."""
    prefix = f"{setting.owner}:"
    scopes = s.scalars(select(Setting.scope).where(Setting.key == setting.key))
    return {int(scope.removeprefix(prefix)) for scope in scopes if scope.startswith(prefix)}
