"""scrub ID masks that show more than DOMAIN.md's A12345****

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-29 23:10:00

Before 0.1.1 the mask kept "all but the last four characters" of whatever the ID cell held, so
``E134567813/0911000001`` was stored as ``E134567813/0`` (a full ID in clear) and
``F27654329(1)`` leaked nine characters. Every mask that is not "" and not of the form
``A12345****`` becomes the unreadable mask, in the attendees and in the audit log's
``id.reveal`` entries that copied it. The sealed numbers are untouched.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Copied, not imported: a migration must keep doing what it did when the code moves on.
_MASK_SHAPE = re.compile(r"^[A-Z][12489A-D]\d{4}\*{4}$")
_UNREADABLE = "**********"


def _scrubbed(mask: str) -> str:
    return mask if not mask or _MASK_SHAPE.match(mask) else _UNREADABLE


def upgrade() -> None:
    connection = op.get_bind()
    attendees = connection.execute(
        sa.text("SELECT id, id_mask FROM attendees WHERE id_mask <> ''")
    ).all()
    for attendee in attendees:
        if _scrubbed(attendee.id_mask) != attendee.id_mask:
            connection.execute(
                sa.text("UPDATE attendees SET id_mask = :m WHERE id = :i"),
                {"m": _UNREADABLE, "i": attendee.id},
            )
    audit = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("detail", sa.JSON),
    )
    entries = connection.execute(
        sa.select(audit.c.id, audit.c.detail).where(audit.c.action == "id.reveal")
    ).all()
    for entry in entries:
        values = dict(entry.detail or {})
        mask = str(values.get("mask") or "")
        if _scrubbed(mask) != mask:
            values["mask"] = _UNREADABLE
            connection.execute(audit.update().where(audit.c.id == entry.id).values(detail=values))


def downgrade() -> None:
    """Nothing to restore: the scrubbed characters were never meant to be stored."""
