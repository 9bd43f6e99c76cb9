"""Room codes for seat holders, a table's location note, and the session's handouts.

Every admitted person and walk-in gets a room code now (the backfill below); later ones get
theirs when they are admitted or added (``desktop.services.room``). The alphabet and length
are those of ``desktop.core.room_code``, written out here so this revision never changes
meaning when that module does.

Revision ID: 0010
Revises: 0008
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 9


def upgrade() -> None:
    with op.batch_alter_table("registrations") as batch:
        batch.add_column(sa.Column("room_code", sa.String(length=9), nullable=True))
        batch.create_unique_constraint(batch.f("uq_registrations_room_code"), ["room_code"])
    with op.batch_alter_table("workshop_tables") as batch:
        batch.add_column(
            sa.Column("location", sa.String(length=200), server_default="", nullable=False)
        )
    op.create_table(
        "handouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_handouts_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handouts")),
    )
    op.create_index(op.f("ix_handouts_session_id"), "handouts", ["session_id"])
    op.create_table(
        "handout_chunks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handout_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handout_id"],
            ["handouts.id"],
            name=op.f("fk_handout_chunks_handout_id_handouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handout_chunks")),
        sa.UniqueConstraint("handout_id", "seq", name=op.f("uq_handout_chunks_handout_id_seq")),
    )
    connection = op.get_bind()
    seat_holders: list[int] = list(
        connection.execute(
            sa.text("SELECT id FROM registrations WHERE status IN ('admitted', 'walk_in')")
        ).scalars()
    )
    issued: set[str] = set()
    for registration_id in seat_holders:
        code = ""
        while not code or code in issued:
            code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        issued.add(code)
        connection.execute(
            sa.text("UPDATE registrations SET room_code = :code WHERE id = :id"),
            {"code": code, "id": registration_id},
        )


def downgrade() -> None:
    op.drop_table("handout_chunks")
    op.drop_index(op.f("ix_handouts_session_id"), table_name="handouts")
    op.drop_table("handouts")
    with op.batch_alter_table("workshop_tables") as batch:
        batch.drop_column("location")
    with op.batch_alter_table("registrations") as batch:
        batch.drop_constraint(batch.f("uq_registrations_room_code"), type_="unique")
        batch.drop_column("room_code")
