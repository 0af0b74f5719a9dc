"""The reports' earliest day comes from the read model; the event log loses its index on the time
of the act.

That index's one reader was the reports' earliest act (``MIN(at_utc)``), and every act wrote a
page of it: about a sixteenth of what an intake fsyncs. The earliest day is now the day of the
earliest dossier (``ReportService.first_day``): the earliest receipt, through the index on the
day of receipt, or the earliest refusal at the counter (never received), through a partial index
that holds those rows only, so no other act writes to it (the status leads, so that SQLite sees
it serves the query's ``status =`` and covers its ``MIN(closed_at)``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COUNTER_REFUSALS = "ix_dossiers_counter_refusals"


def upgrade() -> None:
    op.drop_index("ix_events_at_utc", table_name="events")
    op.create_index(
        COUNTER_REFUSALS,
        "dossiers",
        ["status", "closed_at"],
        unique=False,
        sqlite_where=sa.text("status = 'refused_at_counter'"),
    )


def downgrade() -> None:
    op.drop_index(COUNTER_REFUSALS, table_name="dossiers")
    op.create_index("ix_events_at_utc", "events", ["at_utc"], unique=False)
