"""ID numbers and phones join the names in the batched search index; their B-trees go.

Every intake wrote one page of each of the two indexes (``ix_dossiers_id_number`` and
``ix_dossiers_phone``: random keys, a page apiece in every commit). In the full-text index a new
dossier's keys are written with 63 others, one segment per batch (``storage.schema``); a lookup
by ID number or phone reads the index, and the short tail of dossiers not yet in it from the
table (``services.lookup``). The index is rebuilt from the table, so every dossier is in it and the
mark moves to the last one.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from alembic import op

from motcua_desktop.storage.schema import (
    NAME_SEARCH_TABLE_DDL,
    NAME_SEARCH_TRIGGERS_DDL,
    SEARCH_TABLE_DDL,
    SEARCH_TRIGGERS,
    SEARCH_TRIGGERS_DDL,
)

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KEYS = ("id_number", "phone")


def _recreate(table_ddl: str, triggers_ddl: tuple[str, ...]) -> None:
    for name in SEARCH_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE dossier_search")
    op.execute(table_ddl)
    # External content: the index is rebuilt from the dossiers table itself, every row of it.
    op.execute("INSERT INTO dossier_search(dossier_search) VALUES ('rebuild')")
    op.execute("UPDATE dossier_search_mark SET upto = (SELECT COALESCE(MAX(id), 0) FROM dossiers)")
    for ddl in triggers_ddl:
        op.execute(ddl)


def upgrade() -> None:
    for column in KEYS:
        op.drop_index(f"ix_dossiers_{column}", table_name="dossiers")
    _recreate(SEARCH_TABLE_DDL, SEARCH_TRIGGERS_DDL)


def downgrade() -> None:
    _recreate(NAME_SEARCH_TABLE_DDL, NAME_SEARCH_TRIGGERS_DDL)
    for column in KEYS:
        op.create_index(f"ix_dossiers_{column}", "dossiers", [column], unique=False)
