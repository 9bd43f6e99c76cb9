"""Where the agenda services keep what they share: a session's blocks in order, and the run state.

Run state lives in the ``Setting`` row ``scope="session:<id>", key="agenda_run"`` (JSON of
``desktop.core.agenda_json.state_to_json``), written in the same unit of work as the actual times it
marks on blocks, so a crash never leaves the two disagreeing. Timer options (warning/danger
thresholds, chime) are ``key="agenda_timer"`` in the same scope.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AgendaBlock, Setting
from desktop.core.agenda import RunState
from desktop.core.agenda_json import state_from_json

RUN_KEY = "agenda_run"
OPTIONS_KEY = "agenda_timer"


def scope(session_id: int) -> str:
    return f"session:{session_id}"


def ordered_blocks(s: Session, session_id: int) -> list[AgendaBlock]:
    return list(
        s.scalars(
            select(AgendaBlock)
            .where(AgendaBlock.session_id == session_id)
            .order_by(AgendaBlock.position, AgendaBlock.id)
        )
    )


def read_setting(s: Session, session_id: int, key: str) -> Setting | None:
    return s.scalar(select(Setting).where(Setting.scope == scope(session_id), Setting.key == key))


def write_setting(
    s: Session, session_id: int, key: str, value: dict[str, object], now: dt.datetime
) -> None:
    row = read_setting(s, session_id, key)
    if row is None:
        s.add(Setting(scope=scope(session_id), key=key, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now


def load_state(s: Session, session_id: int) -> RunState:
    row = read_setting(s, session_id, RUN_KEY)
    return state_from_json(row.value if row else None)
