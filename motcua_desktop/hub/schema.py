"""The hub's PostgreSQL (or embedded SQLite) schema as SQLAlchemy Core tables."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.dialects import postgresql

metadata = MetaData()

# Event ids: native uuid on PostgreSQL (a smaller, faster primary key), text on SQLite.
EVENT_ID = String(36).with_variant(postgresql.UUID(as_uuid=False), "postgresql")

# One row per commune; ``last_pos`` numbers the commune's accepted events gaplessly (the pull
# cursor). Updating it locks the row until commit, so positions become visible in order.
communes = Table(
    "communes",
    metadata,
    Column("unit_code", String(40), primary_key=True),
    Column("name", Text, nullable=False, server_default=""),
    Column("last_pos", BigInteger, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

enroll_codes = Table(
    "enroll_codes",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("commune", String(40), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_by", String(64), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# An enrolled node, its key, the head of its hash chain as the hub holds it and the request
# counter that makes every signed request usable once.
nodes = Table(
    "nodes",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("commune", String(40), nullable=False),
    Column("slot", Integer, nullable=False),
    Column("label", Text, nullable=False, server_default=""),
    Column("key", String(64), nullable=False),
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("last_seq", BigInteger, nullable=False, server_default="0"),
    Column("last_hash", String(64), nullable=False),
    Column("counter", BigInteger, nullable=False, server_default="0"),
    Column("enrolled_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=True),
    Column("last_skew_ms", BigInteger, nullable=True),
)

# The commune's accepted events; ``wire`` is the canonical JSON, served to siblings as is.
events = Table(
    "events",
    metadata,
    Column("id", EVENT_ID, nullable=False),
    Column("commune", String(40), nullable=False),
    Column("pos", BigInteger, nullable=False),
    Column("node", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("at_utc", DateTime(timezone=True), nullable=False),
    Column("dossier", String(64), nullable=False),
    Column("type", String(32), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("wire", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    # Two indexes only: every index costs the bulk apply. A node's seqs are unique by
    # construction (one chain head per node, moved under its row lock).
    PrimaryKeyConstraint("id", name="pk_events"),
    UniqueConstraint("commune", "pos", name="uq_events_commune_pos"),
)

# Events that continue their node's chain but were not accepted (e.g. a clock far off): kept so
# the chain still verifies past them, listed for the node's admin, never sent to siblings.
rejected_events = Table(
    "rejected_events",
    metadata,
    Column("id", EVENT_ID, primary_key=True),
    Column("commune", String(40), nullable=False),
    Column("node", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("reason", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Column("wire", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("node", "seq", name="uq_rejected_node_seq"),
)

# The node's clock against the hub's at each sync (the skew the design asks the hub to record).
clock_records = Table(
    "clock_records",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("node", String(64), nullable=False),
    Column("hub_at", DateTime(timezone=True), nullable=False),
    Column("node_at", Text, nullable=False),
    Column("skew_ms", BigInteger, nullable=False),
    Index("ix_clock_records_node", "node", "hub_at"),
)

# Requests refused as a whole (bad input, bad signature, broken chain): the hub's audit log.
refusals = Table(
    "refusals",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("node", String(64), nullable=True),
    Column("path", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("reason", String(40), nullable=False),
    Column("detail", Text, nullable=False),
)

# Downward data published by the hub admin for a commune: catalog, calendar overrides, users.
downward = Table(
    "downward",
    metadata,
    Column("commune", String(40), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("commune", "kind", "version", name="pk_downward"),
)
