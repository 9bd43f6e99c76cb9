"""The audit log: every change a service makes is recorded with who, when and what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry


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
