"""The PB vote: rounds, and voters the desk took off the web.

``pb_votes.round``: a session may hold several votes one after another (a new round after a
closed one keeps the closed one's results); the vote of a session is now unique per round.
``pb_voters.desk_only``: the desk revoked this person's web pass, or typed their paper ballot,
which is then final: no web ballot replaces it.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pb_votes") as batch:
        batch.add_column(sa.Column("round", sa.Integer(), server_default="1", nullable=False))
        batch.drop_constraint(batch.f("uq_pb_votes_session_id"), type_="unique")
        batch.create_unique_constraint(
            batch.f("uq_pb_votes_session_id_round"), ["session_id", "round"]
        )
    with op.batch_alter_table("pb_voters") as batch:
        batch.add_column(
            sa.Column("desk_only", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    # An older schema holds one vote per session: the earlier rounds go.
    earlier = (
        "SELECT id FROM pb_votes WHERE round < (SELECT MAX(v.round) FROM pb_votes v"
        " WHERE v.session_id = pb_votes.session_id)"
    )
    for child in ("pb_voters", "pb_ballots", "pb_projects"):
        op.execute(f"DELETE FROM {child} WHERE vote_id IN ({earlier})")
    op.execute(f"DELETE FROM pb_votes WHERE id IN ({earlier})")
    with op.batch_alter_table("pb_voters") as batch:
        batch.drop_column("desk_only")
    with op.batch_alter_table("pb_votes") as batch:
        batch.drop_constraint(batch.f("uq_pb_votes_session_id_round"), type_="unique")
        batch.create_unique_constraint(batch.f("uq_pb_votes_session_id"), ["session_id"])
        batch.drop_column("round")
