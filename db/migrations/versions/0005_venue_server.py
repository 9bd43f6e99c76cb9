"""venue server: report revision numbers and recent states, per-table secrets, devices

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("group_reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "group_report_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["group_reports.id"],
            name=op.f("fk_group_report_states_report_id_group_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_report_states")),
        sa.UniqueConstraint(
            "report_id", "revision", name=op.f("uq_group_report_states_report_id_revision")
        ),
    )
    op.create_table(
        "venue_table_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["workshop_tables.id"],
            name=op.f("fk_venue_table_keys_table_id_workshop_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue_table_keys")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_venue_table_keys_secret_hash")),
    )
    with op.batch_alter_table("venue_table_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_venue_table_keys_table_id"), ["table_id"], unique=False
        )
    op.create_table(
        "venue_devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["workshop_tables.id"],
            name=op.f("fk_venue_devices_table_id_workshop_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_venue_devices_token_hash")),
    )
    with op.batch_alter_table("venue_devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venue_devices_table_id"), ["table_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("venue_devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venue_devices_table_id"))
    op.drop_table("venue_devices")
    with op.batch_alter_table("venue_table_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venue_table_keys_table_id"))
    op.drop_table("venue_table_keys")
    op.drop_table("group_report_states")
    with op.batch_alter_table("group_reports", schema=None) as batch_op:
        batch_op.drop_column("revision")
