"""Who has arrived, read from the check-in log (``desktop.core.status.arrived``: a check-in
that no void cancels; refused attempts are no one's)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CheckAction, CheckIn, Registration, SeatAssignment
from desktop.core.status import arrived


def arrived_ids(s: Session, session_id: int, *, table_id: int | None = None) -> set[int]:
    """The registrations of the session who have arrived; with ``table_id``, only those seated
    at that table (a table's report reads a few people's log, not the whole session's, which
    grows all day as the desk scans)."""
    query = select(
        CheckIn.registration_id, CheckIn.id, CheckIn.action, CheckIn.at, CheckIn.voids_id
    ).where(CheckIn.action != CheckAction.REFUSED)
    if table_id is None:
        query = query.join(Registration, Registration.id == CheckIn.registration_id).where(
            Registration.session_id == session_id
        )
    else:
        query = query.join(
            SeatAssignment, SeatAssignment.registration_id == CheckIn.registration_id
        ).where(SeatAssignment.table_id == table_id)
    return arrived(
        (reg, (row_id, action, at, voids)) for reg, row_id, action, at, voids in s.execute(query)
    )
