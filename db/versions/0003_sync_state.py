"""Sync with the hub: the node's link (key, counter, cursor, outcome), clock records, rejections.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("hub_url", sa.Text, nullable=False),
        sa.Column("commune", sa.String(40), nullable=False),
        sa.Column("node_key", sa.String(64), nullable=False),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("pull_cursor", sa.Integer, nullable=False),
        sa.Column("acked_seq", sa.Integer, nullable=False),
        sa.Column("catalog_version", sa.Integer, nullable=False),
        sa.Column("calendar_version", sa.Integer, nullable=False),
        sa.Column("users_version", sa.Integer, nullable=False),
        sa.Column("enrolled_at", sa.String(40), nullable=False),
        sa.Column("online", sa.Boolean, nullable=True),
        sa.Column("last_attempt", sa.String(40), nullable=True),
        sa.Column("last_success", sa.String(40), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("last_error_code", sa.String(64), nullable=True),
    )
    op.create_table(
        "sync_clock",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("node_at", sa.String(40), nullable=False),
        sa.Column("hub_at", sa.String(40), nullable=False),
        sa.Column("skew_ms", sa.Integer, nullable=False),
        sa.Column("rtt_ms", sa.Integer, nullable=False),
    )
    op.create_table(
        "sync_rejections",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_rejections")
    op.drop_table("sync_clock")
    op.drop_table("sync_state")
