"""The SQLite schema as typed SQLAlchemy models: the event log, its read models and reference data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SettingRecord(Base):
    """Commune settings and the node's identity, one JSON value per key."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class UserRecord(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))


class ProcedureRecord(Base):
    """A catalog entry; ``data`` is the whole procedure as the catalog module serialises it."""

    __tablename__ = "procedures"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)
    field: Mapped[str] = mapped_column(String(200), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    data: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[str] = mapped_column(String(40))


class CalendarOverrideRecord(Base):
    __tablename__ = "calendar_overrides"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # ISO date
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))


class EventRecord(Base):
    """The append-only log. ``data`` keeps the canonical JSON text so hashes verify byte for byte."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    node: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 with the device's UTC offset
    at_utc: Mapped[str] = mapped_column(String(40))  # sortable UTC key
    actor: Mapped[str] = mapped_column(String(64))
    dossier: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)
    prev: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    v: Mapped[int] = mapped_column(Integer, default=1)
    stored_at: Mapped[str] = mapped_column(String(40))  # when this database learned of it
    __table_args__ = (
        UniqueConstraint("node", "seq", name="uq_events_node_seq"),
        Index("ix_events_dossier", "dossier"),
    )


class NodeChainRecord(Base):
    """The head of each known node's hash chain (this PC's and its siblings')."""

    __tablename__ = "node_chains"
    node: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    last_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class DayCounterRecord(Base):
    """This node's last daily number per day, for dossier codes."""

    __tablename__ = "day_counters"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class DossierRecord(Base):
    """Read model: one row per dossier, rebuilt from the fold after every event."""

    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(32))
    procedure_code: Mapped[str] = mapped_column(String(40))
    procedure_name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))
    applicant_name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text)
    id_number: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[str | None] = mapped_column(String(40), nullable=True)  # UTC key
    appointment: Mapped[str | None] = mapped_column(String(40), nullable=True)  # UTC key
    rescheduled_to: Mapped[str | None] = mapped_column(String(40), nullable=True)
    resolved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    holder_user: Mapped[str] = mapped_column(String(64))
    holder_unit: Mapped[str] = mapped_column(String(200))
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[str] = mapped_column(String(40))
    state: Mapped[Any] = mapped_column(JSON)
    # The facts the periodic report reads (0004), also in ``state``; times as UTC keys.
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_event_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    supplement_requested_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    responsible_unit: Mapped[str] = mapped_column(String(200), server_default=text("''"))
    supplement_requests_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    satisfaction: Mapped[str] = mapped_column(String(16), server_default=text("''"))
    result_digitised: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    refusal_reason: Mapped[str] = mapped_column(Text, server_default=text("''"))
    components_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    components_digitised: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    payment: Mapped[str] = mapped_column(String(16), server_default=text("''"))  # not in state
    __table_args__ = (
        Index("ix_dossiers_status_appointment", "status", "appointment"),
        Index("ix_dossiers_name_folded", "name_folded"),  # names typed from their start
        Index("ix_dossiers_received_at", "received_at"),
        # The counter's refusals alone (the reports' earliest day): no other act writes to it.
        Index(
            "ix_dossiers_counter_refusals",
            "status",
            "closed_at",
            sqlite_where=text("status = 'refused_at_counter'"),
        ),
    )


# Full-text index over what a clerk types into the one search box (``services.lookup``): the
# applicant's folded name (diacritics removed, đ -> d), the ID number and the phone (0007). Its
# triggers keep it (external content: the text is stored once, in dossiers). The prefix indexes
# make a one- or two-letter last word ("tran thi h") or the first digits of a phone a single
# doclist read.
SEARCH_KEYS = ("id_number", "phone")  # typed as digits, each matched in its own column
SEARCH_COLUMNS = ("name_folded", *SEARCH_KEYS)

# New dossiers join the index in batches (0005). Each commit of a full-text write adds a segment
# and rewrites the index's structure, a third of the pages an intake wrote; a batch of
# SEARCH_BATCH rows is one segment. ``dossier_search_mark.upto`` is the last id indexed:
# every row at or below it is in the index as it stands, no row above it is. The insert that
# brings the tail above the mark to SEARCH_BATCH rows indexes all of it, in its own transaction,
# so the tail never grows longer whoever writes (the app, the CLI, a sync). Searches read the
# short tail from the table itself (``services.lookup``).
SEARCH_BATCH = 64
SEARCH_MARK_DDL = (
    "CREATE TABLE dossier_search_mark ("
    "id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL)"
)
_MARK = "(SELECT upto FROM dossier_search_mark)"
SEARCH_TRIGGERS = ("dossiers_ai", "dossiers_ad", "dossiers_au")


