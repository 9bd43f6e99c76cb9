"""The check-in log keeps every attempt: refused scans get a row too.

A refused row (``action = 'refused'``) carries the refusal in ``result``; the rows there were
before are all ``ok``. A refused scan may name no registration (an unreadable or forged code),
so ``registration_id`` may be empty and ``desk_session_id`` says which session the desk served;
for the rows there were before it is their registration's session.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("check_ins") as batch:
        batch.add_column(sa.Column("desk_session_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("result", sa.String(length=30), server_default="ok", nullable=False)
        )
        batch.alter_column("action", existing_type=sa.String(length=6), type_=sa.String(length=8))
        batch.alter_column("registration_id", existing_type=sa.Integer(), nullable=True)
        batch.create_foreign_key(
            batch.f("fk_check_ins_desk_session_id_sessions"),
            "sessions",
            ["desk_session_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(batch.f("ix_check_ins_desk_session_id"), ["desk_session_id"])
    op.execute(
        "UPDATE check_ins SET desk_session_id = (SELECT registrations.session_id FROM"
        " registrations WHERE registrations.id = check_ins.registration_id)"
    )


def downgrade() -> None:
    # The rows of refused attempts have no place in the older log.
    op.execute("DELETE FROM check_ins WHERE action = 'refused'")
    with op.batch_alter_table("check_ins") as batch:
        batch.drop_index(batch.f("ix_check_ins_desk_session_id"))
        batch.drop_constraint(batch.f("fk_check_ins_desk_session_id_sessions"), type_="foreignkey")
        batch.alter_column("registration_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("action", existing_type=sa.String(length=8), type_=sa.String(length=6))
        batch.drop_column("result")
        batch.drop_column("desk_session_id")
