"""participatory-budgeting vote: pb_votes, pb_projects, pb_ballots, pb_voters

Revision ID: 0006
Revises: 0005 (0001 before issue-15 was merged in)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pb_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("budget", sa.Integer(), nullable=False),
        sa.Column("max_approvals", sa.Integer(), nullable=True),
        sa.Column("voter_secret", sa.LargeBinary(length=32), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_pb_votes_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pb_votes")),
        sa.UniqueConstraint("session_id", name=op.f("uq_pb_votes_session_id")),
    )
    op.create_table(
        "pb_projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("tables", sa.JSON(), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.Column("included", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["vote_id"],
            ["pb_votes.id"],
            name=op.f("fk_pb_projects_vote_id_pb_votes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pb_projects")),
        sa.UniqueConstraint("vote_id", "number", name=op.f("uq_pb_projects_vote_id_number")),
    )
    with op.batch_alter_table("pb_projects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pb_projects_vote_id"), ["vote_id"], unique=False)

    op.create_table(
        "pb_ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("approvals", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["vote_id"],
            ["pb_votes.id"],
            name=op.f("fk_pb_ballots_vote_id_pb_votes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pb_ballots")),
    )
    with op.batch_alter_table("pb_ballots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pb_ballots_vote_id"), ["vote_id"], unique=False)

    op.create_table(
        "pb_voters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("ballot_id", sa.Integer(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ballot_id"],
            ["pb_ballots.id"],
            name=op.f("fk_pb_voters_ballot_id_pb_ballots"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_pb_voters_registration_id_registrations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vote_id"],
            ["pb_votes.id"],
            name=op.f("fk_pb_voters_vote_id_pb_votes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pb_voters")),
        sa.UniqueConstraint(
            "vote_id", "registration_id", name=op.f("uq_pb_voters_vote_id_registration_id")
        ),
    )
    with op.batch_alter_table("pb_voters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pb_voters_vote_id"), ["vote_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pb_voters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pb_voters_vote_id"))
    op.drop_table("pb_voters")
    with op.batch_alter_table("pb_ballots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pb_ballots_vote_id"))
    op.drop_table("pb_ballots")
    with op.batch_alter_table("pb_projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pb_projects_vote_id"))
    op.drop_table("pb_projects")
    op.drop_table("pb_votes")
