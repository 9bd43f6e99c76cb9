"""The audit log: every change a service makes is recorded with who, when and what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry
from desktop.services.bulk import insert_rows


def record(
    session: Session,
    action: str,
    *,
    actor: str = "",
    entity: str = "",
    entity_id: int | None = None,
    at: dt.datetime | None = None,
    **detail: Any,
) -> None:
    """Add an audit row in the caller's unit of work (it commits or rolls back with it).

    ``detail`` must not carry full personal data (ID numbers, phones): log masked forms.
    """
    session.add(
        AuditEntry(
            at=at or dt.datetime.now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def record_many(
    session: Session,
    entries: Iterable[tuple[str, str, int | None, dict[str, Any]]],
    *,
    actor: str,
    at: dt.datetime,
) -> None:
    """``record`` for many rows at once (``(action, entity, entity_id, detail)`` each), in one
    executemany: an import of 10,000 people records as many changes."""
    rows = [
        {
            "at": at,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": eid,
            "detail": d,
        }
        for action, entity, eid, d in entries
    ]
    insert_rows(session, AuditEntry, rows)
