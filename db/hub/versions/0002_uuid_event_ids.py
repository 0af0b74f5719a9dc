"""Event ids as native uuid on PostgreSQL: a smaller, faster primary key for the bulk apply.

SQLite keeps them as text; nothing changes there.

Revision ID: hub0002
Revises: hub0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "hub0002"
down_revision = "hub0001"
branch_labels = None
depends_on = None

TABLES = ("events", "rejected_events")


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if _postgresql():
        for table in TABLES:
            op.alter_column(
                table, "id", type_=postgresql.UUID(as_uuid=False), postgresql_using="id::uuid"
            )


def downgrade() -> None:
    if _postgresql():
        for table in TABLES:
            op.alter_column(table, "id", type_=sa.String(36), postgresql_using="id::text")
