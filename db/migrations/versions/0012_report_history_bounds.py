"""group report history bounded per venue device and table

``group_report_usage``: the bytes each device, and each table's devices together, stored in
the current minute and in revisions kept for good.

Revision ID: 0012
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "group_report_usage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=True),
        sa.Column("window_bytes", sa.Integer(), nullable=False),
        sa.Column("history_bytes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["group_reports.id"],
            name=op.f("fk_group_report_usage_report_id_group_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_report_usage")),
        sa.UniqueConstraint(
            "report_id", "device_id", name=op.f("uq_group_report_usage_report_id_device_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("group_report_usage")
