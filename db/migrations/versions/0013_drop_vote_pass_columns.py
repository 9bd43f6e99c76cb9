"""The PB vote's leftovers of the three-digit identification and the signed page passes go.

The room code is the voter's only credential now: ``pb_votes.voter_secret`` (the key that
signed the voters' page passes) and ``pb_voters.failed_attempts`` (wrong three-digit tries)
are no longer written or read. Dropping them keeps every vote, project, ballot and voter row.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pb_voters") as batch:
        batch.drop_column("failed_attempts")
    with op.batch_alter_table("pb_votes") as batch:
        batch.drop_column("voter_secret")


def downgrade() -> None:
    with op.batch_alter_table("pb_votes") as batch:
        batch.add_column(sa.Column("voter_secret", sa.LargeBinary(length=32), nullable=True))
    with op.batch_alter_table("pb_voters") as batch:
        batch.add_column(
            sa.Column("failed_attempts", sa.Integer(), server_default="0", nullable=False)
        )
    # The older code tells a backup taken while a vote was open by its secret: an open vote
    # gets one again, as opening it gave it.
    connection = op.get_bind()
    votes = sa.table("pb_votes", sa.column("id"), sa.column("status"), sa.column("voter_secret"))
    opened = connection.execute(sa.select(votes.c.id).where(votes.c.status == "open")).all()
    for (vote_id,) in opened:
        connection.execute(
            votes.update().where(votes.c.id == vote_id).values(voter_secret=secrets.token_bytes(32))
        )
