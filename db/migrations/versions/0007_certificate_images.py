"""Certificate seal and signature images stored in the events table.

Until now ``certificate_settings`` held their file paths (relative to wherever the command
ran); an image whose stored path still opens is moved into the database, and the path keys
are dropped either way.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("seal_image", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("signature_image", sa.LargeBinary(), nullable=True))
    bind = op.get_bind()
    for event in bind.execute(sa.text("SELECT id, certificate_settings FROM events")):
        event_id, raw = event.id, event.certificate_settings
        settings = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
        if not {"seal_image", "signature_image"} & set(settings):
            continue
        for key in ("seal_image", "signature_image"):
            path = Path(settings.pop(key, "") or "")
            if path.name and path.is_file():
                bind.execute(
                    sa.text(f"UPDATE events SET {key} = :data WHERE id = :id"),
                    {"data": path.read_bytes(), "id": event_id},
                )
        bind.execute(
            sa.text("UPDATE events SET certificate_settings = :s WHERE id = :id").bindparams(
                sa.bindparam("s", type_=sa.JSON)
            ),
            {"s": settings, "id": event_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("signature_image")
        batch.drop_column("seal_image")
