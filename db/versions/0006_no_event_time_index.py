"""The event log loses its index on the time of the act.

Its one reader was the reports' earliest act (``MIN(at_utc)``); the day of the earliest dossier
now comes from the read model's own indexes (``ReportService.first_day``). The index was a B-tree
every act wrote to: one page in each act's commit, about a sixteenth of what an intake fsyncs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_at_utc", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_at_utc", "events", ["at_utc"], unique=False)
