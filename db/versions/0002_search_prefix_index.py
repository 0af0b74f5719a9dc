"""Prefix indexes on the applicant-name search (short last words stay fast at a million rows).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op

from motcua_desktop.storage.schema import (
    NAME_SEARCH_TABLE_DDL,
    SEARCH_TRIGGERS_V1,
    SEARCH_TRIGGERS_V1_DDL,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

V1_TABLE = (
    "CREATE VIRTUAL TABLE dossier_search USING fts5("
    "name_folded, content='dossiers', content_rowid='id', tokenize='unicode61')"
)


def _recreate(table_ddl: str) -> None:
    for name in SEARCH_TRIGGERS_V1:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS dossier_search")
    op.execute(table_ddl)
    for ddl in SEARCH_TRIGGERS_V1_DDL:
        op.execute(ddl)
    # External content: the index is rebuilt from the dossiers table itself.
    op.execute("INSERT INTO dossier_search(dossier_search) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate(NAME_SEARCH_TABLE_DDL)


def downgrade() -> None:
    _recreate(V1_TABLE)
