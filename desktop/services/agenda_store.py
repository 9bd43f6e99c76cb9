"""Where the agenda services keep what they share: a session's blocks in order, and the run state.

Run state is the session's ``stored_settings.AGENDA_RUN`` (JSON of
``desktop.core.agenda_json.state_to_json``), written in the same unit of work as the actual times it
marks on blocks, so a crash never leaves the two disagreeing. Timer options (warning/danger
thresholds, chime) are its ``stored_settings.AGENDA_TIMER``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AgendaBlock
from desktop.core.agenda import RunState
from desktop.core.agenda_json import state_from_json
from desktop.services import stored_settings


def ordered_blocks(s: Session, session_id: int) -> list[AgendaBlock]:
    return list(
        s.scalars(
            select(AgendaBlock)
            .where(AgendaBlock.session_id == session_id)
            .order_by(AgendaBlock.position, AgendaBlock.id)
        )
    )


def load_state(s: Session, session_id: int) -> RunState:
    return state_from_json(stored_settings.read(s, stored_settings.AGENDA_RUN, session_id))
