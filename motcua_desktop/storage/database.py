"""Opening the local SQLite database: durability pragmas, explicit transactions, migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DB_FILENAME = "motcua.sqlite3"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control from the sqlite3 module: SQLAlchemy's "begin" hook below issues
    # BEGIN itself, so SAVEPOINTs and transactional DDL behave (pysqlite's legacy mode does not).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _on_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN (IMMEDIATE) so two writers never deadlock on upgrade.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path | str) -> Engine:
    """An engine on one SQLite file with WAL, synchronous=FULL and foreign keys on."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@dataclass
class Database:
    """The node's database: one engine, a session factory for reads and one for writes.

    ``hold_writes(gate)`` makes every write transaction call ``gate()`` first: the app opens its
    data before the whole-file check has finished (``services.startup``), and no act may write to
    a file that check could still find damaged. The gate blocks until the verdict and raises when
    the file is damaged; once it has returned it is dropped and writes go straight through.
    """

    path: Path
    engine: Engine
    _gate: Callable[[], None] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    def hold_writes(self, gate: Callable[[], None]) -> None:
        """Make every write wait for ``gate()`` (which raises to refuse it) until it passes once."""
        self._gate = gate

    def _pass_gate(self) -> None:
        gate = self._gate
        if gate is not None:
            gate()  # raises while the file is damaged: the gate stays, every write is refused
            self._gate = None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work (WAL: never blocks the writer)."""
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction for one act: everything it writes commits together or not at all."""
        self._pass_gate()
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def writing_raw(self) -> Iterator[sqlite3.Connection]:
        """The same one-transaction unit of work on the bare driver connection (hot paths).

        The connection comes from the engine's pool with the same pragmas; BEGIN IMMEDIATE and
        COMMIT are explicit, and any exception rolls everything back.
        """
        self._pass_gate()
        pooled = self.engine.raw_connection()
        conn: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            pooled.close()

    def dispose(self) -> None:
        self.engine.dispose()
