"""The hub's first schema: communes, enrolment, nodes, events, rejections, clocks, downward data.

Revision ID: hub0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "hub0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
SERIAL = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "communes",
        sa.Column("unit_code", sa.String(40), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("last_pos", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "enroll_codes",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("commune", sa.String(40), nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.Column("used_by", sa.String(64), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "nodes",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("commune", sa.String(40), nullable=False),
        sa.Column("slot", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False, server_default=""),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("last_seq", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("counter", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("enrolled_at", TZ, nullable=False),
        sa.Column("last_seen", TZ, nullable=True),
        sa.Column("last_skew_ms", sa.BigInteger, nullable=True),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("commune", sa.String(40), nullable=False),
        sa.Column("pos", sa.BigInteger, nullable=False),
        sa.Column("node", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("at_utc", TZ, nullable=False),
        sa.Column("dossier", sa.String(64), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("wire", sa.Text, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.UniqueConstraint("commune", "pos", name="uq_events_commune_pos"),
    )
    op.create_table(
        "rejected_events",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("commune", sa.String(40), nullable=False),
        sa.Column("node", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("wire", sa.Text, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.UniqueConstraint("node", "seq", name="uq_rejected_node_seq"),
    )
    op.create_table(
        "clock_records",
        sa.Column("id", SERIAL, primary_key=True, autoincrement=True),
        sa.Column("node", sa.String(64), nullable=False),
        sa.Column("hub_at", TZ, nullable=False),
        sa.Column("node_at", sa.Text, nullable=False),
        sa.Column("skew_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_clock_records_node", "clock_records", ["node", "hub_at"])
    op.create_table(
        "refusals",
        sa.Column("id", SERIAL, primary_key=True, autoincrement=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("node", sa.String(64), nullable=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "downward",
        sa.Column("commune", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("published_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("commune", "kind", "version", name="pk_downward"),
    )


def downgrade() -> None:
    for table in (
        "downward", "refusals", "clock_records", "rejected_events", "events", "nodes",
        "enroll_codes", "communes",
    ):  # fmt: skip
        op.drop_table(table)
