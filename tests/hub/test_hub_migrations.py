"""The hub's own Alembic history upgrades a PostgreSQL database that already holds events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import psycopg
from alembic import command
from alembic.config import Config
from hub_helpers import PG_ADMIN, pg_url_of
from sqlalchemy import inspect, text

from motcua_desktop.hub.store import MIGRATIONS_DIR, make_engine, migrate


def _config(conn) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


def test_upgrading_from_the_first_revision_keeps_events_and_makes_ids_uuid(pg_url):
    name = f"motcua_hub_mig_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(pg_url_of(name))
    try:
        with engine.begin() as conn:
            command.upgrade(_config(conn), "hub0001")
        event_id = str(uuid.uuid4())
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO events (id, commune, pos, node, seq, at_utc, dossier, type, hash, "
                    "wire, received_at) VALUES (:id, 'X', 1, 'n', 1, :t, 'd', 'received', 'h', "
                    "'{}', :t)"
                ),
                {"id": event_id, "t": datetime.now(UTC)},
            )
        migrate(engine)
        columns = {c["name"]: str(c["type"]) for c in inspect(engine).get_columns("events")}
        assert columns["id"] == "UUID"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id::text, wire FROM events")).all() == [
                (event_id, "{}")
            ]
        with engine.begin() as conn:
            command.downgrade(_config(conn), "hub0001")
        columns = {c["name"]: str(c["type"]) for c in inspect(engine).get_columns("events")}
        assert columns["id"] == "VARCHAR(36)"
    finally:
        engine.dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