def _search_ddl(columns: tuple[str, ...]) -> tuple[str, tuple[str, ...], str]:
    """The batched search index over ``columns``: its table, its triggers, and the statement that
    puts the whole tail into it at once (an audit, or a migration's way back)."""
    names = ", ".join(columns)
    table = (
        f"CREATE VIRTUAL TABLE dossier_search USING fts5({names}, content='dossiers', "
        "content_rowid='id', tokenize='unicode61', prefix='1 2 3')"
    )
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    index_row = f"INSERT INTO dossier_search(rowid, {names}) VALUES (new.id, {new})"
    unindex_row = f"INSERT INTO dossier_search(dossier_search, rowid, {names}) VALUES ('delete', old.id, {old})"
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    triggers = (
        # One trigger, its statements in this order (SQLite fires separate triggers in no order to
        # rely on): an id at or below the mark (reused after a delete) is indexed at once; an id
        # that fills the batch indexes the whole tail; then the mark moves. Any other insert (63 in
        # 64) does not run it at all.
        "CREATE TRIGGER dossiers_ai AFTER INSERT ON dossiers "
        f"WHEN new.id <= {_MARK} OR new.id >= {_MARK} + {SEARCH_BATCH} BEGIN "
        f"INSERT INTO dossier_search(rowid, {names}) SELECT new.id, {new} WHERE new.id <= {_MARK}; "
        f"INSERT INTO dossier_search(rowid, {names}) SELECT id, {names} FROM dossiers "
        f"WHERE new.id >= {_MARK} + {SEARCH_BATCH} AND id > {_MARK} ORDER BY id; "
        "UPDATE dossier_search_mark SET upto = (SELECT MAX(id) FROM dossiers) "
        f"WHERE new.id >= upto + {SEARCH_BATCH}; END",
        f"CREATE TRIGGER dossiers_ad AFTER DELETE ON dossiers WHEN old.id <= {_MARK} "
        f"BEGIN {unindex_row}; END",
        f"CREATE TRIGGER dossiers_au AFTER UPDATE OF {names} ON dossiers "
        f"WHEN ({changed}) AND old.id <= {_MARK} BEGIN {unindex_row}; {index_row}; END",
    )
    index_tail = (
        f"INSERT INTO dossier_search(rowid, {names}) "
        f"SELECT id, {names} FROM dossiers WHERE id > {_MARK} ORDER BY id"
    )
    return table, triggers, index_tail


SEARCH_TABLE_DDL, SEARCH_TRIGGERS_DDL, INDEX_SEARCH_TAIL = _search_ddl(SEARCH_COLUMNS)
# The index as released before 0007, over the name alone: its table since 0002, its batched
# triggers since 0005.
NAME_SEARCH_TABLE_DDL, NAME_SEARCH_TRIGGERS_DDL, NAME_INDEX_SEARCH_TAIL = _search_ddl(
    ("name_folded",)
)
# The rows not yet in the index, read by their ids (at most SEARCH_BATCH - 1 of them).
SEARCH_TAIL = f"SELECT id, {', '.join(SEARCH_COLUMNS)} FROM dossiers WHERE id > {_MARK}"

# The triggers as released in 0001 to 0004: every insert indexed in its own transaction.
SEARCH_TRIGGERS_V1_DDL = (
    "CREATE TRIGGER dossiers_ai AFTER INSERT ON dossiers BEGIN "
    "INSERT INTO dossier_search(rowid, name_folded) VALUES (new.id, new.name_folded); END",
    "CREATE TRIGGER dossiers_ad AFTER DELETE ON dossiers BEGIN "
    "INSERT INTO dossier_search(dossier_search, rowid, name_folded) "
    "VALUES ('delete', old.id, old.name_folded); END",
    "CREATE TRIGGER dossiers_au AFTER UPDATE OF name_folded ON dossiers "
    "WHEN old.name_folded IS NOT new.name_folded BEGIN "
    "INSERT INTO dossier_search(dossier_search, rowid, name_folded) "
    "VALUES ('delete', old.id, old.name_folded); "
    "INSERT INTO dossier_search(rowid, name_folded) VALUES (new.id, new.name_folded); END",
)
SEARCH_TRIGGERS_V1 = ("dossiers_ai", "dossiers_ad", "dossiers_au")


class SyncStateRecord(Base):
    """This node's link to the hub (one row): key, request counter, pull cursor, last outcome."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hub_url: Mapped[str] = mapped_column(Text)
    commune: Mapped[str] = mapped_column(String(40))
    node_key: Mapped[str] = mapped_column(String(64))
    counter: Mapped[int] = mapped_column(Integer, default=0)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)  # the log after it waits to go up
    catalog_version: Mapped[int] = mapped_column(Integer, default=0)
    calendar_version: Mapped[int] = mapped_column(Integer, default=0)
    users_version: Mapped[int] = mapped_column(Integer, default=0)
    enrolled_at: Mapped[str] = mapped_column(String(40))
    online: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    last_attempt: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_success: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error_code: Mapped[str | None] = mapped_column(String(64), nullable=True)


class SyncClockRecord(Base):
    """The hub's clock against this PC's at each sync (skew = hub - node, at mid round trip)."""

    __tablename__ = "sync_clock"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_at: Mapped[str] = mapped_column(String(40))
    hub_at: Mapped[str] = mapped_column(String(40))
    skew_ms: Mapped[int] = mapped_column(Integer)
    rtt_ms: Mapped[int] = mapped_column(Integer)


class SyncRejectionRecord(Base):
    """This node's events the hub did not accept, with its reason, for the admin to see."""

    __tablename__ = "sync_rejections"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))
