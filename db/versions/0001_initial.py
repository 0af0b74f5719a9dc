"""Initial schema: event log, node chains, outbox, dossier read model with search, reference data.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from motcua_desktop.storage.schema import SEARCH_TRIGGERS_V1_DDL

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# As released in 0001; 0002 adds prefix indexes.
SEARCH_TABLE_V1 = (
    "CREATE VIRTUAL TABLE dossier_search USING fts5("
    "name_folded, content='dossiers', content_rowid='id', tokenize='unicode61')"
)

# The log is append-only: the database itself refuses to rewrite or delete an event.
IMMUTABLE_EVENTS = (
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END",
)


def upgrade() -> None:
    op.create_table(
        "calendar_overrides",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "day_counters",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("procedure_code", sa.String(length=40), nullable=False),
        sa.Column("procedure_name", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("applicant_name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.Column("id_number", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=True),
        sa.Column("appointment", sa.String(length=40), nullable=True),
        sa.Column("rescheduled_to", sa.String(length=40), nullable=True),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.Column("holder_user", sa.String(length=64), nullable=False),
        sa.Column("holder_unit", sa.String(length=200), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_index("ix_dossiers_id_number", "dossiers", ["id_number"], unique=False)
    op.create_index("ix_dossiers_name_folded", "dossiers", ["name_folded"], unique=False)
    op.create_index("ix_dossiers_phone", "dossiers", ["phone"], unique=False)
    op.create_index("ix_dossiers_received_at", "dossiers", ["received_at"], unique=False)
    op.create_index(
        "ix_dossiers_status_appointment", "dossiers", ["status", "appointment"], unique=False
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("node", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("at_utc", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("dossier", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("prev", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("v", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("node", "seq", name="uq_events_node_seq"),
    )
    op.create_index("ix_events_at_utc", "events", ["at_utc"], unique=False)
    op.create_index("ix_events_dossier", "events", ["dossier"], unique=False)
    op.create_table(
        "node_chains",
        sa.Column("node", sa.String(length=64), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("last_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("node"),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index(op.f("ix_procedures_field"), "procedures", ["field"], unique=False)
    op.create_index(op.f("ix_procedures_name_folded"), "procedures", ["name_folded"], unique=False)
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "outbox",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index(op.f("ix_outbox_seq"), "outbox", ["seq"], unique=False)
    for ddl in (SEARCH_TABLE_V1, *SEARCH_TRIGGERS_V1_DDL, *IMMUTABLE_EVENTS):
        op.execute(ddl)


def downgrade() -> None:
    for name in (
        "events_no_update",
        "events_no_delete",
        "dossiers_ai",
        "dossiers_ad",
        "dossiers_au",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS dossier_search")
    op.drop_index(op.f("ix_outbox_seq"), table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_index(op.f("ix_procedures_name_folded"), table_name="procedures")
    op.drop_index(op.f("ix_procedures_field"), table_name="procedures")
    op.drop_table("procedures")
    op.drop_table("node_chains")
    op.drop_index("ix_events_dossier", table_name="events")
    op.drop_index("ix_events_at_utc", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_dossiers_status_appointment", table_name="dossiers")
    op.drop_index("ix_dossiers_received_at", table_name="dossiers")
    op.drop_index("ix_dossiers_phone", table_name="dossiers")
    op.drop_index("ix_dossiers_name_folded", table_name="dossiers")
    op.drop_index("ix_dossiers_id_number", table_name="dossiers")
    op.drop_table("dossiers")
    op.drop_table("day_counters")
    op.drop_table("calendar_overrides")
