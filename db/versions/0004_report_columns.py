"""Report facts as read-model columns: the periodic report no longer reads the JSON state.

The columns are filled from each row's JSON state with the conversions ``eventstore.project``
uses, so an upgraded row equals the row a fresh projection of its events writes: texts and
counts as they are, times as UTC keys (``storage.timekeys``). The payment method is new in this
version: no act recorded it before, so every existing row has none.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from motcua_desktop.storage.timekeys import utc_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIMES = ("closed_at", "last_event_at", "supplement_requested_at")
# column -> (type, default of a row that has no such fact)
FACTS = {
    "responsible_unit": (sa.String(length=200), "''"),
    "supplement_requests_count": (sa.Integer(), "0"),
    "satisfaction": (sa.String(length=16), "''"),
    "result_digitised": (sa.Boolean(), "0"),
    "refusal_reason": (sa.Text(), "''"),
    "components_count": (sa.Integer(), "0"),
    "components_digitised": (sa.Integer(), "0"),
    "payment": (sa.String(length=16), "''"),
}
BACKFILLED = [name for name in FACTS if name != "payment"]


def _utc_key(value: str | None) -> str | None:
    """A time of the JSON state (ISO with its offset, as the fold wrote it) as a UTC key."""
    return utc_key(datetime.fromisoformat(value)) if value else None


def upgrade() -> None:
    for name in TIMES:
        op.add_column("dossiers", sa.Column(name, sa.String(length=40), nullable=True))
    for name, (kind, default) in FACTS.items():
        op.add_column(
            "dossiers",
            sa.Column(name, kind, nullable=False, server_default=sa.text(default)),
        )
    driver = op.get_bind().connection.driver_connection
    driver.create_function("motcua_utc_key", 1, _utc_key, deterministic=True)
    assignments = [f"{name} = motcua_utc_key(json_extract(state, '$.{name}'))" for name in TIMES]
    assignments += [
        f"{name} = COALESCE(json_extract(state, '$.{name}'), {FACTS[name][1]})"
        for name in BACKFILLED
    ]
    op.execute(f"UPDATE dossiers SET {', '.join(assignments)}")


def downgrade() -> None:
    for name in reversed([*TIMES, *FACTS]):
        op.drop_column("dossiers", name)
