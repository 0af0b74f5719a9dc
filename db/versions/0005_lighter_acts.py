"""Lighter acts: the upload queue is read from the log, and names join the search index in batches.

- The ``outbox`` table goes: the events waiting for the hub are this node's events after
  ``sync_state.acked_seq`` (the hub's last acknowledgement), so an act no longer writes a queue
  row and its two index entries. An enrolled node's mark is set just before its oldest queued
  event (or at its last event when nothing waited); a node never enrolled has no mark, and all its
  events wait, as they did.
- New dossiers join the name search index in batches (``storage.schema.SEARCH_BATCH``). Every
  dossier there is now is in the index, so the mark starts at the last id.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from motcua_desktop.storage.schema import (
    NAME_INDEX_SEARCH_TAIL,
    NAME_SEARCH_TRIGGERS_DDL,
    SEARCH_MARK_DDL,
    SEARCH_TRIGGERS,
    SEARCH_TRIGGERS_V1,
    SEARCH_TRIGGERS_V1_DDL,
)

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OWN_NODE = "(SELECT json_extract(value, '$') FROM settings WHERE key = 'node_id')"


def _triggers(drop: tuple[str, ...], create: tuple[str, ...]) -> None:
    for name in drop:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for ddl in create:
        op.execute(ddl)


def upgrade() -> None:
    op.execute(
        "UPDATE sync_state SET acked_seq = COALESCE("
        "(SELECT MIN(seq) - 1 FROM outbox), "
        f"(SELECT last_seq FROM node_chains WHERE node = {OWN_NODE}), 0)"
    )
    op.drop_index("ix_outbox_seq", table_name="outbox")
    op.drop_table("outbox")
    op.execute(SEARCH_MARK_DDL)
    op.execute(
        "INSERT INTO dossier_search_mark (id, upto) SELECT 1, COALESCE(MAX(id), 0) FROM dossiers"
    )
    _triggers(SEARCH_TRIGGERS_V1, NAME_SEARCH_TRIGGERS_DDL)


def downgrade() -> None:
    # The tail joins the index first: before 0005 every row is in it.
    op.execute(NAME_INDEX_SEARCH_TAIL)
    _triggers(SEARCH_TRIGGERS, SEARCH_TRIGGERS_V1_DDL)
    op.execute("DROP TABLE dossier_search_mark")
    op.create_table(
        "outbox",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"]),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_outbox_seq", "outbox", ["seq"], unique=False)
    op.execute(
        "INSERT INTO outbox (event_id, seq) SELECT id, seq FROM events "
        f"WHERE node = {OWN_NODE} "
        "AND seq > COALESCE((SELECT acked_seq FROM sync_state), 0) ORDER BY seq"
    )
